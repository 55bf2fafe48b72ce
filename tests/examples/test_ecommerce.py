"""examples/ecommerce: every artefact of the hand-written e-commerce architecture docs, generated.

The docs have two ADRs (MADR and Y-statement) and an ADR index; C4 context, container and
component write-ups; three sequence diagrams (authentication, checkout with nested alternatives,
WebSocket with a loop); the order data flow with its transformations; the AWS infrastructure
with its resource inventory, network and security-group tables; a dependency matrix and failure
modes. Each is checked here against the pages archdoc generates from the example's model, without
building the site (deployment views drawn with Mermaid, so Graphviz is not needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from archdoc.config import load_config
from archdoc.model.flows import FlowBlock, FlowItem
from archdoc.project import Project, load_project, validate_project
from archdoc.render.icons import resolve_icon
from archdoc.site import Page, SiteContext, generate_pages, render_block
from archdoc.site.embed import embed_blocks
from pagetables import table_with

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ecommerce"


# -- helpers (inline: each example test is self-contained) ------------------------------------


@dataclass
class Site:
    project: Project
    context: SiteContext
    pages: dict[str, Page]

    def page(self, path: str) -> str:
        return self.pages[path].markdown

    def element(self, name: str) -> str:
        """The page of the element with this name."""
        matches = [e for e in self.project.workspace.elements.values() if e.name == name]
        assert len(matches) == 1, f"{len(matches)} elements named {name!r}"
        return self.page(f"architecture/elements/{matches[0].id}.md")





def section(markdown: str, title: str) -> str:
    """The Markdown of the ``## title`` section of a page."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, re.S | re.M)
    assert match, f"no section {title!r}"
    return match.group(1)


def archdoc_options() -> dict:  # type: ignore[type-arg]
    plugins = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text())["plugins"]
    return next(p["archdoc"] for p in plugins if isinstance(p, dict) and "archdoc" in p)


@pytest.fixture(scope="module")
def site() -> Site:
    config = load_config(EXAMPLE / "mkdocs.yml")
    project = load_project(config=config)
    context = SiteContext(workspace=project.workspace, adrs=project.adrs,
                          options={"deployment": "mermaid"})
    pages = {p.path: p for p in generate_pages(context)}
    return Site(project, context, pages)


# -- the workspace is complete and validates ------------------------------------------------------


def test_the_workspace_has_the_files_of_a_project() -> None:
    for path in ("mkdocs.yml", "model/__init__.py", "docs/index.md", "adr"):
        assert (EXAMPLE / path).exists(), path
    assert len(list((EXAMPLE / "model").glob("*.py"))) > 2, "the model is split into modules"


def test_every_hand_written_page_is_in_the_nav_and_its_blocks_render(site: Site) -> None:
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text())

    def paths(nav: list) -> list[str]:  # type: ignore[type-arg]
        out: list[str] = []
        for entry in nav:
            for value in entry.values():
                out += paths(value) if isinstance(value, list) else [value]
        return out

    in_nav = paths(config["nav"])
    docs = EXAMPLE / "docs"
    written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert sorted(in_nav) == written
    for name in written:
        page = name
        text = (EXAMPLE / "docs" / name).read_text()
        rendered = embed_blocks(text, lambda key, line: render_block(site.context, key, page))
        assert "```archdoc" not in rendered, name


def test_validation_has_no_errors_and_only_the_warnings_the_docs_contain(site: Site) -> None:
    findings = validate_project(site.project)
    assert not [d for d in findings if d.severity == "error"]
    assert {d.rule for d in findings} == {
        "multiple-writers", "datastore-without-owner", "container-not-deployed",
        "unused-infrastructure", "unbacked-flow-step",
    }
    options = archdoc_options()
    assert options["rules"] == {"multiple-writers": "warning", "unbacked-flow-step": "warning"}
    assert options["offline_mermaid"] is True
    explained = (EXAMPLE / "docs" / "inconsistencies.md").read_text()
    for rule in {d.rule for d in findings}:
        assert f"`{rule}`" in explained, rule


# -- ADRs and their index --------------------------------------------------------------------------


