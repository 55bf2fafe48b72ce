"""Fixtures shared by the whole suite (helpers live in ``archdoc_testing``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import os

import pytest

from archdoc.model.workspace import created_workspaces
from archdoc_testing import ARCHDOC_EXE, GOLDEN_DIR, Golden, ProjectFactory, Result, run_archdoc

# Every `mkdocs` the suite runs (in subprocesses too) without Material 9.8's banner about MkDocs 2,
# as the project's own builds do (Makefile, scripts/build_sites.py).
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


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


# -- one Chromium for the whole run --------------------------------------------------------------
# Playwright's sync API allows one instance per process, so the browser tests of tests/browser/
# and tests/site/ share these session fixtures.


def _screenshot_module() -> Any:
    import importlib.util
    import sys

    name = "archdoc_screenshot"
    if name not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "scripts" / "screenshot.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    executable = _screenshot_module().find_chromium()
    if executable is None:
        pytest.skip(
            "Chromium is not installed (no `chromium` on the PATH nor $ARCHDOC_CHROMIUM): "
            "run `bash scripts/setup-system.sh` or `make test`, which installs Debian's chromium"
        )
    return str(executable)


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.fail("playwright is missing: pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as pw:
        launched = _screenshot_module().launch(pw, chromium_executable)
        yield launched
        launched.close()
