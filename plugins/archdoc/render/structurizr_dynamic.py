"""A flow as a Structurizr ``dynamic`` view: its steps, as the DSL takes them.

Structurizr checks every step against the model, and this writer checks it the same way first,
so that the workspace loads:

- a step goes through a relationship in its direction, or is a response through one the other
  way (the DSL's implied relationships count: a relationship of a container is one of its
  system too); with a technology, through a relationship of that technology;
- a dynamic view has a scope: ``*`` draws people and software systems, a software system's
  view also containers, a container's view also components; neither the scope, nor (in a
  container's view) its system, nor an element together with its parent can be drawn. The scope
  chosen is the one that keeps the most steps.

A step's kind (a step or a reply) is what the import reads from the relationships; where that
would be wrong for any step, the view's property ``archdoc.steps`` lists the kind of every step
written, in order (the DSL's steps take no properties). A step Structurizr would refuse is left
out, one with a technology no relationship has is
written without it, each said once. ``parallel`` blocks are the DSL's parallel sequences
(``{ { ... } { ... } }``); ``alt``, ``opt`` and ``loop`` have no counterpart and their steps are
written in line; notes have none either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archdoc.model.elements import Element
from archdoc.model.flows import FlowBlock, FlowItem, FlowMessage, FlowNote, walk
from archdoc.model.records import Relationship
from archdoc.model.workspace import Workspace
from archdoc.render.structurizr_model import Document
from archdoc.views import SequenceView

__all__ = ["DynamicWriter", "StructurizrRelationships"]


class StructurizrRelationships:
    """The relationships Structurizr has once it has read the model: the written ones and the
    ones it implies between their ancestors (unless the two already have one), in order."""

    def __init__(self, workspace: Workspace, written: list[Relationship]) -> None:
        self.ws = workspace
        self.written = written
        self.technologies: dict[tuple[str, str], list[str]] = {}
        for r in written:
            source = self.ws.elements[r.source_id]
            destination = self.ws.elements[r.destination_id]
            self.technologies.setdefault((source.id, destination.id), []).append(r.technology)
            for s in [source, *source.ancestors()]:
                for d in [destination, *destination.ancestors()]:
                    if (s.id, d.id) not in self.technologies and _implied_allowed(s, d):
                        self.technologies[(s.id, d.id)] = [r.technology]

    def finds(self, source: str, destination: str, technology: str) -> bool:
        found = self.technologies.get((source, destination))
        return found is not None and (not technology or technology in found)

    def backs(self, source: str, destination: str, technology: str) -> bool:
        """Whether a written relationship from ``source`` or inside it to ``destination`` or
        inside it (with ``technology``, if given) exists: how the import tells a step from a
        reply."""
        elements = self.ws.elements
        outer_s, outer_d = elements[source], elements[destination]
        return any((r.source_id == source or outer_s.is_ancestor_of(elements[r.source_id]))
                   and (r.destination_id == destination
                        or outer_d.is_ancestor_of(elements[r.destination_id]))
                   and (not technology or r.technology == technology) for r in self.written)


def _implied_allowed(a: Element, b: Element) -> bool:
    if a is b:
        return False
    if a.kind == "person" or b.kind == "person":
        return True
    return not (a.is_ancestor_of(b) or b.is_ancestor_of(a))


@dataclass
class _Scope:
    """A dynamic view's scope, and the elements drawn so far (Structurizr's checks)."""

    ws: Workspace
    scope: Element | None
    drawn: set[str] = field(default_factory=set)

    def allows(self, id: str) -> bool:
        element = self.ws.elements[id]
        if element.kind == "person":
            return True
        scope = self.scope
        if scope is None:
            return element.kind == "system"
        if element is scope or (scope.kind != "system" and element.id == scope.parent_id):
            return False
        if scope.kind == "system" and element.kind == "component":
            return False
        if id in self.drawn:
            return True
        drawn = [self.ws.elements[d] for d in self.drawn]
        return not any(d.is_ancestor_of(element) or element.is_ancestor_of(d) for d in drawn
                       if d.kind != "person")

    def add(self, *ids: str) -> None:
        self.drawn.update(ids)


class DynamicWriter:
    """Writes the ``dynamic`` view of one flow."""

    def __init__(self, workspace: Workspace, doc: Document, ident: dict[str, str],
                 relationships: StructurizrRelationships) -> None:
        self.ws = workspace
        self.doc = doc
        self.ident = ident
        self.rels = relationships

    # -- the scope ------------------------------------------------------------------------------

    def scope(self, view: SequenceView) -> Element | None:
        """The scope that keeps the most steps: ``*``, then the systems and containers of the
        participants, in order of appearance."""
        candidates: list[Element | None] = [None]
        for participant in view.participants:
            element = self.ws.elements.get(participant.id)
            chain = [element, *element.ancestors()] if element is not None else []
            for e in reversed(chain):
                if e.kind != "person" and e.kind != "component" and e not in candidates:
                    candidates.append(e)
        best, kept = None, -1
        for candidate in candidates:
            count = sum(1 for _ in self._accepted(view.items, _Scope(self.ws, candidate)))
            if count > kept:
                best, kept = candidate, count
        return best

    def _accepted(self, items: list[FlowItem], scope: _Scope) -> list[FlowMessage]:
        return [m for m in walk(items) if isinstance(m, FlowMessage)
                and self._check(m, scope) is not None]

    def _check(self, m: FlowMessage, scope: _Scope) -> str | None:
        """The technology to write for step ``m`` (``""`` for none), or None when Structurizr
        refuses it; adds its ends to the scope's drawn elements."""
        elements = self.ws.elements
        if m.source_id not in elements or m.destination_id not in elements:
            return None
        if not (scope.allows(m.source_id) and scope.allows(m.destination_id)):
            return None
        technology = m.technology
        if not self._backed(m, technology):
            if not technology or not self._backed(m, ""):
                return None
            technology = ""
        scope.add(m.source_id, m.destination_id)
        return technology

    def _backed(self, m: FlowMessage, technology: str) -> bool:
        return self.rels.finds(m.source_id, m.destination_id, technology) or self.rels.finds(
            m.destination_id, m.source_id, technology)

    # -- the steps ------------------------------------------------------------------------------

    def steps(self, view: SequenceView, scope: Element | None) -> list[str]:
        """Writes the steps; returns the kind (``step`` or ``reply``) of each step written
        when the import would tell one of them wrong from the relationships, else ``[]``."""
        self._kinds: list[str] = []
        self._misread = False
        self._items(view.items, _Scope(self.ws, scope), view.key)
        return self._kinds if self._misread else []

    def _items(self, items: list[FlowItem], scope: _Scope, key: str) -> None:
        for item in items:
            if isinstance(item, FlowMessage):
                self._step(item, scope, key)
            elif isinstance(item, FlowNote):
                self.doc.drop("notes of flows: Structurizr's dynamic views have none", key)
            elif isinstance(item, FlowBlock):
                self._block(item, scope, key)

    def _block(self, block: FlowBlock, scope: _Scope, key: str) -> None:
        out = self.doc.out
        if block.kind != "par":
            self.doc.drop("alt, opt and loop blocks of flows: Structurizr's dynamic views have "
                          "none; their steps are written in line", key)
            for branch in block.branches:
                self._items(branch.items, scope, key)
            return
        if any(b.label for b in block.branches):
            self.doc.drop("labels of parallel blocks: Structurizr's parallel sequences have none",
                          key)
        out.add("{")
        out.depth += 1
        for branch in block.branches:
            out.add("{")
            out.depth += 1
            self._items(branch.items, scope, key)
            out.close()
        out.close()

    def _step(self, m: FlowMessage, scope: _Scope, key: str) -> None:
        s = self.doc.s
        technology = self._check(m, scope)
        if technology is None:
            self.doc.drop("steps of flows that Structurizr refuses: between an element and "
                          "itself or its own part, with an element the model lacks or the "
                          "view's scope cannot draw, or that no relationship goes through", key)
            return
        if technology != m.technology:
            self.doc.drop("technologies of flow steps that no relationship between the two "
                          "has: Structurizr takes a step's technology to choose the relationship",
                          key)
        line = f"{self.ident[m.source_id]} -> {self.ident[m.destination_id]}"
        if m.description or technology:
            line += " " + s(m.description)
        if technology:
            line += " " + s(technology)
        # Read back, a step is a reply when only a relationship the other way backs it.
        forward = self.rels.backs(m.source_id, m.destination_id, technology)
        self._kinds.append(m.kind)
        if (m.kind == "reply") == forward:
            self._misread = True
        self.doc.out.add(line)
