"""examples/nexus-cos: the Nexus COS service dependency document, generated.

The document names 43 application services in dependency trees grouped by layer, four critical
path flows, external dependencies by category, a startup sequence in five phases, graceful
degradation with circuit breakers, and a few contradictions of its own (one shared database
despite "database per service", an auth-service <-> auth-service-v2 cycle). Each artefact is
checked here against the pages archdoc generates from the example's model, without building the
site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from archdoc import Workspace
from archdoc.analysis.structure import startup_layers, sync_cycles
from archdoc.config import load_config
from archdoc.project import Project, load_project, validate_project
from archdoc.site import Page, SiteContext, generate_pages, render_block
from archdoc.site.embed import embed_blocks
from archdoc.validation.patterns import matches_any
from archdoc.validation.registry import RuleContext, run_rules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nexus-cos"
SYSTEM = "nexus-cos"


# -- helpers (inline: each example test is self-contained) ------------------------------------


@dataclass
class Site:
    project: Project
    context: SiteContext
    pages: dict[str, Page]

    @property
    def ws(self) -> Workspace:
        return self.project.workspace

    def page(self, path: str) -> str:
        return self.pages[path].markdown

    def by_name(self, name: str, parent: str | None = SYSTEM) -> str:
        """The id of the element with this name (inside ``parent``)."""
        found = [e.id for e in self.ws.elements.values()
                 if e.name == name and (parent is None or e.parent_id == parent)]
        assert len(found) == 1, f"{len(found)} elements named {name!r}"
        return found[0]

    def hand_written(self, name: str) -> str:
        """A page of docs/ with its archdoc blocks rendered, as the plugin does."""
        text = (EXAMPLE / "docs" / name).read_text(encoding="utf-8")
        return embed_blocks(text, lambda key, line: render_block(self.context, key, name))


def _plain(cell: str) -> str:
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)
    cell = re.sub(r"<[^>]+>", " ", cell)
    return re.sub(r"\s+", " ", cell.replace("\\", "").replace("&nbsp;", "")).strip()


def table_with(markdown: str, *headers: str) -> list[dict[str, str]]:
    """The rows, as dicts of plain text, of the first pipe table that has all these headers."""
    lines = markdown.split("\n")
    for i in range(len(lines) - 1):
        if lines[i].startswith("|") and re.match(r"^\|[\s:|-]+\|$", lines[i + 1].strip()):
            head = [_plain(c) for c in lines[i].strip().strip("|").split(" | ")]
            if not all(h in head for h in headers):
                continue
            rows = []
            for line in lines[i + 2:]:
                if not line.startswith("|"):
                    break
                rows.append(dict(zip(head, (_plain(c) for c in line.strip()[1:-1].split(" | ")))))
            return rows
    raise AssertionError(f"no table with {headers}")


@pytest.fixture(scope="module")
def site() -> Site:
    project = load_project(config=load_config(EXAMPLE / "mkdocs.yml"))
    context = SiteContext(workspace=project.workspace, adrs=project.adrs,
                          diagnostics=validate_project(project), options={"deployment": "mermaid"})
    return Site(project, context, {p.path: p for p in generate_pages(context)})


# -- what the source document states -------------------------------------------------------------------

SERVICES = [
    # Authentication layer, API gateway layer
    "auth-service", "user-auth", "session-mgr", "token-mgr", "key-service", "auth-service-v2",
    "backend-api",
    # Content & Streaming
    "streaming-service-v2", "streamcore", "content-management", "puabo-dsp-streaming-api",
    "puabo-dsp-metadata-mgr", "puabo-dsp-upload-mgr",
    # Business
    "billing-service", "invoice-gen", "ledger-mgr", "scheduler",
    # AI
    "kei-ai", "ai-service", "nexus-cos-studio-ai", "puaboai-sdk", "puabo-nexus-ai-dispatch",
    # E-Commerce
    "puabo-nuki-order-processor", "puabo-nuki-product-catalog", "puabo-nuki-inventory-mgr",
    "puabo-nuki-shipping-service",
    # Financial
    "puabo-blac-loan-processor", "puabo-blac-risk-assessment",
    # Logistics
    "puabo-nexus-fleet-manager", "puabo-nexus-driver-app-backend", "puabo-nexus-route-optimizer",
    # Entertainment
    "boom-boom-room-live", "vscreen-hollywood", "v-caster-pro", "v-prompter-pro", "v-screen-pro",
    # Platform
    "pv-keys", "glitch", "metatwin",
    # Specialized
    "creator-hub-v2", "puabomusicchain", "puaboverse-v2", "puabo-nexus",
]

# The dependency trees, parent -> child, with the source document's generic names mapped as the
# "What the source document says" page describes (a generic name maps to every vendor of its category).
GENERIC = {
    "Database": ["nexus-cos.database-service"],
    "Redis": ["nexus-cos.redis-service"],
    "Message queue": ["nexus-cos.message-queue"],
    "CDN": ["cdn.cloudflare", "cdn.aws-cloudfront"],
    "Payment gateway (external)": ["payment-processors.stripe", "payment-processors.paypal"],
    "Maps API (external)": ["maps-routing.google-maps-api", "maps-routing.mapbox"],
    "Monitoring stack": ["monitoring.prometheus", "monitoring.grafana"],
    "Blockchain network": ["blockchain.ethereum", "blockchain.polygon"],
    "External shipping APIs": ["external-shipping-apis"],
    "External credit APIs": ["external-credit-apis"],
    "Traffic data API": ["traffic-data-api"],
}
TREES = {
    "auth-service": ["user-auth", "auth-service-v2"],
    "user-auth": ["Database", "session-mgr"],
    "session-mgr": ["Redis", "token-mgr"],
    "token-mgr": ["Redis", "key-service"],
    "key-service": ["Database", "Redis"],
    "auth-service-v2": ["auth-service", "token-mgr"],
    "backend-api": ["auth-service", "auth-service-v2", "Load balancer"],
    "streaming-service-v2": ["streamcore", "content-management", "session-mgr"],
    "streamcore": ["Database", "CDN"],
    "content-management": ["Database", "Storage service"],
    "puabo-dsp-streaming-api": ["streamcore", "puabo-dsp-metadata-mgr"],
    "puabo-dsp-metadata-mgr": ["Database"],
    "puabo-dsp-upload-mgr": ["Storage service", "content-management", "puabo-dsp-metadata-mgr"],
    "billing-service": ["Database", "Payment gateway (external)", "invoice-gen", "auth-service"],
    "invoice-gen": ["Database", "ledger-mgr"],
    "ledger-mgr": ["Database", "Blockchain service"],
    "scheduler": ["Database", "Redis", "Message queue"],
    "kei-ai": ["ai-service", "Database"],
    "ai-service": ["ML models", "GPU resources"],
    "nexus-cos-studio-ai": ["kei-ai", "content-management"],
    "puaboai-sdk": ["ai-service"],
    "puabo-nexus-ai-dispatch": ["kei-ai", "scheduler", "puabo-nexus-fleet-manager"],
    "puabo-nuki-order-processor": ["puabo-nuki-product-catalog", "puabo-nuki-inventory-mgr",
                                   "billing-service", "puabo-nuki-shipping-service"],
    "puabo-nuki-product-catalog": ["Database"],
    "puabo-nuki-inventory-mgr": ["Database", "Redis"],
    "puabo-nuki-shipping-service": ["puabo-nexus-route-optimizer", "External shipping APIs"],
    "puabo-blac-loan-processor": ["puabo-blac-risk-assessment", "billing-service", "Database"],
    "puabo-blac-risk-assessment": ["ai-service", "ledger-mgr", "External credit APIs"],
    "puabo-nexus-fleet-manager": ["Database", "scheduler", "Redis"],
    "puabo-nexus-driver-app-backend": ["puabo-nexus-fleet-manager", "puabo-nexus-route-optimizer",
                                       "session-mgr", "Database"],
    "puabo-nexus-route-optimizer": ["ai-service", "Maps API (external)", "Traffic data API"],
    "boom-boom-room-live": ["streaming-service-v2", "content-management", "user-auth"],
    "vscreen-hollywood": ["content-management", "billing-service", "creator-hub-v2"],
    "v-caster-pro": ["Database", "content-management"],
    "v-prompter-pro": ["streaming-service-v2", "Database"],
    "v-screen-pro": ["content-management", "streaming-service-v2"],
    "pv-keys": ["key-service", "Hardware Security Module (HSM)"],
    "glitch": ["Database", "Monitoring stack", "Alert system"],
    "metatwin": ["ai-service", "Database", "streamcore"],
    "creator-hub-v2": ["content-management", "billing-service", "user-auth",
                       "streaming-service-v2"],
    "puabomusicchain": ["Blockchain network", "ledger-mgr", "content-management",
                        "billing-service"],
    "puaboverse-v2": ["streaming-service-v2", "ai-service", "content-management", "metatwin"],
    "puabo-nexus": ["auth-service", "backend-api", "Database"],
}

CATEGORIES = {
    # category system id: (group, vendors)
    "payment-processors": ("Third-Party Services", ["Stripe", "PayPal"]),
    "cloud-storage": ("Third-Party Services", ["AWS S3", "Azure Blob"]),
    "cdn": ("Third-Party Services", ["CloudFlare", "AWS CloudFront"]),
    "maps-routing": ("Third-Party Services", ["Google Maps API", "Mapbox"]),
    "email": ("Third-Party Services", ["SendGrid", "AWS SES"]),
    "sms": ("Third-Party Services", ["Twilio"]),
    "blockchain": ("Third-Party Services", ["Ethereum", "Polygon"]),
    "container-registry": ("Infrastructure Dependencies", ["Docker Hub", "AWS ECR"]),
    "dns": ("Infrastructure Dependencies", ["CloudFlare", "Route53"]),
    "ssl-certificates": ("Infrastructure Dependencies", ["Let's Encrypt"]),
    "monitoring": ("Infrastructure Dependencies", ["Prometheus", "Grafana"]),
    "logging": ("Infrastructure Dependencies", ["ELK Stack"]),
}

PHASES = {
    "1. Infrastructure (0-30s)": ["Database Service", "Redis Service", "Message Queue"],
    "2. Core Services (30-60s)": ["key-service", "auth-service", "session-mgr", "token-mgr"],
    "3. Platform Services (60-90s)": ["backend-api", "glitch", "scheduler"],
    "5. Frontend (120-150s)": ["Web applications", "Mobile backends"],
}

FLOWS = {
    "user-authentication-flow": [
        ("backend-api", "auth-service"), ("auth-service", "user-auth"),
        ("user-auth", "Database Service"), ("user-auth", "session-mgr"),
        ("session-mgr", "token-mgr"), ("token-mgr", "Redis Service")],
    "content-upload-flow": [
        ("backend-api", "puabo-dsp-upload-mgr"), ("puabo-dsp-upload-mgr", "content-management"),
        ("content-management", "Storage service"),
        ("puabo-dsp-upload-mgr", "puabo-dsp-metadata-mgr"),
        ("puabo-dsp-metadata-mgr", "Database Service")],
    "order-processing-flow": [
        ("backend-api", "puabo-nuki-order-processor"),
        ("puabo-nuki-order-processor", "puabo-nuki-inventory-mgr"),
        ("puabo-nuki-order-processor", "billing-service"), ("billing-service", "invoice-gen"),
        ("invoice-gen", "ledger-mgr"), ("ledger-mgr", "Database Service")],
    "streaming-flow": [
        ("backend-api", "streaming-service-v2"), ("streaming-service-v2", "streamcore"),
        ("streaming-service-v2", "content-management")],
}


def _ids(site: Site, name: str) -> list[str]:
    """The element ids a seed name stands for."""
    if name in GENERIC:
        assert all(id in site.ws.elements for id in GENERIC[name])
        return GENERIC[name]
    return [site.by_name(name)]


# -- services and dependencies --------------------------------------------------------------


def test_the_43_services_the_seed_names_are_the_services_of_the_model(site: Site) -> None:
    services = [e for e in site.ws.elements.values() if "service" in e.tags]
    assert [e.name for e in services] == sorted(SERVICES, key=[e.name for e in services].index)
    assert sorted(e.name for e in services) == sorted(SERVICES)
    assert len(services) == 43 == len(set(SERVICES))
    assert all(e.parent_id == SYSTEM and e.kind == "container" and e.description for e in services)
    # Foundation, infrastructure and front ends are there too, and the page says how they count.
    for name in ["Database Service", "Redis Service", "Message Queue", "Load balancer",
                 "Storage service", "Blockchain service", "GPU resources", "ML models",
                 "Hardware Security Module (HSM)", "Alert system", "Web applications",
                 "Mobile backends"]:
        site.by_name(name)
    assert site.ws.elements[site.by_name("Database Service")].technology == "PostgreSQL"
    assert site.ws.elements[site.by_name("Message Queue")].kind == "queue"
    text = (EXAMPLE / "docs" / "services.md").read_text()
    assert "exactly **43 application services**" in text and "46" in text
    system_page = site.page(f"architecture/elements/{SYSTEM}.md")
    rows = table_with(system_page, "Container", "Purpose")
    assert {r["Container"] for r in rows} >= set(SERVICES)


def test_every_dependency_of_the_seed_trees_is_a_relationship(site: Site) -> None:
    declared = {(r.source_id, r.destination_id) for r in site.ws.relationships}
    missing = []
    for parent, children in TREES.items():
        source = site.by_name(parent)
        for child in children:
            for target in _ids(site, child):
                if (source, target) not in declared:
                    missing.append(f"{parent} -> {child} ({target})")
    assert not missing
    # backend-api: "All downstream services" is every domain service.
    backend = site.by_name("backend-api")
    domain = [e.id for e in site.ws.elements.values() if "domain" in e.tags]
    assert len(domain) == 32
    assert all((backend, d) in declared for d in domain)
    assert (backend, site.by_name("puabo-nexus")) not in declared  # it calls backend-api
    # ...and the dependency pairs table shows them.
    pairs = table_with(site.page("architecture/dependencies.md"),
                       "Upstream", "Downstream", "Status")
    shown = {(r["Upstream"], r["Downstream"]) for r in pairs}
    assert ("vscreen-hollywood", "creator-hub-v2") in shown
    assert ("pv-keys", "Hardware Security Module (HSM)") in shown
    assert ("billing-service", "Stripe") in shown and ("billing-service", "PayPal") in shown


def test_each_service_is_in_the_layer_of_its_tier(site: Site) -> None:
    layers = site.project.config.layers
    assert [rule.name for rule in layers] == [
        "Frontend", "Integration hub", "API gateway", "Domain services", "Platform services",
        "Core services", "Infrastructure", "External dependencies"]

    def layer(name: str, parent: str | None = SYSTEM) -> str:
        element = site.ws.elements[site.by_name(name, parent)]
        return next(rule.name for rule in layers if matches_any(element, rule.match))

    assert layer("Web applications") == "Frontend"
    assert layer("puabo-nexus") == "Integration hub"
    assert layer("backend-api") == "API gateway"
    assert layer("vscreen-hollywood") == layer("metatwin") == "Domain services"
    assert layer("scheduler") == layer("glitch") == "Platform services"
    assert {layer(n) for n in ["auth-service", "user-auth", "session-mgr", "token-mgr",
                               "key-service", "auth-service-v2", "pv-keys"]} == {"Core services"}
    assert layer("Database Service") == layer("Storage service") == "Infrastructure"
    assert layer("Stripe", "payment-processors") == "External dependencies"
    assert layer("Traffic data API", None) == "External dependencies"
    # Every element of the system is in a layer.
    for element in site.ws.elements.values():
        if element.parent_id == SYSTEM:
            assert any(matches_any(element, rule.match) for rule in layers), element.id


def test_the_layers_are_the_groups_every_view_frames_them_in(site: Site) -> None:
    layers = [rule for rule in site.project.config.layers if rule.name != "External dependencies"]
    view = site.context.views.static(f"containers:{SYSTEM}")
    assert view is not None
    frames = {b.id: b for b in view.boundaries}
    drawn = {n.id: n for n in view.nodes}
    for element in site.ws.elements.values():
        if element.parent_id != SYSTEM:
            continue
        layer = next(rule.name for rule in layers if matches_any(element, rule.match))
        node = drawn[element.id]
        assert node.boundary is not None
        outer = frames[node.boundary]
        while outer.parent is not None and frames[outer.parent].kind == "group":
            outer = frames[outer.parent]  # a domain section sits inside its layer
        assert (outer.kind, outer.label) == ("group", layer), element.id
    assert frames[drawn[site.by_name("streamcore")].boundary].label == "Content & Streaming"
    # the groups are drawn: one frame each in the page's drawing
    page = site.page(f"architecture/elements/{SYSTEM}.md")
    assert all(f">{layer.name}</text>" in page or layer.name in page for layer in layers)


def test_layer_and_forbidden_rules_fire_when_a_variant_breaks_them(site: Site) -> None:
    ws = Workspace("Nexus COS variant")
    nexus = ws.system("Nexus COS", "variant")
    web = nexus.container("Web applications", "web", tags=["frontend"])
    gateway = nexus.container("backend-api", "gateway", tags=["service", "gateway"])
    billing = nexus.container("billing-service", "billing", tags=["service", "domain"])
    scheduler = nexus.container("scheduler", "jobs", tags=["service", "platform"])
    auth = nexus.container("auth-service", "auth", tags=["service", "core"])
    db = nexus.database("Database Service", "db", tags=["infrastructure"], owner=billing)
    web.uses(gateway, "ok")
    gateway.uses(billing, "ok")
    billing.uses(auth, "ok")
    billing.uses(db, "ok")
    auth.uses(billing, "core calls a domain service")          # layer-violation
    scheduler.uses(gateway, "platform calls the gateway")       # layer-violation + forbidden
    web.uses(db, "front end reads the database", access="read")  # forbidden (+ foreign read)
    findings = list(run_rules(RuleContext(config=site.project.config, workspace=ws)))
    layer = sorted(f.message for f in findings if f.rule == "layer-violation")
    assert layer == [
        "nexus-cos.auth-service (layer 'Core services') depends on nexus-cos.billing-service "
        "(layer 'Domain services', above it)",
        "nexus-cos.scheduler (layer 'Platform services') depends on nexus-cos.backend-api "
        "(layer 'API gateway', above it)",
    ]
    forbidden = sorted(f.message for f in findings if f.rule == "forbidden-dependency")
    assert forbidden == [
        "nexus-cos.scheduler must not depend on nexus-cos.backend-api (the API gateway is the "
        "way in, not a dependency of the services behind it)",
        "nexus-cos.web-applications must not depend on nexus-cos.database-service "
        "(front ends reach data through backend-api)",
    ]
    assert all(f.severity == "error" for f in findings
               if f.rule in ("layer-violation", "forbidden-dependency"))


# -- critical paths ---------------------------------------------------------------------------


def test_the_four_critical_path_flows_follow_critical_relationships(site: Site) -> None:
    flows = {f.id: f for f in site.ws.flows}
    assert list(flows) == list(FLOWS)
    critical = {(r.source_id, r.destination_id) for r in site.ws.relationships
                if r.criticality == "critical"}
    for flow_id, hops in FLOWS.items():
        steps = [(m.source_id, m.destination_id) for m in flows[flow_id].messages()
                 if m.kind != "reply"]
        expected = [(site.by_name(a), site.by_name(b)) for a, b in hops]
        assert steps[:len(expected)] == expected, flow_id
        assert set(expected) <= critical, flow_id
        page = site.page(f"architecture/flows/{flow_id}.md")
        assert "sequenceDiagram" in page
        steps_table = table_with(page, "#", "From", "To", "Message")
        assert len(steps_table) == len(list(flows[flow_id].messages()))
    # The streaming flow ends with the CDN delivering to the end user.
    streaming = [(m.source_id, m.destination_id) for m in flows["streaming-flow"].messages()]
    assert streaming[-2:] == [(site.by_name("streamcore"), "cdn"), ("cdn", "end-user")]


def test_critical_paths_page_lists_the_seed_chains(site: Site) -> None:
    page = _plain(site.page("architecture/critical-paths.md"))
    for chain in [
        "backend-api → auth-service → user-auth → session-mgr → token-mgr → Redis Service",
        "backend-api → auth-service → user-auth → Database Service",
        "backend-api → puabo-dsp-upload-mgr → puabo-dsp-metadata-mgr → Database Service",
        "backend-api → puabo-dsp-upload-mgr → content-management → Storage service",
        "backend-api → puabo-nuki-order-processor → billing-service → invoice-gen → ledger-mgr "
        "→ Database Service",
        "backend-api → puabo-nuki-order-processor → puabo-nuki-inventory-mgr",
        "backend-api → streaming-service-v2 → streamcore → CloudFlare",
        "backend-api → streaming-service-v2 → content-management → Storage service",
    ]:
        assert chain in page, chain


# -- external dependencies --------------------------------------------------------------------


def test_external_dependencies_by_category(site: Site) -> None:
    for category, (group, vendors) in CATEGORIES.items():
        system = site.ws.elements[category]
        assert system.kind == "system" and system.external
        assert system.properties["group"] == group
        assert system.properties["category"] == system.name
        tag = "third-party" if group == "Third-Party Services" else "infrastructure-dependency"
        assert tag in system.tags
        children = site.ws.children_of(category)
        assert [c.name for c in children] == vendors
        for vendor in children:
            assert vendor.properties["vendor"] == vendor.name and tag in vendor.tags
            # Every vendor is used by someone: a service, or the platform as a whole.
            assert site.context.incoming(vendor.id), vendor.id
    hand = site.hand_written("external.md")
    stripe = table_with(hand.split("**Stripe**")[1], "From", "Description")
    assert [r["From"] for r in stripe] == ["billing-service"]
    grafana = table_with(hand.split("**Grafana**")[1], "From")
    assert [r["From"] for r in grafana] == ["glitch"]
    sendgrid = table_with(hand.split("**SendGrid**")[1], "From")
    assert [r["From"] for r in sendgrid] == ["Nexus COS"]
    for name in ["External shipping APIs", "External credit APIs", "Traffic data API"]:
        assert site.ws.elements[site.by_name(name, None)].external


# -- startup order ----------------------------------------------------------------------------


def test_startup_order_is_derived_and_compared_with_the_seed_phases(site: Site) -> None:
    layers = startup_layers(site.context.graph)
    at = {u: n for n, layer in enumerate(layers, 1) for u in layer}

    def layer(name: str) -> int:
        return at[site.by_name(name)]

    # Phase 1 agrees: the infrastructure needs nothing.
    assert layer("Database Service") == layer("Redis Service") == layer("Message Queue") == 1
    # Phase 2 is a chain, and auth-service starts with auth-service-v2 (a cycle).
    assert [layer(n) for n in ["key-service", "token-mgr", "session-mgr", "user-auth",
                               "auth-service"]] == [2, 3, 4, 5, 6]
    assert layer("auth-service-v2") == 6
    assert [sorted(c) for c in sync_cycles(site.context.graph)] == [
        ["nexus-cos.auth-service", "nexus-cos.auth-service-v2"]]
    # Phase 3: glitch and scheduler start early, backend-api after every domain service.
    assert layer("glitch") == layer("scheduler") == 2
    assert layer("backend-api") == len(layers) - 1
    assert all(layer(e.name) < layer("backend-api")
               for e in site.ws.elements.values() if "domain" in e.tags)
    # Phase 5: the front ends start last.
    assert layer("Web applications") == layer("Mobile backends") == len(layers) == 11
    # The source document's phases are kept on each element.
    for phase, names in PHASES.items():
        for name in names:
            assert site.ws.elements[site.by_name(name)].properties["documented_startup_phase"] == phase
    domain_phase = {e.properties.get("documented_startup_phase") for e in site.ws.elements.values()
                    if "domain" in e.tags}
    assert domain_phase == {"4. Domain Services (90-120s)"}
    # The generated table and the hand-written page.
    rows = table_with(site.page("architecture/startup-order.md"), "Layer")
    assert len(rows) == 11
    assert "auth-service ⟳" in rows[5]["Starts after the layers above"]
    page = site.hand_written("startup.md")
    assert "3. Platform Services (60-90s)" in page and "⟳" in page
    assert "layers 2 to 6" in page


# -- failure modes ----------------------------------------------------------------------------


def test_failure_modes_and_fallbacks(site: Site) -> None:
    modes = {m.element_id: m for m in site.ws.failure_modes}
    redis, ai, db = (site.by_name(n) for n in ["Redis Service", "ai-service", "Database Service"])
    assert modes[redis].fallback == "Cache miss: fetch from the database"
    assert modes[ai].fallback == "Use the rule-based system"
    assert modes["cdn"].fallback == "Serve from origin (streamcore)"
    assert "database connectivity" in modes[db].detection
    assert "Redis availability" in modes[redis].detection
    for mode in modes.values():
        assert mode.mitigation.startswith("Circuit breaker: opens after 5 consecutive failures, "
                                          "half-open after 30 s, closes after 3 successful")
    rows = table_with(site.page("architecture/failure-modes.md"), "Element", "Fallback", "Breaks")
    by_element = {r["Element"]: r for r in rows}
    assert by_element["ai-service"]["Fallback"] == "Use the rule-based system"
    assert by_element["CDN"]["Fallback"] == "Serve from origin (streamcore)"
    # The Database is the biggest blast radius: most of the platform breaks with it.
    assert int(by_element["Database Service"]["Breaks"]) > 30
    assert int(by_element["Database Service"]["Breaks"]) > int(by_element["ai-service"]["Breaks"])


# -- validation, pages, decisions -------------------------------------------------------------


def test_only_the_seeds_own_violations_remain_as_warnings(site: Site) -> None:
    findings = sorted((d.rule, d.severity, d.subject) for d in site.context.diagnostics)
    assert findings == [
        ("datastore-without-owner", "warning", "nexus-cos.database-service"),
        ("datastore-without-owner", "warning", "nexus-cos.redis-service"),
        ("multiple-writers", "warning", "nexus-cos.database-service"),
        ("multiple-writers", "warning", "nexus-cos.redis-service"),
        ("sync-cycle", "warning", "nexus-cos.auth-service"),
    ]
    writers = next(d for d in site.context.diagnostics
                   if d.rule == "multiple-writers" and d.subject.endswith("database-service"))
    assert "written by 20 containers" in writers.message
    notes = site.hand_written("source-notes.md")
    assert "synchronous dependency cycle" in notes and "written by 20 containers" in notes


def test_every_hand_written_page_renders_its_blocks(site: Site) -> None:
    for page in sorted((EXAMPLE / "docs").glob("*.md")):
        rendered = site.hand_written(page.name)
        assert "```archdoc" not in rendered, page.name
    nav = (EXAMPLE / "mkdocs.yml").read_text()
    for page in sorted((EXAMPLE / "docs").glob("*.md")):
        assert f": {page.name}" in nav, f"{page.name} is not in the nav"


def test_decisions_the_seed_states(site: Site) -> None:
    records = site.context.adr_records()
    assert [r.title for r in records] == [
        "Start services in five phases with dependency health checks",
        "Isolate services with a database per service and Redis namespaces",
        "Stop cascading failures with circuit breakers",
        "Degrade gracefully when a non-critical dependency fails",
        "Pin every dependency version",
        "Version API endpoints and deprecate with 90 days notice",
        "Roll out dependency updates in stages with automated rollback",
    ]
    assert {r.status for r in records} == {"accepted"}
    for record in records:
        assert record.affects and all(a in site.ws.elements for a in record.affects)
    ai_page = site.page(f"architecture/elements/{site.by_name('ai-service')}.md")
    assert "ADR-0004: Degrade gracefully" in ai_page
    index = site.page("architecture/decisions/index.md")
    assert index.count("accepted") >= 7
