"""How observed service names map to elements: each case of DESIGN.md and of the connection
types."""

from __future__ import annotations

import pytest

from archdoc import Workspace
from archdoc.drift import ServiceMap


def model() -> Workspace:
    ws = Workspace("W")
    ws.person("Customer", "Buys")
    shop = ws.system("Shop", "Sells")
    ws.system("Stripe", "Payments", external=True)
    shop.container("Web App", "UI", properties={"service.name": "storefront-v2"})
    api = shop.container("Order API", "Orders")
    api.component("Checkout", "Endpoints")
    shop.container("Payments", "Payments", id="pay")
    shop.database("Orders", "The orders database", id="orders-db")
    shop.queue("Orders", "The orders topic", id="orders-topic")
    shop.container("Orders Service", "Another orders service")
    billing = ws.system("Billing", "Invoices")
    billing.container("API", "Billing API")
    shop.container("API", "Shop API", id="shop-api-2")
    other = ws.system("Other", "Elsewhere")
    other.container("API", "Other API")
    return ws


CASES = [
    # name, role, element, how
    ("storefront-v2", "service", "shop.web-app", "service.name"),  # the property wins
    ("web-app", "service", "shop.web-app", "id"),                    # the id's last part too
    ("order-api", "service", "shop.order-api", "id"),
    ("Order_API", "service", "shop.order-api", "id"),                # compared as a slug
    ("OrderAPI", "service", "shop.order-api", "name"),               # hyphens left out
    ("pay", "service", "shop.pay", "id"),                            # an explicit id
    ("payments", "service", "shop.pay", "name"),                     # the slug of its name
    ("checkout", "service", "shop.order-api.checkout", "id"),        # a component
    ("stripe", "service", "stripe", "id"),                           # a system (virtual node)
    ("customer", "service", "customer", "id"),
    ("orders", "database", "shop.orders-db", "name"),               # db.name: a datastore first
    ("orders", "queue", "shop.orders-topic", "name"),               # messaging: a queue first
    ("orders-service", "database", "shop.orders-service", "id"),    # no datastore: any element
    ("billing", "service", "billing", "id"),
]


@pytest.mark.parametrize(
    ("name", "role", "element", "how"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_mapping(name: str, role: str, element: str, how: str) -> None:
    match = ServiceMap(model()).match(name, role)  # type: ignore[arg-type]
    assert (match.element_id, match.how) == (element, how)


def test_ambiguous_names_map_to_nothing_with_the_candidates() -> None:
    match = ServiceMap(model()).match("api")
    assert match.element_id is None and match.how == "ambiguous"
    assert match.candidates == ("billing.api", "other.api")


def test_two_elements_of_one_name_without_a_datastore_role_are_ambiguous() -> None:
    match = ServiceMap(model()).match("orders")  # a database and a queue, no container
    assert match.element_id is None and match.candidates == ("shop.orders-db", "shop.orders-topic")


def test_a_container_wins_over_a_component_of_the_same_name() -> None:
    ws = Workspace("W")
    s = ws.system("S", "s")
    api = s.container("Search", "s")
    ws.system("T", "t").container("Engine", "e").component("Search", "c")
    assert ServiceMap(ws).match("search").element_id == api.id


def test_unknown_names_suggest_the_closest_ids() -> None:
    match = ServiceMap(model()).match("order-apii")
    assert match.element_id is None and match.how == ""
    assert "shop.order-api" in match.candidates
