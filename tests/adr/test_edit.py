"""Editing existing records: only status and link lines change, every other byte stays."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from archdoc.adr import NewAdr, change_status, create_adr, link_adrs, load_log
from archdoc.adr.edit import add_link, set_status
from archdoc.config import ArchdocConfig
from archdoc.errors import AdrError


def _changed(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two versions, with their line endings."""
    a, b = before.decode().splitlines(True), after.decode().splitlines(True)
    removed, added = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


def _bytes(config: ArchdocConfig) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in config.adr_path.iterdir() if p.is_file()}


def test_supersede_adr_tools_record(fixture_copy) -> None:  # type: ignore[no-untyped-def]
    config = fixture_copy("adr-tools")
    before = _bytes(config)
    new = create_adr(config, NewAdr("Keep orders in Postgres", supersedes=[4], template="nygard"))
    # proposed: the new record says it supersedes 4; record 4 is untouched until it is accepted
    assert {k: v for k, v in _bytes(config).items() if k in before} == before
    assert load_log(config).require(4).status == "accepted"
    change_status(config, new.number, "accepted")
    after = _bytes(config)
    removed, added = _changed(before["0004-stream-orders-through-kafka.md"],
                              after["0004-stream-orders-through-kafka.md"])
    assert removed == ["Accepted\n"]
    assert (
        added
        == [
            "Superseded\n",
            "\n",
            "Superseded by [6. Keep orders in Postgres](0006-keep-orders-in-postgres.md)\n",
            "\n",
        ]
        or added[0] == "Superseded\n"
    )
    others = {k: v for k, v in before.items() if k != "0004-stream-orders-through-kafka.md"}
    assert all(after[k] == v for k, v in others.items())  # nothing else touched
    log = load_log(config)
    assert log.require(4).status == "superseded" and log.successors(4) == [new.number]
    assert log.require(6).links_of("supersedes") == [4]


@pytest.mark.parametrize(
    ("fixture", "old", "new_status_line"),
    [
        ("madr2", 3, "* Status: superseded by [ADR-0005](0005-next.md)\n"),
        ("madr3", 1, "status: superseded by ADR-0003\n"),
        ("madr4", 2, "status: superseded by ADR-0004\n"),
        ("log4brains", 3, "- Status: superseded by [20240601-next](20240601-next.md)\n"),
    ],
)
def test_supersede_changes_only_the_status_line(  # type: ignore[no-untyped-def]
    fixture, old, new_status_line, fixture_copy
) -> None:
    config = fixture_copy(fixture)
    target = load_log(config).require(old).file
    before = target.read_bytes()
    new = create_adr(config, NewAdr("Next", status="accepted", supersedes=[old],
                                    date=dt.date(2024, 6, 1)))
    removed, added = _changed(before, target.read_bytes())
    assert len(removed) == 1 and "status" in removed[0].lower()
    assert added == [new_status_line]
    log = load_log(config)
    assert log.require(old).status == "superseded"
    assert log.successors(old) == [new.number]


def test_crlf_and_bom_survive_an_edit(tmp_path: Path) -> None:
    adr_dir = tmp_path / "adr"
    adr_dir.mkdir()
    text = (
        "# 1. Old\r\n\r\nDate: 2024-01-02\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n"
        "## Context\r\n\r\nKeep   odd  spacing\t\r\n"
    )
    path = adr_dir / "0001-old.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    change_status(ArchdocConfig(root=tmp_path), 1, "accepted")
    assert path.read_bytes() == b"\xef\xbb\xbf" + text.replace("Proposed", "Accepted").encode()


def test_file_without_final_newline(tmp_path: Path) -> None:
    text = "---\nstatus: accepted\n---\n\n# Old"
    path = tmp_path / "0001-old.md"
    path.write_text(text, encoding="utf-8")
    new_text = set_status(text, path, "deprecated")
    assert new_text == text.replace("accepted", "deprecated")


def test_status_lifecycle(project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("A"))
    change_status(project, 1, "accepted")
    with pytest.raises(AdrError) as info:
        change_status(project, 1, "proposed")
    assert "deprecated, superseded" in (info.value.hint or "")
    with pytest.raises(AdrError):
        change_status(project, 1, "bogus")
    with pytest.raises(AdrError):
        change_status(project, 9, "accepted")


def test_custom_lifecycle(tmp_path: Path) -> None:
    config = ArchdocConfig(root=tmp_path, adr_statuses=["idea", "adopted", "dropped"],
                           adr_transitions={"idea": ["adopted", "dropped"]})
    create_adr(config, NewAdr("A", status="idea"))
    _, after = change_status(config, 1, "adopted")
    assert after.status == "adopted"
    with pytest.raises(AdrError):
        change_status(config, 1, "idea")


@pytest.mark.parametrize("kind", ["amends", "relates", "supersedes"])
def test_link_writes_both_files(kind: str, project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("Old", status="accepted", template="nygard"))
    create_adr(project, NewAdr("New", status="accepted"))
    link_adrs(project, 2, 1, kind)  # type: ignore[arg-type]
    log = load_log(project)
    inverse = {"amends": "amended-by", "relates": "relates", "supersedes": "superseded-by"}[kind]
    assert log.require(2).links_of(kind) == [1]
    assert log.require(1).links_of(inverse) == [2]
    link_adrs(project, 2, 1, kind)  # type: ignore[arg-type]  # twice: no duplicate lines
    assert load_log(project).require(2).links_of(kind) == [1]


def test_unknown_targets_write_nothing(project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("A", status="accepted"))
    before = _bytes(project)
    with pytest.raises(AdrError):
        create_adr(project, NewAdr("B", supersedes=[7]))
    with pytest.raises(AdrError):
        create_adr(project, NewAdr("C", relates=[1], supersedes=[1], status="nonsense"))
    assert _bytes(project) == before


def test_add_link_is_idempotent(tmp_path: Path, project: ArchdocConfig) -> None:
    a = create_adr(project, NewAdr("A"))
    b = create_adr(project, NewAdr("B"))
    text = b.file.read_text(encoding="utf-8")
    once = add_link(text, b.file, "relates", a)
    assert add_link(once, b.file, "relates", a) == once