def test_the_adr_index_lists_the_five_decisions(site: Site) -> None:
    rows = table_with(site.page("architecture/decisions/index.md"),
                      "#", "Decision", "Status", "Date")
    assert [(r["#"], r["Decision"], r["Status"], r["Date"]) for r in rows] == [
        ("0001", "Use PostgreSQL for Primary Database", "accepted", "2025-01-15"),
        ("0002", "Use Next.js for Frontend", "accepted", "2025-01-16"),
        ("0003", "JWT-based Authentication", "accepted", "2025-01-17"),
        ("0004", "URL-based API Versioning", "accepted", "2025-01-18"),
        ("0005", "Use Redis for Message Queue", "proposed", "2025-01-20"),
    ]


def test_the_madr_record_has_its_drivers_options_and_consequences(site: Site) -> None:
    text = (EXAMPLE / "adr" / "0001-use-postgresql-for-primary-database.md").read_text()
    for option in ("PostgreSQL", "MySQL", "MongoDB", "CockroachDB"):
        assert re.search(rf"^\d\. {option}$", text, re.M), option
    for phrase in ("ACID compliance for financial transactions", "Native JSON/JSONB support",
                   "Connection pooling (PgBouncer)", "Prisma as ORM"):
        assert phrase.lower() in text.lower(), phrase
    assert "PostgreSQL" in site.element("PostgreSQL").split("## Decisions", 1)[1]


def test_the_y_statement_record_has_its_six_clauses() -> None:
    text = (EXAMPLE / "adr" / "0002-use-next-js-for-frontend.md").read_text()
    clauses = re.findall(r"^\*\*(.+?)\*\* ", text, re.M)
    assert clauses == ["In the context of", "facing", "we decided", "and against", "to achieve",
                       "accepting"]
    assert "Next.js with App Router" in text and "Create React App, Remix, and Astro" in text


# -- C4: context, containers, components -----------------------------------------------------------


def test_the_context_has_the_actors_and_the_external_systems(site: Site) -> None:
    page = site.element("E-Commerce System")
    people = {r["Person"]: r["Description"] for r in table_with(page, "Person", "Description")}
    assert people == {"Customer": "End user who browses and purchases products",
                      "Admin": "Internal staff managing products and orders"}
    systems = {r["System"]: r for r in table_with(page, "System", "Kind", "Integration")}
    assert set(systems) >= {"Payment Provider", "Email Service", "Warehouse System"}
    assert all(r["Kind"] == "external" for r in systems.values())
    assert "REST API" in systems["Payment Provider"]["Integration"]
    assert "REST API" in systems["Email Service"]["Integration"]
    assert "Webhook" in systems["Warehouse System"]["Integration"]
    assert "API" in systems["Warehouse System"]["Integration"]
    ws = site.project.workspace
    vendors = {e.name: e.properties.get("vendor") for e in ws.systems() if e.external}
    assert vendors["Payment Provider"] == "Stripe" and vendors["Email Service"] == "SendGrid"
    context = render_block(site.context, "context:ecommerce", "x.md")
    for name in ("Customer", "Payment Provider", "Email Service", "Warehouse System"):
        assert name in context


CONTAINERS = [
    # (container, technology, purpose) as the container table gives them
    ("Web App", "Next.js 14", "Server-rendered e-commerce storefront"),
    ("Mobile App", "React Native", "iOS/Android shopping app"),
    ("Admin Portal", "React + Vite", "Internal admin dashboard"),
    ("API Gateway", "Kong", "Rate limiting, auth, routing"),
    ("Product API", "Node.js/Express", "Product catalog management"),
    ("Order API", "Node.js/Express", "Order processing and checkout"),
    ("User API", "Node.js/Express", "Authentication and user management"),
    ("PostgreSQL", "16", "Primary data store"),
    ("Redis", "7", "Caching and session storage"),
    ("Elasticsearch", "8", "Product search and filtering"),
]


def test_the_containers_have_their_technology_and_purpose(site: Site) -> None:
    page = site.element("E-Commerce System")
    rows = {r["Container"]: r for r in table_with(page, "Container", "Technology", "Purpose")}
    for name, technology, purpose in CONTAINERS:
        assert technology in rows[name]["Technology"], name
        assert rows[name]["Purpose"].startswith(purpose), name
    assert rows["PostgreSQL"]["Kind"] == "Database"
    view = render_block(site.context, "containers:ecommerce", "x.md")
    for name, _, _ in CONTAINERS:
        assert name in view, name


