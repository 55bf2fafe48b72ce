"""Backstage catalog descriptor files (``catalog-info.yaml``) as an archdoc model.

The catalog's entities map onto the C4 model like this: a System is a software system; a
Component or a Resource is a container of its system (a Resource of type ``database`` a
database, one of a queue or topic type a queue); a Component that is a ``subcomponentOf``
another is a component of it; a Domain is a group of the systems that are part of it; a Group
(or User) is the ``owner`` of what it owns. An API is the relationship from each component that
consumes it to the component that provides it; ``dependsOn`` (and ``dependencyOf``) are
relationships too. Location entities are followed to the local files they point at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from archdoc.importers.plan import ImportSourceError, PElement, Plan, PRelationship
from archdoc.model.ids import slugify
from archdoc.source import SourceLocation

__all__ = ["read_catalog", "parse_ref"]

_DATABASE_TYPES = frozenset({"database", "db", "rds", "postgres", "postgresql", "mysql", "mongodb",
                             "redis", "cache", "dynamodb", "datastore", "data-store",
                             "elasticsearch", "opensearch", "cassandra", "s3-bucket", "bucket",
                             "storage"})
_QUEUE_TYPES = frozenset({"queue", "topic", "kafka-topic", "kafka", "sqs", "sns", "pubsub",
                          "message-queue", "event-bus", "stream", "kinesis", "rabbitmq"})
_ASYNC_API_TYPES = frozenset({"asyncapi"})


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers its line and the line of each key."""

    line: int = 1
    key_lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    mapping = _Map()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class _Entity:
    kind: str
    namespace: str
    name: str
    data: _Map
    file: Path

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind.lower(), self.namespace.lower(), self.name.lower())

    @property
    def metadata(self) -> _Map:
        metadata: _Map = self.data["metadata"]
        return metadata

    @property
    def spec(self) -> dict[str, Any]:
        spec = self.data.get("spec")
        return spec if isinstance(spec, dict) else {}

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or self.name)

    def at(self, key: str | None = None) -> SourceLocation:
        spec = self.data.get("spec")
        line = self.data.line
        if key is not None and isinstance(spec, _Map) and key in spec.key_lines:
            line = spec.key_lines[key]
        return SourceLocation(str(self.file), line)


def parse_ref(ref: str, default_kind: str | None, namespace: str) -> tuple[str, str, str] | None:
    """``"[kind:][namespace/]name"`` as a (kind, namespace, name) key, or None without a kind."""
    match = re.fullmatch(r"(?:([^:/]+):)?(?:([^:/]+)/)?([^:/]+)", ref.strip())
    if not match:
        return None
    kind = match.group(1) or default_kind
    if kind is None:
        return None
    return (kind.lower(), (match.group(2) or namespace).lower(), match.group(3).lower())


