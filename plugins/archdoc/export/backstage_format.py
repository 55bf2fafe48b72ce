"""``--format backstage``: the model as Backstage catalog entities, one YAML document each.

The mapping (docs/guide/exporting.md tells it to users; ``archdoc import backstage`` reads it
back):

- a software system is a ``System``; a container a ``Component`` (``spec.type`` ``website`` or
  ``service``), a C4 component a ``Component`` of type ``library`` with ``subcomponentOf`` its
  container; a database or a queue a ``Resource`` (type ``database`` / ``queue``). The
  ``backstage.type`` and ``backstage.lifecycle`` properties of an element set its type and
  lifecycle (default ``production``);
- a relationship with an ``operation`` from a component is an ``API`` (one per element and
  operation: ``openapi`` for ``METHOD /path``, ``asyncapi`` when asynchronous, else ``other``)
  that the destination provides (``providesApis``; for a software system, the API's
  ``spec.system``) and the source consumes (``consumesApis``); an event is an ``asyncapi`` API its
  producers provide and its consumers consume; every other relationship is a ``dependsOn`` of
  its source, or for a software system's own relationship a ``dependencyOf`` of its destination;
- every owner team is a ``Group`` (and ``unowned`` the owner of what has none in the model:
  Backstage requires one); a datastore without a team of its own is owned by the team of its
  data owner; anything else by the nearest team up its parents;
- the groups of software systems are ``Domain`` s (``"Outer/Inner"``: a subdomain);
- ``metadata.name`` is the archdoc id when Backstage accepts it (at most 63 characters of
  ``[A-Za-z0-9-_.]``), else a readable form of it with 8 hex digits of its SHA-256; ``title`` is
  the name, the tags are lowercased to Backstage's ``[a-z0-9+#-]``;
- what Backstage has no field for rides in ``archdoc/...`` annotations: ``archdoc/id``,
  ``archdoc/kind``, ``archdoc/technology``, ``archdoc/external``, ``archdoc/group``,
  ``archdoc/data-owner``, ``archdoc/properties`` (JSON), ``archdoc/tags`` (JSON, the tags as
  written when Backstage's form differs); on an API ``archdoc/provider``, ``archdoc/operation``
  or ``archdoc/event``.

People, flows, views, styles, failure modes and deployment have no place in the catalog; that is
said once on stderr, as is any relationship text that Backstage relations cannot hold.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from archdoc.export.base import ExportFormat, ExportInput, Rendered
from archdoc.model.elements import Element
from archdoc.model.ids import slugify
from archdoc.model.records import Relationship
from archdoc.model.workspace import Workspace

__all__ = ["FORMAT", "backstage_tag", "entity_name", "render_catalog"]

API_VERSION = "backstage.io/v1alpha1"
PREFIX = "archdoc/"
"""The prefix of the annotations that carry what Backstage has no field for."""
DEFAULT_OWNER = "unowned"

_NAME = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.]+")
_NOT_TAG = re.compile(r"[^a-z0-9+#]+")
_HTTP = re.compile(r"^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE)\s+(/\S*)$", re.IGNORECASE)
_WEB = ("next.js", "nextjs", "nuxt", "react", "angular", "vue", "svelte", "gatsby", "remix",
        "html", "spa")
_WEB_TAGS = {"frontend", "front-end", "website", "web"}
_OPTIONAL = frozenset({"system", "subcomponentOf", "providesApis", "consumesApis", "dependsOn",
                       "dependencyOf"})
"""Spec fields left out when empty."""
_KIND = {"system": "System", "container": "Component", "component": "Component",
         "database": "Resource", "queue": "Resource"}


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).encode(
        "ascii", "ignore").decode("ascii")


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def entity_name(key: str) -> str:
    """A valid ``metadata.name`` for ``key``: ``key`` itself when Backstage accepts it; else its
    ASCII letters, digits and ``-_.`` (other runs as ``-``), with ``-`` and 8 hex digits of the
    key's SHA-256 when that form lost letters or length, or was empty."""
    if len(key) <= 63 and _NAME.match(key):
        return key
    readable = _ascii(key)
    lossy = readable != key and any(c.isalnum() for c in key if not c.isascii())
    readable = _NOT_NAME.sub("-", readable)
    readable = re.sub(r"^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "", readable)
    if lossy or not readable or len(readable) > 63 or "~" in key:
        stem = re.sub(r"[^A-Za-z0-9]+$", "", readable[:54])
        return f"{stem}-{_digest(key)}" if stem else _digest(key)
    return readable


def backstage_tag(tag: str) -> str:
    """Backstage's form of a tag: lowercase ``[a-z0-9+#]`` runs joined by ``-``, at most 63
    characters (``"PCI DSS"`` -> ``"pci-dss"``); ``""`` when nothing is left."""
    text = _NOT_TAG.sub("-", _ascii(tag).lower()).strip("-")
    return text[:63].rstrip("-")


_WIDTH = 1 << 20
"""No folding of long lines: a changed text is a changed line."""


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """Text of several lines as a literal block (the emitter quotes it when a block cannot hold
    it exactly); text with characters beyond the Basic Multilingual Plane (emoji) double-quoted,
    where both of PyYAML's emitters write them as ``\\U`` escapes, so the output is the same
    with or without libyaml."""
    style = '"' if any(ord(c) > 0xFFFF for c in data) else "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _make_dumper(base: type[yaml.SafeDumper]) -> type[yaml.SafeDumper]:
    """PyYAML's safe dumper on ``base``, also quoting what a YAML 1.2 reader (Backstage's
    ``yaml``) takes for a number where YAML 1.1 sees text (``0o17``, ``1e3``)."""
    dumper: type[yaml.SafeDumper] = type("BackstageDumper", (base,), {})
    dumper.add_representer(str, _text)
    dumper.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?0o[0-7]+$"), list("-+0"))
    dumper.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
        list("-+.0123456789"))
    return dumper


