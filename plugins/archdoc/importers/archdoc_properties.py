"""The ``archdoc.*`` properties: what ``archdoc export --format structurizr`` keeps for archdoc
where Structurizr has no place for it, read back into the plan.

- ``archdoc.id`` (element, deployment node): the id, where the identifier cannot spell it
- ``archdoc.name`` (element, deployment node): the name, where Structurizr needed another to keep
  names unique
- ``archdoc.kind`` (container): ``database`` or ``queue`` for one with parts (Structurizr's tags
  make only a leaf container one)
- ``archdoc.owner`` (element): the owning team
- ``archdoc.dataOwner`` (database): the id of the container that owns its data
- ``archdoc.operation`` (relationship): the operation (an endpoint, a topic)
- ``archdoc.access`` (relationship): ``read``, ``write``, ``readwrite``, or ``""`` for none
  (nothing is inferred)
- ``archdoc.icon`` (deployment node): the icon name
- ``archdoc.instances`` (deployment node, container instance): instances the DSL cannot spell

The DSL reader also reads ``archdoc.id`` of views and dynamic views and ``archdoc.kind``
(``step`` or ``reply``) of a dynamic view's step; :func:`restore` does the rest, once the
whole model is read.
"""

from __future__ import annotations

from archdoc.importers.plan import (
    PElement,
    Plan,
    PNode,
    PRelationship,
    element_id,
    node_id,
)

__all__ = ["restore", "PREFIX"]

PREFIX = "archdoc."

_KINDS = {"container", "database", "queue"}
_ACCESS = {"read", "write", "readwrite"}


def restore(plan: Plan) -> None:
    """Move the ``archdoc.*`` properties of the plan's elements, relationships and nodes into
    the fields they stand for."""
    owners: list[tuple[PElement, str]] = []
    for element in plan.elements():
        props = element.properties
        if PREFIX + "id" in props:
            element.id = _own_id(props.pop(PREFIX + "id"), element.parent)
        if PREFIX + "name" in props:
            element.name = props.pop(PREFIX + "name")
        if PREFIX + "owner" in props:
            element.owner = props.pop(PREFIX + "owner")
        kind = props.pop(PREFIX + "kind", None)
        if kind in _KINDS and element.kind in _KINDS:
            element.kind = kind  # type: ignore[assignment]
        if PREFIX + "dataOwner" in props:
            owners.append((element, props.pop(PREFIX + "dataOwner")))
    if owners:
        order = {id(e): n for n, e in enumerate(plan.statements)}
        by_id = {element_id(e): e for e in plan.elements()}
        for element, owner_id in owners:
            owner = by_id.get(owner_id)
            if owner is None or order[id(owner)] > order[id(element)]:
                plan.note(element.location, f"the data owner {owner_id!r} of {element.name!r} "
                          "is not carried over: it is not declared before it")
                continue
            element.data_owner = owner
    for relationship in plan.relationships():
        _relationship(relationship)
    for node in (s for s in plan.statements if isinstance(s, PNode)):
        _node(node)


def _own_id(full: str, parent: PElement | None) -> str:
    """The own part of an element id (``shop.api`` under ``shop``: ``api``), or the whole id."""
    if parent is not None:
        prefix = element_id(parent) + "."
        if full.startswith(prefix) and "." not in full[len(prefix):]:
            return full[len(prefix):]
    return full


def _relationship(relationship: PRelationship) -> None:
    props = relationship.properties
    if PREFIX + "operation" in props:
        relationship.operation = props.pop(PREFIX + "operation")
    if PREFIX + "access" in props:
        access = props.pop(PREFIX + "access")
        relationship.access = access if access in _ACCESS else None
        relationship.infer_access = False


def _node(node: PNode) -> None:
    props = node.properties
    if PREFIX + "id" in props:
        node.id = props.pop(PREFIX + "id")
    if PREFIX + "name" in props:
        node.name = props.pop(PREFIX + "name")
    if PREFIX + "icon" in props:
        node.icon = props.pop(PREFIX + "icon")
    if PREFIX + "instances" in props:
        node.instances = instances_value(props.pop(PREFIX + "instances"))
    if node.id is not None and node.id == node_id(PNode(node.kind, node.name, node.environment,
                                                        None, parent=node.parent)):
        node.id = None


def instances_value(text: str) -> int | str:
    """``"3"`` -> 3; anything else as written."""
    return int(text) if text.isdigit() else text
