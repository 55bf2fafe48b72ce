"""Reading existing ADR directories as teams wrote them (fixtures/ holds one per format)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from archdoc.adr import normalise_status, read_log
from archdoc.adr.discover import parse_file_name
from archdoc.adr.parse import parse_adr_text, parse_date

FIXTURES = Path(__file__).parent / "fixtures"


def _log(name: str):  # type: ignore[no-untyped-def]
    return read_log(FIXTURES / name)


def test_adr_tools_directory() -> None:
    log = _log("adr-tools")
    assert [r.number for r in log] == [1, 2, 3, 4, 5]  # README, template.md, the image excluded
    assert not log.warnings
    two = log.require(2)
    assert two.format == "nygard"
    assert two.title == "Queue orders in RabbitMQ"
    assert two.status == "superseded"  # "Superceded by [4. ...]" spelling
    assert two.date == dt.date(2019, 3, 12) and not two.date_iso  # 12/03/2019
    assert [(lk.kind, lk.target, lk.line) for lk in two.links] == [("superseded-by", 4, 7)]
    four = log.require(4)
    assert four.date == dt.date(2024, 1, 31) and four.date_text == "31/01/2024"
    assert four.links_of("supersedes") == [2]  # "Supercedes"
    assert log.require(3).title == "R&D budget tracking"
    assert [(lk.kind, lk.target) for lk in log.require(5).links] == [("clarifies", 3)]
    assert "We will keep lightweight" in log.require(1).body
    assert log.require(1).lines["title"] == 1


def test_madr2_bullets() -> None:
    log = _log("madr2")
    one, two = log.require(1), log.require(2)
    assert one.format == "madr2" and one.deciders == ["Ana", "Bram"]
    assert one.date == dt.date(2020, 5, 4)
    assert two.status == "superseded"
    kinds = [(lk.kind, lk.target) for lk in two.links]
    assert kinds == [("superseded-by", 3), ("refined-by", 4)]  # the https link is not an ADR
    assert log.require(4).links_of("refines") == [2]


def test_madr3_front_matter() -> None:
    log = _log("madr3")
    one, two = log.require(1), log.require(2)
    assert one.format == "madr3"
    assert one.deciders == ["Dana", "Eli"] and one.consulted == ["Search guild"]
    assert one.extra == {"review-by": "2023-11-01"}  # unknown keys are kept
    assert two.status == "accepted" and not two.status_declared  # missing status: accepted
    assert two.deciders == ["Dana", "Fay"]


def test_madr4_front_matter() -> None:
    log = _log("madr4")
    one, two, three = log.require(1), log.require(2), log.require(3)
    assert one.format == "madr4"
    assert one.status == "superseded" and one.links_of("superseded-by") == [2]
    assert one.deciders == ["Gil", "Hana"] and one.informed == ["Support"]
    assert one.affects == ["shop.order-api"] and one.lines["affects"] == 7
    assert two.affects == ["shop.order-api", "shop.orders-db"]
    assert two.extra == {"ticket": "SHOP-123"}
    assert [(lk.kind, lk.target, lk.declared) for lk in log.links(2)] == [
        ("supersedes", 1, True), ("amended-by", 3, True),
    ]
    assert three.links_of("amends") == [2]


def test_log4brains_dated_files() -> None:
    log = _log("log4brains")
    assert [r.title for r in log] == [
        "Use Log4brains to manage the ADRs", "Use Markdown for docs", "Write ADRs with archdoc",
    ]
    assert all(r.number_source == "order" and r.format == "log4brains" for r in log)
    first, second, third = log.records
    assert first.tags == ["dev-tools", "doc"]
    assert first.status == "superseded" and first.links_of("superseded-by") == [3]
    assert second.status == "draft" and second.date == dt.date(2024, 2, 12)  # from the name
    assert third.links_of("supersedes") == [1]
    assert log.successors(1) == [3]


def test_unreadable_files_are_warnings_with_file_and_line() -> None:
    log = _log("broken")
    # every record is kept, with what could be read; the broken ones are marked
    assert [r.number for r in log] == [1, 2, 3, 4, 6]
    assert [(r.number, r.title, r.status, r.problem_line) for r in log if r.problem] == [
        (2, "Front matter never ends", "unknown", 1),
        (3, "Broken YAML list", "unknown", 4),
        (4, "Latin-1 caf\ufffd", "accepted", 5),
    ]
    where = [(w.location.file.rsplit("/", 1)[-1], w.location.line) for w in log.warnings]
    assert where == [
        ("0002-unclosed-front-matter.md", 1),
        ("0003-bad-yaml.md", 4),
        ("0004-not-utf8.md", 5),
    ]
    assert all(w.hint for w in log.warnings)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Accepted", "accepted"),
        ("Superceded by [3. X](0003-x.md)", "superseded"),
        ("superseded by ADR-0123", "superseded"),
        ("**Proposed**", "proposed"),
        ("Amended by [4. Y](0004-y.md)", "accepted"),
        ("In review", "in review"),
        ("", ""),
    ],
)
def test_normalise_status(text: str, status: str) -> None:
    assert normalise_status(text) == status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-31", (dt.date(2024, 1, 31), True)),
        ("31/01/2024", (dt.date(2024, 1, 31), False)),
        ("01/31/2024", (dt.date(2024, 1, 31), False)),  # month first only when day-first fails
        ("2024/01/31", (dt.date(2024, 1, 31), False)),
        (dt.date(2024, 1, 31), (dt.date(2024, 1, 31), True)),
        ("last tuesday", (None, False)),
        ("2024-02-30", (None, False)),
    ],
)
def test_parse_date(value: object, expected: tuple[object, bool]) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("name", "number", "prefix"),
    [
        ("0007-use-x.md", 7, ""),
        ("ADR-0015-database-scaling.md", 15, "ADR-"),
        ("adr_003_thing.md", 3, "adr_"),
        ("20240131-use-x.md", None, ""),
        ("use-x.md", None, ""),
    ],
)
def test_file_names(name: str, number: int | None, prefix: str) -> None:
    info = parse_file_name(name)
    assert (info.number, info.prefix) == (number, prefix)


@pytest.mark.parametrize(
    ("heading", "number", "title"),
    [
        (
            "# ADR-0001: Use PostgreSQL for Primary Database",
            1,
            "Use PostgreSQL for Primary Database",
        ),
        ("# 12. Title with 3. dots", 12, "Title with 3. dots"),
        ("# 2024 roadmap", None, "2024 roadmap"),
    ],
)
def test_numbers_in_titles(heading: str, number: int | None, title: str) -> None:
    record = parse_adr_text(f"{heading}\n\nBody.\n", Path("decision.md"))
    assert record.title == title
    assert record.number == (number or 0)
    assert record.number_source == ("title" if number else "order")


def test_crlf_and_bom_files(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    path.write_bytes(
        "\ufeff# 1. Crlf\r\n\r\nDate: 2024-01-02\r\n\r\n## Status\r\n\r\nAccepted\r\n".encode()
    )
    record = read_log(tmp_path).require(1)
    assert (record.title, record.status, record.date) == ("Crlf", "accepted", dt.date(2024, 1, 2))
