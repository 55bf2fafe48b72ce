"""Slugs, file names and titles: property tests from any title to a safe path."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archdoc.adr import NewAdr, create_adr, parse_adr, slugify
from archdoc.adr.operations import clean_title
from archdoc.adr.log import next_number
from archdoc.adr.write import MAX_SLUG, adr_file_name
from archdoc.config import ArchdocConfig
from archdoc.errors import AdrError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}

EDGE_TITLES = [
    "Use PostgreSQL & JSONB",
    "../../etc/passwd",
    "a/b\\c",
    "..",
    "Quote \"double\" and 'single'",
    "<script>alert(1)</script>",
    "Line one\nline two\r\nline three",
    "Emoji only 🚀🔥",
    "🚀🔥",
    "استخدام قاعدة بيانات",  # right-to-left
    "\u202eevil.md\u202c",  # right-to-left override
    "Café naïve façade",
    "x" * 300,
    "CON",
    "nul.txt",
    "Use C# and F#",
    "Ends with ##",
    "   padded   ",
]


@pytest.mark.parametrize("title", EDGE_TITLES)
def test_edge_titles_give_safe_names_and_keep_the_title(title: str, tmp_path: Path) -> None:
    config = ArchdocConfig(root=tmp_path)
    record = create_adr(config, NewAdr(title, date=dt.date(2024, 1, 1)))
    assert record.file.parent == tmp_path / "adr"
    assert record.file.name.startswith("0001-") and record.file.suffix == ".md"
    assert SLUG.match(record.file.name[5:-3])
    assert record.title == clean_title(title)
    assert parse_adr(record.file).title == clean_title(title)


def test_slug_examples() -> None:
    assert slugify("Use PostgreSQL & JSONB") == "use-postgresql-jsonb"
    assert slugify("Café naïve") == "cafe-naive"
    assert slugify("🚀") == "decision"
    assert slugify("../..") == "decision"
    assert len(slugify("word " * 100)) <= MAX_SLUG


@given(st.text())
def test_slug_is_always_safe(title: str) -> None:
    slug = slugify(title)
    assert SLUG.match(slug)
    assert len(slug) <= MAX_SLUG
    name = adr_file_name(12, title)
    assert not (set(name) & WINDOWS_FORBIDDEN)
    assert len(name.encode()) < 100
    assert ".." not in name and not name.startswith(".")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=120).filter(lambda t: t.strip() and "".join(t.split())))
def test_any_title_round_trips_through_a_file(title: str) -> None:
    try:
        expected = clean_title(title)
    except AdrError:
        return  # only control characters: refused with a hint
    with tempfile.TemporaryDirectory() as tmp:
        config = ArchdocConfig(root=Path(tmp))
        for template in ("madr", "nygard", "y-statement"):
            record = create_adr(config, NewAdr(title, template=template))
            assert record.file.parent == Path(tmp) / "adr"
            assert parse_adr(record.file).title == expected, template


def test_blank_title_is_refused(project: ArchdocConfig) -> None:
    with pytest.raises(AdrError) as info:
        create_adr(project, NewAdr(" \n\t "))
    assert info.value.hint


def test_never_overwrites_and_takes_next_number(project: ArchdocConfig) -> None:
    first = create_adr(project, NewAdr("Same title"))
    second = create_adr(project, NewAdr("Same title"))
    assert (first.number, second.number) == (1, 2)
    assert first.file != second.file


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["0001-a.md", "0002-b.md", "0007-c.md"], 8),
        (["ADR-0015-x.md", "README.md"], 16),
        (["20240101-a.md", "20240202-b.md"], 3),  # log4brains: numbered after the dated files
        (["0003-a.md", "20240202-b.md"], 4),  # the dated record takes the free number 1
        ([], 1),
    ],
)
def test_next_number_whatever_the_naming_style(
    names: list[str], expected: int, tmp_path: Path
) -> None:
    for name in names:
        (tmp_path / name).write_text("# T\n", encoding="utf-8")
    assert next_number(tmp_path) == expected


def test_prefix_style_of_the_directory_is_kept(tmp_path: Path) -> None:
    adr_dir = tmp_path / "adr"
    adr_dir.mkdir()
    (adr_dir / "ADR-0015-database-scaling.md").write_text("# ADR-0015: Scaling\n", encoding="utf-8")
    record = create_adr(ArchdocConfig(root=tmp_path), NewAdr("Next one"))
    assert record.file.name == "ADR-0016-next-one.md"


def test_new_records_never_move_the_numbers_of_existing_ones(tmp_path: Path) -> None:
    """A directory mixing numbered and unnumbered records: the unnumbered keep their numbers,
    so a link written to one of them a second ago still points at it."""
    adr_dir = tmp_path / "adr"
    adr_dir.mkdir()
    (adr_dir / "0001-a.md").write_text("---\nstatus: accepted\ndate: 2024-01-01\n---\n# A\n")
    (adr_dir / "0002-b.md").write_text("---\nstatus: accepted\ndate: 2024-01-01\n---\n# B\n")
    (adr_dir / "use-kafka.md").write_text("---\nstatus: accepted\ndate: 2024-01-01\n---\n# Kafka\n")
    (adr_dir / "20240101-dated.md").write_text("- Status: accepted\n\n# Dated\n")
    config = ArchdocConfig(root=tmp_path)
    from archdoc.adr import load_log

    numbers = {r.file.name: r.number for r in load_log(config)}
    assert numbers == {"0001-a.md": 1, "0002-b.md": 2, "20240101-dated.md": 3, "use-kafka.md": 4}
    create_adr(config, NewAdr("Relates to Kafka", relates=[4], date=dt.date(2024, 2, 1)))
    for title in ("Two", "Three"):
        create_adr(config, NewAdr(title, date=dt.date(2024, 2, 1)))
    after = {r.file.name: r.number for r in load_log(config)}
    assert {k: after[k] for k in numbers} == numbers
    log = load_log(config)
    assert log.require(5).links_of("relates") == [4]
    assert log.require(4).title == "Kafka" and log.links(4)[0].target == 5


def test_a_dated_directory_keeps_its_numbers_for_a_record_of_an_earlier_date(
    tmp_path: Path,
) -> None:
    adr_dir = tmp_path / "adr"
    adr_dir.mkdir()
    for name in ("20240110-a.md", "20240212-b.md"):
        (adr_dir / name).write_text(f"- Status: accepted\n- Date: {name[:8]}\n\n# {name}\n")
    config = ArchdocConfig(root=tmp_path)
    record = create_adr(config, NewAdr("Backfilled", date=dt.date(2023, 5, 1)))
    assert record.number == 3 and record.date == dt.date(2023, 5, 1)
    assert record.file.name > "20240212-b.md"  # named to sort last
