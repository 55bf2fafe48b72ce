"""Fixtures of the site tests: the fixed models, their pages, golden files under ``golden/``."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitemodels
from archdoc.site import Layout, Page, SiteContext, generate_pages
from archdoc_testing import Golden

GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: opens a built site in headless Chromium (skipped without it)")


@pytest.fixture
def site_golden() -> Golden:
    """``site_golden.check(name, text)`` against ``tests/site/golden/<name>``
    (``ARCHDOC_UPDATE_GOLDEN=1`` rewrites it)."""
    return Golden(GOLDEN)


@pytest.fixture
def shop_context() -> SiteContext:
    return SiteContext(
        workspace=sitemodels.shop(), layout=Layout(), options=dict(sitemodels.OPTIONS)
    )


@pytest.fixture
def shop_pages(shop_context: SiteContext) -> dict[str, Page]:
    """Every generated page of the shop model, by path."""
    return {page.path: page for page in generate_pages(shop_context)}
