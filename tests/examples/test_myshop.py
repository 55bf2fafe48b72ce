"""examples/myshop: every artefact of the MyShop service interactions document, generated.

The document has the User Service interactions, the order flow sequence diagram, product
management interactions, the order processing and product update data flows, the API gateway
routing table, the saga for order processing, event-driven updates, the authentication flow,
and notes on monitoring, error handling and caching. Each is checked here against the pages
archdoc generates from the example's model, without building the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from archdoc.model.flows import FlowBlock, FlowMessage
from archdoc.project import validate_project
from archdoc.site import render_block
from archdoc.site.embed import embed_blocks
from examplesite import Site, load_site
from pagetables import table_with, tables

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "myshop"







@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(EXAMPLE)


def name_of(site: Site, id: str) -> str:
    return site.project.workspace.elements[id].name


def flow(site: Site, id: str):  # type: ignore[no-untyped-def]
    return next(f for f in site.project.workspace.flows if f.id == id)


def messages(site: Site, id: str) -> list[tuple[str, str, str, str]]:
    """(kind, source name, destination name, description) of every message of a flow."""
    return [(m.kind, name_of(site, m.source_id), name_of(site, m.destination_id), m.description)
            for m in flow(site, id).messages()]


SERVICES = ["User Service", "Product Service", "Order Service", "Payment Service",
            "Inventory Service", "Notification Service", "Analytics Service"]


# -- the workspace is complete and validates ------------------------------------------------------


def test_the_workspace_has_the_files_of_a_project() -> None:
    for path in ("mkdocs.yml", "model/__init__.py", "docs/index.md", "adr"):
        assert (EXAMPLE / path).exists(), path
    assert len(list((EXAMPLE / "model").glob("*.py"))) > 2, "the model is split into modules"


def test_validation_is_clean(site: Site) -> None:
    """Clean but for what the observed sources show (observed/): two warnings, no error."""
    found = [(d.rule, d.subject) for d in validate_project(site.project)]
    assert found == [("unobserved-dependency", "myshop.analytics-service->myshop.inventory-service"),
                     ("unmapped-service", "otel-collector")]


# -- the model against the observed sources (observed/) --------------------------------------------


def test_the_model_against_what_runs(site: Site) -> None:
    page = site.page("architecture/observed.md")
    seen = table_with(page, "From", "To", "Calls", "Observed as", "Declared at")
    pairs = {(r["From"], r["To"]): r for r in seen}
    # every gateway route was traced, with Jaeger's call counts
    for route in ROUTES:
        assert ("API Gateway", route[1]) in pairs
    assert pairs[("API Gateway", "Product Service")]["Calls"] == "91,234"
    # the servicegraph's database calls reach the datastores, its messaging pairs the events
    assert pairs[("User Service", "Session store")]["Calls"] == "60,110"
    assert "as events (messaging system)" in pairs[("Payment Service", "Inventory Service")]["Observed as"]
    [never] = [rows for head, rows in tables(page) if head == ["From", "To", "Declared at"]]
    assert [tuple(r[:2]) for r in never] == [("Analytics Service", "Inventory Service")]
    unmapped = table_with(page, "Service", "Calls", "Seen in", "Candidates")
    assert [r["Service"] for r in unmapped] == ["otel-collector"]
    assert "The model declares every observed call." in page
    assert "Pairs with fewer than 10 calls are ignored (1 observed pair left out)." in page
    statuses = {(e.source_id, e.destination_id): e.status for e in site.context.drift.edges}
    assert statuses[("myshop.api-gateway", "myshop.user-service")] == "seen"


def test_the_elements(site: Site) -> None:
    ws = site.project.workspace
    assert [c.name for c in ws.containers() if c.kind == "container"] == ["API Gateway", *SERVICES]
    assert [p.name for p in ws.people()] == ["Customer", "Admin"]
    kinds = {e.name: (e.kind, e.technology) for e in ws.containers() if e.kind != "container"}
    assert kinds == {"Session store": ("database", "Redis"),
                     "Search index": ("database", "Elasticsearch"),
                     "Event bus": ("queue", "")}
    page = site.page("architecture/elements/myshop.md")
    assert 'data-archdoc-view="containers:myshop"' in page
    for name in ["API Gateway", *SERVICES]:
        assert name in page


# -- 1. User Service interactions ------------------------------------------------------------------


def test_every_other_service_depends_on_the_user_service(site: Site) -> None:
    rows = table_with(site.page("architecture/dependencies.md"), "Upstream", "Downstream")
    upstream_of_user = {r["Upstream"] for r in rows if r["Downstream"] == "User Service"}
    assert upstream_of_user == {"API Gateway", *SERVICES} - {"User Service"}
    impact = render_block(site.context, "impact:myshop.user-service", "x.md")
    assert all(s in impact for s in SERVICES if s != "User Service")


# -- 2. the order flow sequence --------------------------------------------------------------------

ORDER_FLOW = [
    ("step", "Customer", "API Gateway", "Place Order"),
    ("step", "API Gateway", "User Service", "Validate User"),
    ("reply", "User Service", "API Gateway", "User Validated"),
    ("step", "API Gateway", "Product Service", "Check Product Availability"),
    ("reply", "Product Service", "API Gateway", "Product Details"),
    ("step", "API Gateway", "Order Service", "Create Order"),
    ("step", "Order Service", "Inventory Service", "Reserve Inventory"),
    ("reply", "Inventory Service", "Order Service", "Inventory Reserved"),
    ("reply", "Order Service", "API Gateway", "Order Created"),
    ("step", "API Gateway", "Payment Service", "Process Payment"),
    ("reply", "Payment Service", "API Gateway", "Payment Processed"),
    ("step", "API Gateway", "Inventory Service", "Confirm Inventory"),
    ("step", "Inventory Service", "Notification Service", "Send Order Confirmation"),
    ("reply", "Notification Service", "Customer", "Order Confirmation Email"),
    ("reply", "API Gateway", "Customer", "Order Confirmation"),
]


def test_the_order_flow_message_by_message(site: Site) -> None:
    assert messages(site, "order-flow") == ORDER_FLOW
    page = site.page("architecture/flows/order-flow.md")
    assert "sequenceDiagram" in page
    assert "actor p0 as Customer" in page
    rows = table_with(page, "#", "From", "To", "Message")
    assert len(rows) == 15 and rows[13]["Message"] == "Order Confirmation Email (reply)"


def test_the_order_processing_data_flow(site: Site) -> None:
    steps = messages(site, "order-processing")
    assert [d for _, _, _, d in steps] == [
        "1. Customer places order", "2. User validation", "3. Product validation",
        "4. Order creation", "5. Inventory reservation", "6. Payment processing",
        "7. Inventory confirmation", "8. Notification dispatch",
        "9. Analytics tracking (Order Placed)"]
    assert [dst for _, _, dst, _ in steps] == [
        "API Gateway", "User Service", "Product Service", "Order Service", "Inventory Service",
        "Payment Service", "Inventory Service", "Notification Service", "Analytics Service"]


# -- 3. product management interactions and the product update flow ---------------------------------


def test_product_management_interactions(site: Site) -> None:
    rows = table_with(site.page("architecture/dependencies.md"), "Upstream", "Downstream")
    pairs = {(r["Upstream"], r["Downstream"]): r for r in rows}
    # Product -> Inventory, Analytics, Notification: consumers of "Product Updated"
    for consumer in ("Inventory Service", "Analytics Service", "Notification Service"):
        assert "Product Updated" in pairs[(consumer, "Product Service")]["Operation"]
    # inventory and notifications only consume the event; analytics also collects metrics (sync)
    assert pairs[("Inventory Service", "Product Service")]["Status"] == "Asynchronous"
    assert pairs[("Notification Service", "Product Service")]["Status"] == "Asynchronous"
    assert pairs[("Analytics Service", "Product Service")]["Status"] == "Healthy"
    assert pairs[("Inventory Service", "Order Service")]["Interaction"] == "async"
    assert ("Analytics Service", "User Service") in pairs
    assert ("Product Service", "Search index") in pairs


def test_the_product_update_flow(site: Site) -> None:
    steps = messages(site, "product-update")
    assert steps[0] == ("step", "Admin", "API Gateway", "1. Admin updates product")
    assert steps[-1] == ("step", "Product Service", "Search index", "5. Search index update")
    par = next(i for i in flow(site, "product-update").items if isinstance(i, FlowBlock))
    assert par.kind == "par" and [b.label for b in par.branches] == [
        "2. Inventory sync", "3. Analytics update", "4. Notification to interested users"]
    assert "par 2. Inventory sync" in site.page("architecture/flows/product-update.md")


# -- the API gateway routing table ------------------------------------------------------------------

ROUTES = [
    ("/api/users", "User Service", "User management"),
    ("/api/products", "Product Service", "Product catalog"),
    ("/api/orders", "Order Service", "Order processing"),
    ("/api/payments", "Payment Service", "Payment handling"),
    ("/api/inventory", "Inventory Service", "Stock management"),
    ("/api/notifications", "Notification Service", "Messaging"),
    ("/api/analytics", "Analytics Service", "Business intelligence"),
]


def test_the_routing_table(site: Site) -> None:
    markdown = render_block(site.context, "outgoing:myshop.api-gateway", "api-gateway.md")
    head, rows = tables(markdown)[0]
    assert head[:3] == ["Operation", "To", "Description"]
    assert [tuple(r[:3]) for r in rows] == ROUTES
    page = (EXAMPLE / "docs" / "api-gateway.md").read_text()
    assert "```archdoc\noutgoing:myshop.api-gateway\n```" in page


# -- the saga with its compensations ---------------------------------------------------------------


def test_the_saga_steps_in_order(site: Site) -> None:
    steps = [d for _, _, _, d in messages(site, "order-saga")]
    forward = ["1. Create Order", "2. Reserve Inventory", "3. Process Payment",
               "4. Confirm Inventory", "5. Send Notification"]
    positions = [next(i for i, d in enumerate(steps) if d.startswith(s)) for s in forward]
    assert positions == sorted(positions)


def test_the_saga_compensates_in_reverse_order(site: Site) -> None:
    saga = flow(site, "order-saga")

    def branch_steps(block: FlowBlock, n: int) -> list[str]:
        out: list[str] = []

        def walk(items: list) -> None:  # type: ignore[type-arg]
            for item in items:
                if isinstance(item, FlowMessage):
                    out.append(item.description)
                elif isinstance(item, FlowBlock):
                    for b in item.branches:
                        walk(b.items)
        walk(block.branches[n].items)
        return [s for s in out if s.startswith("Compensate")]

    reserve = next(i for i in saga.items if isinstance(i, FlowBlock))
    assert reserve.kind == "alt"
    assert [b.label for b in reserve.branches] == ["inventory reserved", "reservation fails: compensate step 1"]
    assert branch_steps(reserve, 1) == ["Compensate 1: cancel the order"]
    pay = next(i for i in reserve.branches[0].items if isinstance(i, FlowBlock))
    assert branch_steps(pay, 1) == ["Compensate 2: release the reservation", "Compensate 1: cancel the order"]
    confirm = next(i for i in pay.branches[0].items if isinstance(i, FlowBlock))
    assert branch_steps(confirm, 1) == ["Compensate 3: refund the payment",
                                        "Compensate 2: release the reservation",
                                        "Compensate 1: cancel the order"]
    page = site.page("architecture/flows/order-saga.md")
    assert "sequenceDiagram" in page and "alt inventory reserved" in page and "else payment fails" in page
    rows = table_with(page, "#", "Message", "When")
    assert any(r["Message"] == "Compensate 3: refund the payment" and "confirmation fails" in r["When"]
               for r in rows)


def test_the_saga_runs_on_events_through_the_bus(site: Site) -> None:
    ws = site.project.workspace
    saga_events = ["Order Placed", "Inventory Reserved", "Inventory Reservation Failed",
                   "Payment Processed", "Payment Failed", "Inventory Confirmed",
                   "Inventory Confirmation Failed", "Payment Refunded", "Inventory Released"]
    for name in saga_events:
        event = ws.events[name]
        assert event.producers and event.consumers, name
        assert all(link.via_id == "myshop.event-bus" for link in (*event.producers, *event.consumers))
    participants = [name_of(site, id) for id in flow(site, "order-saga").participant_ids()]
    assert participants[:4] == ["API Gateway", "Order Service", "Event bus", "Inventory Service"]


# -- event-driven updates ----------------------------------------------------------------------------


def test_event_driven_updates_with_reasons(site: Site) -> None:
    rows = {r["Event"]: r for r in table_with(site.page("architecture/events.md"), "Event", "Published by")}
    assert rows["Product Updated"]["Published by"] == "Product Service via Event bus"
    assert rows["Order Placed"]["Published by"] == "Order Service via Event bus"
    for event, reasons in {
        "Product Updated": ["Inventory Service: Inventory sync", "Analytics Service: Analytics update",
                            "Notification Service: Notification to interested users"],
        "Order Placed": ["Inventory Service: Inventory reservation", "Analytics Service: Analytics tracking",
                         "Notification Service: Notification dispatch"],
    }.items():
        for reason in reasons:
            assert reason in rows[event]["Consumed by (reason)"], (event, reason)


# -- security, operations, data ----------------------------------------------------------------------


def test_the_authentication_flow(site: Site) -> None:
    steps = messages(site, "authentication")
    assert steps[0] == ("step", "Customer", "API Gateway", "1. User authenticates")
    assert ("reply", "User Service", "API Gateway", "2. JWT token issued") in steps
    loop = next(i for i in flow(site, "authentication").items if isinstance(i, FlowBlock))
    assert loop.kind == "loop" and loop.branches[0].label == "3. every subsequent API call"
    assert "4. Token validation" in site.page("architecture/flows/authentication.md")


def test_sessions_in_redis_owned_by_the_user_service(site: Site) -> None:
    rows = table_with(site.page("architecture/data.md"), "Datastore", "Owner")
    assert {(r["Datastore"], r["Technology"], r["Owner"], r["Status"]) for r in rows} == {
        ("Session store", "Redis", "User Service", "healthy"),
        ("Search index", "Elasticsearch", "Product Service", "healthy")}


def test_metrics_collection_and_failure_modes(site: Site) -> None:
    rows = table_with(render_block(site.context, "outgoing:myshop.analytics-service", "x.md"),
                      "Operation", "To", "Description")
    collected = {r["To"]: r["Description"] for r in rows if r["Description"].startswith("Collects metrics")}
    assert collected == {
        "User Service": "Collects metrics: registrations, logins",
        "Product Service": "Collects metrics: views, searches",
        "Order Service": "Collects metrics: orders, revenue",
        "Payment Service": "Collects metrics: transactions",
        "Inventory Service": "Collects metrics: stock levels"}
    modes = table_with(site.page("architecture/failure-modes.md"), "Element", "Impact", "Mitigation")
    assert {r["Element"] for r in modes} >= {"Notification Service", "Event bus", "API Gateway"}
    assert any("dead letter" in r["Mitigation"] + r["Fallback"] for r in modes)
    assert all(e.properties.get("health", "").startswith("/health/")
               for e in site.project.workspace.containers() if e.name in SERVICES)


def _hand_written_pages() -> list[Path]:
    return sorted((EXAMPLE / "docs").rglob("*.md"))


@pytest.mark.parametrize("path", _hand_written_pages(), ids=lambda p: p.name)
def test_hand_written_pages_embed_generated_blocks(site: Site, path: Path) -> None:
    rel = path.relative_to(EXAMPLE / "docs").as_posix()
    keys: list[str] = []
    text = embed_blocks(path.read_text(encoding="utf-8"),
                        lambda key, line: keys.append(key) or render_block(site.context, key, rel))
    assert "```archdoc" not in text
    assert keys, f"{rel} embeds no generated view"


def test_hand_written_pages_are_in_the_nav() -> None:
    nav = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text())["nav"]
    listed = re.findall(r"[\w/-]+\.md", str(nav))
    assert sorted(listed) == sorted(p.relative_to(EXAMPLE / "docs").as_posix() for p in _hand_written_pages())


def test_the_decisions(site: Site) -> None:
    records = site.context.adr_records()
    assert [r.title for r in records] == [
        "Route client requests through an API gateway by URL prefix",
        "Use the saga pattern for order processing",
        "Communicate changes through events",
        "Authenticate with JWTs issued by the User Service",
        "Keep user sessions in Redis",
        "Handle failures with circuit breakers, retries and dead letter queues",
    ]
    assert all(r.status == "accepted" for r in records)
    for r in records:
        assert r.title in site.page("architecture/decisions/index.md")
        assert "<!--" not in r.file.read_text(encoding="utf-8"), f"{r.file.name} still has template text"
    assert "Use the saga pattern" in site.page("architecture/elements/myshop.order-service.md")


# -- the document's interaction diagrams as views, in its colours ---------------------------------

COLOURS = {"User Service": "#2196F3", "Product Service": "#4CAF50", "Order Service": "#4CAF50",
           "Payment Service": "#4CAF50", "Inventory Service": "#FF9800",
           "Notification Service": "#FF9800", "Analytics Service": "#FF9800"}


def test_the_three_interaction_diagrams(site: Site) -> None:
    views = site.context.views
    user = views.static("view:user-service-interactions")
    product = views.static("view:product-management-interactions")
    assert user is not None and product is not None
    # 1. the User Service and the six services that depend on it, left to right
    assert {n.name for n in user.nodes} == set(COLOURS) and user.direction == "LR"
    assert {(e.source_id, e.destination_id) for e in user.edges} >= {
        (n.id, "myshop.user-service") for n in user.nodes if n.name != "User Service"}
    # 2. the order flow, a sequence diagram
    assert views.get("flow:order-flow") is not None
    # 3. product management: product, inventory, analytics, notification, order, user
    assert {n.name for n in product.nodes} == {
        "Product Service", "Inventory Service", "Analytics Service", "Notification Service",
        "Order Service", "User Service"}
    page = site.page("architecture/views/user-service-interactions.md")
    assert 'data-archdoc-view="view:user-service-interactions"' in page
    assert (EXAMPLE / "docs/service-interactions.md").read_text(encoding="utf-8").count("view:") == 2


def test_the_services_keep_the_colours_of_the_document(site: Site) -> None:
    for key in ("view:user-service-interactions", "view:product-management-interactions",
                "containers:myshop"):
        view = site.context.views.static(key)
        assert view is not None
        for node in view.nodes:
            if node.name in COLOURS:
                assert node.style.fill == COLOURS[node.name], (key, node.name)
