"""The comparison of two snapshots, in memory: matching by stable ids, field-level changes."""

from __future__ import annotations

import json
from typing import Any

from archdoc import Workspace
from archdoc.diff.compare import compare_snapshots, flow_lines
from archdoc.diff.impact import change_impact
from archdoc.diff.rebuild import workspace_from_export
from archdoc.diff.snapshot import Snapshot
from archdoc.export import export_json


def snapshot(ws: Workspace, **parts: Any) -> Snapshot:
    data = json.loads(export_json(ws))
    data.update(parts.pop("export", {}))
    return Snapshot(export=data, **parts)


def shop() -> tuple[Workspace, Any, Any, Any]:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    web = shop.container("Web", "Storefront", tags=["edge", "public"])
    api = shop.container("API", "Orders")
    return ws, shop, web, api


def test_a_second_relationship_of_a_pair_stays_matched_when_the_first_goes() -> None:
    ws, _, web, api = shop()
    web.uses(api, "Creates orders", operation="POST /orders")
    web.uses(api, "Reads orders", operation="GET /orders")
    before = snapshot(ws)
    ws, _, web, api = shop()
    # now the first: id without ~2
    web.uses(api, "Reads orders", operation="GET /orders", criticality="high")
    after = snapshot(ws)
    doc = compare_snapshots(before, after, base_rev="a", head_rev="b")
    assert [r.operation for r in doc.relationships.removed] == ["POST /orders"]
    assert doc.relationships.added == []
    [changed] = doc.relationships.changed
    assert (changed.id, list(changed.changes)) == ("shop.web->shop.api", ["criticality"])


def test_locations_and_tag_order_are_not_changes_but_fields_are() -> None:
    ws, _, web, api = shop()
    before = snapshot(ws)
    ws2 = Workspace("Shop")
    s2 = ws2.system("Shop", "Sells")
    s2.container("Web", "Storefront", tags=["public", "edge"], properties={"port": 443})
    s2.container("API", "Orders", technology="Go")
    doc = compare_snapshots(before, snapshot(ws2), base_rev="a", head_rev="b")
    assert [
        (c.id, {k: (v.from_, v.to) for k, v in c.changes.items()}) for c in doc.elements.changed
    ] == [
        ("shop.web", {"properties": ({}, {"port": 443})}),
        ("shop.api", {"technology": ("", "Go")}),
    ]


def test_events_flows_and_deployment() -> None:
    ws, _, web, api = shop()
    api.publishes("order.created")
    web.subscribes("order.created", "Refreshes")
    with ws.flow("Checkout") as f:
        f.step(web, api, "POST /orders")
        with f.alt("Declined"):
            f.reply(api, web, "402")
        with f.otherwise("Accepted"):
            f.reply(api, web, "201")
    ws.environment("Prod").node("Cluster", technology="k8s").deploy(api)
    before = snapshot(ws)
    ws, shop_, web, api = shop()
    worker = shop_.container("Worker", "Jobs")
    api.publishes("order.created")
    web.subscribes("order.created", "Refreshes the cart")
    worker.subscribes("order.created", "Sends mail")
    with ws.flow("Checkout") as f:
        f.step(web, api, "POST /orders")
        f.reply(api, web, "201")
    node = ws.environment("Prod").infrastructure("Cluster", technology="k8s")
    node.deploy(api)
    node.deploy(worker, instances=2)
    after = snapshot(ws)
    doc = compare_snapshots(before, after, base_rev="a", head_rev="b")
    [event] = doc.events.changed
    assert event.changes["consumers"].to == ["shop.web", "shop.worker"]
    assert event.changes["reasons"].from_ == {"consumer shop.web": "Refreshes"}
    [flow] = doc.flows.changed
    assert flow.changes["steps"].from_ == ["shop.web -> shop.api: POST /orders", "alt Declined",
                                           "  shop.api --> shop.web: 402", "else Accepted",
                                           "  shop.api --> shop.web: 201", "end"]
    assert [(d.id, d.kind) for d in doc.deployment.added] == [
        ("prod.cluster/shop.worker", "instance")
    ]
    assert [(d.id, d.kind, list(d.changes)) for d in doc.deployment.changed] == [
        ("prod.cluster", "infrastructure", ["kind"])]


