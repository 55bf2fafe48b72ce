"""examples/reptidex: the ReptiDex service dependency document, generated.

The document describes six consolidated services with purpose, port, database and external
dependencies; the events each publishes and subscribes to, with reasons; the synchronous calls;
the database-per-service table; and the cross-service data access rules. Each artefact is checked
here against the pages archdoc generates from the example's model, and the data access rules
against variants of the model that break them, without building the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from archdoc import Workspace
from archdoc.config import load_config
from archdoc.project import Project, load_project, validate_project
from archdoc.site import Page, SiteContext, generate_pages, render_block
from archdoc.site.embed import embed_blocks
from archdoc.validation.registry import RuleContext, run_rules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "reptidex"
SYSTEM = "reptidex"


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

    def hand_written(self, name: str) -> str:
        text = (EXAMPLE / "docs" / name).read_text(encoding="utf-8")
        return embed_blocks(text, lambda key, line: render_block(self.context, key, name))


def _plain(cell: str) -> str:
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)
    cell = re.sub(r"<br>", " / ", cell)
    cell = re.sub(r"<[^>]+>", " ", cell)
    cell = cell.replace("\\", "").replace("`", "").replace("&nbsp;", "")
    return re.sub(r"\s+", " ", cell).strip()


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


def _load() -> Project:
    return load_project(config=load_config(EXAMPLE / "mkdocs.yml"))


@pytest.fixture(scope="module")
def site() -> Site:
    project = _load()
    context = SiteContext(workspace=project.workspace, adrs=project.adrs,
                          diagnostics=validate_project(project), options={"deployment": "mermaid"})
    return Site(project, context, {p.path: p for p in generate_pages(context)})


# -- what the source document states -------------------------------------------------------------------

SERVICES = {
    # name: (port, database, database purpose, external dependencies)
    "repti-core": (8001, "repti_core_db", "Auth, config, billing, events, telemetry",
                   ["Stripe/PayPal", "KMS", "Email/SMS providers", "SNS/SQS"]),
    "repti-animal": (8002, "repti_animal_db", "Animals, lineage, genetics, breeding", []),
    "repti-commerce": (8003, "repti_commerce_db", "Marketplace, sales, transactions", []),
    "repti-media": (8004, "repti_media_db", "File metadata, rendering jobs",
                    ["S3", "CDN services"]),
    "repti-community": (8005, "repti_community_db", "Search indexes, notifications",
                        ["Email/SMS providers", "Search indexing services"]),
    "repti-ops": (8006, "repti_ops_db", "Admin tools, audit logs, monitoring",
                  ["Grafana", "Third-party integration APIs"]),
}
PURPOSES = {
    "repti-core": "Foundation service for authentication, configuration, billing, events, and "
                  "telemetry",
    "repti-animal": "Animal registry, lineage tracking, genetics, and breeding management",
    "repti-commerce": "Marketplace, sales transactions, and inventory management",
    "repti-media": "File storage, rendering, embeds, and content management",
    "repti-community": "Search, notifications, community features, and advertising",
    "repti-ops": "Administrative tools, audit logging, integrations, and system monitoring",
}
PUBLISHED = {
    "repti-core": ["auth.user.created", "auth.user.updated", "auth.session.*", "org.created",
                   "org.updated", "org.member.*", "config.updated", "config.feature.toggled",
                   "billing.subscription.*", "billing.invoice.*", "events.published",
                   "telemetry.tracked"],
    "repti-animal": ["animal.created", "animal.updated", "animal.transferred", "lineage.updated",
                     "lineage.validated", "pedigree.generated", "breeding.paired",
                     "breeding.clutch.*", "breeding.offspring.*", "genetics.prediction.*",
                     "genetics.trait.*", "taxonomy.species.*", "taxonomy.morph.*"],
    "repti-commerce": ["marketplace.listing.*", "marketplace.search.*", "sales.inquiry.*",
                       "sales.transaction.*", "inventory.reserved", "inventory.transferred",
                       "inventory.available", "order.created", "order.updated",
                       "order.completed"],
    "repti-media": ["file.uploaded", "file.processed", "file.deleted", "render.pedigree.*",
                    "render.chart.*", "render.export.*", "embed.widget.*", "embed.profile.*",
                    "content.updated", "content.published"],
    "repti-community": ["search.indexed", "search.query.*", "notification.sent",
                        "notification.delivered", "community.post.*", "community.interaction.*",
                        "advertising.campaign.*", "advertising.impression.*"],
    "repti-ops": ["admin.action.*", "admin.moderation.*", "audit.logged", "audit.compliance.*",
                  "integration.sync.*", "integration.error.*", "monitoring.alert.*",
                  "monitoring.health.*"],
}
SUBSCRIBED = {
    "repti-animal": {"auth.user.created": "Setup initial data",
                     "org.member.added": "Access control updates",
                     "media.uploaded": "Animal photo attachments"},
    "repti-commerce": {"animal.created": "Auto-create inventory",
                       "animal.transferred": "Update ownership",
                       "billing.subscription.updated": "Access control",
                       "payment.completed": "Order fulfillment"},
    "repti-media": {"animal.created": "Auto-generate placeholders",
                    "lineage.updated": "Re-render pedigree charts",
                    "profile.updated": "Refresh embedded widgets"},
    "repti-community": {"animal.created": "Index for search",
                        "marketplace.listing.created": "Index for discovery",
                        "profile.updated": "Update search data",
                        "breeding.clutch.created": "Community notifications"},
}
UNPUBLISHED = ["media.uploaded", "payment.completed", "profile.updated"]
SYNC = [
    ("repti-animal", "repti-core", "Auth validation, config"),
    ("repti-commerce", "repti-core", "Authentication, billing"),
    ("repti-commerce", "repti-animal", "Product data, ownership validation"),
    ("repti-media", "repti-core", "Auth, file permissions"),
    ("repti-community", "repti-core", "Authentication, configuration"),
    ("repti-community", "repti-animal", "Search indexing data"),
    ("repti-ops", "repti-core", "Authentication, events access"),
]


def _id(name: str) -> str:
    return f"{SYSTEM}.{name.replace('_', '-')}"


# -- services -----------------------------------------------------------------------------------


def test_six_services_with_purpose_port_and_database(site: Site) -> None:
    services = [e for e in site.ws.elements.values() if "service" in e.tags]
    assert [e.name for e in services] == list(SERVICES)
    for element in services:
        port, db, purpose, _ = SERVICES[element.name]
        assert element.properties == {"port": port}
        assert element.description == PURPOSES[element.name]
        database = site.ws.elements[_id(db)]
        assert database.kind == "database" and database.name == db
        assert database.description == purpose and database.data_owner_id == element.id
        page = site.page(f"architecture/elements/{element.id}.md")
        assert f"**port:** {port}" in page
        owned = table_with(page.split("## Data owned")[1], "Datastore")
        assert [r["Datastore"] for r in owned] == [db]
    assert "repti-core" in site.ws.elements[_id("repti-core")].name
    assert "foundation" in site.ws.elements[_id("repti-core")].tags


def test_the_services_page_table_matches_the_model(site: Site) -> None:
    rows = table_with((EXAMPLE / "docs" / "services.md").read_text(), "Service", "Port", "Database")
    assert [r["Service"] for r in rows] == list(SERVICES)
    for row in rows:
        port, db, _, _ = SERVICES[row["Service"]]
        assert site.ws.elements[_id(row["Service"])].properties["port"] == int(row["Port"]) == port
        assert row["Database"] == db
        assert row["Purpose"] == PURPOSES[row["Service"]]


def test_external_dependencies_of_each_service(site: Site) -> None:
    for name, (_, _, _, externals) in SERVICES.items():
        targets = {site.ws.elements[r.destination_id].name for r in site.context.outgoing(_id(name))
                   if site.ws.elements[r.destination_id].external}
        assert set(externals) <= targets, name
    # repti-animal has none but Grafana (via each service) and the event bus.
    animal = {site.ws.elements[r.destination_id].name
              for r in site.context.outgoing(_id("repti-animal"))
              if site.ws.elements[r.destination_id].external}
    assert animal == {"Grafana", "SNS/SQS"}
    # Monitoring: Grafana integration via each service.
    grafana = table_with(site.hand_written("services.md").split("### Grafana")[1], "From")
    assert [r["From"] for r in grafana] == list(SERVICES)
    assert site.ws.elements["aws.sns-sqs"].technology == "AWS SNS/SQS"


def test_synchronous_calls(site: Site) -> None:
    rows = table_with(site.page("architecture/events.md").split("## Synchronous calls")[1],
                      "From", "To", "Operation")
    calls = [(r["From"], r["To"], r["Operation"]) for r in rows
             if r["From"].startswith("repti-") and r["To"].startswith("repti-")]
    assert sorted(calls) == sorted(SYNC)
    # Every service but repti-core depends on repti-core (foundation service pattern).
    for name in SERVICES:
        if name != "repti-core":
            dependency = next(d for d in site.context.graph.dependencies_of(_id(name))
                              if d.destination_id == _id("repti-core"))
            assert dependency.interaction == "sync" and dependency.criticality == "critical"


# -- events -------------------------------------------------------------------------------------


def test_events_published_and_subscribed_with_reasons(site: Site) -> None:
    events = site.ws.events
    for service, names in PUBLISHED.items():
        for name in names:
            assert [p.element_id for p in events[name].producers] == [_id(service)], name
            assert events[name].producers[0].via_id == "aws.sns-sqs"
    # The members subscribers name are published by the family's producer.
    for member, producer in [("org.member.added", "repti-core"),
                             ("billing.subscription.updated", "repti-core"),
                             ("breeding.clutch.created", "repti-animal"),
                             ("marketplace.listing.created", "repti-commerce")]:
        assert [p.element_id for p in events[member].producers] == [_id(producer)]
    for service, reasons in SUBSCRIBED.items():
        for name, reason in reasons.items():
            links = [c for c in events[name].consumers if c.element_id == _id(service)]
            assert [c.reason for c in links] == [reason], (service, name)
    # repti-core and repti-ops consume all service events (not their own).
    for name, event in events.items():
        consumers = {c.element_id for c in event.consumers}
        producers = {p.element_id for p in event.producers}
        if producers:
            assert (consumers | producers) >= {_id("repti-core"), _id("repti-ops")}, name
    health = next(c for c in events["monitoring.health.*"].consumers
                  if c.element_id == _id("repti-core"))
    assert health.reason == "System health events (for monitoring)"
    # The events table: producers and reasons as the reader sees them.
    rows = {r["Event"]: r for r in table_with(site.page("architecture/events.md"),
                                              "Event", "Published by", "Consumed by (reason)")}
    assert rows["animal.created"]["Published by"] == "repti-animal via SNS/SQS"
    consumed = rows["animal.created"]["Consumed by (reason)"]
    for part in ["repti-commerce: Auto-create inventory", "repti-media: Auto-generate placeholders",
                 "repti-community: Index for search",
                 "repti-core: All service events (for telemetry and audit)",
                 "repti-ops: All service events (for audit logging)"]:
        assert part in consumed
    for name in UNPUBLISHED:
        assert rows[name]["Published by"] == "no producer"


def test_event_flows(site: Site) -> None:
    flows = {f.id: f for f in site.ws.flows}
    assert list(flows) == ["user-registration-flow", "animal-sale-transaction-flow"]
    registration = [(m.source_id, m.destination_id, m.description)
                    for m in flows["user-registration-flow"].messages()]
    assert registration[:3] == [("user", _id("repti-core"), "Sign up"),
                                (_id("repti-core"), _id("repti_core_db"), "Create user"),
                                (_id("repti-core"), "aws.sns-sqs", "auth.user.created")]
    assert ("aws.sns-sqs", _id("repti-animal"), "auth.user.created") in registration
    for flow_id in flows:
        assert "sequenceDiagram" in site.page(f"architecture/flows/{flow_id}.md")
    assert not [d for d in site.context.diagnostics if d.rule == "unbacked-flow-step"]


# -- data ownership and the data access rules -------------------------------------------------


def test_database_per_service_table(site: Site) -> None:
    rows = table_with(site.page("architecture/data.md"), "Datastore", "Owner", "Status")
    assert [(r["Datastore"], r["Owner"]) for r in rows] == [
        (db, name) for name, (_, db, _, _) in SERVICES.items()]
    assert {r["Status"] for r in rows} == {"healthy"}
    assert {r["Also written by"] for r in rows} == {r["Also read by"] for r in rows} == {"—"}


def test_data_access_rules_are_configured_as_errors(site: Site) -> None:
    config = site.project.config
    assert config.rules["multiple-writers"] == "error"
    assert config.rules["foreign-datastore-access"] == "error"
    assert config.rules["datastore-without-owner"] == "error"
    # One "no direct database access" contract per service: the five other databases.
    contracts = [c for c in config.forbidden if c.message.startswith("no direct database access")]
    assert len(contracts) == 6
    for contract, (name, (_, db, _, _)) in zip(contracts, SERVICES.items()):
        assert contract.from_ == [_id(name)]
        others = [_id(d) for _, (_, d, _, _) in SERVICES.items() if d != db]
        assert contract.to == others
    assert [rule.name for rule in config.layers] == ["Domain services", "Foundation", "Data", "External"]


def _variant() -> tuple[Workspace, dict[str, object]]:
    """A tiny ReptiDex with the same ids, to break the rules in."""
    ws = Workspace("ReptiDex variant")
    rx = ws.system("ReptiDex", "variant")
    core = rx.container("repti-core", "foundation", tags=["service", "foundation"])
    animal = rx.container("repti-animal", "animals", tags=["service", "domain"])
    commerce = rx.container("repti-commerce", "marketplace", tags=["service", "domain"])
    animal_db = rx.database("repti_animal_db", owner=animal)
    commerce_db = rx.database("repti_commerce_db", owner=commerce)
    payments = ws.system("Stripe/PayPal", "payments", external=True)
    animal.uses(animal_db, "own data")
    commerce.uses(commerce_db, "own data")
    animal.uses(core, "auth")
    commerce.uses(core, "auth")
    core.uses(payments, "charges")
    return ws, {"core": core, "animal": animal, "commerce": commerce, "animal_db": animal_db,
                "commerce_db": commerce_db, "payments": payments, "system": rx}


def _errors(site: Site, ws: Workspace) -> list[tuple[str, str]]:
    findings = run_rules(RuleContext(config=site.project.config, workspace=ws))
    return sorted((f.rule, f.message) for f in findings if f.severity == "error")


def test_the_clean_variant_passes(site: Site) -> None:
    ws, _ = _variant()
    assert _errors(site, ws) == []


def test_reading_another_services_database_is_an_error(site: Site) -> None:
    ws, e = _variant()
    e["commerce"].uses(e["animal_db"], "Reads animals", access="read")  # type: ignore[attr-defined]
    assert _errors(site, ws) == [
        ("forbidden-dependency", "reptidex.repti-commerce must not depend on "
         "reptidex.repti-animal-db (no direct database access: repti-commerce uses only "
         "repti_commerce_db)"),
        ("foreign-datastore-access", "reptidex.repti-commerce reads reptidex.repti-animal-db, "
         "which reptidex.repti-animal owns"),
    ]


def test_writing_another_services_database_is_an_error(site: Site) -> None:
    ws, e = _variant()
    e["animal"].uses(e["commerce_db"], "Writes inventory")  # type: ignore[attr-defined]
    rules = [rule for rule, _ in _errors(site, ws)]
    assert rules == ["forbidden-dependency", "multiple-writers"]


def test_a_database_without_owner_is_an_error(site: Site) -> None:
    ws, e = _variant()
    shared = e["system"].database("shared_db")  # type: ignore[attr-defined]
    e["animal"].uses(shared, "Writes")  # type: ignore[attr-defined]
    expected = ("datastore-without-owner", "datastore reptidex.shared-db has no owner")
    assert expected in _errors(site, ws)


def test_integration_and_foundation_rules(site: Site) -> None:
    ws, e = _variant()
    e["commerce"].uses(e["payments"], "Charges directly")  # type: ignore[attr-defined]
    e["core"].uses(e["animal"], "Reads animals")  # type: ignore[attr-defined]
    assert _errors(site, ws) == [
        ("forbidden-dependency", "reptidex.repti-commerce must not depend on stripe-paypal "
         "(payment processing goes through repti-core)"),
        ("layer-violation", "reptidex.repti-core (layer 'Foundation') depends on "
         "reptidex.repti-animal (layer 'Domain services', above it)"),
        ("sync-cycle", "synchronous dependency cycle: reptidex.repti-core -> "
         "reptidex.repti-animal -> reptidex.repti-core"),
    ]


def test_only_the_seeds_unpublished_events_remain_as_warnings(site: Site) -> None:
    findings = sorted((d.rule, d.severity, d.subject) for d in site.context.diagnostics)
    assert findings == [("event-without-producer", "warning", name) for name in UNPUBLISHED]
    data = site.hand_written("data.md")
    assert "has consumers but no producer" in data          # the findings block
    for rule in ["foreign-datastore-access", "multiple-writers", "forbidden-dependency",
                 "layer-violation", "datastore-without-owner"]:
        assert f"### `{rule}`" in data                       # the rule catalog


def test_the_documented_validate_output_is_what_archdoc_reports(site: Site, tmp_path: Path) -> None:
    """data.md quotes the errors of one extra line in model/calls.py; check them for real."""
    import shutil

    root = tmp_path / "reptidex"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__"))
    calls = root / "model" / "calls.py"
    lines = calls.read_text().split("\n")
    assert lines[12].startswith("# Cross-service data validation")
    lines.insert(12, 'commerce.uses(animal_db, "Reads animals", access="read")')
    text = "\n".join(lines).replace("from .services import animal, commerce",
                                    "from .services import animal, animal_db, commerce")
    calls.write_text(text)
    project = load_project(config=load_config(root / "mkdocs.yml"))
    errors = [d for d in validate_project(project) if d.severity == "error"]
    documented = (EXAMPLE / "docs" / "data.md").read_text()
    for d in errors:
        assert d.location is not None and d.location.line == 13
        assert f"model/calls.py:13: error[{d.rule}] {d.message}" in documented
    assert len(errors) == 2


def test_every_hand_written_page_renders_its_blocks(site: Site) -> None:
    nav = (EXAMPLE / "mkdocs.yml").read_text()
    for page in sorted((EXAMPLE / "docs").glob("*.md")):
        assert "```archdoc" not in site.hand_written(page.name), page.name
        assert f": {page.name}" in nav, f"{page.name} is not in the nav"


def test_decisions(site: Site) -> None:
    records = site.context.adr_records()
    assert [r.title for r in records] == [
        "Consolidate the platform into six services",
        "Give each service its own database",
        "Make repti-core the foundation service",
        "Communicate over REST APIs and events on AWS SNS/SQS",
        "Route each external integration through one service",
    ]
    assert {r.status for r in records} == {"accepted"}
    for record in records:
        assert record.affects and all(a in site.ws.elements for a in record.affects)
    assert "ADR-0002: Give each service its own database" in site.page(
        "architecture/elements/reptidex.repti-ops-db.md")
