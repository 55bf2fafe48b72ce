"""The rule and block catalogs are in the Markdown of docs/reference, as a reader of the
repository sees them, and match the registries."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.site.blocks import BLOCKS
from archdoc.site.catalogs import CATALOGS, refreshed, update_catalogs
from archdoc.validation.registry import all_rules
from archdoc_testing import UPDATE_GOLDEN

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("name", CATALOGS)
def test_the_catalog_pages_are_up_to_date(name: str) -> None:
    if UPDATE_GOLDEN:
        update_catalogs(DOCS)
    text = (DOCS / CATALOGS[name]).read_text(encoding="utf-8")
    assert text == refreshed(text, name), (
        f"docs/{CATALOGS[name]} is out of date: run `python scripts/update_catalogs.py`")


def test_the_markdown_lists_every_rule_and_every_block() -> None:
    rules = (DOCS / "reference/rules.md").read_text(encoding="utf-8")
    blocks = (DOCS / "reference/blocks.md").read_text(encoding="utf-8")
    for page in (rules, blocks):
        assert "```archdoc\nrules" not in page and "```archdoc\nblocks" not in page
    for rule in all_rules().values():
        assert f"### `{rule.id}`" in rules, rule.id
        assert rule.summary.split("`")[0][:30] in rules, rule.id
    for spec in BLOCKS.values():
        key = f"`{spec.name}" + (f":<{spec.argument}>`" if spec.argument else "`")
        assert f"| {key} |" in blocks, spec.name
