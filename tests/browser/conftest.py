"""Fixtures of the browser test: the root site built once, served on 127.0.0.1, one Chromium.

The serving, launching and waiting logic is ``scripts/screenshot.py`` (loaded here as
``archdoc_screenshot``), so the docs' screenshots are taken the way this test checks pages.

Environment:
- ``ARCHDOC_BROWSER_SITE=DIR`` uses an already built site instead of building the root one;
- ``ARCHDOC_CHROMIUM=PATH`` drives another Chromium than ``chromium`` on the PATH;
- ``ARCHDOC_SCREENSHOTS=DIR`` writes the screenshots there instead of ``tests/.screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitecheck import ROOT, SCREENSHOTS, Screenshots, shot


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: opens the built site in headless Chromium (tests/browser/)"
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if Screenshots.written:
        terminalreporter.write_sep("-", "archdoc browser test")
        terminalreporter.write_line(
            f"{len(Screenshots.written)} screenshots of the built site in {SCREENSHOTS}"
        )


@pytest.fixture(scope="session")
def site_dir(chromium_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The root site, built once with ``mkdocs build --strict`` (after the Chromium check)."""
    prebuilt = os.environ.get("ARCHDOC_BROWSER_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    config = ROOT / "mkdocs.yml"
    if not config.is_file():
        pytest.fail(f"{config} does not exist: there is no root site to build")
    site = tmp_path_factory.mktemp("browser") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if proc.returncode != 0:
        lines = (proc.stdout + proc.stderr).splitlines()
        relevant = [ln for ln in lines if ln.startswith(("WARNING", "ERROR", "Abort", "Error"))]
        pytest.fail(
            f"mkdocs build --strict -f {config} failed ({proc.returncode}):\n"
            + "\n".join(relevant or lines[-30:]),
            pytrace=False,
        )
    return site


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT/``) the built site is served at."""
    with shot.serve(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def context(browser: Any) -> Iterator[Any]:
    """The one browser context the online tests share."""
    ctx = browser.new_context(viewport=shot.VIEWPORT)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def screenshots() -> Screenshots:
    for group in ("pages", "click", "offline", "viewer", "schemes"):
        shutil.rmtree(SCREENSHOTS / group, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\narchdoc browser test: screenshots in {SCREENSHOTS}")
    return Screenshots(SCREENSHOTS)


@pytest.fixture(scope="session")
def generated_pages(site_dir: Path) -> list[str]:
    """Every generated page, as a URL path: ``architecture/elements/shop/`` with directory URLs,
    ``architecture/elements/shop.html`` without."""
    root = site_dir / "architecture"
    if site_url_style(site_dir) == "file":
        pages = sorted(p.relative_to(site_dir).as_posix() for p in root.rglob("*.html"))
    else:
        pages = sorted(
            p.parent.relative_to(site_dir).as_posix() + "/" for p in root.rglob("index.html")
        )
    if not pages:
        pytest.fail(f"no generated pages: nothing matches {root}/**/*.html", pytrace=False)
    return pages


def site_url_style(site_dir: Path) -> str:
    """``directory`` (``x/index.html``) or ``file`` (``x.html``), from the built root pages."""
    return "file" if (site_dir / "architecture" / "dependencies.html").exists() else "directory"
