"""Impact per path: each chain to a failed unit is judged on its own."""

from __future__ import annotations

from archdoc import Workspace
from archdoc.analysis import DependencyGraph, impact_of


def effects(ws: Workspace, id: str) -> dict[str, str]:
    return {i.element_id: i.effect for i in impact_of(DependencyGraph(ws), id)}


def shop_with_one_cushioned_container() -> Workspace:
    ws = Workspace("W")
    shop = ws.system("Shop", "Sells")
    catalog = shop.container("Catalog", "Products")
    orders = shop.container("Orders", "Orders")
    catalog.failure_mode("No product pages", fallback="Serve the cached catalog from the CDN")
    web = ws.system("Web", "Storefront")
    web.container("Frontend", "Pages").uses(catalog, "Lists products")
    ws.system("Billing", "Invoices").container("Invoicer", "Bills").uses(orders, "Reads orders")
    return ws


def test_a_fallback_on_one_container_does_not_cushion_the_others_when_the_system_fails() -> None:
    assert effects(shop_with_one_cushioned_container(), "shop") == {
        "billing.invoicer": "breaks",   # through orders, which has no fallback
        "web.frontend": "degraded",     # through catalog, which falls back
    }


def test_an_element_breaks_when_any_of_its_chains_does() -> None:
    ws = shop_with_one_cushioned_container()
    frontend = ws.get("web.frontend")
    frontend.uses("shop.orders", "Shows order status")  # a second, uncushioned path
    impacts = {i.element_id: i for i in impact_of(DependencyGraph(ws), "shop")}
    assert impacts["web.frontend"].effect == "breaks"
    assert impacts["web.frontend"].chain == ("web.frontend", "shop.orders")


def test_a_fallback_on_the_failed_element_itself_cushions_all_its_dependents() -> None:
    ws = shop_with_one_cushioned_container()
    assert effects(ws, "shop.catalog") == {"web.frontend": "degraded"}
    assert effects(ws, "shop.orders") == {"billing.invoicer": "breaks"}
    ws.get("shop").failure_mode("Shop down", fallback="Static maintenance page")
    assert set(effects(ws, "shop").values()) == {"degraded"}