COMPONENTS = [
    ("OrderController", "HTTP endpoints for order operations"),
    ("CartController", "HTTP endpoints for cart management"),
    ("CheckoutController", "HTTP endpoints for checkout flow"),
    ("OrderService", "Order business logic and validation"),
    ("CartService", "Cart operations and calculations"),
    ("PaymentService", "Payment processing integration"),
    ("InventoryService", "Stock management and reservation"),
    ("NotificationService", "Email/SMS notification dispatch"),
]


def test_the_order_api_has_its_components_in_three_layers(site: Site) -> None:
    rows = {r["Component"]: r["Responsibility"]
            for r in table_with(site.element("Order API"), "Component", "Responsibility")}
    for name, responsibility in COMPONENTS:
        assert rows[name] == responsibility
    assert {"OrderRepository", "CartRepository", "ProductRepository"} <= set(rows)
    ws = site.project.workspace
    layers = {c.name: c.tags[0] for c in ws.children_of("ecommerce.order-api")}
    assert [n for n, t in layers.items() if t == "api-layer"] == [
        "OrderController", "CartController", "CheckoutController"]
    assert sum(t == "service-layer" for t in layers.values()) == 5
    assert sum(t == "data-access-layer" for t in layers.values()) == 3
    options = archdoc_options()
    assert [layer["name"] for layer in options["layers"]][3:6] == [
        "API layer", "service layer", "data access layer"]


# -- sequence diagrams and the data flow -----------------------------------------------------------


def _blocks(items: list[FlowItem], depth: int = 0) -> list[tuple[str, int, list[str]]]:
    """Every block of a flow: (kind, nesting depth, branch labels)."""
    found = []
    for item in items:
        if isinstance(item, FlowBlock):
            found.append((item.kind, depth, [b.label for b in item.branches]))
            for branch in item.branches:
                found += _blocks(branch.items, depth + 1)
    return found


def _flow(site: Site, id: str):  # type: ignore[no-untyped-def]
    return next(f for f in site.project.workspace.flows if f.id == id)


def test_the_authentication_flow_has_its_alternative(site: Site) -> None:
    assert _blocks(_flow(site, "authentication").items) == [
        ("alt", 0, ["Invalid credentials", "Valid credentials"])]
    diagram = site.page("architecture/flows/authentication.md")
    participants = ("Customer", "Web App", "API Gateway", "Auth Service", "PostgreSQL", "Redis")
    for participant in participants:
        assert f" as {participant}\n" in diagram
    assert "alt Invalid credentials" in diagram and "else Valid credentials" in diagram
    assert "401 Unauthorized" in diagram and "Store refresh token" in diagram


def test_the_checkout_flow_nests_the_payment_alternative_in_the_stock_one(site: Site) -> None:
    assert _blocks(_flow(site, "checkout").items) == [
        ("alt", 0, ["Insufficient stock", "Stock available"]),
        ("alt", 1, ["Payment failed", "Payment success"]),
    ]
    steps = table_with(site.page("architecture/flows/checkout.md"),
                       "#", "From", "To", "Message", "When")
    assert len(steps) == 19
    declined = next(r for r in steps if r["Message"].startswith("402 Payment Required"))
    assert declined["When"] == "else Stock available › if Payment failed"
    assert any(r["Message"] == "409 Conflict (reply)" for r in steps)
    assert any(r["Message"] == "201 Created (reply)" for r in steps)


def test_the_websocket_flow_has_its_loop(site: Site) -> None:
    assert _blocks(_flow(site, "websocket").items) == [("loop", 0, ["Real-time updates"])]
    diagram = site.page("architecture/flows/websocket.md")
    assert "loop Real-time updates" in diagram
    for participant in ("Load Balancer", "WebSocket Server", "Redis", "PostgreSQL"):
        assert f" as {participant}\n" in diagram
    assert "Unsubscribe" in diagram


