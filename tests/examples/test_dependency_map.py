"""examples/dependency-map: every artefact of the hand-written service dependency map, generated.

The map has a dependency network (a flowchart of twelve services and the external PayPal API),
a detailed mapping with operations and statuses and its summary counts, a request flow,
an API versioning strategy and monitoring notes. Each is checked here against the pages archdoc
generates from the example's model, without building the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from archdoc.model.flows import FlowBlock
from archdoc.project import validate_project
from archdoc.site import render_block
from archdoc.site.embed import embed_blocks
from examplesite import Site, load_site
from pagetables import plain as _plain
from pagetables import table_with, tables

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dependency-map"







@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(EXAMPLE)


# -- the workspace is complete and validates ------------------------------------------------------


def test_the_workspace_has_the_files_of_a_project() -> None:
    for path in ("mkdocs.yml", "model/__init__.py", "docs/index.md", "adr"):
        assert (EXAMPLE / path).exists(), path
    assert len(list((EXAMPLE / "model").glob("*.py"))) > 2, "the model is split into modules"


def test_validation_reports_only_the_cycle_the_map_draws(site: Site) -> None:
    findings = validate_project(site.project)
    assert [(d.rule, d.severity) for d in findings] == [("sync-cycle", "warning")]
    assert "platform.auth -> platform.token-manager -> platform.auth" in findings[0].message


def test_the_downgraded_rule_is_configured_and_explained() -> None:
    options = next(p["archdoc"] for p in yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text())["plugins"]
                   if isinstance(p, dict) and "archdoc" in p)
    assert options["rules"] == {"sync-cycle": "warning"}
    assert options["offline_mermaid"] is True
    page = (EXAMPLE / "docs" / "reconciliation.md").read_text()
    assert "sync-cycle" in page and "AUTH <--> TOKEN" in page


# -- the dependency network ------------------------------------------------------------------------

INTERNAL_SERVICES = [
    "frontend SPA", "API Gateway", "Authorization Service", "token Manager", "user Service",
    "profile Service", "user API", "cart Service", "orders Service", "paypal Integration",
    "analytics Service", "stoq Integration",
]

NETWORK = [
    # (upstream, downstream, interaction) for each arrow of the dependency network
    ("frontend SPA", "API Gateway", "sync"),
    ("API Gateway", "Authorization Service", "sync"),
    ("API Gateway", "user Service", "sync"),
    ("API Gateway", "cart Service", "sync"),
    ("API Gateway", "orders Service", "sync"),
    ("API Gateway", "paypal Integration", "sync"),
    ("Authorization Service", "token Manager", "sync"),   # AUTH <--> TOKEN
    ("token Manager", "Authorization Service", "sync"),
    ("user Service", "profile Service", "sync"),
    ("user Service", "user API", "sync"),
    ("cart Service", "paypal Integration", "sync"),
    ("orders Service", "cart Service", "sync"),
    ("orders Service", "paypal Integration", "sync"),
    ("paypal Integration", "PayPal API", "sync"),
    ("analytics Service", "API Gateway", "async"),        # dashed
    ("stoq Integration", "API Gateway", "async"),
    ("PayPal API", "stoq Integration", "async"),
]


def test_the_twelve_internal_services_and_the_external_paypal_api(site: Site) -> None:
    ws = site.project.workspace
    services = [c for c in ws.containers() if c.kind == "container" and not c.external]
    assert [c.name for c in services] == INTERNAL_SERVICES
    paypal = ws.get("paypal-api")
    assert paypal is not None and paypal.external and paypal.kind == "system"
    for name in INTERNAL_SERVICES:
        assert name in site.page("architecture/elements/platform.md")


def test_every_arrow_of_the_network_is_a_dependency_pair(site: Site) -> None:
    rows = table_with(site.page("architecture/dependencies.md"), "Upstream", "Downstream")
    pairs = {(r["Upstream"], r["Downstream"]): r["Interaction"] for r in rows}
    for upstream, downstream, interaction in NETWORK:
        assert pairs.get((upstream, downstream)) == interaction, (upstream, downstream)


def test_the_network_is_drawn_as_a_diagram(site: Site) -> None:
    markdown = render_block(site.context, "containers:platform", "index.md")
    assert "<svg" in markdown  # laid out by Graphviz at build time
    for name in [*INTERNAL_SERVICES, "PayPal API"]:
        assert name in markdown
    assert 'data-archdoc-view="containers:platform"' in site.page("architecture/elements/platform.md")


# -- the detailed mapping and its counts -----------------------------------------------------------

DETAILED_MAPPING = [
    ("API Gateway", "Authorization Service", "Middleware: Verify JWT", "Healthy"),
    ("API Gateway", "user Service", "GET /user/profile", "Healthy"),
    ("API Gateway", "cart Service", "POST /cart/add", "Healthy"),
    ("API Gateway", "orders Service", "POST /orders/create", "Healthy"),
    ("user Service", "profile Service", "GET /profile/:id", "Healthy"),
    ("cart Service", "paypal Integration", "POST /checkout", "Critical Path"),
    ("orders Service", "cart Service", "POST /orders/confirm", "Critical Path"),
    ("orders Service", "paypal Integration", "POST /refund", "Critical Path"),
    ("API Gateway", "analytics Service", "POST /events.track", "Asynchronous"),
    ("API Gateway", "stoq Integration", "openInlineForm / Event", "Asynchronous"),
]


def test_the_dependency_table_has_the_columns_of_the_mapping(site: Site) -> None:
    head, _ = tables(site.page("architecture/dependencies.md"))[0]
    assert head == ["Upstream", "Downstream", "Operation", "Interaction", "Criticality", "Status"]


@pytest.mark.parametrize("upstream, downstream, operation, status", DETAILED_MAPPING)
def test_each_row_of_the_detailed_mapping(site: Site, upstream: str, downstream: str,
                                          operation: str, status: str) -> None:
    rows = table_with(site.page("architecture/dependencies.md"), "Upstream", "Operation", "Status")
    matching = [r for r in rows if (r["Upstream"], r["Downstream"]) == (upstream, downstream)]
    assert len(matching) == 1
    assert matching[0]["Operation"] == operation
    assert matching[0]["Status"] == status


def test_the_summary_counts(site: Site) -> None:
    line = "**19 dependency pairs:** 4 critical path · 10 healthy · 5 async"
    assert line in site.page("architecture/dependencies.md")
    assert ("**12 internal services · 3 critical** — 19 dependency pairs: 4 critical path · "
            "10 healthy · 5 async.") in site.page("architecture/index.md")
    rows = table_with(site.page("architecture/dependencies.md"), "Status")
    statuses = [r["Status"] for r in rows]
    assert (len(statuses), statuses.count("Critical Path"), statuses.count("Healthy"),
            statuses.count("Asynchronous")) == (19, 4, 10, 5)


def test_the_hand_written_counts_are_compared_with_the_generated_ones() -> None:
    page = (EXAMPLE / "docs" / "reconciliation.md").read_text()
    for figure in ("| dependency pairs | 25 | 19 |", "| critical path | 8 | 4 |", "| healthy | 12 | 10 |",
                   "| async | 5 | 5 |", "| internal services | 12 | 12 |", "| critical services | 3 | 3 |"):
        assert figure in page
    assert "dependency-summary" in page


def test_critical_path_through_to_the_external_api(site: Site) -> None:
    page = site.page("architecture/critical-paths.md")
    assert "1. [orders Service]" in page
    first = _plain(page.split("1. ", 1)[1].split("\n", 1)[0])
    assert first == "orders Service → cart Service → paypal Integration → PayPal API"
    assert {e.name for e in site.project.workspace.elements.values() if "critical" in e.tags} == {
        "Authorization Service", "orders Service", "paypal Integration"}


def test_the_cycle_is_visible_in_the_matrix_and_startup_order(site: Site) -> None:
    # one synchronous cycle (Authorization <-> token Manager) and one asynchronous loop (the
    # gateway with the analytics and stoq services that consume its tracked events)
    matrix = site.page("architecture/matrix.md")
    assert "1 synchronous cycle(s), outlined in red" in matrix
    assert "1 loop(s) through asynchronous dependencies (allowed)" in matrix
    rows = table_with(site.page("architecture/startup-order.md"), "Layer")
    layer = next(r for r in rows if "Authorization Service" in r["Starts after the layers above"])
    assert "token Manager ⟳" in layer["Starts after the layers above"]


# -- the request flow ----------------------------------------------------------------------------


def test_the_request_flow_is_a_sequence_diagram(site: Site) -> None:
    page = site.page("architecture/flows/request-flow.md")
    assert "sequenceDiagram" in page
    flow = next(f for f in site.project.workspace.flows if f.id == "request-flow")
    names = {e.id: e.name for e in site.project.workspace.elements.values()}
    steps = [(names[m.source_id], names[m.destination_id], m.description) for m in flow.messages()]
    assert steps[0] == ("frontend SPA", "API Gateway", "API request")
    assert steps[1] == ("API Gateway", "Authorization Service", "Route: Middleware: Verify JWT")
    for target, call in (("user Service", "GET /user/profile"), ("cart Service", "POST /cart/add"),
                         ("orders Service", "POST /orders/create"),
                         ("profile Service", "GET /profile/:id"),
                         ("paypal Integration", "POST /checkout"),
                         ("analytics Service", "POST /events.track")):
        assert any(d == target and call in text for _, d, text in steps), target
    # the three routes after the JWT check are alternatives
    block = next(i for i in flow.items if isinstance(i, FlowBlock))
    assert block.kind == "alt" and [b.label for b in block.branches] == [
        "user request", "cart request", "orders request"]
    assert table_with(page, "#", "From", "To", "Message")


# -- events, monitoring, versioning ----------------------------------------------------------------


def test_the_tracked_event(site: Site) -> None:
    rows = table_with(site.page("architecture/events.md"), "Event", "Published by")
    assert rows[0]["Event"] == "stoq:restock-modal:submitted"
    assert rows[0]["Published by"] == "API Gateway"
    assert "analytics Service: Tracks it in the events table" in rows[0]["Consumed by (reason)"]
    assert "stoq Integration" in rows[0]["Consumed by (reason)"]


def test_monitoring_and_versioning_pages(site: Site) -> None:
    monitoring = (EXAMPLE / "docs" / "monitoring.md").read_text()
    for metric in ("http_server_requests_seconds_count", "http_server_requests_seconds_max",
                   "service_health_status", "stoq:restock-modal:submitted"):
        assert metric in monitoring
    versioning = (EXAMPLE / "docs" / "api-versioning.md").read_text()
    assert "URL path versioning" in versioning and "6 months" in versioning
    assert {"v1.2", "v2.0", "v3.0"} <= set(re.findall(r"v\d\.\d", (EXAMPLE / "docs/api/versions.md").read_text()))
    ws = site.project.workspace
    channels = {e.name: e.properties["version channel"] for e in ws.containers()}
    assert [n for n, c in channels.items() if c.startswith("separate")] == [
        "Authorization Service", "orders Service", "paypal Integration"]
    assert all(e.properties["metrics"] == "prometheus" for e in ws.containers())


def _hand_written_pages() -> list[Path]:
    return sorted((EXAMPLE / "docs").rglob("*.md"))


@pytest.mark.parametrize("path", _hand_written_pages(), ids=lambda p: p.name)
def test_hand_written_pages_embed_generated_blocks(site: Site, path: Path) -> None:
    rel = path.relative_to(EXAMPLE / "docs").as_posix()
    keys: list[str] = []
    text = embed_blocks(path.read_text(encoding="utf-8"),
                        lambda key, line: keys.append(key) or render_block(site.context, key, rel))
    assert "```archdoc" not in text
    if rel != "api/versions.md":
        assert keys, f"{rel} embeds no generated view"


def test_hand_written_pages_are_in_the_nav() -> None:
    nav = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text())["nav"]
    listed = re.findall(r"[\w/-]+\.md", str(nav))
    assert sorted(listed) == sorted(p.relative_to(EXAMPLE / "docs").as_posix() for p in _hand_written_pages())


# -- decisions ---------------------------------------------------------------------------------------


def test_the_decisions(site: Site) -> None:
    records = site.context.adr_records()
    assert [r.title for r in records] == [
        "Verify JWTs in an Authorization middleware at the gateway",
        "Version internal APIs in the URL path",
        "Give the critical dependencies a separate version channel",
        "Dispatch external events through stoq and track them with analytics",
        "Emit service metrics with Prometheus",
    ]
    assert all(r.status == "accepted" for r in records)
    index = site.page("architecture/decisions/index.md")
    for r in records:
        assert r.title in index
        assert "<!--" not in r.file.read_text(encoding="utf-8"), f"{r.file.name} still has template text"
    assert "Give the critical dependencies" in site.page("architecture/elements/platform.paypal.md")


# -- the map's two diagrams as views, and its orange critical services ------------------------------

#: The services the map's request-flow graph draws (UI, API, AUTH, USER, CART, ORDERS, PROFILE,
#: PAYPAL, analytics).
REQUEST_FLOW = ["frontend SPA", "API Gateway", "Authorization Service", "user Service",
                "profile Service", "cart Service", "orders Service", "paypal Integration",
                "analytics Service"]


def _view_names(site: Site, key: str) -> list[str]:
    view = site.context.views.static(key)
    assert view is not None, key
    return [n.name for n in view.nodes]


def test_the_dependency_network_and_the_request_flow_are_views_with_pages(site: Site) -> None:
    network = site.context.views.static("view:dependency-network")
    assert network is not None and network.direction == "LR"
    assert set(_view_names(site, "view:dependency-network")) >= {*INTERNAL_SERVICES, "PayPal API"}
    assert sorted(_view_names(site, "view:request-flow")) == sorted(REQUEST_FLOW)
    for key, title in (("view:dependency-network", "Dependency network"),
                       ("view:request-flow", "Request flow")):
        page = site.page(f"architecture/views/{key.split(':')[1]}.md")
        assert page.startswith(f"# {title}\n") and f'data-archdoc-view="{key}"' in page
    assert 'data-archdoc-view="view:request-flow"' in embed_blocks(
        (EXAMPLE / "docs/request-flow.md").read_text(encoding="utf-8"),
        lambda key, line: render_block(site.context, key, "request-flow.md"))


def test_the_critical_services_are_orange_in_every_view(site: Site) -> None:
    ws = site.project.workspace
    critical = {e.id for e in ws.elements.values() if "critical" in e.tags}
    assert {ws.elements[i].name for i in critical} == {
        "Authorization Service", "orders Service", "paypal Integration"}
    for key in ("view:dependency-network", "view:request-flow", "containers:platform"):
        view = site.context.views.static(key)
        assert view is not None
        for node in view.nodes:
            assert (node.style.fill == "#fb923c") == (node.id in critical), (key, node.id)
