"""The model API of DESIGN.md: every call, its fields, its source location, and its bad
arguments."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest

import archdoc
from archdoc import (
    Component,
    Container,
    Database,
    ModelError,
    Person,
    Queue,
    ReferenceNotFound,
    SoftwareSystem,
    SourceLocation,
    Workspace,
)
from archdoc_testing import diagnose

HERE = __file__


def here() -> int:
    """The line of the caller: ``x, line = call(), here()`` on one line."""
    return sys._getframe(1).f_lineno


def build_design_example() -> dict[str, Any]:
    """The example of DESIGN.md, verbatim apart from the names it is kept under."""
    ws = Workspace("Shop", description="E-commerce platform")
    customer = ws.person("Customer", "Browses products and places orders")
    shop = ws.system("Shop", "Sells products online")
    stripe = ws.system("Stripe", "Card payments", external=True)
    web = shop.container("Web App", "Storefront", technology="Next.js 14")
    orders = shop.container("Order API", "Order management, checkout", technology="Node.js",
                            owner="team-checkout", tags=["critical"])
    orders_db = shop.database("Orders DB", technology="PostgreSQL 16", owner=orders)
    bus = shop.queue("Event bus", technology="AWS SNS/SQS")
    checkout = orders.component("Checkout controller", "HTTP endpoints for checkout")
    customer.uses(web, "Places orders", technology="HTTPS")
    web.uses(orders, "Creates orders", technology="REST", operation="POST /orders/create",
             criticality="critical")
    orders.uses(stripe, "Charges cards", technology="REST", criticality="critical")
    orders.publishes("order.created", via=bus)
    inventory = shop.container("Inventory")
    inventory.subscribes("order.created", "Reserves stock")
    orders_db.failure_mode(impact="Checkout unavailable", mitigation="Multi-AZ failover")
    with ws.flow("Order checkout") as f:
        f.step(customer, web, "Click checkout")
        f.step(web, orders, "POST /checkout")
        with f.alt("Payment declined"):
            f.reply(orders, web, "402 Payment Required")
        with f.otherwise("Payment accepted"):
            f.reply(orders, web, "201 Created")
    prod = ws.environment("Production")
    region = prod.node("AWS eu-west-1", technology="AWS")
    ecs = region.node("ECS Fargate", instances="2-10")
    ecs.deploy(orders)
    rds = region.infrastructure("RDS", technology="PostgreSQL 16")
    rds.deploy(orders_db)
    return dict(locals())


def test_design_example_builds_the_documented_model() -> None:
    m = build_design_example()
    ws: Workspace = m["ws"]
    assert (ws.name, ws.description, ws.id) == ("Shop", "E-commerce platform", "shop")
    assert list(ws.elements) == [
        "customer", "shop", "stripe", "shop.web-app", "shop.order-api", "shop.orders-db",
        "shop.event-bus", "shop.order-api.checkout-controller", "shop.inventory",
    ]
    assert [type(e) for e in ws.elements.values()] == [
        Person, SoftwareSystem, SoftwareSystem, Container, Container, Database, Queue, Component,
        Container,
    ]
    assert m["stripe"].external and not m["shop"].external
    orders = m["orders"]
    assert (orders.technology, orders.owner, orders.tags) == (
        "Node.js",
        "team-checkout",
        ["critical"],
    )
    assert m["orders_db"].data_owner_id == "shop.order-api"
    assert m["orders_db"].owner == ""
    assert m["checkout"].parent is orders
    assert orders.children == [m["checkout"]]
    assert m["checkout"].ancestors() == [orders, m["shop"]]
    assert ws.people() == [m["customer"]]
    assert ws.systems() == [m["shop"], m["stripe"]]
    assert [c.id for c in ws.containers()] == [
        "shop.web-app", "shop.order-api", "shop.orders-db", "shop.event-bus", "shop.inventory",
    ]
    assert m["orders_db"].kind_label == "Database"


def test_design_example_relationships() -> None:
    ws: Workspace = build_design_example()["ws"]
    rows = [(r.id, r.description, r.technology, r.operation, r.interaction, r.criticality, r.access)
            for r in ws.relationships]
    assert rows == [
        ("customer->shop.web-app", "Places orders", "HTTPS", "", "sync", None, None),
        ("shop.web-app->shop.order-api", "Creates orders", "REST", "POST /orders/create", "sync",
         "critical", None),
        ("shop.order-api->stripe", "Charges cards", "REST", "", "sync", "critical", None),
        ("shop.order-api->shop.event-bus", "Publishes order.created", "", "order.created", "async",
         None, "write"),
    ]
    out, into = ws.relationships_of("shop.order-api")
    assert [r.destination_id for r in out] == ["stripe", "shop.event-bus"]
    assert [r.source_id for r in into] == ["shop.web-app"]


def test_design_example_events_failure_modes_deployment() -> None:
    m = build_design_example()
    ws: Workspace = m["ws"]
    event = ws.events["order.created"]
    assert [(p.element_id, p.via_id) for p in event.producers] == [
        ("shop.order-api", "shop.event-bus")
    ]
    assert [(c.element_id, c.reason, c.via_id) for c in event.consumers] == [
        ("shop.inventory", "Reserves stock", None)]
    [mode] = ws.failure_modes
    assert (mode.element_id, mode.impact, mode.mitigation) == (
        "shop.orders-db", "Checkout unavailable", "Multi-AZ failover")
    assert [e.id for e in ws.environments] == ["production"]
    assert [(n.id, n.kind, n.parent_id, n.instances) for n in ws.nodes.values()] == [
        ("production.aws-eu-west-1", "node", None, None),
        ("production.aws-eu-west-1.ecs-fargate", "node", "production.aws-eu-west-1", "2-10"),
        ("production.aws-eu-west-1.rds", "infrastructure", "production.aws-eu-west-1", None),
    ]
    assert [(i.id, i.environment_id) for i in ws.instances] == [
        ("production.aws-eu-west-1.ecs-fargate/shop.order-api", "production"),
        ("production.aws-eu-west-1.rds/shop.orders-db", "production"),
    ]
    assert ws.nodes_of("production") == list(ws.nodes.values())


def test_design_example_validates_without_errors() -> None:
    found = diagnose(build_design_example()["ws"])
    assert [d for d in found if d.severity == "error"] == []


def test_every_object_remembers_the_users_file_and_line() -> None:
    ws, ws_line = Workspace("W"), here()
    person, person_line = ws.person("P", "d"), here()
    system, system_line = ws.system("S", "d"), here()
    container, container_line = system.container("C", "d"), here()
    component, component_line = container.component("K"), here()
    rel, rel_line = person.uses(container), here()
    link, link_line = container.publishes("e"), here()
    mode, mode_line = container.failure_mode("down"), here()
    flow, flow_line = ws.flow("F"), here()
    with flow:
        step, step_line = flow.step(person, container), here()
        note, note_line = flow.note(person, "n"), here()
        with flow.opt("o"):
            nested, nested_line = flow.reply(container, person), here()
    env, env_line = ws.environment("E"), here()
    node, node_line = env.node("N"), here()
    inst, inst_line = node.deploy(container), here()
    pairs = [
        (ws, ws_line), (person, person_line), (system, system_line),
        (container, container_line), (component, component_line), (rel, rel_line),
        (link, link_line), (mode, mode_line), (flow, flow_line), (step, step_line),
        (note, note_line), (nested, nested_line), (env, env_line), (node, node_line),
        (inst, inst_line),
    ]
    for obj, line in pairs:
        assert obj.location == SourceLocation(HERE, line), obj


def test_location_is_the_users_frame_even_through_a_helper() -> None:
    def service(system: SoftwareSystem, name: str) -> Container:
        return system.container(name, "d")  # the call into archdoc is here

    ws = Workspace("W")
    c = service(ws.system("S"), "C")
    assert c.location is not None
    assert c.location.line == service.__code__.co_firstlineno + 1


def test_relationship_carries_every_field() -> None:
    ws = Workspace("W")
    a, b = ws.system("A"), ws.system("B")
    r = a.uses(
        b,
        "Reads",
        technology="gRPC",
        operation="GetOrder",
        interaction="async",
        criticality="low",
        access="read",
        tags=["x"],
        properties={"port": 50051, "tls": True},
    )
    assert r.model_dump(exclude={"location"}) == {
        "id": "a->b", "source_id": "a", "destination_id": "b", "description": "Reads",
        "technology": "gRPC", "operation": "GetOrder", "interaction": "async", "criticality": "low",
        "access": "read", "tags": ["x"], "properties": {"port": 50051, "tls": True},
    }
    assert r.is_async


@pytest.mark.parametrize("interaction", ["sync", "async"])
@pytest.mark.parametrize("criticality", ["critical", "high", "medium", "low", None])
def test_every_interaction_and_criticality_is_accepted(
    interaction: str, criticality: str | None
) -> None:
    ws = Workspace("W")
    r = ws.system("A").uses(ws.system("B"), interaction=interaction, criticality=criticality)  # type: ignore[arg-type]
    assert (r.interaction, r.criticality) == (interaction, criticality)


def test_uses_accepts_an_id_resolved_later() -> None:
    ws = Workspace("W")
    a = ws.system("A", "d")
    r = a.uses("b.api")
    ws.system("B", "d").container("API", "d")
    assert r.destination_id == "b.api"
    assert "dangling-reference" not in [d.rule for d in diagnose(ws)]


def test_children_of_an_external_system_are_external() -> None:
    ws = Workspace("W")
    assert ws.system("Stripe", external=True).container("API").external


def test_failure_mode_fields() -> None:
    ws = Workspace("W")
    mode = ws.system("S").failure_mode("Checkout down", "Failover", fallback="Queue orders",
                                       detection="Health check", recovery="Restart")
    assert (mode.impact, mode.mitigation, mode.fallback, mode.detection, mode.recovery) == (
        "Checkout down", "Failover", "Queue orders", "Health check", "Restart")


def test_events_collect_producers_and_consumers_in_order() -> None:
    ws = Workspace("W")
    s = ws.system("S")
    a, b, c = s.container("A"), s.container("B"), s.container("C")
    topic = s.queue("Topic")
    a.publishes("paid", "After charging", via=topic)
    b.subscribes("paid", "Ships", via=topic)
    c.subscribes("paid", "Emails")
    s.publishes("system.event")
    event = ws.events["paid"]
    assert [p.reason for p in event.producers] == ["After charging"]
    assert [(x.element_id, x.reason) for x in event.consumers] == [
        ("s.b", "Ships"),
        ("s.c", "Emails"),
    ]
    assert [(r.source_id, r.destination_id, r.access, r.interaction) for r in ws.relationships] == [
        ("s.a", "s.topic", "write", "async"), ("s.b", "s.topic", "read", "async")]
    assert list(ws.events) == ["paid", "system.event"]


def test_deployment_nodes_nest_and_relate() -> None:
    ws = Workspace("W")
    api = ws.system("S").container("API")
    prod = ws.environment("Prod", "Production")
    region = prod.node("Region", technology="AWS", icon="aws.Region", tags=["eu"],
                       properties={"az": 3})
    cluster = region.node("Cluster", instances=3)
    lb = region.infrastructure("LB", "Load balancer", technology="ALB")
    inst = cluster.deploy(api, instances="2-4")
    rel = lb.uses(cluster, "Forwards", technology="HTTPS")
    assert (region.technology, region.icon, region.tags, region.properties) == (
        "AWS", "aws.Region", ["eu"], {"az": 3})
    assert (cluster.parent_id, cluster.environment_id, cluster.instances) == (
        "prod.region",
        "prod",
        3,
    )
    assert lb.kind == "infrastructure"
    assert (inst.container_id, inst.node_id, inst.instances) == (
        "s.api",
        "prod.region.cluster",
        "2-4",
    )
    assert (rel.source_id, rel.destination_id, rel.interaction) == (
        "prod.region.lb",
        "prod.region.cluster",
        "sync",
    )
    assert ws.find("prod.region.lb") is lb
    assert ws.find("prod") is prod


def test_find_unknown_id_suggests_close_ones() -> None:
    ws = Workspace("W")
    ws.system("Shop").container("Order API")
    with pytest.raises(ReferenceNotFound) as info:
        ws.find("shop.order-apl")
    assert "shop.order-api" in (info.value.hint or "")
    assert ws.get("nope") is None


# -- bad arguments: a ModelError at the user's call, naming the argument ---------------------

Case = Callable[[Workspace], object]


def _other_workspace_element(ws: Workspace) -> object:
    other = Workspace("Other")
    stranger = other.system("Stranger")
    return ws.system("A").uses(stranger)


def _flow_step_non_element(ws: Workspace) -> object:
    with ws.flow("F") as f:
        return f.step(ws.system("A"), 3.5)


BAD_CALLS: list[tuple[str, Case, list[str]]] = [
    (
        "uses-int",
        lambda ws: ws.system("A").uses(42),  # type: ignore[arg-type]
        ["destination must be an element", "int", "a.uses()"],
    ),
    (
        "uses-none",
        lambda ws: ws.system("A").uses(None),  # type: ignore[arg-type]
        ["destination must be an element", "NoneType"],
    ),
    (
        "uses-list",
        lambda ws: ws.system("A").uses([ws.system("B")]),  # type: ignore[arg-type]
        ["destination must be an element", "list"],
    ),
    ("uses-empty-id", lambda ws: ws.system("A").uses(""), ["destination is an empty id"]),
    (
        "other-workspace",
        _other_workspace_element,
        ["'stranger' belongs to another workspace ('Other')"],
    ),
    (
        "criticality",
        lambda ws: ws.system("A").uses("b", criticality="urgent"),  # type: ignore[arg-type]
        ["criticality='urgent'", "'critical', 'high', 'medium', 'low'"],
    ),
    (
        "interaction",
        lambda ws: ws.system("A").uses("b", interaction="rpc"),  # type: ignore[arg-type]
        ["interaction='rpc'", "'sync', 'async'"],
    ),
    (
        "criticality-case",
        lambda ws: ws.system("A").uses("b", criticality="Critical"),  # type: ignore[arg-type]
        ["criticality='Critical'"],
    ),
    ("access", lambda ws: ws.system("A").uses("b", access="delete"), ["access='delete'"]),  # type: ignore[arg-type]
    (
        "tags-str",
        lambda ws: ws.system("A").uses("b", tags="critical"),  # type: ignore[arg-type]
        ["tags must be a list of strings"],
    ),
    (
        "properties",
        lambda ws: ws.system("A").uses("b", properties={"a": [1]}),  # type: ignore[dict-item]
        ["properties must map strings"],
    ),
    (
        "properties-nan",
        lambda ws: ws.system("A").uses("b", properties={"a": float("nan")}),
        ["finite numbers"],
    ),
    (
        "description-int",
        lambda ws: ws.system("A").uses("b", 3),  # type: ignore[arg-type]
        ["description must be a string, not int"],
    ),
    ("name-none", lambda ws: ws.person(None), ["person(): name must be a string"]),  # type: ignore[arg-type]
    ("name-empty", lambda ws: ws.system("  "), ["system(): the name is empty"]),
    (
        "container-name-int",
        lambda ws: ws.system("A").container(7),  # type: ignore[arg-type]
        ["container(): name must be a string"],
    ),
    ("owner-int", lambda ws: ws.system("A").database("DB", owner=5), ["owner must be an element"]),  # type: ignore[arg-type]
    ("event-empty", lambda ws: ws.system("A").publishes(" "), ["the event name is empty"]),
    ("event-via", lambda ws: ws.system("A").subscribes("e", via=1), ["via must be an element"]),  # type: ignore[arg-type]
    ("failure-impact", lambda ws: ws.system("A").failure_mode(None), ["impact must be a string"]),  # type: ignore[arg-type]
    (
        "node-instances",
        lambda ws: ws.environment("E").node("N", instances=[2]),  # type: ignore[arg-type]
        ["instances must be a number or a range"],
    ),
    (
        "node-instances-bool",
        lambda ws: ws.environment("E").node("N", instances=True),
        ["instances must be a number or a range"],
    ),
    (
        "deploy-instances",
        lambda ws: ws.environment("E").node("N").deploy("x", instances=2.5),  # type: ignore[arg-type]
        ["instances must be a number or a range"],
    ),
    (
        "deploy-non-element",
        lambda ws: ws.environment("E").node("N").deploy(object()),  # type: ignore[arg-type]
        ["container must be an element"],
    ),
    ("flow-step", _flow_step_non_element, ["f.step(): destination must be an element", "float"]),
    ("flow-name", lambda ws: ws.flow(None), ["flow(): name must be a string"]),  # type: ignore[arg-type]
    ("environment-name", lambda ws: ws.environment(1), ["environment(): name must be a string"]),  # type: ignore[arg-type]
    ("workspace-name", lambda ws: Workspace(None), ["Workspace(): name must be a string"]),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("case", "call", "expected"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
def test_bad_argument_is_a_model_error_at_the_call_site(
    case: str, call: Case, expected: list[str]
) -> None:
    ws = Workspace("W")
    with pytest.raises(ModelError) as info:
        call(ws)
    error = info.value
    for fragment in expected:
        assert fragment in error.message
    assert error.hint
    assert error.location is not None
    assert error.location.file == HERE
    code = call.__code__
    last = max(
        (line for _, _, line in code.co_lines() if line is not None), default=code.co_firstlineno
    )
    assert code.co_firstlineno <= error.location.line <= last
    assert str(error).startswith(f"{error.location}: ")


def test_element_outside_a_workspace_is_an_error() -> None:
    loose = Person(id="x", name="X", kind="person")
    with pytest.raises(ModelError, match="belongs to no workspace"):
        loose.uses("y")


def test_public_names_are_reexported() -> None:
    assert archdoc.Workspace is Workspace