def test_the_order_data_flow_has_its_stages_and_transformations(site: Site) -> None:
    flow = _flow(site, "order-data-flow")
    assert _blocks(flow.items) == [("par", 0, ["Payment", "Inventory", "Email"])]
    steps = table_with(site.page("architecture/flows/order-data-flow.md"), "From", "To", "Message")
    messages = " ".join(r["Message"] for r in steps)
    for transformation in ("Cart → Checkout", "Checkout → Order", "Order → Warehouse",
                           "Warehouse → Shipped", "add shipping, calculate totals",
                           "confirm payment, generate ID", "extract shipping details",
                           "add carrier, tracking number"):
        assert transformation in messages, transformation
    diagram = site.page("architecture/flows/order-data-flow.md")
    for state in ("Order Created", "Order Confirmed", "Shipped", "Delivered"):
        assert f": {state}" in diagram, state
    ws = site.project.workspace
    assert "Cart data: 30 days" in ws.elements["ecommerce.redis"].properties["retention"]
    assert "Order records: 7 years" in ws.elements["ecommerce.postgresql"].properties["retention"]


# -- the AWS infrastructure ------------------------------------------------------------------------


def test_the_environment_nests_region_vpc_subnets_and_resources(site: Site) -> None:
    ws = site.project.workspace
    nodes = {n.name: n for n in ws.nodes_of("production")}
    parent = {n.name: ws.nodes[n.parent_id].name if n.parent_id else None for n in nodes.values()}
    assert parent["VPC"] == "AWS Cloud"
    for subnet in ("Public A", "Public B", "Private A", "Private B", "Data A", "Data B"):
        assert parent[subnet] == "VPC", subnet
    assert parent["ALB (AZ-A)"] == "Public A" and parent["ALB (AZ-B)"] == "Public B"
    assert parent["ECS Task (API, AZ-A)"] == "Private A"
    assert parent["ECS Task (Worker, AZ-B)"] == "Private B"
    assert parent["RDS Primary"] == "Data A" and parent["RDS Replica"] == "Data B"
    assert parent["ElastiCache"] == "Data A" and parent["S3"] == "AWS Cloud"
    for service in ("CloudFront", "Route53", "SES", "CloudWatch"):
        assert parent[service] == "AWS Cloud"
    assert all(n.icon and resolve_icon(n.icon) for n in nodes.values())
    assert nodes["ALB (AZ-A)"].icon == "aws.network.ELB"
    assert nodes["RDS Primary"].icon == "aws.database.RDS"
    assert nodes["ElastiCache"].icon == "aws.database.ElastiCache"
    assert nodes["S3"].icon == "aws.storage.S3"
    runs = {(ws.nodes[i.node_id].name, ws.elements[i.container_id].name) for i in ws.instances}
    assert {("RDS Primary", "PostgreSQL"), ("RDS Replica", "PostgreSQL"), ("ElastiCache", "Redis"),
            ("ECS Task (API, AZ-A)", "Order API"), ("ECS Task (Worker, AZ-B)", "Worker"),
            ("ALB (AZ-A)", "Load Balancer")} <= runs


def test_the_resource_inventory_has_the_specs(site: Site) -> None:
    page = site.page("architecture/deployment/production.md")
    rows = {r["Node"]: r for r in table_with(page, "Node", "Technology", "Instances", "Properties")}
    assert rows["ECS Task (API, AZ-A)"]["Instances"] == "1-5"
    assert "2-10 tasks, 512 CPU, 1GB RAM" in rows["ECS Task (API, AZ-A)"]["Properties"]
    assert "2-5 tasks, 256 CPU, 512MB RAM" in rows["ECS Task (Worker, AZ-A)"]["Properties"]
    assert "db.r6g.xlarge, 500GB" in rows["RDS Primary"]["Properties"]
    assert "db.r6g.large, 500GB" in rows["RDS Replica"]["Properties"]
    assert "cache.r6g.large, cluster mode" in rows["ElastiCache"]["Properties"]
    assert "Static assets, uploads" in rows["S3"]["Properties"]
    assert "Order API" in rows["ECS Task (API, AZ-B)"]["Runs"]
    assert 'data-archdoc-view="deployment:production"' in page  # the drawing of the environment


