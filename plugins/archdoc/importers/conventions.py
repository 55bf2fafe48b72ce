"""What Structurizr says with tags that archdoc says with arguments.

In Structurizr a database is a container tagged ``Database`` (drawn as a cylinder), an external
system one tagged ``External``, an asynchronous relationship one tagged ``Asynchronous``. archdoc
has calls and arguments for these (``system.database(...)``, ``external=True``,
``interaction="async"``), which its rules rely on. :func:`settle` turns the tags into them once a
whole workspace is read. A tag that a style or a view selects stays, so nothing is lost.
"""

from __future__ import annotations

import re

from archdoc.importers.plan import PElement, Plan, PStyle, PView

__all__ = ["settle", "DEFAULT_TAGS", "infer_access", "has_descendants"]

DEFAULT_TAGS = frozenset({
    "element", "person", "software system", "container", "component", "relationship",
    "deployment node", "infrastructure node", "container instance", "software system instance",
    "synchronous", "group",
})
"""Tags Structurizr gives every element or relationship of a kind; archdoc has no use for them."""

_DATABASE = frozenset({"database", "db", "datastore", "data store", "data-store", "storage",
                       "cache", "schema"})
_QUEUE = frozenset({"queue", "message queue", "topic", "message bus", "event bus", "messagebus",
                    "eventbus", "broker", "message broker", "stream"})
_EXTERNAL = frozenset({"external", "external system", "externalsystem", "3rd party",
                       "third party", "third-party"})
_ASYNC = frozenset({"async", "asynchronous"})
_CRITICALITY = {"critical": "critical", "high": "high", "medium": "medium", "low": "low"}
_SHAPE_KIND = {"cylinder": "database", "queue": "queue"}

_READS = re.compile(r"\b(read|reads|reading|query|queries|querying|fetch|fetches|get|gets|"
                    r"load|loads|look up|looks up|search|searches|lists?)\b", re.I)
_WRITES = re.compile(r"\b(write|writes|writing|store|stores|storing|save|saves|saving|"
                     r"update|updates|updating|insert|inserts|delete|deletes|persist|persists|"
                     r"record|records|put|puts)\b", re.I)


def infer_access(description: str) -> str | None:
    """``"Reads from"`` -> ``read``, ``"Reads from and writes to"`` -> ``readwrite``; else None."""
    reads, writes = bool(_READS.search(description)), bool(_WRITES.search(description))
    if reads and writes:
        return "readwrite"
    if reads:
        return "read"
    if writes:
        return "write"
    return None


def has_descendants(plan: Plan) -> set[int]:
    return {id(e.parent) for e in plan.elements() if e.parent is not None}


def settle(plan: Plan, hints: dict[int, list[str]] | None = None) -> None:
    """Kinds, ``external``, interaction and criticality from tags; the tags archdoc needs kept.

    ``hints`` maps an element (by ``id()``) to more words that name its kind (the archetypes it
    was declared with: ``datastore = container``).
    """
    hints = hints or {}
    styles = [s for s in plan.statements if isinstance(s, PStyle)]
    shaped = {s.tag.lower(): _SHAPE_KIND[str(s.options["shape"])] for s in styles
              if s.options.get("shape") in _SHAPE_KIND}
    for style in styles:  # `element "Database" { shape cylinder }` is how archdoc draws them anyway
        kind = _SHAPE_KIND.get(str(style.options.get("shape")))
        low = style.tag.lower()
        if kind and set(style.options) == {"shape"} and low in (_DATABASE if kind == "database"
                                                                else _QUEUE):
            plan.statements.remove(style)
            plan.note(style.location, f"the style {style.tag!r} is how archdoc draws a {kind} "
                      "already; it is left out")
    styles = [s for s in plan.statements if isinstance(s, PStyle)]
    # archdoc's styles apply to the tags they name exactly, so only those keep a tag.
    selected = {s.tag for s in styles if "element" in s.targets or not s.targets}
    """Tags that styles of elements or views select."""
    for view in (s for s in plan.statements if isinstance(s, PView)):
        selected |= {sel[4:] for sel in (*view.include, *view.exclude)
                     if isinstance(sel, str) and sel.startswith("tag:")}
    styled_relationships = {s.tag for s in styles if "relationship" in s.targets}
    parents = has_descendants(plan)
    for element in plan.elements():
        hinted = [h.lower() for h in hints.get(id(element), [])]
        consumed: list[str] = []
        """The tags that became an argument: the first that says it (the others stay)."""
        if element.kind == "container" and id(element) not in parents:
            for tag in [*element.tags, *hinted]:
                word = tag.lower()
                kind = ("database" if word in _DATABASE else "queue" if word in _QUEUE
                        else shaped.get(word))
                if kind:
                    element.kind = kind  # type: ignore[assignment]
                    consumed.append(tag)
                    break
        if element.kind == "system":
            external = next((t for t in [*element.tags, *hinted] if t.lower() in _EXTERNAL), None)
            if external is not None:
                element.external = True
                consumed.append(external)
        element.tags = _kept(element.tags, consumed, selected)
    for relationship in plan.relationships():
        consumed = []
        asynchronous = next((t for t in relationship.tags if t.lower() in _ASYNC), None)
        if asynchronous is not None:
            relationship.interaction = "async"
            consumed.append(asynchronous)
        critical = next((t for t in relationship.tags if t.lower() in _CRITICALITY), None)
        if critical is not None and relationship.criticality is None:
            relationship.criticality = _CRITICALITY[critical.lower()]
            consumed.append(critical)
        if isinstance(relationship.destination, PElement) and relationship.access is None \
                and relationship.infer_access and relationship.destination.kind == "database" \
                and isinstance(relationship.source, PElement):
            relationship.access = infer_access(relationship.description)
        relationship.tags = _kept(relationship.tags, consumed, styled_relationships)


def _kept(tags: list[str], consumed: list[str], selected: set[str]) -> list[str]:
    """Tags without Structurizr's defaults, nor those that became an argument unless a style
    or a view selects them."""
    kept: list[str] = []
    for tag in tags:
        if tag.lower() in DEFAULT_TAGS or (tag in consumed and tag not in selected):
            continue
        if tag not in kept:
            kept.append(tag)
    return kept