_PureDumper = _make_dumper(yaml.SafeDumper)
_Dumper = _make_dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper))
"""libyaml's emitter when PyYAML has it (50 times faster); the same bytes as the pure one."""


@dataclass
class _Entity:
    kind: str
    name: str
    metadata: dict[str, Any]
    spec: dict[str, Any]

    @property
    def ref(self) -> str:
        return f"{self.kind.lower()}:{self.name}"

    def add(self, key: str, ref: str) -> None:
        refs = self.spec.setdefault(key, [])
        if ref not in refs:
            refs.append(ref)

    def document(self) -> dict[str, Any]:
        spec = {k: v for k, v in self.spec.items() if k not in _OPTIONAL or v}
        return {"apiVersion": API_VERSION, "kind": self.kind, "metadata": self.metadata,
                "spec": spec}


@dataclass
class _Api:
    entity: _Entity
    descriptions: list[str] = field(default_factory=list)
    technologies: list[str] = field(default_factory=list)
    sends: list[tuple[str, str]] = field(default_factory=list)
    receives: list[tuple[str, str]] = field(default_factory=list)


class _Catalog:
    """The entities of one workspace, built in declaration order."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self.taken: dict[str, set[str]] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.entities: dict[str, _Entity] = {}
        """By archdoc element id."""
        self.apis: dict[tuple[str, str], _Api] = {}
        self.domains: dict[str, _Entity] = {}
        self.groups: dict[str, _Entity] = {}
        self.dropped: list[str] = []
        self.changed_tags: dict[str, str] = {}

    # -- names and owners ------------------------------------------------------------------

    def name(self, kind: str, key: str, wanted: str | None = None) -> str:
        """The entity name of ``key`` among the entities of ``kind`` (``wanted``, else
        :func:`entity_name` of the key), unique without regard to case as Backstage compares
        names: a taken one gets 8 hex digits of the key's SHA-256."""
        if (kind, key) in self.names:
            return self.names[(kind, key)]
        taken = self.taken.setdefault(kind, set())
        name = wanted or entity_name(key)
        if name.lower() in taken:
            name = f"{name[:54].rstrip('-_.')}-{_digest(key)}"
        while name.lower() in taken:  # pragma: no cover - a SHA-256 prefix collision
            name = f"{name[:54]}-{_digest(name)}"
        taken.add(name.lower())
        self.names[(kind, key)] = name
        return name

    def team(self, element: Element, seen: frozenset[str] = frozenset()) -> str:
        """The team of ``element``: its own, its data owner's, or the nearest one up its parents."""
        if element.owner.strip():
            return element.owner.strip()
        if element.data_owner_id and element.data_owner_id not in seen:
            owner = self.ws.elements.get(element.data_owner_id)
            if owner is not None:
                team = self.team(owner, seen | {element.id})
                if team:
                    return team
        parent = element.parent
        return self.team(parent, seen | {element.id}) if parent is not None else ""

    def owner_ref(self, team: str) -> str:
        """The ref of the Group of ``team`` (``""``: the default owner), made on first use."""
        if team not in self.groups:
            if team:
                name = self.name("group", team)
                metadata: dict[str, Any] = {"name": name, "title": team}
                spec: dict[str, Any] = {"type": "team", "profile": {"displayName": team}}
            else:
                name = self.name("group", "\0default owner", DEFAULT_OWNER)
                metadata = {"name": name, "title": "No owner in the model",
                            "description": "The owner of what the architecture model gives "
                                           "no owner to (Backstage requires one).",
                            "annotations": {PREFIX + "default-owner": "true"}}
                spec = {"type": "team"}
            spec["children"] = []
            self.groups[team] = _Entity("Group", name, metadata, spec)
        return self.groups[team].ref

    # -- elements --------------------------------------------------------------------------

    def tags(self, tags: list[str]) -> tuple[list[str], bool]:
        out: list[str] = []
        changed = False
        for tag in tags:
            mapped = backstage_tag(tag)
            if mapped != tag:
                changed = True
                self.changed_tags.setdefault(tag, mapped)
            if mapped and mapped not in out:
                out.append(mapped)
        return out, changed

    def system_of(self, element: Element) -> Element | None:
        node: Element | None = element
        while node is not None and node.kind != "system":
            node = node.parent
        return node

    def element(self, element: Element) -> None:
        kind = _KIND[element.kind]
        name = self.name(kind, element.id)
        metadata: dict[str, Any] = {"name": name, "title": element.name}
        if element.description.strip():
            metadata["description"] = element.description
        tags, changed = self.tags(element.tags)
        if tags:
            metadata["tags"] = tags
        annotations = {PREFIX + "id": element.id, PREFIX + "kind": element.kind}
        if element.technology:
            annotations[PREFIX + "technology"] = element.technology
        if element.external:
            annotations[PREFIX + "external"] = "true"
        if element.group and element.kind != "system":
            annotations[PREFIX + "group"] = element.group
        if element.data_owner_id:
            annotations[PREFIX + "data-owner"] = element.data_owner_id
        if element.properties:
            annotations[PREFIX + "properties"] = json.dumps(element.properties,
                                                            ensure_ascii=False)
        if changed:
            annotations[PREFIX + "tags"] = json.dumps(element.tags, ensure_ascii=False)
        metadata["annotations"] = annotations
        spec: dict[str, Any] = {}
        override = element.properties.get("backstage.type")
        if kind == "System":
            if isinstance(override, str) and override.strip():
                spec["type"] = override
            spec["owner"] = self.owner_ref(self.team(element))
            if element.group:
                spec["domain"] = self.domain(element.group)
        else:
            spec["type"] = override if isinstance(override, str) and override.strip() \
                else self.component_type(element)
            if kind == "Component":
                lifecycle = element.properties.get("backstage.lifecycle")
                spec["lifecycle"] = lifecycle if isinstance(lifecycle, str) and \
                    lifecycle.strip() else "production"
            spec["owner"] = self.owner_ref(self.team(element))
            system = self.system_of(element)
            if system is not None and system.id in self.entities:
                spec["system"] = self.entities[system.id].ref
            parent = element.parent
            if element.kind == "component" and parent is not None:
                holder = self.entities.get(parent.id)
                if holder is not None and holder.kind == "Component":
                    spec["subcomponentOf"] = holder.ref
                else:
                    self.dropped.append(f"component {element.id}: a Backstage Component cannot "
                                        f"be part of a Resource ({parent.id})")
            if kind == "Component":
                spec.update(providesApis=[], consumesApis=[])
            spec.update(dependsOn=[], dependencyOf=[])
        self.entities[element.id] = _Entity(kind, name, metadata, spec)

    def component_type(self, element: Element) -> str:
        if element.kind in ("database", "queue"):
            return element.kind
        if element.kind == "component":
            return "library"
        technology = element.technology.lower()
        if {t.lower() for t in element.tags} & _WEB_TAGS or (
                "native" not in technology and any(w in technology for w in _WEB)):
            return "website"
        return "service"

    def domain(self, group: str) -> str:
        if group not in self.domains:
            outer, _, inner = group.rpartition("/")
            name = self.name("domain", group)
            spec: dict[str, Any] = {"owner": ""}
            if outer:
                spec["subdomainOf"] = self.domain(outer)
            self.domains[group] = _Entity("Domain", name, {
                "name": name, "title": inner,
                "annotations": {PREFIX + "group": group}}, spec)
        return self.domains[group].ref

    def domain_owners(self) -> None:
        """A domain's owner: the one owner of its systems, else the default owner."""
        owners: dict[str, set[str]] = {}
        for element in self.ws.systems():
            if element.group and element.id in self.entities:
                for path in _prefixes(element.group):
                    owners.setdefault(path, set()).add(self.entities[element.id].spec["owner"])
        for group, entity in self.domains.items():
            found = owners.get(group, set())
            entity.spec["owner"] = next(iter(found)) if len(found) == 1 else self.owner_ref("")

    # -- relationships ---------------------------------------------------------------------

    def api(self, provider: Element, operation: str, asynchronous: bool,
            event: bool = False) -> _Api:
        key = (("event:" if event else provider.id), operation)
        if key not in self.apis:
            holder = self.entities.get(provider.id)
            wanted = entity_name(operation if event else f"{provider.id}.{slugify(operation)}")
            name = self.name("api", "\0".join(key), wanted)
            match = _HTTP.match(operation.strip())
            type_ = "asyncapi" if event or asynchronous else "openapi" if match else "other"
            annotations = {PREFIX + "event": operation} if event else {
                PREFIX + "provider": provider.id, PREFIX + "operation": operation}
            spec: dict[str, Any] = {"type": type_, "lifecycle": "production", "owner": ""}
            if holder is not None:
                spec["lifecycle"] = holder.spec.get("lifecycle", "production")
                spec["owner"] = holder.spec["owner"]
                system = holder if holder.kind == "System" else None
                spec["system"] = system.ref if system else holder.spec.get("system")
            title = operation if event else f"{provider.name}: {operation}"
            self.apis[key] = _Api(_Entity("API", name, {
                "name": name, "title": title, "annotations": annotations}, spec))
        return self.apis[key]

    def relationships(self) -> None:
        ws = self.ws
        event_links = {(link.element_id, link.via_id, name)
                       for name, event in ws.events.items()
                       for link in (*event.producers, *event.consumers) if link.via_id}
        people = system_level = undescribed = as_api = operations = family = 0
        dangling: list[str] = []
        for rel in ws.relationships:
            source = ws.elements.get(rel.source_id)
            destination = ws.elements.get(rel.destination_id)
            if source is None or destination is None:
                if rel.source_id not in ws.nodes and rel.destination_id not in ws.nodes:
                    dangling.append(rel.id)
                continue
            if "person" in (source.kind, destination.kind):
                people += 1
                continue
            if source.is_ancestor_of(destination) or destination.is_ancestor_of(source):
                family += 1
                continue
            src, dst = self.entities[source.id], self.entities[destination.id]
            via_event = (source.id, destination.id, rel.operation) in event_links
            if rel.operation and not via_event and src.kind == "Component" \
                    and dst.kind in ("Component", "System"):
                self.consume(rel, source, destination)
                if rel.criticality or rel.tags or rel.properties:
                    as_api += 1
                continue
            if rel.operation and not via_event:
                operations += 1
            if src.kind == "System":
                if dst.kind == "System":
                    system_level += 1
                    continue
                dst.add("dependencyOf", src.ref)
            else:
                src.add("dependsOn", dst.ref)
            if not via_event and (rel.description or rel.technology or rel.criticality
                                  or rel.interaction == "async" or rel.tags or rel.properties):
                undescribed += 1
        if people:
            self.dropped.append(f"{people} relationship(s) of people (people have no place in "
                                "the catalog)")
        if system_level:
            self.dropped.append(f"{system_level} relationship(s) between two software systems "
                                "(a Backstage System has no dependsOn)")
        if family:
            self.dropped.append(f"{family} relationship(s) between an element and its own parent")
        if operations:
            self.dropped.append(f"the operation of {operations} relationship(s) that are not "
                                "from a component to a component or system (only a Component "
                                "consumes an API, and a Resource provides none)")
        if undescribed:
            self.dropped.append(f"the description, technology, interaction, criticality, tags "
                                f"and properties of {undescribed} relationship(s) written as "
                                "dependsOn/dependencyOf (Backstage relations carry no text)")
        if as_api:
            self.dropped.append(f"the criticality, tags and properties of {as_api} "
                                "relationship(s) written as APIs")
        if dangling:
            self.dropped.append("relationship(s) to elements the model lacks: "
                                + ", ".join(dangling))

    def consume(self, rel: Relationship, source: Element, destination: Element) -> None:
        api = self.api(destination, rel.operation, rel.interaction == "async")
        consumer, provider = self.entities[source.id], self.entities[destination.id]
        consumer.add("consumesApis", api.entity.ref)
        if provider.kind == "Component":
            provider.add("providesApis", api.entity.ref)
        if rel.description and rel.description not in api.descriptions:
            api.descriptions.append(rel.description)
        if rel.technology and rel.technology not in api.technologies:
            api.technologies.append(rel.technology)
        api.receives.append((source.name, rel.description))

    def events(self) -> None:
        ws = self.ws
        unlinked: list[str] = []
        for name, event in ws.events.items():
            parties = [(link, "providesApis") for link in event.producers] + \
                      [(link, "consumesApis") for link in event.consumers]
            known = [(ws.elements[link.element_id], role, link) for link, role in parties
                     if link.element_id in ws.elements]
            if not known:
                continue
            first = next((e for e, role, _ in known if role == "providesApis"), known[0][0])
            api = self.api(first, name, True, event=True)
            if event.description and event.description not in api.descriptions:
                api.descriptions.append(event.description)
            for element, role, link in known:
                entity = self.entities.get(element.id)
                if entity is None or entity.kind != "Component":
                    unlinked.append(f"{element.id} ({name})")
                    continue
                entity.add(role, api.entity.ref)
                (api.sends if role == "providesApis" else api.receives).append(
                    (element.name, link.reason))
                if role == "providesApis" and link.reason and link.reason not in api.descriptions:
                    api.descriptions.append(link.reason)
        if unlinked:
            self.dropped.append("producers and consumers of events that are not components "
                                "or containers (only a Component provides or consumes an API): "
                                + ", ".join(unlinked))

    def finish_apis(self) -> None:
        for (_, operation), api in self.apis.items():
            spec, metadata = api.entity.spec, api.entity.metadata
            if not spec["owner"]:
                spec["owner"] = self.owner_ref("")
            description = "; ".join(d for d in api.descriptions if d.strip())
            if description:
                metadata["description"] = description
            if api.technologies:
                metadata["annotations"][PREFIX + "technology"] = ", ".join(api.technologies)
            spec["definition"] = _definition(spec["type"], metadata["title"], operation,
                                             description, api)
            api.entity.metadata = _ordered(metadata, ("name", "title", "description",
                                                      "annotations"))

    # -- the document ----------------------------------------------------------------------

    def build(self, views: int) -> list[dict[str, Any]]:
        ws = self.ws
        for element in ws.elements.values():
            if element.kind != "person":
                self.element(element)
        self.relationships()
        self.events()
        self.finish_apis()
        self.domain_owners()
        self.notes(views)
        entities = [*self.entities.values(), *(a.entity for a in self.apis.values()),
                    *self.domains.values(), *self.groups.values()]
        return [e.document() for e in entities]

    def notes(self, views: int) -> None:
        ws = self.ws
        counts = [
            (len(ws.people()), "people", "Backstage's User is an account, not a C4 actor"),
            (len(ws.flows), "flows", "the catalog has no dynamic views"),
            (views, "views", "the catalog draws no diagrams; `archdoc export --format json` "
             "lists them"),
            (len(ws.styles), "styles", "the catalog draws no diagrams"),
            (len(ws.failure_modes), "failure modes", "no catalog field holds them"),
            (len(ws.environments), "deployment environments",
             "the catalog has no deployment model"),
        ]
        self.dropped[:0] = [f"{what} ({n}): {why}" for n, what, why in counts if n]
        for tag, mapped in self.changed_tags.items():
            self.dropped.append(f"tag {tag!r} as written: it is {mapped!r}" if mapped else
                                f"tag {tag!r}: nothing of it is a Backstage tag character")
        if self.changed_tags:
            self.dropped.append("(Backstage tags are lowercase a-z, 0-9, +, # and -, at most 63 "
                                "characters; the tags as written are kept in the archdoc/tags "
                                "annotation)")


