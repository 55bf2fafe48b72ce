"""Golden pages and diagrams of the fixed shop model (``sitemodels.shop``).

Expected outputs are files under ``tests/site/golden/``: one per page (``pages/*.md``) and one
Mermaid source per diagram (``mermaid/*.mmd``), as Mermaid receives it in the browser.
``ARCHDOC_UPDATE_GOLDEN=1`` rewrites them; review the diff.
"""

from __future__ import annotations

import pytest

from archdoc.site import Layout, Page, SiteContext, generate_pages
from archdoc_testing import Golden
from sitehelpers import diagrams, page_of_view

PAGES = {
    "home": "architecture/index.md",
    "system-shop": "architecture/elements/shop.md",
    "container-order-api": "architecture/elements/shop.order-api.md",
    "database-orders-db": "architecture/elements/shop.orders-db.md",
    "person-customer": "architecture/elements/customer.md",
    "dependencies": "architecture/dependencies.md",
    "matrix": "architecture/matrix.md",
    "events": "architecture/events.md",
    "data": "architecture/data.md",
    "flow-order-checkout": "architecture/flows/order-checkout.md",
    "technologies": "architecture/technologies.md",
    "deployment-production": "architecture/deployment/production.md",
}

DIAGRAMS = [
    "landscape",
    "context:shop",
    "context:stripe",
    "context:warehouse",
    "containers:shop",
    "components:shop.order-api",
    "neighbourhood:shop.inventory",
    "neighbourhood:customer",
    "flow:order-checkout",
    "deployment:production",
]


@pytest.mark.parametrize("name", list(PAGES))
def test_page(name: str, shop_pages: dict[str, Page], site_golden: Golden) -> None:
    site_golden.check(f"pages/{name}.md", shop_pages[PAGES[name]].markdown)


@pytest.mark.parametrize("key", DIAGRAMS)
def test_diagram(key: str, shop_pages: dict[str, Page], site_golden: Golden) -> None:
    page = shop_pages[page_of_view(Layout(), key)]
    sources = diagrams(page.markdown)
    assert key in sources, f"{page.path} has no diagram {key!r}; it has {sorted(sources)}"
    site_golden.check(f"mermaid/{key.replace(':', '-')}.mmd", sources[key])


def test_every_static_view_has_a_golden_diagram(shop_context: SiteContext) -> None:
    """A view the model gains shows up here, so that its golden file is added too."""
    assert sorted(k for k in shop_context.views if not k.startswith("neighbourhood:")) == sorted(
        k for k in DIAGRAMS if not k.startswith("neighbourhood:"))


def test_page_list(shop_pages: dict[str, Page], site_golden: Golden) -> None:
    """Which pages exist, their titles and whether they are in the navigation."""
    lines = [f"{p.path}\t{p.title}\t{'nav' if p.in_nav else '-'}" for p in shop_pages.values()]
    site_golden.check("pages/index.txt", "\n".join(lines) + "\n")


def test_generation_is_deterministic(shop_pages: dict[str, Page]) -> None:
    """A second model built by the same code gives byte-identical pages."""
    import sitemodels

    again = generate_pages(SiteContext(workspace=sitemodels.shop(), layout=Layout(),
                                       options=dict(sitemodels.OPTIONS)))
    assert [(p.path, p.markdown) for p in again] == [
        (p.path, p.markdown) for p in shop_pages.values()]
