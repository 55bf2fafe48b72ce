"""Computing a static view from its specification.

1. The *level* of the view comes from its scope: none (people and systems), a system (its
   containers, beside other people and systems) or a container (its components, beside the
   other containers of its system, people and systems).
2. ``include`` selectors and ``around`` choose the elements to draw; ``exclude`` removes some.
3. An element drawn together with one of its descendants becomes a boundary around it; every
   drawn element sits in the boundaries of its ancestors and of its groups.
4. Relationships are lifted onto the drawn elements: a component's call shows as its
   container's when only the container is drawn (implied relationships).
"""

from __future__ import annotations

from collections import deque

from archdoc.model.elements import Element
from archdoc.model.selectors import Selector, parse_selector
from archdoc.model.workspace import Workspace
from archdoc.views.computed import ComputedView, ViewBoundary, ViewEdge, ViewNode
from archdoc.views.relationships import RelationshipIndex
from archdoc.views.spec import ViewSpec
from archdoc.views.styles import StyleSheet, edge_style, node_style

__all__ = ["compute_static", "select", "level_pool"]


def level_pool(workspace: Workspace, scope_id: str | None,
               index: RelationshipIndex | None = None) -> tuple[list[str], frozenset[str]]:
    """The elements a view of this scope draws as boxes by default, in declaration order (and
    as a set); kept in ``index`` for the next view of the same scope."""
    if index is not None and scope_id in index.pools:
        return index.pools[scope_id]
    scope = workspace.elements.get(scope_id) if scope_id else None
    if scope is None:
        if index is not None and None in index.pools:
            return index.pools[None]
        top = [id for id in workspace.children_ids(None)]
        found = (top, frozenset(top))
    else:
        top_ids = level_pool(workspace, None, index)[0]
        chain = [scope, *scope.ancestors()]
        pool: list[str] = list(workspace.children_ids(scope.id))
        for inner, outer in zip(chain, chain[1:]):
            pool += [c for c in workspace.children_ids(outer.id) if c != inner.id]
        system = chain[-1]
        pool += [id for id in top_ids if id != system.id]
        order = (
            index.order if index is not None else {id: i for i, id in enumerate(workspace.elements)}
        )
        pool.sort(key=order.__getitem__)
        found = (pool, frozenset(pool))
    if index is not None:
        index.pools[scope_id] = found
    return found


class _AroundLevel:
    """The elements an ``around`` view can draw: its scope's level, with the centre element in
    place of its ancestors and without its own parts (a set, without copying the level)."""

    def __init__(self, level: frozenset[str], center: str, ancestors: set[str]) -> None:
        self.level, self.center, self.ancestors = level, center, ancestors
        self.inside = center + "."

    def __contains__(self, id: object) -> bool:
        if id == self.center:
            return True
        return (id in self.level and id not in self.ancestors
                and not str(id).startswith(self.inside))


def _star(workspace: Workspace, spec: ViewSpec, index: RelationshipIndex) -> set[str]:
    """``*``: what the built-in view of the scope draws."""
    pool, members = level_pool(workspace, spec.scope_id, index)
    if spec.scope_id is None or spec.scope_id not in workspace.elements:
        return {id for id in pool if workspace.elements[id].kind in ("person", "system")}
    inside = set(workspace.children_ids(spec.scope_id))
    found = set(inside)
    for source, destination in index.lifted(index.touching(inside), members):
        if source in inside or destination in inside:
            found.update((source, destination))
    return found


def select(workspace: Workspace, selector: Selector, star: set[str] | None = None) -> set[str]:
    """The ids a selector names (``*`` needs the view's ``star`` set)."""
    elements = workspace.elements
    if selector.kind == "all":
        return set(star or ())
    if selector.kind == "element":
        return {selector.value} if selector.value in elements else set()
    if selector.kind == "children":
        return {c.id for c in workspace.children_of(selector.value)}
    if selector.kind == "descendants":
        prefix = selector.value + "."
        return {id for id in elements if id.startswith(prefix)} if selector.value in elements \
            else set()
    if selector.kind == "tag":
        return {e.id for e in elements.values() if selector.value in e.tags}
    if selector.kind == "technology":
        return {e.id for e in elements.values() if selector.matches_technology(e.technology)}
    return {e.id for e in elements.values() if e.kind == selector.value}


