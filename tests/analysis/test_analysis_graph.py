"""The dependency graph: units, implied relationships, dependency records, and impact."""

from __future__ import annotations

import pytest

from archdoc import ReferenceNotFound, Workspace
from archdoc.analysis import DependencyGraph, impact_of


def edges(graph: DependencyGraph) -> list[str]:
    return [f"{d.source_id}->{d.destination_id}" for d in graph.dependencies()]


def test_units_are_people_containers_and_systems_without_containers() -> None:
    ws = Workspace("W")
    ws.person("P")
    s = ws.system("S")
    api = s.container("API")
    api.component("C")
    s.database("DB")
    s.queue("Q")
    ws.system("Stripe", external=True)
    graph = DependencyGraph(ws)
    assert sorted(graph.graph.nodes) == sorted(["p", "s.api", "s.db", "s.q", "stripe"])
    assert graph.unit["s.api.c"] == "s.api"
    assert graph.unit["s"] == "s"
    assert graph.service_units() == ["s.api", "s.db", "s.q", "stripe"]


def test_component_dependency_rolls_up_to_its_container() -> None:
    ws = Workspace("W")
    shop = ws.system("Shop")
    orders, billing = shop.container("Orders"), shop.container("Billing")
    checkout = orders.component("Checkout")
    invoices = billing.component("Invoices")
    r = checkout.uses(invoices, "Bills", operation="POST /invoices", criticality="high")
    checkout.uses(orders.component("Cart"), "Reads cart")  # inside one container: no edge
    graph = DependencyGraph(ws)
    assert edges(graph) == ["shop.orders->shop.billing"]
    [dep] = graph.dependencies()
    assert dep.relationships == [r]
    assert dep.implied  # declared between components, shown between containers
    assert (dep.interaction, dep.criticality, dep.operations) == (
        "sync",
        "high",
        ["POST /invoices"],
    )
    assert [d.destination_id for d in graph.dependencies_of("shop.orders.checkout")] == [
        "shop.billing"
    ]
    assert [d.source_id for d in graph.dependents_of("shop.billing.invoices")] == ["shop.orders"]


def test_declared_container_dependency_is_not_implied() -> None:
    ws = Workspace("W")
    s = ws.system("S")
    a, b = s.container("A"), s.container("B")
    a.uses(b)
    [dep] = DependencyGraph(ws).dependencies()
    assert not dep.implied


def test_nearest_finds_the_closest_allowed_ancestor() -> None:
    ws = Workspace("W")
    s = ws.system("S")
    c = s.container("C").component("K")
    assert ws.nearest(c.id, {"s"}) == "s"
    assert ws.nearest(c.id, {"s", "s.c"}) == "s.c"
    assert ws.nearest(c.id, set()) is None
    assert ws.nearest("missing", {"s"}) is None


def test_dependency_merges_relationships_of_a_pair() -> None:
    ws = Workspace("W")
    s = ws.system("S")
    a, b = s.container("A"), s.container("B")
    a.uses(
        b, "Reads", technology="REST", operation="GET /x", interaction="async", criticality="low"
    )
    a.uses(
        b, "Reads", technology="gRPC", operation="GET /x", interaction="async", criticality="high"
    )
    a.component("K").uses(b, "Writes", technology="REST", interaction="async", criticality="medium")
    [dep] = DependencyGraph(ws).dependencies()
    assert len(dep.relationships) == 3
    assert dep.descriptions == ["Reads", "Writes"]
    assert dep.technologies == ["REST", "gRPC"]
    assert dep.operations == ["GET /x"]
    assert dep.criticality == "high"
    assert dep.interaction == "async"
    a.uses(b, "Now sync")
    assert DependencyGraph(ws).dependencies()[0].interaction == "sync"


def test_data_ownership_and_events_make_edges() -> None:
    ws = Workspace("W")
    s = ws.system("S")
    orders, stock = s.container("Orders"), s.container("Stock")
    s.database("DB", owner=orders)
    orders.publishes("order.created")
    stock.subscribes("order.created", "Reserves")
    stock.subscribes("order.created", "Twice")  # one event is listed once per edge
    graph = DependencyGraph(ws)
    assert edges(graph) == ["s.orders->s.db", "s.stock->s.orders"]
    owns, event = graph.dependencies()
    assert owns.owns and owns.interaction == "sync" and owns.implied
    assert event.events == ["order.created"] and event.interaction == "async"


