"""The workspace: the one object a model package builds, and its indexes."""

from __future__ import annotations

import difflib
from collections.abc import Container as Container_
from pathlib import Path
from typing import Literal

from archdoc.errors import ModelError, ReferenceNotFound
from archdoc.model.builder import DuplicateId, ModelBuilder
from archdoc.model.checked import attach
from archdoc.model.deployment import ContainerInstance, DeploymentNode, Environment
from archdoc.model.elements import (
    Container,
    Element,
    ElementRef,
    Person,
    SoftwareSystem,
)
from archdoc.model.flows import Flow
from archdoc.model.ids import check_id, slugify
from archdoc.model.records import Event, FailureMode, Relationship
from archdoc.model.selectors import SELECTOR_HINT, selector_problem
from archdoc.model.values import PropertyValue, check_choice, check_text
from archdoc.model.views import Direction, LineStyle, Shape, Style, View, check_style
from archdoc.source import caller_location

__all__ = ["Workspace", "DuplicateId", "created_workspaces", "forget_created"]

_created: list[Workspace] = []


def created_workspaces() -> list[Workspace]:
    """Every Workspace constructed since the last call (the loader takes them from here)."""
    taken = list(_created)
    _created.clear()
    return taken


def forget_created(workspace: Workspace) -> None:
    """Take a workspace archdoc built itself (not a model being loaded) off that list."""
    if workspace in _created:
        _created.remove(workspace)


