"""The ADR rules of `archdoc validate`, run on the fixture directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.adr import read_log
from archdoc.config import ArchdocConfig
from archdoc.validation.registry import RULES, RuleContext, run_rules

FIXTURES = Path(__file__).parent / "fixtures"


def _findings(name: str, workspace: object = None, **config: object) -> list[tuple[str, str, int]]:
    context = RuleContext(config=ArchdocConfig(root=FIXTURES, **config),  # type: ignore[arg-type]
                          workspace=workspace, adrs=read_log(FIXTURES / name))
    found = [d for d in run_rules(context) if d.rule.startswith("adr-")]
    assert all(d.hint for d in found)
    return [(d.rule, Path(d.location.file).name, d.location.line) for d in found if d.location]


def test_rules_are_registered_with_explanations() -> None:
    from archdoc.validation import adr_rules  # noqa: F401

    ids = [r for r in RULES if r.startswith("adr-")]
    assert len(ids) >= 10
    assert all(RULES[r].scope == "adr" and RULES[r].explanation for r in ids)


@pytest.mark.parametrize("name", ["madr2", "madr3", "madr4", "log4brains"])
def test_clean_fixtures(name: str) -> None:
    assert _findings(name) == []


def test_adr_tools_fixture_only_flags_old_dates() -> None:
    assert _findings("adr-tools") == [
        ("adr-date-format", "0002-queue-orders-in-rabbitmq.md", 3),
        ("adr-date-format", "0004-stream-orders-through-kafka.md", 3),
    ]


def test_broken_fixture() -> None:
    assert sorted(_findings("broken")) == sorted([
        ("adr-parse-error", "0002-unclosed-front-matter.md", 1),
        ("adr-parse-error", "0003-bad-yaml.md", 4),
        ("adr-parse-error", "0004-not-utf8.md", 5),
        ("adr-numbering-gap", "0006-status-outside-lifecycle.md", 1),
        ("adr-unknown-status", "0006-status-outside-lifecycle.md", 5),
        ("adr-dangling-link", "0006-status-outside-lifecycle.md", 7),
        ("adr-missing-date", "0006-status-outside-lifecycle.md", 1),
    ])


def test_rule_severity_can_be_turned_off() -> None:
    found = _findings("adr-tools", rules={"adr-date-format": "off"})
    assert found == []


def _write(tmp_path: Path, files: dict[str, str]) -> ArchdocConfig:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return ArchdocConfig(root=tmp_path)


def test_duplicates_one_sided_supersede_and_no_successor(tmp_path: Path) -> None:
    _write(tmp_path, {
        "0001-a.md": "---\nstatus: accepted\ndate: 2024-01-01\n---\n# A\n",
        "0002-b.md": "---\nstatus: accepted\ndate: 2024-01-01\nsupersedes: [1]\n---\n# B\n",
        "0002-c.md": "---\nstatus: superseded\ndate: 2024-01-01\n---\n# C\n",
        "0003-d.md": "---\nstatus: accepted\ndate: 2024-13-01\n---\n\n",
    })
    context = RuleContext(config=ArchdocConfig(root=tmp_path), adrs=read_log(tmp_path))
    found = {(d.rule, Path(d.location.file).name) for d in run_rules(context) if d.location}
    assert found == {
        ("adr-duplicate-number", "0002-c.md"),
        ("adr-incomplete-supersede", "0002-b.md"),
        ("adr-superseded-without-successor", "0002-c.md"),
        ("adr-missing-title", "0003-d.md"),
        ("adr-date-format", "0003-d.md"),
    }


def test_affects_checked_against_the_model() -> None:
    from archdoc import Workspace

    ws = Workspace("Shop")
    ws.system("Shop").container("Order API")
    context = RuleContext(config=ArchdocConfig(root=FIXTURES), workspace=ws,
                          adrs=read_log(FIXTURES / "madr4"))
    found = list(RULES["adr-dangling-affects"].check(context))
    assert [(f.message, f.location.line if f.location else 0) for f in found] == [
        ("ADR-0002 affects 'shop.orders-db', which is not in the model", 5),
    ]
    assert "shop.order-api" in found[0].hint