def _around(workspace: Workspace, spec: ViewSpec, index: RelationshipIndex) -> set[str]:
    """The element and everything within ``depth`` hops of it at the view's level."""
    center = workspace.elements.get(spec.around_id or "")
    if center is None:
        return set()
    ancestors = {a.id for a in center.ancestors()}
    pool = _AroundLevel(level_pool(workspace, spec.scope_id, index)[1], center.id, ancestors)
    found = {center.id}
    frontier = deque([(center.id, 0)])
    while frontier:
        id, hops = frontier.popleft()
        if hops >= spec.depth:
            continue
        for source, destination in index.lifted(index.touching([id]), pool):
            if id not in (source, destination):
                continue
            other = destination if source == id else source
            if other not in found:
                found.add(other)
                frontier.append((other, hops + 1))
    return found


def compute_static(
    workspace: Workspace, spec: ViewSpec, index: RelationshipIndex, sheet: StyleSheet,
    *, direction: str = "TB",
) -> ComputedView:
    elements = workspace.elements
    star: set[str] | None = None
    drawn: set[str] = set()
    for text in spec.include:
        selector = parse_selector(text)
        if selector.kind == "all" and star is None:
            star = _star(workspace, spec, index)
        drawn |= select(workspace, selector, star)
    if spec.around_id:
        drawn |= _around(workspace, spec, index)
    for text in spec.exclude:
        selector = parse_selector(text)
        if selector.kind == "all" and star is None:
            star = _star(workspace, spec, index)
        drawn -= select(workspace, selector, star)
    drawn &= elements.keys()
    # An element drawn with one of its descendants frames it instead of being a box.
    framing = {a.id for id in drawn for a in elements[id].ancestors() if a.id in drawn}
    if spec.scope_id in elements:
        framing.add(spec.scope_id)
    boxes = sorted((id for id in drawn if id not in framing), key=index.order.__getitem__)
    focus = spec.around_id
    frames = _Frames(workspace)
    nodes = [_node(elements[id], frames.place(elements[id]), sheet, focus) for id in boxes]
    visible = set(boxes)
    edges = [ViewEdge(s, d, rels, edge_style(rels, sheet))
             for (s, d), rels in index.lifted(index.between(boxes), visible).items()]
    order = {id: i for i, id in enumerate(boxes)}
    edges.sort(key=lambda e: (order[e.source_id], order[e.destination_id]))
    return ComputedView(
        key=spec.key, kind=spec.kind, title=spec.title, description=spec.description,
        direction=spec.direction or direction, nodes=nodes, boundaries=frames.ordered(),
        edges=edges, subject_id=spec.scope_id if spec.kind != "context" else spec.around_id,
        location=spec.location,
    )


def _node(element: Element, boundary: str | None, sheet: StyleSheet, focus: str | None) -> ViewNode:
    return ViewNode(
        id=element.id, name=element.name, kind=element.kind, kind_label=element.kind_label,
        technology=element.technology, description=element.description,
        external=element.external, tags=list(element.tags), boundary=boundary,
        style=node_style(element.kind, element.external, element.tags, sheet),
        focus=element.id == focus,
    )


class _Frames:
    """The boundaries of a view, made as drawn elements need them: ancestors, then groups."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.boundaries: dict[str, ViewBoundary] = {}

    def place(self, element: Element) -> str | None:
        """The boundary ``element`` is drawn in (creating it and its outer ones)."""
        outer = self._element_frame(element.parent_id) if element.parent_id else None
        if element.group:
            return self._group_frame(element.parent_id or "", element.group, outer)
        return outer

    def _element_frame(self, id: str) -> str:
        if id not in self.boundaries:
            element = self.workspace.elements[id]
            outer = self.place(element)
            self.boundaries[id] = ViewBoundary(
                id=id, label=element.name, kind="element", element_kind=element.kind,
                parent=outer, external=element.external)
        return id

    def _group_frame(self, parent_id: str, path: str, outer: str | None) -> str:
        parts = path.split("/")
        current = outer
        for depth in range(1, len(parts) + 1):
            id = f"group:{parent_id}:{'/'.join(parts[:depth])}"
            if id not in self.boundaries:
                self.boundaries[id] = ViewBoundary(
                    id=id, label=parts[depth - 1], kind="group", parent=current)
            current = id
        return current  # type: ignore[return-value]

    def ordered(self) -> list[ViewBoundary]:
        """Outer boundaries before the ones inside them, else in order of first use."""
        out: list[ViewBoundary] = []
        seen: set[str] = set()

        def add(boundary: ViewBoundary) -> None:
            if boundary.id in seen:
                return
            if boundary.parent is not None:
                add(self.boundaries[boundary.parent])
            seen.add(boundary.id)
            out.append(boundary)

        for boundary in self.boundaries.values():
            add(boundary)
        return out