def test_views_are_compared_when_the_export_has_them_and_absent_views_are_none() -> None:
    ws, *_ = shop()
    view = {"key": "containers:shop", "title": "Shop", "kind": "containers",
            "elements": ["shop.web", "shop.api"], "relationships": [["shop.web", "shop.api"]]}
    before = snapshot(ws, export={"views": [view, {"key": "landscape", "title": "Landscape",
                                                   "kind": "landscape", "elements": ["shop"],
                                                   "relationships": []}]})
    moved = dict(
        view, elements=["shop.api", "shop.web", "shop.db"], relationships=[["shop.web", "shop.api"]]
    )
    after = snapshot(ws, export={"views": [moved]})
    doc = compare_snapshots(before, after, base_rev="a", head_rev="b")
    assert [v.key for v in doc.views.removed] == ["landscape"]
    [changed] = doc.views.changed
    assert list(changed.changes) == ["elements"]  # the order alone would not count
    assert changed.changes["elements"].model_dump() == {"added": ["shop.db"], "removed": []}
    without = snapshot(ws)
    del without.export["views"]
    gone = compare_snapshots(without, snapshot(ws), base_rev="a", head_rev="b")
    assert [v.key for v in gone.views.added] == [v["key"] for v in snapshot(ws).export["views"]]
    assert compare_snapshots(without, without, base_rev="a", head_rev="b").views.model_dump() == {
        "added": [], "removed": [], "changed": []}


def test_decisions_with_a_duplicate_number_are_told_apart_by_file() -> None:
    ws, *_ = shop()
    one = {"number": 4, "title": "Use Kafka", "status": "accepted", "date": None, "affects": [],
           "links": [], "file": "adr/0004-use-kafka.md"}
    two = dict(one, title="Use Redis", file="adr/0004-use-redis.md")
    doc = compare_snapshots(snapshot(ws, decisions=[one]), snapshot(ws, decisions=[one, two]),
                            base_rev="a", head_rev="b")
    assert [(d.number, d.title) for d in doc.decisions.added] == [(4, "Use Redis")]
    assert doc.decisions.changed == []


def test_findings_are_matched_without_lines() -> None:
    ws, *_ = shop()
    finding = {
        "rule": "duplicate-id",
        "severity": "error",
        "hint": "",
        "subject": "shop.web",
        "message": (
            "duplicate id 'shop.web' (first declared at model/a.py:3); "
            "this one is kept as 'shop.web~2'"
        ),
        "file": "model/a.py",
        "line": 9,
    }
    moved = dict(finding, line=30, message=finding["message"].replace("a.py:3", "a.py:14"))
    doc = compare_snapshots(snapshot(ws, findings=[finding]), snapshot(ws, findings=[moved, moved]),
                            base_rev="a", head_rev="b")
    assert [f.line for f in doc.findings.new] == [30]  # the second one is new
    assert doc.findings.fixed == []


def test_a_workspace_rebuilt_from_its_export_exports_the_same() -> None:
    ws, shop_, web, api = shop()
    db = shop_.database("DB", "Data", owner=api)
    web.uses(api, "Calls", criticality="critical")
    api.uses(db, "Stores")
    api.publishes("order.created", via=shop_.queue("Bus"))
    with ws.flow("Checkout") as f:
        f.step(web, api, "POST")
    ws.environment("Prod").node("Host").deploy(api)
    db.failure_mode("No orders", fallback="Queue them")
    exported = export_json(ws)
    assert export_json(workspace_from_export(json.loads(exported))) == exported


def test_flow_lines_of_a_note_and_a_parallel_block() -> None:
    items = [
        {"kind": "note", "over_ids": ["a", "b"], "text": "Both"},
        {
            "kind": "par",
            "branches": [
                {
                    "label": "",
                    "items": [
                        {
                            "kind": "step",
                            "source_id": "a",
                            "destination_id": "b",
                            "description": "",
                            "technology": "HTTP",
                        }
                    ],
                },
                {"label": "then", "items": []},
            ],
        },
    ]
    assert flow_lines(items) == [
        "note over a, b: Both",
        "par",
        "  a -> b: [HTTP]",
        "and then",
        "end",
    ]


def test_a_changed_criticality_changes_critical_paths_not_blast_radius() -> None:
    def model(criticality: str) -> Snapshot:
        ws, shop_, web, api = shop()
        db = shop_.database("DB", "Data")
        web.uses(api, "Calls", criticality=criticality)
        api.uses(db, "Stores", criticality="critical")
        return snapshot(ws)

    before, after = model("high"), model("critical")
    doc = compare_snapshots(before, after, base_rev="a", head_rev="b")
    impact = change_impact(before, after, doc)
    [change] = impact.dependencies
    assert (change.change, change.blast_radius) == ("changed", [])
    assert change.critical_paths.added == [["shop.web", "shop.api", "shop.db"]]
    assert change.critical_paths.removed == []  # no critical path ran through it before
    assert impact.blast_radius == []
