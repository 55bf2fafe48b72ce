"""Comparing two snapshots: what was added, removed and changed, matched by stable ids.

An element, a flow, a view, a deployment node or an event is matched by its id (key, name), so
a changed description is a change of that field, not a removal and an addition; the source
location is not compared, so moving a declaration to another file changes nothing. A
relationship is matched within its (source, destination) pair, which keeps a pair's second
relationship matched when the first goes. Findings are matched by rule, subject and message
(line numbers left out), as a baseline matches them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from archdoc.diff.document import (
    ChangedDecision,
    ChangedDeployment,
    ChangedElement,
    ChangedEvent,
    ChangedFlow,
    ChangedRelationship,
    ChangedView,
    DecisionChanges,
    DecisionEntry,
    DeploymentChanges,
    DeploymentEntry,
    DiffDocument,
    ElementChanges,
    ElementEntry,
    EventChanges,
    EventEntry,
    FieldChange,
    FindingChanges,
    FindingEntry,
    FlowChanges,
    FlowEntry,
    ListChange,
    RelationshipChanges,
    RelationshipEntry,
    ViewChanges,
    ViewEntry,
)
from archdoc.diff.snapshot import Snapshot
from archdoc.validation.baseline import finding_key

__all__ = ["compare_snapshots", "flow_lines"]

Record = dict[str, Any]

ELEMENT_FIELDS = ("name", "kind", "description", "technology", "parent_id", "external", "owner",
                  "data_owner_id", "group", "tags", "properties")
RELATIONSHIP_FIELDS = ("description", "technology", "operation", "interaction", "criticality",
                       "access", "tags", "properties")
ENVIRONMENT_FIELDS = ("name", "description")
NODE_FIELDS = ("name", "kind", "description", "technology", "parent_id", "instances", "icon",
               "tags", "properties")
INSTANCE_FIELDS = ("instances",)
DECISION_FIELDS = ("title", "status", "date", "affects", "links")
_UNORDERED = frozenset({"tags", "affects", "links"})
"""List fields whose order carries no meaning."""


def compare_snapshots(
    base: Snapshot, head: Snapshot, *, base_rev: str, head_rev: str
) -> DiffDocument:
    """Everything that differs between ``base`` and ``head`` (the impact is computed apart)."""
    old, new = base.export, head.export
    return DiffDocument(
        base=base_rev, head=head_rev,
        elements=_elements(old.get("elements", []), new.get("elements", [])),
        relationships=_relationships(old.get("relationships", []), new.get("relationships", [])),
        events=_events(old.get("events", []), new.get("events", [])),
        flows=_flows(old.get("flows", []), new.get("flows", [])),
        views=_views(old.get("views") or [], new.get("views") or []),
        deployment=_deployment(old, new),
        decisions=_decisions(base.decisions, head.decisions),
        findings=_findings(base.findings, head.findings),
    )


# -- matching -------------------------------------------------------------------------------------

def changes(old: Record, new: Record, fields: Iterable[str]) -> dict[str, FieldChange]:
    """``{field: {from, to}}`` for each of ``fields`` that differs."""
    found = {}
    for name in fields:
        before, after = old.get(name), new.get(name)
        if name in _UNORDERED and isinstance(before, list) and isinstance(after, list):
            if sorted(map(str, before)) == sorted(map(str, after)):
                continue
        if before != after:
            found[name] = FieldChange(from_=before, to=after)
    return found


def _by_key(old: list[Record], new: list[Record], key: Callable[[Record], Any]
            ) -> tuple[list[Record], list[Record], list[tuple[Record, Record]]]:
    """(added in HEAD order, removed in BASE order, pairs in HEAD order)."""
    before = {key(r): r for r in old}
    after = {key(r): r for r in new}
    added = [r for k, r in after.items() if k not in before]
    removed = [r for k, r in before.items() if k not in after]
    pairs = [(before[k], r) for k, r in after.items() if k in before]
    return added, removed, pairs


# -- elements and relationships -------------------------------------------------------------------

def _elements(old: list[Record], new: list[Record]) -> ElementChanges:
    added, removed, pairs = _by_key(old, new, lambda e: e["id"])
    def entry(e: Record) -> ElementEntry:
        return ElementEntry(id=e["id"], kind=e["kind"], name=e["name"])

    return ElementChanges(
        added=[entry(e) for e in added], removed=[entry(e) for e in removed],
        changed=[ChangedElement(id=b["id"], changes=c) for a, b in pairs
                 if (c := changes(a, b, ELEMENT_FIELDS))],
    )


def relationship_entry(r: Record) -> RelationshipEntry:
    return RelationshipEntry(
        id=r["id"], source=r["source_id"], destination=r["destination_id"],
        description=r.get("description", ""), technology=r.get("technology", ""),
        operation=r.get("operation", ""), interaction=r.get("interaction", "sync"),
        criticality=r.get("criticality"),
    )


def _same_fields(a: Record, b: Record) -> bool:
    return not changes(a, b, RELATIONSHIP_FIELDS)


def _same_operation(a: Record, b: Record) -> bool:
    return bool(a.get("operation")) and a.get("operation") == b.get("operation")


def _same_description(a: Record, b: Record) -> bool:
    return bool(a.get("description")) and a.get("description") == b.get("description")


def match_relationships(old: list[Record], new: list[Record]
                        ) -> tuple[list[Record], list[Record], list[tuple[Record, Record]]]:
    """Relationships paired within each (source, destination): identical ones first, then by
    operation, then by description, then in declaration order."""
    groups_old: dict[tuple[str, str], list[Record]] = {}
    groups_new: dict[tuple[str, str], list[Record]] = {}
    for r in old:
        groups_old.setdefault((r["source_id"], r["destination_id"]), []).append(r)
    for r in new:
        groups_new.setdefault((r["source_id"], r["destination_id"]), []).append(r)
    partner: dict[int, Record] = {}
    """id() of a HEAD relationship -> its BASE relationship."""
    matched_old: set[int] = set()
    for pair, after in groups_new.items():
        before = groups_old.get(pair, [])
        if len(before) == 1 and len(after) == 1:
            partner[id(after[0])] = before[0]
            matched_old.add(id(before[0]))
            continue
        for same in (_same_fields, _same_operation, _same_description, lambda a, b: True):
            for r in after:
                if id(r) in partner:
                    continue
                candidate = next(
                    (o for o in before if id(o) not in matched_old and same(o, r)), None
                )
                if candidate is not None:
                    partner[id(r)] = candidate
                    matched_old.add(id(candidate))
    added = [r for r in new if id(r) not in partner]
    removed = [r for r in old if id(r) not in matched_old]
    pairs = [(partner[id(r)], r) for r in new if id(r) in partner]
    return added, removed, pairs


def _relationships(old: list[Record], new: list[Record]) -> RelationshipChanges:
    added, removed, pairs = match_relationships(old, new)
    return RelationshipChanges(
        added=[relationship_entry(r) for r in added],
        removed=[relationship_entry(r) for r in removed],
        changed=[
            ChangedRelationship(
                id=b["id"], source=b["source_id"], destination=b["destination_id"], changes=c
            )
            for a, b in pairs
            if (c := changes(a, b, RELATIONSHIP_FIELDS))
        ],
    )


# -- events ----------------------------------------------------------------------------------------


def _links(event: Record, role: str) -> list[str]:
    return list(dict.fromkeys(link["element_id"] for link in event.get(role, [])))


def _reasons(event: Record) -> dict[str, str]:
    return {f"{role[:-1]} {link['element_id']}": link.get("reason", "")
            for role in ("producers", "consumers") for link in event.get(role, [])}


def _event_view(event: Record) -> Record:
    return {"description": event.get("description", ""), "producers": _links(event, "producers"),
            "consumers": _links(event, "consumers"),
            "via": sorted({link["via_id"] for role in ("producers", "consumers")
                           for link in event.get(role, []) if link.get("via_id")})}


def _events(old: list[Record], new: list[Record]) -> EventChanges:
    added, removed, pairs = _by_key(old, new, lambda e: e["name"])
    def entry(e: Record) -> EventEntry:
        return EventEntry(name=e["name"], producers=_links(e, "producers"),
                          consumers=_links(e, "consumers"))

    changed = []
    for a, b in pairs:
        found = changes(
            _event_view(a), _event_view(b), ("description", "producers", "consumers", "via")
        )
        before, after = _reasons(a), _reasons(b)
        both = [k for k in after if k in before and before[k] != after[k]]
        if both:
            found["reasons"] = FieldChange(
                from_={k: before[k] for k in both}, to={k: after[k] for k in both}
            )
        if found:
            changed.append(ChangedEvent(name=b["name"], changes=found))
    return EventChanges(added=[entry(e) for e in added], removed=[entry(e) for e in removed],
                        changed=changed)


# -- flows and views -------------------------------------------------------------------------------

_NEXT_BRANCH = {"alt": "else", "opt": "else", "loop": "else", "par": "and"}


def flow_lines(items: list[Record], depth: int = 0) -> list[str]:
    """A flow as lines of text: ``a -> b: text`` (a step), ``a --> b: text`` (a reply),
    ``note over a, b: text``, and ``alt label`` ... ``else label`` ... ``end``, indented."""
    indent = "  " * depth
    lines: list[str] = []
    for item in items:
        kind = item.get("kind")
        if kind in ("step", "reply"):
            arrow = "->" if kind == "step" else "-->"
            text = item.get("description", "")
            if item.get("technology"):
                text = f"{text} [{item['technology']}]".strip()
            lines.append(f"{indent}{item['source_id']} {arrow} {item['destination_id']}"
                         + (f": {text}" if text else ""))
        elif kind == "note":
            lines.append(
                f"{indent}note over {', '.join(item.get('over_ids', []))}: {item.get('text', '')}"
            )
        else:
            for n, branch in enumerate(item.get("branches", [])):
                word = kind if n == 0 else _NEXT_BRANCH.get(str(kind), "else")
                lines.append(f"{indent}{word} {branch.get('label', '')}".rstrip())
                lines += flow_lines(branch.get("items", []), depth + 1)
            lines.append(f"{indent}end")
    return lines


def _flows(old: list[Record], new: list[Record]) -> FlowChanges:
    added, removed, pairs = _by_key(old, new, lambda f: f["id"])
    def view(f: Record) -> Record:
        return {"name": f.get("name", ""), "description": f.get("description", ""),
                "steps": flow_lines(f.get("items", []))}

    return FlowChanges(
        added=[FlowEntry(id=f["id"], name=f["name"]) for f in added],
        removed=[FlowEntry(id=f["id"], name=f["name"]) for f in removed],
        changed=[ChangedFlow(id=b["id"], changes=c) for a, b in pairs
                 if (c := changes(view(a), view(b), ("name", "description", "steps")))],
    )


def _view_changes(a: Record, b: Record) -> dict[str, FieldChange | ListChange]:
    found: dict[str, FieldChange | ListChange] = dict(changes(a, b, ("title", "kind")))
    for name in ("elements", "relationships"):
        before, after = a.get(name, []), b.get(name, [])
        old_set, new_set = {_hashable(x) for x in before}, {_hashable(x) for x in after}
        if old_set != new_set:
            found[name] = ListChange(added=[x for x in after if _hashable(x) not in old_set],
                                     removed=[x for x in before if _hashable(x) not in new_set])
    return found


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _views(old: list[Record], new: list[Record]) -> ViewChanges:
    added, removed, pairs = _by_key(old, new, lambda v: v["key"])
    def entry(v: Record) -> ViewEntry:
        return ViewEntry(key=v["key"], title=v.get("title", ""), kind=v.get("kind", ""))

    return ViewChanges(
        added=[entry(v) for v in added],
        removed=[entry(v) for v in removed],
        changed=[
            ChangedView(key=b["key"], changes=c) for a, b in pairs if (c := _view_changes(a, b))
        ],
    )


# -- deployment ------------------------------------------------------------------------------------


def _deployment_records(export: Record) -> list[tuple[str, Record, tuple[str, ...]]]:
    """(kind, record, compared fields) of each environment, node and instance."""
    found: list[tuple[str, Record, tuple[str, ...]]] = []
    for env in export.get("environments", []):
        found.append(("environment", {**env, "environment_id": env["id"]}, ENVIRONMENT_FIELDS))
    for node in export.get("deployment_nodes", []):
        found.append((node.get("kind", "node"), node, NODE_FIELDS))
    for instance in export.get("deployments", []):
        found.append(("instance", {**instance, "name": instance["container_id"]}, INSTANCE_FIELDS))
    return found


def _deployment(old: Record, new: Record) -> DeploymentChanges:
    before = {(r["id"], k == "instance"): (k, r, f) for k, r, f in _deployment_records(old)}
    after = {(r["id"], k == "instance"): (k, r, f) for k, r, f in _deployment_records(new)}

    def entry(kind: str, r: Record) -> DeploymentEntry:
        return DeploymentEntry(id=r["id"], kind=kind, name=r.get("name", ""),
                               environment=r.get("environment_id", ""))

    changed = []
    for key, (kind, r, fields) in after.items():
        if key in before and (c := changes(before[key][1], r, fields)):
            changed.append(ChangedDeployment(id=r["id"], kind=kind, changes=c))
    return DeploymentChanges(
        added=[entry(k, r) for key, (k, r, _) in after.items() if key not in before],
        removed=[entry(k, r) for key, (k, r, _) in before.items() if key not in after],
        changed=changed,
    )


# -- decisions and findings ------------------------------------------------------------------------


def _decisions(old: list[Record], new: list[Record]) -> DecisionChanges:
    # Two records with one number (two branches merged) are told apart by their file.
    duplicated = {n for records in (old, new)
                  for n, count in Counter(r["number"] for r in records).items() if count > 1}
    key = lambda r: (r["number"], r.get("file", "") if r["number"] in duplicated else "")  # noqa: E731
    added, removed, pairs = _by_key(old, new, key)
    def entry(r: Record) -> DecisionEntry:
        return DecisionEntry(number=r["number"], title=r["title"], status=r["status"])

    return DecisionChanges(
        added=[entry(r) for r in added], removed=[entry(r) for r in removed],
        changed=[ChangedDecision(number=b["number"], changes=c) for a, b in pairs
                 if (c := changes(a, b, DECISION_FIELDS))],
    )


def _key(finding: Record) -> tuple[str, str, str]:
    return finding_key(finding["rule"], finding.get("subject", ""), finding["message"])


def _unmatched(findings: list[Record], others: list[Record]) -> list[Record]:
    """``findings`` not matched by one of ``others`` (each match used once)."""
    available = Counter(_key(f) for f in others)
    left = []
    for f in findings:
        k = _key(f)
        if available[k] > 0:
            available[k] -= 1
        else:
            left.append(f)
    return left


def _findings(old: list[Record], new: list[Record]) -> FindingChanges:
    return FindingChanges(new=[FindingEntry(**f) for f in _unmatched(new, old)],
                          fixed=[FindingEntry(**f) for f in _unmatched(old, new)])
