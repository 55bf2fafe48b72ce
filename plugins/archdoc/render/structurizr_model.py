"""The ``model`` block of a Structurizr DSL workspace: elements, groups, relationships, deployment.

Every element is declared nested as in archdoc, under an identifier made from its id
(``!identifiers hierarchical``: ``shop.api``), with its name, description, technology and tags;
a database or a queue is a container tagged ``Database`` or ``Queue``, an external system one
tagged ``External``. Groups are ``group`` blocks around runs of siblings. Relationships follow
the elements, with the tags ``Async`` and ``Critical``/``High``/``Medium``/``Low`` for
archdoc's interaction and criticality. What the DSL has no place for (an id its identifiers
cannot spell, an owner, an operation...) is an ``archdoc.*`` property, which
``archdoc import structurizr`` reads back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from archdoc.analysis.instances import instances_range
from archdoc.model.deployment import ContainerInstance, DeploymentNode, Environment
from archdoc.model.elements import Element
from archdoc.model.ids import join_id, slugify
from archdoc.model.records import Relationship
from archdoc.model.values import PropertyValue
from archdoc.model.workspace import Workspace
from archdoc.render.indented import IndentedLines
from archdoc.render.losses import Losses
from archdoc.render.structurizr_text import Namespace, Strings, identifier
from archdoc.views import ViewIndex

__all__ = [
    "Lines",
    "Document",
    "ModelWriter",
    "directive",
    "KIND_TAGS",
    "CRITICALITY_TAGS",
    "ASYNC_TAG",
    "EXTERNAL_TAG",
    "INFRASTRUCTURE_TAG",
]

KIND_TAGS = {"database": "Database", "queue": "Queue"}
EXTERNAL_TAG = "External"
ASYNC_TAG = "Async"
CRITICALITY_TAGS = {"critical": "Critical", "high": "High", "medium": "Medium", "low": "Low"}
INFRASTRUCTURE_TAG = "Infrastructure Node"
"""A deployment node that is archdoc's ``infrastructure`` but holds nodes or containers, or sits
directly in its environment, where the DSL allows no ``infrastructureNode``."""

_KEYWORDS = {"person": "person", "system": "softwareSystem", "container": "container",
             "database": "container", "queue": "container", "component": "component"}


class Lines(IndentedLines):
    """Indented lines of DSL (four spaces a level, as Structurizr's own examples)."""

    def __init__(self) -> None:
        super().__init__(indent="    ")


@dataclass
class Document:
    """What every part of the DSL writer shares: the lines, the strings, the losses."""

    out: Lines = field(default_factory=Lines)
    s: Strings = field(default_factory=Strings)
    losses: Losses = field(default_factory=Losses)

    def drop(self, what: str, example: str | None = None) -> None:
        self.losses.add(what, example)

    def properties(self, pairs: list[tuple[str, str]]) -> None:
        if not pairs:
            return
        self.out.open("properties")
        for name, value in pairs:
            self.out.add(f"{self.s(name)} {self.s(value)}")
        self.out.close()


def property_text(value: PropertyValue) -> str:
    """A property value as Structurizr's text: ``true``, ``8080``, ``0.5``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def directive(name: str) -> bool:
    """Whether a property of this name would start a line that Structurizr reads, quotes
    taken off, as the end of a block (``}``), a directive (``!include``, ``!const``...) or a
    comment (``/*``)."""
    return name == "}" or name.startswith(("!", "/*"))


def dsl_instances(value: int | str | None) -> str | None:
    """archdoc's instances in the DSL's spelling (``3``, ``2..10``), or None when the DSL has
    none for it."""
    span = instances_range(value) if value is not None else None
    if span is None:
        return None
    low, high = span
    if isinstance(value, int) or str(value).strip().isdigit():  # a count
        return str(low) if low >= 1 else None
    return f"{low}..{high}"


def _read_instances(text: str) -> int | str:
    """What ``archdoc import structurizr`` reads from the DSL's ``instances``: a count, or the
    range as written."""
    return int(text) if text.isdigit() else text


class ModelWriter:
    """Names every element, environment and node, and writes the ``model`` block."""

    def __init__(self, workspace: Workspace, views: ViewIndex, doc: Document) -> None:
        self.ws = workspace
        self.views = views
        self.doc = doc
        self.ident: dict[str, str] = {}
        """archdoc id (element, environment, deployment node) -> its hierarchical identifier."""
        self.own_id: dict[str, str] = {}
        """Elements and nodes whose identifier does not spell the id: the ``archdoc.id``."""
        self.names: dict[str, str] = {}
        """Elements and nodes renamed to make a name unique where the DSL needs it."""
        self.relationships: list[Relationship] = []
        """The relationships written between elements, in order."""
        self.top = Namespace()
        self._name_elements()
        self._name_deployment()

    # -- names ----------------------------------------------------------------------------------

    def _name_elements(self) -> None:
        scopes: dict[str | None, Namespace] = {None: self.top}
        names: dict[str | None, set[str]] = {}
        for element in self.ws.elements.values():
            parent = element.parent_id
            scope = scopes.setdefault(parent, Namespace())
            own = _own_part(element.id, parent)
            local = scope.claim(identifier(own))
            self.ident[element.id] = f"{self.ident[parent]}.{local}" if parent else local
            if element.id != join_id(parent, local.lower()):
                self.own_id[element.id] = element.id
            self._unique_name(element.id, element.name, names.setdefault(parent, set()))

    def _name_deployment(self) -> None:
        for environment in self.ws.environments:
            local = self.top.claim(identifier(environment.id, "environment"))
            self.ident[environment.id] = local
            if local.lower() != environment.id:
                self.doc.drop("environment ids that are no DSL identifier: the DSL has no "
                              "place for them, the import derives another", environment.id)
        scopes: dict[str, Namespace] = {}
        names: dict[str, set[str]] = {}
        for node in self.ws.nodes.values():
            parent = node.parent_id or node.environment_id
            if parent not in self.ident:
                continue
            own = _own_part(node.id, parent)
            local = scopes.setdefault(parent, Namespace()).claim(identifier(own, "node"))
            self.ident[node.id] = f"{self.ident[parent]}.{local}"
            if node.id != join_id(parent, slugify(node.name)):  # the import derives it so
                self.own_id[node.id] = node.id
            self._unique_name(node.id, node.name, names.setdefault(parent, set()))

    def _unique_name(self, id: str, name: str, taken: set[str]) -> None:
        """Structurizr needs unique names among siblings (people and systems together)."""
        unique, n = name, 2
        while unique in taken:
            unique, n = f"{name} ({n})", n + 1
        taken.add(unique)
        if unique != name:
            self.names[id] = unique
            self.doc.drop("elements named like a sibling: Structurizr needs unique names; "
                          "written with a number, the name kept in `archdoc.name`", id)

    def name(self, id: str, name: str) -> str:
        return self.names.get(id, name)

    # -- elements -------------------------------------------------------------------------------

    def write(self) -> None:
        out = self.doc.out
        out.open("model")
        if any("/" in e.group for e in self.ws.elements.values()):
            self.doc.properties([("structurizr.groupSeparator", "/")])
        self._children(None)
        self._relationships()
        self._deployment()
        out.close()

    def _children(self, parent: str | None) -> None:
        """The children of ``parent`` in declaration order, runs of one group in ``group``
        blocks (nested for ``Outer/Inner``)."""
        out = self.doc.out
        opened: list[str] = []
        for element in self.ws.children_of(parent):
            path = element.group.split("/") if element.group else []
            common = 0
            while common < min(len(path), len(opened)) and path[common] == opened[common]:
                common += 1
            while len(opened) > common:
                out.close()
                opened.pop()
            for name in path[common:]:
                out.open(f"group {self.doc.s(name)}")
                opened.append(name)
            self._element(element)
        while opened:
            out.close()
            opened.pop()

    def _element(self, element: Element) -> None:
        out, s = self.doc.out, self.doc.s
        local = self.ident[element.id].rsplit(".", 1)[-1]
        keyword = _KEYWORDS[element.kind]
        tokens = [s(self.name(element.id, element.name))]
        if element.description or (element.technology and keyword in ("container", "component")):
            tokens.append(s(element.description))
        if element.technology and keyword in ("container", "component"):
            tokens.append(s(element.technology))
        head = f"{local} = {keyword} {' '.join(tokens)}"
        tags = self._element_tags(element)
        properties = self._element_properties(element)
        children = self.ws.children_of(element.id)
        if not (tags or properties or children):
            out.add(head)
            return
        out.open(head)
        self._tags(tags)
        self.doc.properties(properties)
        if children:
            self._children(element.id)
        out.close()

    def _element_tags(self, element: Element) -> list[str]:
        tags = []
        if element.kind in KIND_TAGS:
            tags.append(KIND_TAGS[element.kind])
        if element.kind == "system" and element.external:
            tags.append(EXTERNAL_TAG)
        return tags + [t for t in element.tags if t not in tags]

    def _element_properties(self, element: Element) -> list[tuple[str, str]]:
        fixed: list[tuple[str, str]] = []
        if element.id in self.own_id:
            fixed.append(("archdoc.id", element.id))
        if element.id in self.names:
            fixed.append(("archdoc.name", element.name))
        if element.owner:
            fixed.append(("archdoc.owner", element.owner))
        if element.data_owner_id:
            fixed.append(("archdoc.dataOwner", element.data_owner_id))
        if element.kind in KIND_TAGS and self.ws.children_of(element.id):
            # The import reads a container with parts as a container, whatever its tags.
            fixed.append(("archdoc.kind", element.kind))
        return fixed + self._user_properties(element.properties, element.id)

    def _user_properties(self, properties: dict[str, PropertyValue],
                         owner: str) -> list[tuple[str, str]]:
        out = []
        for name, value in properties.items():
            if name.startswith("archdoc."):
                self.doc.drop("properties named `archdoc.*`: the import reads them as archdoc's "
                              "own", f"{owner}: {name}")
                continue
            if directive(name):
                self.doc.drop("properties named `}` or starting with `!` or `/*`: Structurizr "
                              "reads a line starting so as the end of a block, a directive or "
                              "a comment", f"{owner}: {name}")
                continue
            if not isinstance(value, str):
                self.doc.drop("numbers and booleans in properties: Structurizr's are text",
                              f"{owner}: {name}")
            out.append((name, property_text(value)))
        return out

    def _tags(self, tags: list[str]) -> None:
        kept = []
        for tag in tags:
            if "," in tag or tag != tag.strip() or not tag:
                self.doc.drop("tags with a comma or blank ends: the DSL splits tags at commas "
                              "and trims them", tag)
                continue
            kept.append(tag)
        if kept:
            self.doc.out.add("tags " + " ".join(self.doc.s(t) for t in kept))

    # -- relationships --------------------------------------------------------------------------

    def _relationships(self) -> None:
        out = self.doc.out
        seen: set[tuple[str, str, str]] = set()
        first = True
        for r in self.views.relationships.relationships:
            if r.source_id in self.ws.nodes:
                continue  # written in its environment
            if not self._relationship_ok(r):
                continue
            key = (r.source_id, r.destination_id, r.description)
            if key in seen:
                self.doc.drop("a second relationship between two elements with the same "
                              "description: Structurizr allows one", r.id)
                continue
            seen.add(key)
            if first:
                out.add()
                first = False
            self.relationships.append(r)
            self._relationship(r)

    def _relationship_ok(self, r: Relationship) -> bool:
        elements = self.ws.elements
        source, destination = elements.get(r.source_id), elements.get(r.destination_id)
        if source is None or destination is None:
            self.doc.drop("relationships with an element the model lacks", r.id)
            return False
        if source is destination or source.is_ancestor_of(destination) \
                or destination.is_ancestor_of(source):
            self.doc.drop("relationships between an element and its own part (or itself): "
                          "Structurizr forbids them", r.id)
            return False
        return True

    def _relationship(self, r: Relationship) -> None:
        out, s = self.doc.out, self.doc.s
        head = f"{self.ident[r.source_id]} -> {self.ident[r.destination_id]}"
        if r.description or r.technology:
            head += " " + s(r.description)
        if r.technology:
            head += " " + s(r.technology)
        tags = [ASYNC_TAG] if r.is_async else []
        if r.criticality:
            tags.append(CRITICALITY_TAGS[r.criticality])
        tags += [t for t in r.tags if t not in tags]
        properties = [(f"archdoc.{key}", str(getattr(r, key))) for key in ("operation", "access")
                      if getattr(r, key)]
        if r.access is None and self.ws.elements[r.destination_id].kind == "database":
            # Read back, the access to a database is guessed from the description unless given.
            properties.append(("archdoc.access", ""))
        properties += self._user_properties(r.properties, r.id)
        if not (tags or properties):
            out.add(head)
            return
        out.open(head)
        self._tags(tags)
        self.doc.properties(properties)
        out.close()

    # -- deployment -----------------------------------------------------------------------------

    def _deployment(self) -> None:
        out, s = self.doc.out, self.doc.s
        for environment in self.ws.environments:
            if environment.description:
                self.doc.drop("descriptions of deployment environments: the DSL's have none",
                              environment.id)
            out.add()
            out.open(f"{self.ident[environment.id]} = deploymentEnvironment "
                     f"{s(environment.name)}")
            for node in self._nodes(environment, None):
                self._node(node)
            for r in self.ws.relationships:
                if r.source_id in self.ws.nodes and self.ws.nodes[r.source_id].environment_id \
                        == environment.id:
                    self._node_relationship(r)
            out.close()
        if self.ws.failure_modes:
            self.doc.drop("failure modes: Structurizr has no place for them")
        if self.ws.events:
            self.doc.drop("events: Structurizr has none; the relationships they imply are "
                          "written as relationships")

    def _nodes(self, environment: Environment, parent: str | None) -> Iterator[DeploymentNode]:
        for node in self.ws.nodes.values():
            if node.environment_id == environment.id and node.parent_id == parent:
                yield node

    def _node(self, node: DeploymentNode) -> None:
        out, s = self.doc.out, self.doc.s
        environment = next(e for e in self.ws.environments if e.id == node.environment_id)
        children = list(self._nodes(environment, node.id))
        deployed = [i for i in self.ws.instances if i.node_id == node.id]
        infrastructure = node.kind == "infrastructure" and not children and not deployed \
            and node.parent_id is not None
        keyword = "infrastructureNode" if infrastructure else "deploymentNode"
        local = self.ident[node.id].rsplit(".", 1)[-1]
        tokens = [s(self.name(node.id, node.name))]
        if node.description or node.technology:
            tokens.append(s(node.description))
        if node.technology:
            tokens.append(s(node.technology))
        out.open(f"{local} = {keyword} {' '.join(tokens)}")
        tags = [INFRASTRUCTURE_TAG] if node.kind == "infrastructure" and not infrastructure \
            else []
        self._tags(tags + [t for t in node.tags if t not in tags])
        instances = dsl_instances(node.instances)
        if instances is not None:
            if infrastructure:
                self.doc.drop("instances of infrastructure nodes: the DSL has none; kept in "
                              "`archdoc.instances`", node.id)
            else:
                out.add(f"instances {s(instances)}")
        fixed: list[tuple[str, str]] = []
        if node.id in self.own_id:
            fixed.append(("archdoc.id", node.id))
        if node.id in self.names:
            fixed.append(("archdoc.name", node.name))
        if node.instances is not None and (infrastructure or instances is None or _read_instances(
                instances) != node.instances):
            fixed.append(("archdoc.instances", str(node.instances)))
        if node.icon:
            fixed.append(("archdoc.icon", node.icon))
        self.doc.properties(fixed + self._user_properties(node.properties, node.id))
        for child in children:
            self._node(child)
        for instance in deployed:
            self._instance(instance)
        out.close()

    def _instance(self, instance: ContainerInstance) -> None:
        out = self.doc.out
        element = self.ws.elements.get(instance.container_id)
        if element is None:
            self.doc.drop("deployed containers the model lacks", instance.id)
            return
        if element.kind == "component":
            self.doc.drop("deployed components: Structurizr deploys containers and software "
                          "systems", instance.id)
            return
        keyword = "softwareSystemInstance" if element.kind == "system" else "containerInstance"
        if element.kind == "person":
            self.doc.drop("deployed people", instance.id)
            return
        head = f"{keyword} {self.ident[element.id]}"
        if instance.instances is None:
            out.add(head)
            return
        out.open(head)
        self.doc.properties([("archdoc.instances", str(instance.instances))])
        out.close()

    def _node_relationship(self, r: Relationship) -> None:
        s = self.doc.s
        if r.destination_id not in self.ws.nodes or r.destination_id == r.source_id:
            self.doc.drop("relationships of deployment nodes with anything but another node",
                          r.id)
            return
        head = f"{self.ident[r.source_id]} -> {self.ident[r.destination_id]}"
        if r.description or r.technology:
            head += " " + s(r.description)
        if r.technology:
            head += " " + s(r.technology)
        self.doc.out.add(head)


def _own_part(id: str, parent: str | None) -> str:
    """The part of ``id`` below ``parent`` (``shop.api`` -> ``api``), or all of it (an explicit
    id that does not extend its parent's)."""
    if parent and id.startswith(parent + ".") and "." not in id[len(parent) + 1:]:
        return id[len(parent) + 1:]
    return id