def test_the_network_table_matches_the_network_configuration(site: Site) -> None:
    network = section(site.page("architecture/deployment/production.md"), "Network")
    rows = table_with(network, "CIDR")
    assert [(r["CIDR"], r["Node"], r["Purpose"]) for r in rows] == [
        ("10.0.0.0/16", "VPC", "Main VPC"),
        ("10.0.1.0/24", "Public A", "ALB, NAT Gateway"),
        ("10.0.2.0/24", "Public B", "ALB, NAT Gateway"),
        ("10.0.10.0/24", "Private A", "ECS Tasks"),
        ("10.0.11.0/24", "Private B", "ECS Tasks"),
        ("10.0.20.0/24", "Data A", "RDS, ElastiCache"),
        ("10.0.21.0/24", "Data B", "RDS, ElastiCache"),
    ]


def test_the_security_group_table_matches_the_security_groups(site: Site) -> None:
    rows = table_with(section(site.page("architecture/deployment/production.md"), "Security group"),
                      "Name", "Inbound", "Outbound")
    groups = {(r["Name"], r["Inbound"], r["Outbound"]) for r in rows}
    assert groups == {
        ("alb-sg", "443 from 0.0.0.0/0", "All to vpc"),
        ("ecs-sg", "3000 from alb-sg", "All"),
        ("rds-sg", "5432 from ecs-sg", "None"),
        ("redis-sg", "6379 from ecs-sg", "None"),
    }
    attached = {r["Node"]: r["Name"] for r in rows}
    assert attached["ALB (AZ-A)"] == "alb-sg" and attached["ECS Task (API, AZ-B)"] == "ecs-sg"
    assert attached["RDS Primary"] == attached["RDS Replica"] == "rds-sg"
    assert attached["ElastiCache"] == "redis-sg"


# -- dependencies and failure modes ----------------------------------------------------------------

DEPENDS_ON = {
    # the dependency matrix: service -> what it depends on, with its criticality
    "Web App": ["API Gateway"],
    "API Gateway": ["Product API", "Order API", "User API"],
    "Product API": ["PostgreSQL", "Elasticsearch", "Redis"],
    "Order API": ["PostgreSQL", "Redis", "Payment Provider", "Email Service"],
    "User API": ["PostgreSQL", "Redis", "Email Service"],
}
CRITICALITY = {"API Gateway": "critical", "Order API": "critical", "User API": "critical",
               "PostgreSQL": "critical", "Product API": "high", "Redis": "high",
               "Elasticsearch": "medium"}


def test_the_dependency_matrix_and_pairs_have_every_dependency(site: Site) -> None:
    matrix = site.page("architecture/matrix.md")
    assert "<svg" in matrix and "rows depend on columns" in matrix
    for name in ("Web App", "API Gateway", "Order API", "PostgreSQL", "Elasticsearch"):
        assert name in matrix
    pairs = {(r["Upstream"], r["Downstream"]): r
             for r in table_with(site.page("architecture/dependencies.md"),
                                 "Upstream", "Downstream", "Criticality")}
    for service, targets in DEPENDS_ON.items():
        for target in targets:
            assert (service, target) in pairs, (service, target)
            if target in CRITICALITY:
                criticality = pairs[(service, target)]["Criticality"]
                assert criticality == CRITICALITY[target], (service, target)
    depended_by = {d for (u, d) in pairs if u in ("Product API", "Order API", "User API")}
    assert {"PostgreSQL", "Redis"} <= depended_by
    assert not [p for p in pairs if p[0] in ("PostgreSQL", "Redis", "Elasticsearch")]
    assert ("Order API", "Payment Provider") in pairs and ("Order API", "SMS Service") in pairs


FAILURES = [
    ("PostgreSQL", "Full outage", "Multi-AZ, automatic failover"),
    ("Redis", "Degraded performance", "Fallback to DB"),
    ("Elasticsearch", "Search unavailable", "Fallback to DB search"),
    ("Payment Provider", "Checkout unavailable", "Queue orders, retry"),
    ("Email Service", "Emails delayed", "Queue emails, retry"),
]


def test_the_failure_modes_table_has_each_failure(site: Site) -> None:
    rows = table_with(site.page("architecture/failure-modes.md"),
                      "Element", "Impact", "Mitigation", "Fallback")
    assert [r["Element"] for r in rows] == [f[0] for f in FAILURES]
    for row, (_, impact, softened) in zip(rows, FAILURES):
        assert row["Impact"] == impact
        assert softened in f"{row['Mitigation']} {row['Fallback']}"
    assert "Circuit breaker" in rows[1]["Mitigation"]
    assert "Full outage" in site.element("PostgreSQL")