def test_dangling_and_deployment_relationships_are_left_out() -> None:
    ws = Workspace("W")
    a = ws.system("A")
    a.uses("nowhere")
    env = ws.environment("E")
    env.node("N1").uses(env.node("N2"))
    assert edges(DependencyGraph(ws)) == []


def test_dependencies_are_listed_in_declaration_order() -> None:
    ws = Workspace("W")
    c, b, a = ws.system("C"), ws.system("B"), ws.system("A")
    a.uses(c)
    c.uses(b)
    c.uses(a)
    a.uses(b)
    # by the declaration of the source, then of the destination: C, B, A
    assert edges(DependencyGraph(ws)) == ["c->b", "c->a", "a->c", "a->b"]


# -- impact -----------------------------------------------------------------------------------


def chain_model() -> Workspace:
    """customer -> web -> api -> db; worker ~> api (async); report -> worker; admin -> api."""
    ws = Workspace("W")
    customer = ws.person("Customer")
    s = ws.system("S")
    web, api, db = s.container("Web"), s.container("API"), s.database("DB")
    worker, report = s.container("Worker"), s.container("Report")
    customer.uses(web)
    web.uses(api)
    api.uses(db)
    worker.uses(api, interaction="async")
    report.uses(worker)
    ws.person("Admin").uses(api)
    return ws


def rows(ws: Workspace, id: str) -> list[tuple[str, str, str]]:
    return [
        (i.element_id, i.effect, " -> ".join(i.chain)) for i in impact_of(DependencyGraph(ws), id)
    ]


@pytest.mark.parametrize(
    ("failing", "expected"),
    [
        ("s.db", [
            ("s.api", "breaks", "s.api -> s.db"),
            ("s.web", "breaks", "s.web -> s.api -> s.db"),
            ("admin", "breaks", "admin -> s.api -> s.db"),
            ("customer", "breaks", "customer -> s.web -> s.api -> s.db"),
            ("s.worker", "degraded", "s.worker -> s.api -> s.db"),
            ("s.report", "degraded", "s.report -> s.worker -> s.api -> s.db"),
        ]),
        ("s.worker", [("s.report", "breaks", "s.report -> s.worker")]),
        ("s.report", []),
        ("customer", []),
    ],
)
def test_impact_chains_breaks_and_degraded(
    failing: str, expected: list[tuple[str, str, str]]
) -> None:
    assert rows(chain_model(), failing) == expected


def test_impact_of_a_component_is_the_impact_of_its_container() -> None:
    ws = chain_model()
    ws.get("s.api").component("Handler")  # type: ignore[union-attr]
    assert rows(ws, "s.api.handler") == rows(ws, "s.api")


def test_impact_of_a_system_is_the_failure_of_all_its_containers() -> None:
    ws = Workspace("W")
    user = ws.person("User")
    pay = ws.system("Payments", external=True)
    gateway, ledger = pay.container("Gateway"), pay.container("Ledger")
    shop = ws.system("Shop")
    api, books = shop.container("API"), shop.container("Books")
    user.uses(api)
    api.uses(gateway, criticality="critical")
    books.uses(ledger, interaction="async")
    assert rows(ws, "payments") == [
        ("shop.api", "breaks", "shop.api -> payments.gateway"),
        ("user", "breaks", "user -> shop.api -> payments.gateway"),
        ("shop.books", "degraded", "shop.books -> payments.ledger"),
    ]


def test_impact_distance() -> None:
    [first, *_] = impact_of(DependencyGraph(chain_model()), "s.db")
    assert first.distance == 1


def test_impact_of_an_unknown_id() -> None:
    with pytest.raises(ReferenceNotFound, match="no element with id 's.dbb'") as info:
        impact_of(DependencyGraph(chain_model()), "s.dbb")
    assert "s.db" in (info.value.hint or "")
