"""Golden files for every template: what `archdoc new-adr` writes, byte for byte.

Regenerate after an intended change with ``ARCHDOC_UPDATE_GOLDEN=1 pytest tests/adr``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from archdoc.adr import NewAdr, change_status, create_adr, parse_adr
from archdoc.config import ArchdocConfig

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ARCHDOC_UPDATE_GOLDEN") == "1"
DAY = dt.date(2024, 5, 6)


def _check(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE or not golden.exists():
        golden.write_text(actual, encoding="utf-8", newline="")
        if not UPDATE:
            pytest.fail(f"wrote missing golden file {golden}; review and commit it")
    assert actual == golden.read_text(encoding="utf-8"), f"differs from {golden}"


def _seed(config: ArchdocConfig) -> None:
    """Two accepted records to link to."""
    for title in ("Record architecture decisions", "Use PostgreSQL"):
        create_adr(config, NewAdr(title, status="accepted", date=DAY))


CASES = {
    "madr.md": NewAdr("Use PostgreSQL & JSONB for orders", date=DAY),
    "nygard.md": NewAdr("Use PostgreSQL & JSONB for orders", template="nygard", date=DAY),
    "y-statement.md": NewAdr("Use PostgreSQL & JSONB for orders", template="y-statement", date=DAY),
    "madr-linked.md": NewAdr("Use CockroachDB", date=DAY, supersedes=[2], relates=[1],
                             deciders=["Ana", "Bram: lead"]),
    "nygard-linked.md": NewAdr("Use CockroachDB", template="nygard", date=DAY, supersedes=[2],
                               amends=[1], deciders=["Ana", "Bram"]),
    "y-statement-linked.md": NewAdr("Use CockroachDB", template="y-statement", date=DAY,
                                    supersedes=[2], deciders=["Ana"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_template_golden(name: str, project: ArchdocConfig) -> None:
    request = CASES[name]
    if request.supersedes:
        _seed(project)
    record = create_adr(project, request)
    _check(name, record.file.read_text(encoding="utf-8"))
    again = parse_adr(record.file)
    assert again.title == request.title and again.status == "proposed"
    assert again.date == DAY and again.deciders == request.deciders
    if request.supersedes:
        # a proposed successor leaves the old record as it is; accepting it supersedes the old one
        old = project.adr_path / "0002-use-postgresql.md"
        assert (
            parse_adr(old).status == "accepted" and parse_adr(old).links_of("superseded-by") == []
        )
        change_status(project, record.number, "accepted")
        assert parse_adr(old).status == "superseded" and parse_adr(old).links_of(
            "superseded-by"
        ) == [3]
        _check(name.replace(".md", "-superseded.md"), old.read_text(encoding="utf-8"))


def test_team_template_md_in_adr_tools_style(project: ArchdocConfig) -> None:
    """adr-tools' template.md with NUMBER, TITLE, DATE, STATUS words overrides the default."""
    adr_dir = project.adr_path
    adr_dir.mkdir()
    (adr_dir / "template.md").write_text(
        "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nTeam notes.\n",
        encoding="utf-8",
    )
    record = create_adr(project, NewAdr("Keep TITLE and {{date}} literal", date=DAY))
    _check("team-template.md", record.file.read_text(encoding="utf-8"))
    assert record.title == "Keep TITLE and {{date}} literal"
    assert record.format == "nygard" and record.status == "proposed"


def test_named_team_template_overrides_builtin(project: ArchdocConfig) -> None:
    adr_dir = project.adr_path
    adr_dir.mkdir()
    (adr_dir / "template-nygard.md").write_text(
        "# {{number}}. {{title}}\n\nDate: {{date}}\n\n## Status\n\n{{Status}}\n\n## Why\n",
        encoding="utf-8",
    )
    record = create_adr(project, NewAdr("Ours", template="nygard", date=DAY))
    assert record.file.read_text(encoding="utf-8").endswith("## Why\n")
    # The default (MADR) is untouched by template-nygard.md.
    other = create_adr(project, NewAdr("Default", date=DAY))
    assert other.format == "madr4"