def _prefixes(group: str) -> list[str]:
    parts = group.split("/")
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _ordered(mapping: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    out = {k: mapping[k] for k in keys if k in mapping}
    out.update((k, v) for k, v in mapping.items() if k not in out)
    return out


def _definition(type_: str, title: str, operation: str, description: str, api: _Api) -> str:
    """A minimal definition of what the model knows: an OpenAPI path, an AsyncAPI channel with
    who sends and who receives, or the operation as plain text."""
    info: dict[str, Any] = {"title": title, "version": "unversioned"}
    if description:
        info["description"] = description
    if type_ == "openapi":
        match = _HTTP.match(operation.strip())
        assert match is not None
        item: dict[str, Any] = {"summary": description} if description else {}
        document: dict[str, Any] = {"openapi": "3.1.0", "info": info,
                                    "paths": {match.group(2): {match.group(1).lower(): item}}}
    elif type_ == "asyncapi":
        operations: dict[str, Any] = {}
        for action, parties in (("send", api.sends), ("receive", api.receives)):
            for n, (who, why) in enumerate(parties, 1):
                entry: dict[str, Any] = {"action": action,
                                         "channel": {"$ref": "#/channels/channel"},
                                         "summary": who}
                if why:
                    entry["description"] = why
                operations[f"{action}-{n}"] = entry
        document = {"asyncapi": "3.0.0", "info": info,
                    "channels": {"channel": {"address": operation}}}
        if operations:
            document["operations"] = operations
    else:
        lines = [operation] + [f"{who}: {why}" if why else who for who, why in api.receives]
        return "\n".join(lines) + "\n"
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=_WIDTH)


def render_catalog(workspace: Workspace, *, views: int = 0) -> Rendered:
    """Every entity of ``workspace``, each a YAML document, and what Backstage cannot carry
    (``views``: how many views the model has, none of which the catalog holds)."""
    catalog = _Catalog(workspace)
    documents = catalog.build(views)
    text = yaml.dump_all(documents, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                         default_flow_style=False, width=_WIDTH, explicit_start=True)
    return Rendered(text, catalog.dropped)


def _document(source: ExportInput) -> Rendered:
    return render_catalog(source.workspace, views=len(source.views))


FORMAT = ExportFormat(
    name="backstage",
    summary="Backstage catalog entities (System, Component, Resource, API, Group, Domain), "
            "multi-document YAML.",
    extension=".yaml", document=_document)
