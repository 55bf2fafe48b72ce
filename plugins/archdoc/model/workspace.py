"""The workspace: the one object a model package builds, and its indexes."""

from __future__ import annotations

import difflib
from collections.abc import Container as Container_
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from archdoc.errors import ModelError, ReferenceNotFound
from archdoc.model.checked import holder
from archdoc.model.deployment import ContainerInstance, DeploymentNode, Environment, Instances
from archdoc.model.elements import (
    Container,
    Element,
    ElementRef,
    Person,
    SoftwareSystem,
)
from archdoc.model.flows import Flow
from archdoc.model.ids import MAX_ID_BYTES, check_id, join_id, slugify
from archdoc.model.records import Event, EventLink, FailureMode, Relationship
from archdoc.model.values import (
    Access,
    Criticality,
    Interaction,
    PropertyValue,
    check_choice,
    check_properties,
    check_tags,
    check_text,
)
from archdoc.model.views import (
    Direction,
    LineStyle,
    Shape,
    Style,
    View,
    check_group,
    check_style,
)
from archdoc.model.selectors import SELECTOR_HINT, selector_problem
from archdoc.source import SourceLocation, caller_location

__all__ = ["Workspace", "DuplicateId", "created_workspaces"]

E = TypeVar("E", bound=Element)

_created: list[Workspace] = []


def created_workspaces() -> list[Workspace]:
    """Every Workspace constructed since the last call (the loader takes them from here)."""
    taken = list(_created)
    _created.clear()
    return taken


