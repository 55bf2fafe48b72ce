"""Superseding: the successor's status decides what the older record says; no circles."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.adr import NewAdr, change_status, create_adr, link_adrs, load_log, read_log
from archdoc.config import ArchdocConfig
from archdoc.errors import AdrError
from archdoc.validation.registry import RuleContext, run_rules


def findings(config: ArchdocConfig) -> list[tuple[str, str]]:
    context = RuleContext(config=config, adrs=load_log(config))
    return [(d.rule, d.message) for d in run_rules(context)]


def files(config: ArchdocConfig) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(config.adr_path.iterdir())}


def test_the_adr_tools_first_try_works(project: ArchdocConfig) -> None:
    """`new-adr A`, then `new-adr --supersedes 1 B`: both proposed; B supersedes A once accepted."""
    create_adr(project, NewAdr("Use MySQL"))
    first = files(project)
    second = create_adr(project, NewAdr("Use PostgreSQL", supersedes=[1]))
    log = load_log(project)
    assert (log.require(1).status, log.require(2).status) == ("proposed", "proposed")
    assert log.require(2).links_of("supersedes") == [1]
    assert files(project)["0001-use-mysql.md"] == first["0001-use-mysql.md"]  # untouched
    assert findings(project) == []  # a pending successor is not a half-done supersede
    change_status(project, second.number, "accepted")
    log = load_log(project)
    assert log.require(1).status == "superseded"
    assert log.require(1).links_of("superseded-by") == [2]
    assert findings(project) == []


def test_an_accepted_successor_supersedes_at_once(project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("Use MySQL", status="accepted"))
    create_adr(project, NewAdr("Use PostgreSQL", status="accepted", supersedes=[1]))
    assert load_log(project).require(1).status == "superseded"
    assert findings(project) == []


@pytest.mark.parametrize("status", ["draft", "proposed", "rejected"])
def test_a_successor_that_is_not_in_force_leaves_the_old_record(project: ArchdocConfig,
                                                                status: str) -> None:
    create_adr(project, NewAdr("Use MySQL", status="accepted"))
    create_adr(project, NewAdr("Use PostgreSQL", status=status, supersedes=[1]))
    assert load_log(project).require(1).status == "accepted"
    assert findings(project) == []


def test_a_proposed_record_can_be_superseded(project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("Use MySQL"))  # proposed
    create_adr(project, NewAdr("Use PostgreSQL", status="accepted", supersedes=[1]))
    assert load_log(project).require(1).status == "superseded"


def test_a_rejected_record_cannot_be_superseded(project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("Use MySQL", status="rejected"))
    before = files(project)
    with pytest.raises(AdrError, match="cannot go from 'rejected' to 'superseded'"):
        create_adr(project, NewAdr("Use PostgreSQL", supersedes=[1]))
    assert files(project) == before


def test_link_follows_the_same_rule(project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("Use MySQL", status="accepted"))
    create_adr(project, NewAdr("Use PostgreSQL"))
    link_adrs(project, 2, 1, "supersedes")
    assert load_log(project).require(1).status == "accepted"
    change_status(project, 2, "accepted")
    assert load_log(project).require(1).status == "superseded"


def test_half_done_supersede_is_an_error(project: ArchdocConfig) -> None:
    create_adr(project, NewAdr("Use MySQL", status="accepted"))
    create_adr(project, NewAdr("Use PostgreSQL"))
    link_adrs(project, 2, 1, "supersedes")
    path = project.adr_path / "0002-use-postgresql.md"  # accepted by a hand edit of one file
    path.write_text(path.read_text().replace("status: proposed", "status: accepted"))
    context = RuleContext(config=project, adrs=load_log(project))
    [d] = [d for d in run_rules(context) if d.rule == "adr-incomplete-supersede"]
    assert d.severity == "error"
    assert d.hint == "run `archdoc adr link 2 1 --type supersedes`"
    link_adrs(project, 2, 1, "supersedes")  # the hint finishes it
    assert findings(project) == []


@pytest.mark.parametrize("chain", [[(2, 3)], [(2, 3), (3, 4)]])
def test_a_supersede_that_closes_a_circle_is_refused(project: ArchdocConfig,
                                                     chain: list[tuple[int, int]]) -> None:
    for title in ("A", "B", "C", "D"):
        create_adr(project, NewAdr(title, status="accepted"))
    for source, target in chain:
        link_adrs(project, source, target, "supersedes")
    before = files(project)
    last = chain[-1][1]
    with pytest.raises(AdrError) as info:
        link_adrs(project, last, 2, "supersedes")
    assert info.value.message.startswith(
        f"ADR-{last:04d} cannot supersede ADR-0002: ADR-0002 already supersedes it")
    assert files(project) == before


def test_a_circle_on_disk_is_reported(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    adr.mkdir()
    (adr / "0001-a.md").write_text(
        "---\nstatus: superseded by ADR-0002\ndate: 2024-01-01\nsupersedes: [2]\n---\n# A\n")
    (adr / "0002-b.md").write_text(
        "---\nstatus: superseded by ADR-0001\ndate: 2024-01-01\nsupersedes: [1]\n---\n# B\n")
    context = RuleContext(config=ArchdocConfig(root=tmp_path), adrs=read_log(adr))
    found = [
        (d.rule, d.severity, d.message)
        for d in run_rules(context)
        if d.rule == "adr-supersede-cycle"
    ]
    assert found == [
        (
            "adr-supersede-cycle",
            "error",
            "supersede cycle: ADR-0001 -> ADR-0002 -> ADR-0001 (read 'is superseded by')",
        )
    ]
