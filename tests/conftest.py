"""Fixtures shared by the whole suite (helpers live in ``archdoc_testing``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archdoc.model.workspace import created_workspaces
from archdoc_testing import ARCHDOC_EXE, GOLDEN_DIR, Golden, ProjectFactory, Result, run_archdoc


@pytest.fixture(autouse=True)
def _forget_workspaces() -> Iterator[None]:
    """Workspaces built by a test are not left for the loader of the next one."""
    created_workspaces()
    yield
    created_workspaces()


@pytest.fixture
def golden() -> Golden:
    """``golden.check(name, text)`` against ``tests/golden/files/<name>``."""
    return Golden(GOLDEN_DIR)


@pytest.fixture
def project(tmp_path: Path) -> ProjectFactory:
    """``project(model_source, mkdocs=...)`` writes a project and returns its root."""
    return ProjectFactory(tmp_path)


@pytest.fixture
def archdoc_cmd() -> Callable[..., Result]:
    """``archdoc_cmd("validate", cwd=root)``: the installed console script in a subprocess."""
    if not ARCHDOC_EXE.exists():
        pytest.skip(f"{ARCHDOC_EXE} is not installed")
    return run_archdoc