@dataclass(frozen=True)
class DuplicateId:
    """Two declarations that would have had the same id; the second got a ``~N`` suffix."""

    id: str
    first: SourceLocation | None
    second: SourceLocation | None
    renamed_to: str


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
        self._children: dict[str | None, list[str]] = {}
        self._pair_counts: dict[tuple[str, str], int] = {}
        self._suffixes: dict[str, int] = {}
        """For each duplicated id, the next ``~N`` to try."""
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
        return self._add_element(
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
        return self._add_element(
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
            scope_id = self._reference_id(of, "of", call)
            if isinstance(of, Element) and of.kind not in ("system", "container", "database",
                                                           "queue"):
                raise ModelError(
                    f"view(): of={of.id!r} is a {of.kind_label.lower()}; a view is of a software "
                    "system (drawn at container level) or a container (component level)",
                    location=caller_location(), hint="pass a system or a container, or leave of= out",
                )
        around_id = None if around is None else self._reference_id(around, "around", call)
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
        style = Style(tag=name, location=caller_location(), **values)  # type: ignore[arg-type]
        self.styles.append(style)
        return style

    def flow(self, name: str, description: str = "", *, id: str | None = None) -> Flow:
        """A scenario across elements, drawn as a sequence diagram. Use it as ``with ws.flow(...) as f:``."""
        if id is not None:
            check_id(check_text(id, "id", "flow", optional=False), "flow", explicit=True)
        flow = Flow(
            id=id or self._unique_flow_id(slugify(check_text(name, "name", "flow", optional=False))),
            name=name,
            description=check_text(description, "description", "flow"),
            location=caller_location(),
        )
        flow._workspace = self
        check_id(flow.id, "flow", explicit=False)
        self.flows.append(flow)
        return flow

    def environment(self, name: str, description: str = "", *, id: str | None = None) -> Environment:
        """A deployment environment, holding nodes: ``prod.node("AWS eu-west-1")``."""
        if id is not None:
            check_id(check_text(id, "id", "environment", optional=False), "environment", explicit=True)
        env = Environment(
            id=id or slugify(check_text(name, "name", "environment", optional=False)),
            name=name,
            description=check_text(description, "description", "environment"),
            location=caller_location(),
        )
        env._workspace = self
        check_id(env.id, "environment", explicit=False)
        env.id = self._claim_id(env.id, env.location)
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
        return [self.elements[c] for c in self._children.get(id, [])]

    def children_ids(self, id: str | None) -> list[str]:
        """The ids of the children of ``id`` (None: the top-level elements), in declaration order."""
        return list(self._children.get(id, ()))

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

    # -- building: internals used by the element classes ---------------------------------------

    def _claim_id(self, wanted: str, source: SourceLocation | None) -> str:
        """Reserve ``wanted`` in the id namespace; a taken id is recorded and suffixed."""
        if wanted not in self.elements and wanted not in self.nodes and not (
            self.environments and any(e.id == wanted for e in self.environments)
        ):
            return wanted
        first = self.find(wanted).location
        n = self._suffixes.get(wanted, 2)
        while f"{wanted}~{n}" in self.elements or f"{wanted}~{n}" in self.nodes:
            n += 1
        self._suffixes[wanted] = n + 1
        renamed = f"{wanted}~{n}"
        self.duplicates.append(DuplicateId(wanted, first, source, renamed))
        return renamed

    def _unique_flow_id(self, wanted: str) -> str:
        taken = {f.id for f in self.flows}
        n, candidate = 2, wanted
        while candidate in taken:
            candidate, n = f"{wanted}-{n}", n + 1
        return candidate

    def _add_element(
        self, cls: type[E], kind: str, name: str, source: SourceLocation | None, *,
        parent: Element | None, call: str,
        description: str = "", technology: str = "", external: bool = False,
        owner: str | Element | None = None, tags: list[str] | None = None,
        properties: dict[str, PropertyValue] | None = None, group: str | None = None,
        id: str | None = None,
    ) -> E:
        """Declare an element; ``source`` is the user's call, taken by the public method."""
        if type(name) is not str:
            name = check_text(name, "name", call, optional=False)
        if not name.strip():
            raise ModelError(f"{call}(): the name is empty", location=source,
                             hint="give every element a name")
        parent_id = None if parent is None else parent.id
        if id is not None:
            own = check_id(check_text(id, "id", call, optional=False), call, explicit=True)
            element_id = own if parent_id is None or "." in own else join_id(parent_id, own)
        else:
            slug = slugify(name)
            element_id = slug if parent_id is None else f"{parent_id}.{slug}"  # join_id
        if len(element_id) > MAX_ID_BYTES // 4:  # shorter ids fit in any case
            check_id(element_id, call, explicit=False)
        team, data_owner = "", None
        if isinstance(owner, str):
            team = owner if type(owner) is str else str.__str__(owner)
        elif owner is not None:
            data_owner = self._reference_id(owner, "owner", call)
        # Each argument is checked in the order of its message: exact strings pass on the spot,
        # anything else goes through its check in values.py. The record is then made without
        # validating again (Record.from_checked).
        if type(description) is not str or type(technology) is not str:
            description = check_text(description, "description", call)
            technology = check_text(technology, "technology", call)
        if element_id in self.elements or element_id in self.nodes or self.environments:
            element_id = self._claim_id(element_id, source)  # taken: recorded and suffixed
        element: E = cls.from_checked(
            _workspace=self,
            location=source,
            id=element_id,
            name=name,
            kind=kind,
            description=description,
            technology=technology,
            parent_id=parent_id,
            external=bool(external) or (parent is not None and parent.external),
            owner=team,
            data_owner_id=data_owner,
            tags=[] if tags is None else check_tags(tags, call),
            properties={} if properties is None else check_properties(properties, call),
            group="" if group is None else check_group(group, call),
        )
        self.elements[element_id] = element
        siblings = self._children.get(parent_id)
        if siblings is None:
            self._children[parent_id] = [element_id]
        else:
            siblings.append(element_id)
        return element

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
                out.append(self._reference_id(item, argument, call))
        return out

    def _reference_id(self, ref: object, argument: str, call: str) -> str:
        """The id of an element given as an object or an id; bad arguments fail at the call."""
        if isinstance(ref, str):
            if not ref:
                raise ModelError(f"{call}(): {argument} is an empty id", location=caller_location(),
                                 hint="pass the element object, or its id such as 'shop.order-api'")
            return ref if type(ref) is str else str.__str__(ref)
        if isinstance(ref, (Element, DeploymentNode)):
            workspace = holder(ref)
            if workspace is not self:
                other = workspace.name if workspace is not None else "none"
                raise ModelError(
                    f"{call}(): {argument} {ref.id!r} belongs to another workspace ({other!r}), "
                    f"not {self.name!r}",
                    location=caller_location(),
                    hint="declare every element of one architecture in a single Workspace",
                )
            return ref.id
        raise ModelError(
            f"{call}(): {argument} must be an element or an element id, "
            f"not {type(ref).__name__} ({ref!r})",
            location=caller_location(),
            hint="pass the object returned by person(), system(), container()..., or its id",
        )

    def _add_relationship(
        self, source: Element | DeploymentNode, destination: ElementRef,
        location: SourceLocation | None, *, call: str, description: str, technology: str,
        operation: str, interaction: Interaction, criticality: Criticality | None,
        access: Access | None, tags: list[str], properties: dict[str, PropertyValue],
    ) -> Relationship:
        """``source`` uses ``destination``; ``location`` is the user's call, the other fields
        are checked by the caller."""
        destination_id = self._reference_id(destination, "destination", call)
        source_id = source.id
        pair = (source_id, destination_id)
        count = self._pair_counts.get(pair, 0) + 1
        self._pair_counts[pair] = count
        rel_id = f"{source_id}->{destination_id}" if count == 1 else \
            f"{source_id}->{destination_id}~{count}"
        relationship: Relationship = Relationship.from_checked(
            location=location, id=rel_id, source_id=source_id, destination_id=destination_id,
            description=description, technology=technology, operation=operation,
            interaction=interaction, criticality=criticality, access=access, tags=tags,
            properties=properties,
        )
        self.relationships.append(relationship)
        return relationship

    def _add_event_link(
        self, element: Element, event: str, reason: str, via: ElementRef | None,
        role: Literal["producer", "consumer"], location: SourceLocation | None,
    ) -> EventLink:
        call = f"{element.id}.{'publishes' if role == 'producer' else 'subscribes'}"
        name = check_text(event, "event", call, optional=False)
        if not name.strip():
            raise ModelError(f"{call}(): the event name is empty", location=caller_location(),
                             hint='name events like "order.created"')
        via_id = None if via is None else self._reference_id(via, "via", call)
        link: EventLink = EventLink.from_checked(
            location=location, element_id=element.id, reason=check_text(reason, "reason", call),
            via_id=via_id,
        )
        record = self.events.get(name)
        if record is None:
            record = self.events[name] = Event(name=name, producers=[], consumers=[])
        (record.producers if role == "producer" else record.consumers).append(link)
        if via_id is not None:
            verb = "Publishes" if role == "producer" else "Consumes"
            self._add_relationship(
                element, via_id, location, call=call, description=f"{verb} {name}", technology="",
                operation=name, interaction="async", criticality=None,
                access="write" if role == "producer" else "read", tags=[], properties={},
            )
        return link

    def _add_node(self, node: DeploymentNode, *, scope: str, explicit_id: bool) -> DeploymentNode:
        if not explicit_id:
            node.id = join_id(scope, slugify(node.name))
        node.id = self._claim_id(node.id, node.location)
        node._workspace = self
        self.nodes[node.id] = node
        return node

    def _add_instance(
        self, node: DeploymentNode, container: ElementRef, instances: Instances,
    ) -> ContainerInstance:
        container_id = self._reference_id(container, "container", f"{node.id}.deploy")
        instance = ContainerInstance(
            id=f"{node.id}/{container_id}", container_id=container_id, node_id=node.id,
            environment_id=node.environment_id, instances=instances, location=caller_location(),
        )
        self.instances.append(instance)
        return instance
