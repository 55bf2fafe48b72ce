"""The site's two registries: every page group of the ``pages`` option is one module's
``GROUP``, every block one subject module's, each listed once and in the order of the site."""

from __future__ import annotations

import pkgutil

import archdoc.site.blocks as blocks_package
import archdoc.site.pages as pages_package
from archdoc.config import PAGE_GROUPS
from archdoc.site.blocks import BLOCKS, Block
from archdoc.site.blocks import registry as block_registry
from archdoc.site.pages import GROUPS
from archdoc.site.pages.base import PageGroup

SUPPORT = {"base", "registry"}
"""Modules of the two packages that declare no page group or block."""


def _subjects(package: object) -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__)  # type: ignore[attr-defined]
                  if m.name not in SUPPORT)


def test_the_page_groups_are_those_of_the_pages_option_in_its_order() -> None:
    assert [group.name for group in GROUPS] == list(PAGE_GROUPS)
    assert all(isinstance(group, PageGroup) for group in GROUPS)


def test_every_page_module_declares_a_listed_group() -> None:
    import importlib

    listed = {id(group) for group in GROUPS}
    for name in _subjects(pages_package):
        module = importlib.import_module(f"archdoc.site.pages.{name}")
        assert id(module.GROUP) in listed, f"site/pages/{name}.py is not in the registry"


def test_every_block_module_is_listed_and_each_block_once() -> None:
    import importlib

    for name in _subjects(blocks_package):
        module = importlib.import_module(f"archdoc.site.blocks.{name}")
        declared = module.BLOCKS if hasattr(module, "BLOCKS") else module.blocks(BLOCKS)
        for spec in declared:
            assert isinstance(spec, Block)
            assert spec.name in BLOCKS, f"{spec.name} of site/blocks/{name}.py is not listed"
        assert getattr(block_registry, name) is module
