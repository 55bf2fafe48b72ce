"""The Structurizr DSL's workspace and model: elements, groups, relationships, archetypes.

:class:`DslImporter` walks the block tree of :mod:`dsl_source` as the DSL's parser walks its
contexts, and fills a :class:`~archdoc.importers.plan.Plan`. Identifiers follow the DSL (case-
insensitive, ``flat`` or ``!identifiers hierarchical``, ``this``); what archdoc cannot hold is a
notice at its file and line; what cannot be imported at all is an :class:`ImportSourceError`.
The deployment model is :mod:`dsl_deployment`, the ``views`` block :mod:`dsl_views`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from archdoc.importers.archdoc_properties import restore
from archdoc.importers.dsl_deployment import DeploymentReader
from archdoc.importers.dsl_details import (
    ARCHETYPE_ARROW,
    Archetype,
    expect,
    read_archetype,
    read_perspectives,
    read_properties,
    split_tags,
)
from archdoc.importers.dsl_scope import Instance, Scope, Unsupported
from archdoc.importers.dsl_source import Block, Token, block_tree, read_dsl
from archdoc.importers.dsl_views import ViewsReader
from archdoc.importers.plan import (
    ImportSourceError,
    PElement,
    PEnvironment,
    Plan,
    PNode,
    PRelationship,
)
from archdoc.model.ids import slugify
from archdoc.source import SourceLocation

__all__ = ["DslImporter", "Archetype", "Unsupported", "Instance", "Scope"]

_IDENTIFIER = re.compile(r"^\w[a-zA-Z0-9_-]*$")
_ARCHETYPE_ARROW = ARCHETYPE_ARROW

ELEMENT_KINDS = {"person": "person", "softwaresystem": "system", "container": "container",
                 "component": "component"}
"""DSL keyword -> archdoc kind (a container may become a database or a queue later)."""


class DslImporter:
    """Reads one DSL workspace (and the files it includes or extends) into a plan."""

    def __init__(self, path: Path, *, keep_ids: bool = True) -> None:
        self.path = path
        self.keep_ids = keep_ids
        self.plan = Plan(name="Workspace", source=path.name)
        self.hierarchical = False
        self.ids: dict[str, Any] = {}
        """Identifier (lower case, hierarchical if so declared) -> what it names."""
        self.identifier_of: dict[int, str] = {}
        self.relationships: dict[str, PRelationship] = {}
        self.archetypes: dict[str, Archetype] = {}
        self.hints: dict[int, list[str]] = {}
        """Element -> archetype names (kind hints for :func:`conventions.settle`)."""
        self.group_separator = ""
        self.enterprise: str | None = None
        self.outside_enterprise: list[PElement] = []
        self.extending = False
        self.said: set[str] = set()
        self.anonymous = 0
        self.deployment = DeploymentReader(self)
        self.views = ViewsReader(self)

    # -- entry ---------------------------------------------------------------------------------

    def run(self) -> Plan:
        blocks = block_tree(read_dsl(self.path, self.plan.notices))
        workspaces = [b for b in blocks if b.line.keyword == "workspace"]
        for block in blocks:
            if block.line.keyword != "workspace":
                raise ImportSourceError(
                    f"unexpected {block.tokens[0]!r} outside the workspace block",
                    location=block.location, hint="everything goes inside `workspace { ... }`")
        if len(workspaces) != 1:
            raise ImportSourceError(
                "no workspace block" if not workspaces else "more than one workspace block",
                location=workspaces[1].location if workspaces else None,
                hint="a DSL file holds one `workspace { ... }`")
        self._workspace(workspaces[0])
        for element in self.outside_enterprise:
            element.external = True
        restore(self.plan)
        return self.plan

    def note(self, location: SourceLocation | None, message: str) -> None:
        self.plan.note(location, message)

    def note_once(self, key: str, location: SourceLocation | None, message: str) -> None:
        if key not in self.said:
            self.said.add(key)
            self.note(location, message)

    # -- workspace -----------------------------------------------------------------------------

    def _workspace(self, block: Block) -> None:
        tokens = block.tokens
        if len(tokens) >= 2 and tokens[1].lower() == "extends" and not tokens[1].quoted:
            expect(tokens, 3, 3, "workspace extends <file>", block.location)
            self._extend(tokens[2], block.location)
        else:
            expect(tokens, 1, 3, "workspace [name] [description] {", block.location)
            if len(tokens) > 1 and tokens[1]:
                self.plan.name = tokens[1]
            if len(tokens) > 2:
                self.plan.description = tokens[2]
        if block.children is None:
            raise ImportSourceError("the workspace has no body", location=block.location,
                                    hint="write `workspace { model { ... } views { ... } }`")
        for child in block.children:
            self._workspace_statement(child)

    def _extend(self, target: str, at: SourceLocation) -> None:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target):
            raise ImportSourceError(
                f"workspace extends {target}: extending a remote workspace is not supported",
                location=at, hint="download the base workspace and extend it by its path")
        base = self.path.parent / target
        if base.suffix.lower() == ".json":
            raise ImportSourceError(
                "workspace extends a JSON workspace: not supported",
                location=at, hint="import the JSON workspace itself, or extend its DSL source")
        if not base.is_file():
            raise ImportSourceError(f"workspace extends {target}: {base} does not exist",
                                    location=at, hint="the path is relative to this file")
        blocks = block_tree(read_dsl(base, self.plan.notices))
        bases = [b for b in blocks if b.line.keyword == "workspace"]
        if len(bases) != 1:
            raise ImportSourceError(f"{base.name} holds no single workspace block", location=at,
                                    hint="extend a DSL file that defines one workspace")
        self._workspace(bases[0])
        self.extending = True

    def _workspace_statement(self, block: Block) -> None:
        keyword, at = block.line.keyword, block.location
        tokens = block.tokens
        if keyword == "name":
            expect(tokens, 2, 2, "name <name>", at)
            self.plan.name = tokens[1]
        elif keyword == "description":
            expect(tokens, 2, 2, "description <description>", at)
            self.plan.description = tokens[1]
        elif keyword == "model":
            self._children(block, Scope("model"))
        elif keyword == "views":
            self.views.read(block)
        elif keyword == "properties":
            self.read_properties(block)  # read for its syntax
            self.note(at, "workspace properties are not carried over")
        elif keyword == "configuration":
            self.note(at, "the configuration block (users, visibility, scope) is not carried over")
        elif not self.common(block, Scope("workspace")):
            self.unexpected(block, "the workspace", "name, description, model, views, "
                            "properties, configuration, !identifiers, !docs, !adrs")

    # -- statements anywhere --------------------------------------------------------------------

    def common(self, block: Block, scope: Scope) -> bool:
        """Directives allowed in many places; True when ``block`` was one."""
        keyword, at = block.line.keyword, block.location
        tokens = block.tokens
        if keyword == "!identifiers":
            expect(tokens, 2, 2, "!identifiers <flat|hierarchical>", at)
            mode = tokens[1].lower()
            if mode not in ("flat", "hierarchical"):
                raise ImportSourceError(f"!identifiers {tokens[1]}: expected flat or hierarchical",
                                        location=at, hint="write !identifiers hierarchical")
            self.hierarchical = mode == "hierarchical"
        elif keyword in ("!impliedrelationships", "impliedrelationships"):
            expect(tokens, 2, 2, "!impliedRelationships <true|false|class>", at)
            if tokens[1].lower() == "false":
                self.note(at, "!impliedRelationships false is not carried over: archdoc's views "
                          "always show a child's relationships at its parents' level")
        elif keyword in ("!docs", "!adrs", "!decisions"):
            path = tokens[1] if len(tokens) > 1 else "?"
            if keyword == "!docs":
                self.note(at, f"!docs {path}: the documentation is not carried over; keep its "
                          "pages in the MkDocs site (docs/)")
            else:
                self.note(at, f"{keyword} {path}: the decisions are not carried over; point "
                          "`adr_dir` at them: archdoc reads adr-tools and MADR records as they are")
        elif keyword in ("!script", "!plugin", "!components"):
            raise ImportSourceError(
                f"{block.tokens[0]} is not supported: "
                "what it generates cannot be read from the DSL",
                location=at,
                hint="export the workspace as JSON with the Structurizr CLI and import the JSON, "
                "or write what it generates in the DSL",
            )
        else:
            return False
        return True

    def unexpected(self, block: Block, where: str, expected: str) -> None:
        raise ImportSourceError(f"unexpected {block.tokens[0]!r} in {where}",
                                location=block.location, hint=f"expected one of: {expected}")

    # -- identifiers -----------------------------------------------------------------------------

    def register(self, identifier: str | None, thing: Any, parent: Any, at: SourceLocation) -> None:
        if not identifier:
            # Anonymous, like the DSL's own: a name nobody can write, under which its children's
            # hierarchical identifiers are still found from inside its block.
            self.anonymous += 1
            prefix = self.identifier_of.get(id(parent), "") if parent is not None else ""
            self.identifier_of[id(thing)] = f"{prefix}.~{self.anonymous}".lstrip(".")
            return
        if not _IDENTIFIER.match(identifier):
            raise ImportSourceError(f"{identifier!r} is not a valid identifier", location=at,
                                    hint="use letters, digits, '_' and '-'")
        full = identifier.lower()
        if self.hierarchical and parent is not None:
            full = f"{self.identifier_of.get(id(parent), '~')}.{full}"
        if full in self.ids and self.ids[full] is not thing:
            raise ImportSourceError(f"the identifier {identifier!r} is already in use",
                                    location=at, hint="give each element its own identifier")
        self.ids[full] = thing
        self.identifier_of[id(thing)] = full

    def lookup(self, name: str, scope: Scope, wanted: Any = None) -> Any:
        """What ``name`` names from ``scope``: relative to the element in scope and its parents
        first under ``!identifiers hierarchical``, then from the top. ``wanted`` (a predicate)
        skips what it rejects, as the DSL skips an element of the wrong type."""
        low = name.lower()
        ok = wanted or (lambda _: True)
        if low == "this" and scope.element is not None:
            return scope.element
        if self.hierarchical:
            chain: list[Any] = []
            current = scope.element
            while current is not None:
                chain.append(current)
                if isinstance(current, Instance):
                    current = current.node
                else:
                    current = getattr(current, "parent", None) or (
                        current.environment if isinstance(current, PNode) else None)
            if scope.environment is not None:
                chain.append(scope.environment)
            for holder in chain:
                prefix = self.identifier_of.get(id(holder))
                found = self.ids.get(f"{prefix}.{low}") if prefix else None
                if found is not None and ok(found):
                    return found
        found = self.ids.get(low)
        return found if found is not None and ok(found) else None

    def find(self, name: str, scope: Scope, at: SourceLocation, role: str = "element",
             wanted: Any = None) -> Any:
        found = self.lookup(name, scope, wanted)
        if found is None:
            import difflib

            close = difflib.get_close_matches(name.lower(), list(self.ids), n=3, cutoff=0.6)
            raise ImportSourceError(
                f"the {role} {name!r} does not exist"
                + ("" if name.lower() != "this" else " (no element is in scope here)"),
                location=at,
                hint=("did you mean " + ", ".join(repr(c) for c in close) + "?")
                if close
                else (
                    "declare it (with an identifier) before using it: "
                    "the DSL has no forward references"
                ),
            )
        return found

    # -- the model -----------------------------------------------------------------------------

    def _children(self, block: Block, scope: Scope) -> None:
        for child in block.children or []:
            self.statement(child, scope)

    def statement(self, block: Block, scope: Scope) -> None:
        tokens = block.tokens
        identifier: str | None = None
        if len(tokens) >= 3 and tokens[1] == "=" and not tokens[1].quoted:
            identifier, tokens = str(tokens[0]), tokens[2:]
        keyword = tokens[0].lower() if tokens else ""
        kind = scope.kind
        if self._is_arrow(tokens, 1) or self._is_arrow(tokens, 0):
            self.relationship(block, tokens, scope, identifier)
        elif keyword in ("!element", "!ref", "!extend") and kind != "relationship":
            self._extend_element(block, tokens, scope, identifier)
        elif keyword in ("!elements", "!relationships", "!relationship"):
            raise ImportSourceError(
                f"{tokens[0]} is not supported", location=block.location,
                hint="write the tags, properties or relationships on each element instead")
        elif kind in ("model", "system", "container", "component", "person", "custom") \
                and self._element_statement(block, tokens, keyword, scope, identifier):
            pass
        elif kind in ("environment", "node", "infrastructure", "instance"):
            self.deployment.statement(block, tokens, keyword, scope, identifier)
        elif kind == "relationship":
            self._relationship_body(block, tokens, keyword, scope.element)
        elif not self.common(block, scope):
            self.unexpected(block, f"a {kind} block" if kind != "model" else "the model",
                            self._expected(kind))

    def _expected(self, kind: str) -> str:
        return {
            "model": "person, softwareSystem, group, deploymentEnvironment, archetypes, a -> b",
            "person": "description, tags, url, properties, perspectives, -> destination",
            "system": "container, group, description, tags, url, properties, -> destination",
            "container": "component, group, description, technology, tags, -> destination",
            "component": "description, technology, tags, group, url, properties, -> destination",
            "custom": "description, tags, url, properties, -> destination",
        }.get(kind, "")

    def _is_arrow(self, tokens: list[Token], index: int) -> bool:
        if len(tokens) <= index or tokens[index].quoted:
            return False
        token = tokens[index]
        if token in ("->", "-/>"):
            return True
        match = _ARCHETYPE_ARROW.match(token)
        return bool(match and match.group(1).lower() in self.archetypes)

    def element_archetype(self, keyword: str, bases: tuple[str, ...]) -> Archetype | None:
        archetype = self.archetypes.get(keyword)
        return archetype if archetype is not None and archetype.base in bases else None

    def _element_statement(self, block: Block, tokens: list[Token], keyword: str, scope: Scope,
                           identifier: str | None) -> bool:
        kind = scope.kind
        allowed = {"model": ("person", "softwaresystem", "element"), "system": ("container",),
                   "container": ("component",)}.get(kind, ())
        # An archetype named like the keyword itself (`container { ... }`) gives every one defaults.
        archetype = self.element_archetype(keyword, allowed) if keyword != "group" else None
        base = keyword if keyword in allowed else archetype.base if archetype else None
        if base is not None:
            self._element(block, tokens, base, archetype, scope, identifier)
            return True
        group_archetype = self.element_archetype(keyword, ("group",))
        if (keyword == "group" or group_archetype) and kind in ("model", "system", "container",
                                                                  "component"):
            self._group(block, tokens, scope, identifier)
            return True
        if kind == "model":
            return self._model_statement(block, tokens, keyword, scope, identifier)
        return self._element_body(block, tokens, keyword, scope)

    def _model_statement(self, block: Block, tokens: list[Token], keyword: str, scope: Scope,
                         identifier: str | None) -> bool:
        at = block.location
        if keyword == "deploymentenvironment":
            self.deployment.environment(block, tokens, identifier)
        elif keyword == "archetypes":
            for child in block.children or []:
                self._archetype(child)
        elif keyword == "enterprise":
            name = tokens[1] if len(tokens) > 1 else "Enterprise"
            if self.enterprise is None:
                self.enterprise = name
                self.outside_enterprise = [e for e in self.plan.elements()
                                           if e.parent is None and e.kind == "system"]
            self.note(at, f"enterprise {name!r}: its people and systems are in the group "
                      f"{name!r}; the systems outside it are external=True")
            self._children(block, Scope("model", group=self._group_name(scope.group, name),
                                        enterprise=name))
        elif keyword == "properties":
            for name, value, where in self.read_properties(block):
                if name == "structurizr.groupSeparator":
                    self.group_separator = value
                else:
                    self.note(where, f"model property {name!r} is not carried over")
        else:
            return self.common(block, scope)
        return True

    def _extend_element(self, block: Block, tokens: list[Token], scope: Scope,
                        identifier: str | None) -> None:
        """``!element <identifier|canonical name> { ... }``: more for an element declared before."""
        at = block.location
        expect(tokens, 2, 2, "!element <identifier> {", at)
        target = self.lookup(tokens[1], scope) or self._by_canonical_name(tokens[1])
        if target is None:
            target = self.find(tokens[1], scope, at)
        if identifier:
            self.register(identifier, target, None, at)
        scope_kind = {"person": "person", "system": "system", "container": "container",
                      "database": "container", "queue": "container", "component": "component"}
        if isinstance(target, PElement):
            inner = Scope(scope_kind[target.kind], target)
        elif isinstance(target, PNode):
            inner = Scope("node" if target.kind == "node" else "infrastructure", target,
                          environment=target.environment)
        elif isinstance(target, PEnvironment):
            inner = Scope("environment", None, environment=target)
        else:
            raise ImportSourceError(f"{tokens[1]} cannot be extended here", location=at,
                                    hint="extend an element, a deployment environment or a node")
        self._children(block, inner)

    def _by_canonical_name(self, name: str) -> Any:
        """``SoftwareSystem://Shop``, ``Container://Shop.Web``, ``DeploymentNode://Live/AWS``..."""
        match = re.fullmatch(r"(\w+)://(.+)", name)
        if not match:
            return None
        kind, path = match.group(1).lower(), match.group(2)
        if kind in ("deploymentnode", "infrastructurenode"):
            environment, *names = path.split("/")
            for statement in self.plan.statements:
                if isinstance(statement, PNode) and statement.environment.name == environment \
                        and _node_path(statement) == names:
                    return statement
            return None
        kinds = {"person": ("person",), "softwaresystem": ("system",),
                 "container": ("container", "database", "queue"), "component": ("component",)}
        for element in self.plan.elements():
            if element.kind in kinds.get(kind, ()) and _element_path(element) == path:
                return element
        return None

    # -- elements -------------------------------------------------------------------------------

    def _group_name(self, outer: str, name: str) -> str:
        if not outer:
            return name
        return f"{outer}/{name}"

    def _group(
        self, block: Block, tokens: list[Token], scope: Scope, identifier: str | None
    ) -> None:
        at = block.location
        if block.children is None:
            if scope.kind == "component":  # `group "Name"` sets a component's group
                expect(tokens, 2, 2, "group <name>", at)
                element = scope.element
                element.group = self._group_name(element.group, tokens[1])
                return
            raise ImportSourceError("expected: group <name> {", location=at,
                                    hint="a group holds elements: group \"Name\" { ... }")
        expect(tokens, 2, 2, "group <name> {", at)
        name = str(tokens[1])
        separator = self.group_separator or "/"
        if "/" in name and separator != "/":
            self.note(at, f"group {name!r}: archdoc reads '/' in a group name as nesting")
        if scope.group and not self.group_separator:
            self.note_once("group-separator", at, "nested groups without the model property "
                           "structurizr.groupSeparator: nested as Outer/Inner")
        self.register(identifier, Unsupported("group", name, at), scope.element, at)
        self._children(block, Scope(scope.kind, scope.element, self._group_name(scope.group, name),
                                    scope.environment, scope.enterprise))

    def _element(self, block: Block, tokens: list[Token], base: str, archetype: Archetype | None,
                 scope: Scope, identifier: str | None) -> None:
        at = block.location
        if base == "element":
            expect(tokens, 2, 5, "element <name> [metadata] [description] [tags]", at)
            custom = Unsupported("custom element", tokens[1], at)
            self.note(at, f"custom element {tokens[1]!r} is not carried over: archdoc models "
                      "people, systems, containers and components")
            self.register(identifier, custom, None, at)
            self._children(block, Scope("custom", custom))
            return
        keyword = {"person": "person", "softwaresystem": "softwareSystem",
                   "container": "container", "component": "component"}[base]
        technology_slot = base in ("container", "component")
        high = 5 if technology_slot else 4
        grammar = f"{keyword} <name> [description]" + (" [technology]" if technology_slot else "") \
            + " [tags]"
        expect(tokens, 2, high, grammar, at)
        name = str(tokens[1])
        if not name.strip():
            raise ImportSourceError(f"the {keyword} has an empty name", location=at,
                                    hint="give every element a name")
        parent = scope.element if base in ("container", "component") else None
        element = self._existing(name, parent) if self.extending else None
        if element is None:
            element = PElement(ELEMENT_KINDS[base], name, at, parent=parent)  # type: ignore[arg-type]
            self.plan.add(element)
        if archetype is not None:
            element.description = archetype.description
            element.technology = archetype.technology if technology_slot else ""
            element.tags = list(archetype.tags)
            element.properties.update(archetype.properties)
            self.hints[id(element)] = list(archetype.chain)
        if len(tokens) > 2:
            element.description = tokens[2]
        tag_index = 4 if technology_slot else 3
        if technology_slot and len(tokens) > 3:
            element.technology = tokens[3]
        if len(tokens) > tag_index:
            element.tags += [t for t in split_tags(tokens[tag_index]) if t not in element.tags]
        element.group = scope.group or element.group
        if parent is None and self.enterprise is not None and not scope.enterprise \
                and element.kind == "system":
            self.outside_enterprise.append(element)
        if identifier:
            own = identifier.lower()
            element.var_hint = identifier
            if self.keep_ids and own != slugify(name):
                element.id = own
        self.register(identifier, element, parent, at)
        own_kind = {"person": "person", "softwaresystem": "system", "container": "container",
                    "component": "component"}[base]
        self._children(block, Scope(own_kind, element))  # groups gather elements of one level

    def _existing(self, name: str, parent: PElement | None) -> PElement | None:
        for element in self.plan.elements():
            if element.parent is parent and element.name == name:
                return element
        return None

    def _element_body(self, block: Block, tokens: list[Token], keyword: str, scope: Scope) -> bool:
        element = scope.element
        at = block.location
        if isinstance(element, Unsupported):
            return keyword in ("description", "tags", "tag", "url", "properties", "perspectives",
                               "metadata")
        if keyword == "description":
            expect(tokens, 2, 2, "description <description>", at)
            element.description = tokens[1]
        elif keyword == "technology" and scope.kind in ("container", "component"):
            expect(tokens, 2, 2, "technology <technology>", at)
            element.technology = tokens[1]
        elif keyword in ("tags", "tag"):
            expect(tokens, 2, 99, f"{keyword} <tag> [tag...]", at)
            for token in tokens[1:]:
                element.tags += [t for t in split_tags(token) if t not in element.tags]
        elif keyword == "url":
            expect(tokens, 2, 2, "url <url>", at)
            element.properties["url"] = tokens[1]
        elif keyword == "properties":
            for name, value, _ in self.read_properties(block):
                element.properties[name] = value
        elif keyword == "perspectives":
            element.properties.update(self.read_perspectives(block))
        else:
            return self.common(block, scope)
        return True

    # -- properties, perspectives, archetypes: dsl_details ---------------------------------------

    def read_properties(self, block: Block) -> list[tuple[str, str, SourceLocation]]:
        return read_properties(block)

    def read_perspectives(self, block: Block) -> dict[str, str]:
        return read_perspectives(block)

    def _archetype(self, block: Block) -> None:
        archetype = read_archetype(block, self.archetypes)
        self.archetypes[archetype.name] = archetype

    # -- relationships --------------------------------------------------------------------------

    def relationship(self, block: Block, tokens: list[Token], scope: Scope,
                     identifier: str | None) -> None:
        at = block.location
        explicit = self._is_arrow(tokens, 1)
        arrow = tokens[1] if explicit else tokens[0]
        if arrow == "-/>":
            raise ImportSourceError("removing a relationship with -/> is not supported",
                                    location=at, hint="leave the relationship out of the model")
        rest = tokens[2:] if explicit else tokens[1:]
        grammar = ("<identifier> -> " if explicit else "-> ") + \
            "<identifier> [description] [technology] [tags]"
        if not rest or len(rest) > 4:
            raise ImportSourceError(("too many tokens, " if rest else "") + f"expected: {grammar}",
                                    location=at, hint="quote a value that holds spaces")
        if explicit:
            source = self.find(tokens[0], scope, at, "source element")
        else:
            source = scope.element
            if source is None or scope.kind in ("model", "environment"):
                raise ImportSourceError("a relationship without a source outside an element",
                                        location=at, hint="write `source -> destination`")
        destination = self.find(rest[0], scope, at, "destination element")
        match = _ARCHETYPE_ARROW.match(arrow)
        archetype = self.archetypes[match.group(1).lower()] if match else self.archetypes.get("->")
        description = rest[1] if len(rest) > 1 else (archetype.description if archetype else "")
        technology = rest[2] if len(rest) > 2 else (archetype.technology if archetype else "")
        tags = list(archetype.tags) if archetype else []
        if len(rest) > 3:
            tags += [t for t in split_tags(rest[3]) if t not in tags]
        relationship = self.deployment.endpoints(source, destination, scope, at) \
            if scope.kind in ("environment", "node", "infrastructure", "instance") \
            or isinstance(source, (PNode, Instance)) or isinstance(destination, (PNode, Instance)) \
            else self._static(source, destination, at)
        if relationship is None:
            if block.children is not None:
                self._children(block, Scope("relationship", None))
            return
        relationship.description, relationship.technology = description, technology
        relationship.tags = tags
        if archetype is not None:
            relationship.properties.update(archetype.properties)
        if self._duplicate(relationship):
            self.note(at, f"a second relationship {self._name(source)} -> "
                      f"{self._name(destination)} {description!r} is left out")
            return
        self.plan.add(relationship)
        if identifier:
            if identifier.lower() in self.relationships or identifier.lower() in self.ids:
                raise ImportSourceError(
                    f"the identifier {identifier!r} is already in use",
                    location=at,
                    hint="give each relationship its own identifier",
                )
            self.relationships[identifier.lower()] = relationship
        if block.children is not None:
            self._children(block, Scope("relationship", relationship))

    def _name(self, thing: Any) -> str:
        return getattr(thing, "name", str(thing))

    def _duplicate(self, relationship: PRelationship) -> bool:
        return any(r.source is relationship.source and r.destination is relationship.destination
                   and r.description == relationship.description
                   for r in self.plan.relationships() if r is not relationship)

    def _static(self, source: Any, destination: Any, at: SourceLocation) -> PRelationship | None:
        for end in (source, destination):
            if isinstance(end, Unsupported):
                self.note(
                    at, f"a relationship with the {end.what} {end.name!r} is not carried over"
                )
                return None
            if isinstance(end, PEnvironment):
                raise ImportSourceError(f"a relationship with the deployment environment "
                                        f"{end.name!r} is not allowed", location=at,
                                        hint="relate deployment nodes or elements")
        if source is destination:
            self.note(at, f"a relationship of {source.name!r} with itself is left out")
            return None
        if _is_ancestor(source, destination) or _is_ancestor(destination, source):
            self.note(at, f"the relationship between {source.name!r} and {destination.name!r} "
                      "is left out: archdoc allows no relationship between a parent and its child")
            return None
        return PRelationship(source, destination, at)

    def _relationship_body(self, block: Block, tokens: list[Token], keyword: str,
                           relationship: PRelationship | None) -> None:
        at = block.location
        if keyword in ("tags", "tag"):
            expect(tokens, 2, 99, f"{keyword} <tag> [tag...]", at)
            for token in tokens[1:]:
                if relationship is not None:
                    relationship.tags += [
                        t for t in split_tags(token) if t not in relationship.tags
                    ]
        elif keyword == "url":
            expect(tokens, 2, 2, "url <url>", at)
            if relationship is not None:
                relationship.properties["url"] = tokens[1]
        elif keyword == "properties":
            for name, value, _ in self.read_properties(block):
                if relationship is not None:
                    relationship.properties[name] = value
        elif keyword == "perspectives":
            found = self.read_perspectives(block)
            if relationship is not None:
                relationship.properties.update(found)
        elif keyword == "description":
            expect(tokens, 2, 2, "description <description>", at)
            if relationship is not None:
                relationship.description = tokens[1]
        elif keyword == "technology":
            expect(tokens, 2, 2, "technology <technology>", at)
            if relationship is not None:
                relationship.technology = tokens[1]
        else:
            self.unexpected(block, "a relationship block", "tags, url, properties, perspectives")
        if relationship is not None and isinstance(relationship.source, PNode) \
                and (relationship.tags or relationship.properties):
            self.note(at, "tags and properties of a relationship between deployment nodes are "
                      "not carried over")
            relationship.tags, relationship.properties = [], {}


def _element_path(element: PElement) -> str:
    return (
        element.name
        if element.parent is None
        else f"{_element_path(element.parent)}.{element.name}"
    )


def _node_path(node: PNode) -> list[str]:
    return [node.name] if node.parent is None else [*_node_path(node.parent), node.name]


def _is_ancestor(a: Any, b: Any) -> bool:
    parent = getattr(b, "parent", None)
    while parent is not None:
        if parent is a:
            return True
        parent = getattr(parent, "parent", None)
    return False
