"""Records archdoc cannot read completely are kept, reported and never edited; symbolic links are
written through."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archdoc.adr import NewAdr, change_status, create_adr, link_adrs, load_log
from archdoc.config import ArchdocConfig
from archdoc.errors import AdrError
from archdoc.validation.registry import RuleContext, run_rules

BROKEN = (
    "---\nstatus: accepted\ndate: 2024-02-01\ndecision-makers: [Ana, Bram\nconsulted: [Cleo]\n"
    "informed: [Dev]\n---\n\n# Use Redis\n"
)  # the broken line is line 4, not the last


@pytest.fixture
def log_with_a_broken_record(tmp_path: Path) -> ArchdocConfig:
    adr = tmp_path / "adr"
    adr.mkdir()
    (adr / "0001-use-kafka.md").write_text(
        "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use Kafka\n"
    )
    (adr / "0002-use-redis.md").write_text(BROKEN)
    (adr / "0003-cache.md").write_text(
        "---\nstatus: accepted\ndate: 2024-03-01\nrelates: [2]\n---\n# Cache pages\n")
    return ArchdocConfig(root=tmp_path)


def test_the_record_stays_in_the_log_with_what_could_be_read(
    log_with_a_broken_record: ArchdocConfig,
) -> None:
    log = load_log(log_with_a_broken_record)
    record = log.require(2)
    assert (record.title, record.status, record.problem_line) == ("Use Redis", "unknown", 4)
    assert record.problem.startswith("front matter is not valid YAML")
    context = RuleContext(config=log_with_a_broken_record, adrs=log)
    rules = sorted({d.rule for d in run_rules(context)})
    assert rules == ["adr-parse-error"]  # no false dangling link, gap, missing date or status


@pytest.mark.parametrize("edit", [
    lambda c: change_status(c, 2, "deprecated"),
    lambda c: link_adrs(c, 3, 2, "supersedes"),
    lambda c: link_adrs(c, 2, 1, "relates"),
    lambda c: create_adr(c, NewAdr("Use Valkey", supersedes=[2])),
])
def test_archdoc_refuses_to_edit_it_and_says_why(  # type: ignore[no-untyped-def]
    log_with_a_broken_record: ArchdocConfig, edit
) -> None:
    adr = log_with_a_broken_record.adr_path
    before = {p.name: p.read_bytes() for p in adr.iterdir()}
    with pytest.raises(AdrError) as info:
        edit(log_with_a_broken_record)
    assert info.value.message.startswith(
        "ADR-0002 cannot be changed: front matter is not valid YAML"
    )
    assert info.value.location is not None and info.value.location.line == 4
    assert {p.name: p.read_bytes() for p in adr.iterdir()} == before


def test_editing_through_a_symbolic_link_writes_to_its_target(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "use-kafka.md"
    target.write_text("---\nstatus: proposed\ndate: 2024-01-01\n---\n# Use Kafka\n")
    adr = tmp_path / "adr"
    adr.mkdir()
    link = adr / "0001-use-kafka.md"
    link.symlink_to(os.path.relpath(target, adr))
    config = ArchdocConfig(root=tmp_path)
    change_status(config, 1, "accepted")
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert "status: accepted" in target.read_text()
    create_adr(config, NewAdr("Use Pulsar", status="accepted", supersedes=[1]))
    assert link.is_symlink()
    assert "status: superseded by ADR-0002" in target.read_text()
    assert not list(shared.glob(".*.tmp")) and not list(adr.glob(".*.tmp"))