@dataclass
class _Catalog:
    plan: Plan
    entities: dict[tuple[str, str, str], _Entity] = field(default_factory=dict)
    order: list[_Entity] = field(default_factory=list)
    elements: dict[tuple[str, str, str], PElement] = field(default_factory=dict)
    read_files: set[Path] = field(default_factory=set)

    # -- reading ----------------------------------------------------------------------------------

    def read(self, path: Path, at: SourceLocation | None) -> None:
        resolved = path.resolve()
        if resolved in self.read_files:
            return
        self.read_files.add(resolved)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ImportSourceError(f"cannot read {path}: {exc.strerror or exc}", location=at,
                                    hint="check the path of the catalog file") from None
        except UnicodeDecodeError:
            raise ImportSourceError(f"{path.name} is not UTF-8 text", location=at,
                                    hint="save the file as UTF-8") from None
        try:
            documents = list(yaml.load_all(text, Loader=_Loader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            context = getattr(exc, "context_mark", None)
            started = (f" ({exc.context} at line {context.line + 1})"  # type: ignore[attr-defined]
                       if context is not None and getattr(exc, "context", None) else "")
            raise ImportSourceError(
                f"{path.name} is not valid YAML: {getattr(exc, 'problem', None) or exc}{started}",
                location=SourceLocation(str(path), mark.line + 1 if mark else 1),
                hint="check the indentation and quoting around this line") from None
        for document in documents:
            if document is None:
                continue
            self.entity(document, path)

    def entity(self, data: Any, path: Path) -> None:
        line = getattr(data, "line", 1)
        where = SourceLocation(str(path), line)
        if not isinstance(data, dict):
            raise ImportSourceError("a catalog document must be a mapping (an entity)",
                                    location=where, hint="start it with apiVersion: and kind:")
        for key in ("apiVersion", "kind"):
            if not isinstance(data.get(key), str) or not data.get(key):
                raise ImportSourceError(
                    f"the entity has no {key}",
                    location=where,
                    hint="every entity needs apiVersion, kind and metadata.name",
                )
        metadata = data.get("metadata")
        if not isinstance(metadata, dict) or not isinstance(metadata.get("name"), str) \
                or not metadata.get("name"):
            raise ImportSourceError(f"the {data['kind']} entity has no metadata.name",
                                    location=where, hint="give every entity a metadata.name")
        entity = _Entity(data["kind"], str(metadata.get("namespace") or "default"),
                         metadata["name"], cast(_Map, data), path)
        if entity.key in self.entities:
            first = self.entities[entity.key]
            raise ImportSourceError(
                f"{entity.kind} {entity.name!r} is declared twice (first at "
                f"{first.at()})", location=where, hint="keep one declaration of each entity")
        self.entities[entity.key] = entity
        self.order.append(entity)
        if entity.kind.lower() == "location":
            self.location(entity)

    def location(self, entity: _Entity) -> None:
        spec = entity.spec
        targets = list(spec.get("targets") or []) + ([spec["target"]] if spec.get("target") else [])
        for target in targets:
            target = str(target)
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target):
                self.plan.note(entity.at("targets" if "targets" in spec else "target"),
                               f"the location target {target} is not followed: only local "
                               "files are read")
                continue
            file = entity.file.parent / target
            if any(c in target for c in "*?["):
                for match in sorted(entity.file.parent.glob(target)):
                    self.read(match, entity.at())
            elif file.is_file():
                self.read(file, entity.at())
            else:
                self.plan.note(entity.at(), f"the location target {target} does not exist")

    # -- the model -------------------------------------------------------------------------------

    def of_kind(self, *kinds: str) -> list[_Entity]:
        return [e for e in self.order if e.kind.lower() in kinds]

    def ref(self, entity: _Entity, value: Any, default_kind: str | None, field_: str,
            kinds: tuple[str, ...] = ()) -> tuple[str, str, str] | None:
        if not isinstance(value, str) or not value.strip():
            return None
        key = parse_ref(value, default_kind, entity.namespace)
        if key is None:  # no kind: find the only entity of the allowed kinds with that name
            name = value.split("/")[-1].lower()
            found = [k for k in self.entities if k[2] == name and (not kinds or k[0] in kinds)]
            key = found[0] if len(found) == 1 else None
        if key is None or key not in self.entities:
            self.plan.note(entity.at(field_), f"{entity.kind} {entity.name!r}: {field_} "
                           f"{value!r} names no entity of these files and is left out")
            return None
        return key

    def owner(self, entity: _Entity) -> str:
        value = entity.spec.get("owner")
        if not isinstance(value, str) or not value:
            return ""
        key = parse_ref(value, "group", entity.namespace)
        target = self.entities.get(key) if key else None
        return target.name if target is not None else value.split("/")[-1].split(":")[-1]

    def details(self, entity: _Entity, element: PElement) -> None:
        metadata = entity.metadata
        element.description = str(metadata.get("description") or "").strip()
        element.tags = [str(t) for t in metadata.get("tags") or []]
        properties: dict[str, str] = {}
        for key in ("type", "lifecycle"):
            if entity.spec.get(key):
                properties[key] = str(entity.spec[key])
        for source in ("labels", "annotations"):
            for key, value in (metadata.get(source) or {}).items():
                properties[str(key)] = str(value)
        for link in metadata.get("links") or []:
            if isinstance(link, dict) and link.get("url"):
                label = link.get("title") or link.get("type") or link["url"]
                properties[f"link:{label}"] = str(link["url"])
        element.properties = properties
        if entity.namespace.lower() != "default":
            element.properties.setdefault("namespace", entity.namespace)
        element.var_hint = entity.name
        if slugify(entity.title) != entity.name.lower():
            element.id = entity.name.lower()

    def build(self) -> None:
        plan = self.plan
        groups = self.domains()
        for entity in self.of_kind("system"):
            element = PElement("system", entity.title, entity.at())
            self.details(entity, element)
            element.owner = self.owner(entity)
            domain = self.ref(entity, entity.spec.get("domain"), "domain", "domain")
            element.group = groups.get(domain, "") if domain else ""
            self.elements[entity.key] = element
            plan.add(element)
        parts = self.of_kind("component", "resource")
        systems = {e.key: self.system_of(e) for e in parts}
        for entity in parts:
            if entity.kind.lower() == "component" and entity.spec.get("subcomponentOf") and \
                    self.ref(entity, entity.spec["subcomponentOf"], "component", "subcomponentOf"):
                continue
            self.container(entity, systems[entity.key])
        for entity in parts:
            parent_key = (
                self.ref(entity, entity.spec.get("subcomponentOf"), "component", "subcomponentOf")
                if entity.kind.lower() == "component" and entity.spec.get("subcomponentOf")
                else None
            )
            if parent_key is not None:
                self.subcomponent(entity, parent_key)
        for entity in parts:
            self.relationships(entity)
        self.apis()
        teams = self.of_kind("group", "user")
        if teams:
            names = ", ".join(e.name for e in teams)
            plan.note(teams[0].at(), f"Groups and Users ({names}) are carried as the owner= of "
                      "what they own; their hierarchy and members are not carried over")
        for entity in self.order:
            if entity.kind.lower() not in ("system", "component", "resource", "api", "domain",
                                           "location", "group", "user"):
                plan.note(entity.at(), f"{entity.kind} {entity.name!r} is not carried over")

    def domains(self) -> dict[tuple[str, str, str], str]:
        """Each Domain's group name: ``"Parent/Child"`` for a subdomain."""
        names: dict[tuple[str, str, str], str] = {}
        entities = self.of_kind("domain")

        def name_of(entity: _Entity, seen: tuple[tuple[str, str, str], ...] = ()) -> str:
            if entity.key in names:
                return names[entity.key]
            parent = entity.spec.get("subdomainOf")
            key = parse_ref(parent, "domain", entity.namespace) if isinstance(parent, str) else None
            outer = self.entities.get(key) if key and key not in seen else None
            title = entity.title.replace("/", "-")
            names[entity.key] = f"{name_of(outer, (*seen, entity.key))}/{title}" if outer else title
            return names[entity.key]

        for entity in entities:
            name_of(entity)
        return names

    def system_of(self, entity: _Entity) -> tuple[str, str, str] | None:
        key = self.ref(entity, entity.spec.get("system"), "system", "system") \
            if entity.spec.get("system") else None
        if key is not None or entity.kind.lower() != "resource":
            return key
        # A Resource without a system: the system of the components that depend on it, if one.
        users: set[tuple[str, str, str]] = set()
        for other in self.of_kind("component"):
            for value in other.spec.get("dependsOn") or []:
                if parse_ref(str(value), None, other.namespace) == entity.key or \
                        str(value).split("/")[-1].lower() == entity.name.lower():
                    system = parse_ref(str(other.spec.get("system") or ""), "system",
                                       other.namespace)
                    users.add(system if system in self.entities else ("", "", ""))
        if len(users) == 1 and ("", "", "") not in users:
            found = users.pop()
            self.plan.note(entity.at(), f"Resource {entity.name!r} has no spec.system; it is "
                           f"placed in {self.entities[found].title!r}, the system of the "
                           "components that depend on it")
            return found
        return None

    def container(self, entity: _Entity, system: tuple[str, str, str] | None) -> None:
        parent = self.elements.get(system) if system else None
        if parent is None:
            element = PElement("system", entity.title, entity.at())
            self.plan.note(entity.at(), f"{entity.kind} {entity.name!r} belongs to no System and "
                           "is imported as a software system of its own")
        else:
            kind = "container"
            if entity.kind.lower() == "resource":
                type_ = str(entity.spec.get("type") or "").lower()
                kind = "database" if type_ in _DATABASE_TYPES else \
                    "queue" if type_ in _QUEUE_TYPES else "container"
            element = PElement(kind, entity.title, entity.at(), parent=parent)  # type: ignore[arg-type]
        self.details(entity, element)
        element.owner = self.owner(entity)
        self.elements[entity.key] = element
        self.plan.add(element)

    def subcomponent(self, entity: _Entity, parent_key: tuple[str, str, str]) -> None:
        parent = self.elements.get(parent_key)
        if parent is None:
            self.plan.note(entity.at(), f"Component {entity.name!r}: its parent is not imported")
            return
        if parent.kind == "system":
            element = PElement("container", entity.title, entity.at(), parent=parent)
        else:
            while parent.kind == "component" and parent.parent is not None:
                parent = parent.parent
            if parent.kind not in ("container",):
                self.plan.note(entity.at(), f"Component {entity.name!r}: a component of "
                               f"{parent.name!r} cannot be one in archdoc, and is left out")
                return
            element = PElement("component", entity.title, entity.at(), parent=parent)
        self.details(entity, element)
        owner = self.owner(entity)
        if owner and element.kind == "component":
            element.properties.setdefault("owner", owner)
        else:
            element.owner = owner
        self.elements[entity.key] = element
        self.plan.add(element)

    def relationships(self, entity: _Entity) -> None:
        source = self.elements.get(entity.key)
        if source is None:
            return
        for field_, reverse in (("dependsOn", False), ("dependencyOf", True)):
            values = entity.spec.get(field_) or []
            if not isinstance(values, list):
                self.plan.note(entity.at(field_), f"{field_} must be a list; it is left out")
                continue
            for value in values:
                key = self.ref(entity, value, None, field_, ("component", "resource", "system"))
                target = self.elements.get(key) if key else None
                if target is None:
                    continue
                a, b = (target, source) if reverse else (source, target)
                self.add(a, b, entity.at(field_), "")

    def add(self, source: PElement, destination: PElement, at: SourceLocation,
            description: str, **fields: Any) -> None:
        if (
            source is destination
            or _ancestor(source, destination)
            or _ancestor(destination, source)
        ):
            return
        for existing in self.plan.relationships():
            if existing.source is source and existing.destination is destination \
                    and existing.operation == fields.get("operation", ""):
                return
        relationship = PRelationship(source, destination, at, description=description, **fields)
        self.plan.add(relationship)

    def apis(self) -> None:
        providers: dict[tuple[str, str, str], list[PElement]] = {}
        consumers: dict[tuple[str, str, str], list[tuple[PElement, _Entity]]] = {}
        for entity in self.of_kind("component"):
            element = self.elements.get(entity.key)
            if element is None:
                continue
            for field_, into in (("providesApis", providers), ("consumesApis", consumers)):
                for value in entity.spec.get(field_) or []:
                    key = parse_ref(str(value), "api", entity.namespace)
                    if key is None:
                        continue
                    if field_ == "providesApis":
                        providers.setdefault(key, []).append(element)
                    else:
                        consumers.setdefault(key, []).append((element, entity))
            provided = [str(v) for v in entity.spec.get("providesApis") or []]
            if provided:
                element.properties["provides"] = ", ".join(provided)
        for key, users in consumers.items():
            target = self.elements.get(key) if key[0] != "api" else None
            if target is not None:  # `consumesApis: [component:x]`: a dependency on x itself
                for consumer, entity in users:
                    self.add(consumer, target, entity.at("consumesApis"), "")
                continue
            api = self.entities.get(key)
            title = api.title if api else key[2]
            makers = providers.get(key, [])
            if not makers:
                for _, entity in users:
                    self.plan.note(entity.at("consumesApis"), f"{entity.kind} {entity.name!r} "
                                   f"consumes the API {key[2]!r}, which no component provides; "
                                   "the dependency is left out")
                continue
            type_ = str((api.spec.get("type") if api else "") or "")
            description = str((api.metadata.get("description") if api else "") or "").strip()
            for consumer, entity in users:
                for provider in makers:
                    self.add(consumer, provider, entity.at("consumesApis"),
                             description or f"Uses the {title} API", technology=type_,
                             operation=key[2], interaction="async" if type_.lower() in
                             _ASYNC_API_TYPES else "sync")
        for key, makers in providers.items():
            if key not in consumers and key in self.entities:
                api = self.entities[key]
                self.plan.note(api.at(), f"API {api.name!r} has no consumer: it is recorded as "
                               f"the 'provides' property of {makers[0].name!r}")


def _ancestor(a: PElement, b: PElement) -> bool:
    parent = b.parent
    while parent is not None:
        if parent is a:
            return True
        parent = parent.parent
    return False


def read_catalog(paths: list[Path]) -> Plan:
    """Every entity of ``paths`` (and of the local files their Locations point at)."""
    if not paths:
        raise ImportSourceError(
            "no catalog file given", hint="archdoc import backstage catalog-info.yaml"
        )
    plan = Plan(name="Catalog", source=", ".join(p.name for p in paths))
    catalog = _Catalog(plan)
    for path in paths:
        catalog.read(path, None)
    if not catalog.order:
        raise ImportSourceError(
            f"{paths[0]} holds no entity",
            location=SourceLocation(str(paths[0]), 1),
            hint="a catalog file holds YAML documents with apiVersion and kind",
        )
    systems = catalog.of_kind("system")
    domains = [d for d in catalog.of_kind("domain") if not d.spec.get("subdomainOf")]
    if len(systems) == 1:
        plan.name = systems[0].title
    elif len(domains) == 1:
        plan.name = domains[0].title
        plan.description = str(domains[0].metadata.get("description") or "").strip()
    catalog.build()
    return plan