class Workspace:
    """The architecture of one organisation or product: its model, flows and deployments."""

    def __init__(self, name: str, description: str = "", *, id: str | None = None) -> None:
        self.name = check_text(name, "name", "Workspace", optional=False)
        self.description = check_text(description, "description", "Workspace")
        self.id = id or slugify(name)
        self.location = caller_location()
        self.elements: dict[str, Element] = {}
        """Every element by id, in declaration order."""
        self.relationships: list[Relationship] = []
        self.failure_modes: list[FailureMode] = []
        self.events: dict[str, Event] = {}
        self.flows: list[Flow] = []
        self.environments: list[Environment] = []
        self.nodes: dict[str, DeploymentNode] = {}
        self.instances: list[ContainerInstance] = []
        self.duplicates: list[DuplicateId] = []
        self.views: list[View] = []
        """Views the model defines (``ws.view``), in declaration order."""
        self.styles: list[Style] = []
        """Styles by tag (``ws.style``), in declaration order."""
        self.root: Path | None = None
        """The project root the model was loaded from (set by the loader)."""
        self.builder = ModelBuilder(self)
        """How the model's classes declare into this workspace (``archdoc.model.builder``)."""
        _created.append(self)

    def __repr__(self) -> str:
        return f"<Workspace {self.name!r}: {len(self.elements)} elements>"

    # -- building: the public API ------------------------------------------------------------

    def person(
        self, name: str, description: str = "", *, tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None, group: str | None = None,
        id: str | None = None,
    ) -> Person:
        """A person who uses the systems: a customer, an administrator."""
        return self.builder.element(
            Person, "person", name, caller_location(), parent=None, call="person",
            description=description,
            tags=tags, properties=properties, group=group, id=id,
        )

    def system(
        self, name: str, description: str = "", *, external: bool = False,
        owner: str | None = None, tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None, group: str | None = None,
        id: str | None = None,
    ) -> SoftwareSystem:
        """A software system; ``external=True`` for one outside your control (a SaaS, a partner)."""
        return self.builder.element(
            SoftwareSystem, "system", name, caller_location(), parent=None, call="system",
            description=description,
            external=external, owner=owner, tags=tags, properties=properties, group=group, id=id,
        )

    def view(
        self, name: str, description: str = "", *, of: ElementRef | None = None,
        include: list[ElementRef] | None = None, exclude: list[ElementRef] | None = None,
        around: ElementRef | None = None, depth: int = 1, direction: Direction | None = None,
        id: str | None = None,
    ) -> View:
        """A view of your own: the elements ``include`` selects (minus ``exclude``), drawn at the
        level of ``of`` (a system: its containers; a container: its components; None: systems
        and people), with the relationships between them. ``around=element`` adds it and
        everything within ``depth`` hops of it. ``direction`` is TB, LR, BT or RL (default: the
        site's, TB unless configured). Its key is ``view:<id>``."""
        call = "view"
        title = check_text(name, "name", call, optional=False)
        if not title.strip():
            raise ModelError("view(): the name is empty", location=caller_location(),
                             hint="name the view, e.g. ws.view(\"Checkout path\")")
        view_id = check_text(id, "id", call, optional=False) if id is not None else slugify(title)
        if not view_id.strip():
            raise ModelError("view(): id is empty", location=caller_location(),
                             hint="leave id out to derive it from the name")
        taken = next((v for v in self.views if v.id == view_id), None)
        if taken is not None:
            raise ModelError(
                f"view(): a view with id {view_id!r} exists already (declared at {taken.location})",
                location=caller_location(), hint="give the view another name or an explicit id=",
            )
        if direction is not None:
            check_choice(direction, "direction", Direction, call)
        if isinstance(depth, bool) or not isinstance(depth, int) or depth < 1:
            raise ModelError(f"view(): depth={depth!r} is not a whole number of hops (1 or more)",
                             location=caller_location(), hint="write depth=1 or depth=2")
        scope_id = None
        if of is not None:
            scope_id = self.builder.reference_id(of, "of", call)
            if isinstance(of, Element) and of.kind not in ("system", "container", "database",
                                                           "queue"):
                raise ModelError(
                    f"view(): of={of.id!r} is a {of.kind_label.lower()}; a view is of a software "
                    "system (drawn at container level) or a container (component level)",
                    location=caller_location(),
                    hint="pass a system or a container, or leave of= out",
                )
        around_id = None if around is None else self.builder.reference_id(around, "around", call)
        view = View(
            id=view_id, name=title, description=check_text(description, "description", call),
            scope_id=scope_id,
            include=self._selectors(include, "include") if include is not None
            else ([] if around_id else ["*"]),
            exclude=self._selectors(exclude, "exclude") if exclude is not None else [],
            around_id=around_id, depth=depth, direction=direction, location=caller_location(),
        )
        self.views.append(view)
        return view

    def style(
        self, tag: str, *, color: str | None = None, border: str | None = None,
        text: str | None = None, shape: Shape | None = None, line: LineStyle | None = None,
        width: int | None = None, **unknown: object,
    ) -> Style:
        """How elements and relationships tagged ``tag`` look in every view: ``color`` (fill;
        a relationship's line), ``border``, ``text`` (hex colours), ``shape``, ``line`` (solid,
        dashed, dotted) and ``width``. Later styles of a tag override earlier ones."""
        call = "style"
        name = check_text(tag, "tag", call, optional=False)
        if not name.strip():
            raise ModelError("style(): the tag is empty", location=caller_location(),
                             hint='style a tag: ws.style("critical", color="#fb923c")')
        values = check_style(call, {"color": color, "border": border, "text": text,
                                    "shape": shape, "line": line, "width": width, **unknown})
        style = Style(tag=name, location=caller_location(), **values)
        self.styles.append(style)
        return style

    def flow(self, name: str, description: str = "", *, id: str | None = None) -> Flow:
        """A scenario across elements, drawn as a sequence diagram. Use it as
        ``with ws.flow(...) as f:``."""
        if id is not None:
            check_id(check_text(id, "id", "flow", optional=False), "flow", explicit=True)
        flow = Flow(
            id=id or self.builder.flow_id(
                slugify(check_text(name, "name", "flow", optional=False))),
            name=name,
            description=check_text(description, "description", "flow"),
            location=caller_location(),
        )
        attach(flow, self)
        check_id(flow.id, "flow", explicit=False)
        self.flows.append(flow)
        return flow

    def environment(
        self, name: str, description: str = "", *, id: str | None = None,
    ) -> Environment:
        """A deployment environment, holding nodes: ``prod.node("AWS eu-west-1")``."""
        if id is not None:
            check_id(check_text(id, "id", "environment", optional=False), "environment",
                     explicit=True)
        env = Environment(
            id=id or slugify(check_text(name, "name", "environment", optional=False)),
            name=name,
            description=check_text(description, "description", "environment"),
            location=caller_location(),
        )
        attach(env, self)
        check_id(env.id, "environment", explicit=False)
        env.id = self.builder.claim_id(env.id, env.location)
        self.environments.append(env)
        return env

    # -- reading ------------------------------------------------------------------------------

    def get(self, id: str) -> Element | None:
        """The element with this id, or None."""
        return self.elements.get(id)

    def find(self, id: str) -> Element | DeploymentNode | Environment:
        """The element, deployment node or environment with this id; a clear error otherwise."""
        found: Element | DeploymentNode | Environment | None = \
            self.elements.get(id) or self.nodes.get(id)
        if found is None:
            found = next((e for e in self.environments if e.id == id), None)
        if found is None:
            raise ReferenceNotFound(
                f"no element with id {id!r} in workspace {self.name!r}",
                hint=self.suggest(id),
            )
        return found

    def suggest(self, id: str, *, kinds: Literal["all", "elements"] = "all") -> str:
        """A hint naming the ids closest to ``id`` (not ``id`` itself); ``kinds="elements"``:
        only model elements (what ``show``, ``impact`` and ``affects`` take)."""
        ids = self.elements if kinds == "elements" else (
            *self.elements, *self.nodes, *(e.id for e in self.environments))
        known = [k for k in ids if "~" not in k and k != id]
        close = difflib.get_close_matches(id, known, n=3, cutoff=0.5)
        if not close:
            close = [k for k in known if k.endswith("." + id) or k.split(".")[-1] == id][:3]
        if close:
            return "did you mean " + ", ".join(repr(c) for c in close) + "?"
        return "run `archdoc export --format json` to list every id"

    def nearest(self, id: str, allowed: Container_[str]) -> str | None:
        """The closest of element ``id`` and its ancestors that is in ``allowed``, or None."""
        element = self.elements.get(id)
        while element is not None:
            if element.id in allowed:
                return element.id
            element = self.elements.get(element.parent_id) if element.parent_id else None
        return None

    def children_of(self, id: str | None) -> list[Element]:
        return [self.elements[c] for c in self.builder.children.get(id, [])]

    def children_ids(self, id: str | None) -> list[str]:
        """The ids of the children of ``id`` (None: the top-level elements), in declaration
        order."""
        return list(self.builder.children.get(id, ()))

    def people(self) -> list[Person]:
        return [e for e in self.elements.values() if isinstance(e, Person)]

    def systems(self) -> list[SoftwareSystem]:
        return [e for e in self.elements.values() if isinstance(e, SoftwareSystem)]

    def containers(self) -> list[Container]:
        """Containers of every kind (services, databases, queues)."""
        return [e for e in self.elements.values() if isinstance(e, Container)]

    def relationships_of(self, id: str) -> tuple[list[Relationship], list[Relationship]]:
        """(outgoing, incoming) relationships declared on this element itself."""
        out = [r for r in self.relationships if r.source_id == id]
        into = [r for r in self.relationships if r.destination_id == id]
        return out, into

    def nodes_of(self, environment_id: str) -> list[DeploymentNode]:
        return [n for n in self.nodes.values() if n.environment_id == environment_id]

    # -- building: helpers of the public API -------------------------------------------------

    def _selectors(self, value: object, argument: str) -> list[str]:
        """``include=`` / ``exclude=``: elements become their ids; strings are checked for form."""
        call = "view"
        if isinstance(value, (str, Element)) or not isinstance(value, (list, tuple)):
            raise ModelError(
                f"view(): {argument} must be a list of selectors, not {value!r}",
                location=caller_location(),
                hint=f'write {argument}=["*", shop, "tag:critical", "shop.*"]',
            )
        out: list[str] = []
        for item in value:
            if isinstance(item, str):
                problem = selector_problem(item)
                if problem:
                    raise ModelError(f"view(): {argument} selector {item!r} {problem}",
                                     location=caller_location(), hint=SELECTOR_HINT)
                out.append(item)
            else:
                out.append(self.builder.reference_id(item, argument, call))
        return out
