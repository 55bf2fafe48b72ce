"""Helpers for the ADR tests: a project in a temporary directory and copies of the fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archdoc.config import ArchdocConfig

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def project(tmp_path: Path) -> ArchdocConfig:
    """A project rooted at ``tmp_path`` with the default configuration (``adr/``)."""
    return ArchdocConfig(root=tmp_path)


@pytest.fixture
def fixture_copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy a fixture directory into ``tmp_path/adr`` and return a config pointing at it."""

    def copy(name: str) -> ArchdocConfig:
        target = tmp_path / "adr"
        shutil.copytree(FIXTURES / name, target)
        return ArchdocConfig(root=tmp_path)

    return copy
