"""The Structurizr DSL's deployment model: environments, nodes, infrastructure, instances."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from archdoc.importers.archdoc_properties import instances_value
from archdoc.importers.dsl_details import expect, split_tags
from archdoc.importers.dsl_scope import Instance, Scope, Unsupported
from archdoc.importers.dsl_source import Block, Token
from archdoc.importers.plan import (
    ImportSourceError,
    PDeploy,
    PElement,
    PEnvironment,
    PNode,
    PRelationship,
)
from archdoc.model.ids import slugify
from archdoc.source import SourceLocation

if TYPE_CHECKING:
    from archdoc.importers.dsl_model import DslImporter

__all__ = ["DeploymentReader", "instances"]

_RANGE = re.compile(r"^(\d+)\s*\.\.\s*(\d+)$")


def instances(text: str, at: SourceLocation, importer: DslImporter) -> int | str | None:
    """``"3"`` -> 3, ``"2..10"`` stays; an open range (``"1..N"``) has no counterpart."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if _RANGE.match(text):
        return text
    importer.note(at, f"instances {text!r} is not carried over: archdoc needs a number or a "
                  'range such as "2..10"')
    return None


class DeploymentReader:
    def __init__(self, importer: DslImporter) -> None:
        self.importer = importer

    def environment(self, block: Block, tokens: list[Token], identifier: str | None) -> None:

        at = block.location
        expect(tokens, 2, 2, "deploymentEnvironment <name> {", at)
        name = str(tokens[1])
        environment = next((s for s in self.importer.plan.statements
                            if isinstance(s, PEnvironment) and s.name == name), None)
        if environment is None:
            environment = PEnvironment(name, at)
            if identifier:
                environment.var_hint = identifier
                if self.importer.keep_ids and identifier.lower() != slugify(name):
                    environment.id = identifier.lower()
            self.importer.plan.add(environment)
        self.importer.register(identifier, environment, None, at)
        for child in block.children or []:
            self.importer.statement(child, Scope("environment", None, environment=environment))

    def statement(self, block: Block, tokens: list[Token], keyword: str, scope: Scope,
                  identifier: str | None) -> None:

        importer, at, kind = self.importer, block.location, scope.kind
        node_archetype = importer.element_archetype(keyword, ("deploymentnode",))
        infra_archetype = importer.element_archetype(keyword, ("infrastructurenode",))
        if kind in ("environment", "node") and (keyword == "deploymentnode" or node_archetype):
            self._node(block, tokens, "node", node_archetype, scope, identifier)
        elif kind == "node" and (keyword == "infrastructurenode" or infra_archetype):
            self._node(block, tokens, "infrastructure", infra_archetype, scope, identifier)
        elif kind == "node" and keyword in ("containerinstance", "softwaresysteminstance",
                                            "instanceof"):
            self._instance(block, tokens, keyword, scope, identifier)
        elif kind == "environment" and keyword == "deploymentgroup":
            expect(tokens, 2, 2, "deploymentGroup <name>", at)
            importer.register(identifier, Unsupported("deployment group", tokens[1], at),
                              scope.environment, at)
            importer.note(at, f"deployment group {tokens[1]!r} is not carried over: archdoc's "
                          "deployment views show the model's relationships between what runs")
        elif kind == "node" and keyword == "deploymentgroup":
            importer.note_once("deployment-groups", at, "deployment groups of instances are not "
                               "carried over")
        elif kind in ("environment", "node") and keyword == "group":
            expect(tokens, 2, 2, "group <name> {", at)
            importer.note(at, f"the group {tokens[1]!r} of deployment nodes is not carried over")
            for child in block.children or []:
                importer.statement(child, scope)
        elif kind in ("node", "infrastructure") and self._node_body(block, tokens, keyword, scope):
            pass
        elif kind == "instance" and keyword == "properties" and self._instance_properties(
                block, scope.element):
            pass
        elif kind == "instance":
            if keyword == "healthcheck" or keyword in ("description", "tags", "tag", "url",
                                                       "properties", "perspectives"):
                importer.note_once(f"instance:{id(scope.element)}", at,
                                   f"{keyword} of an instance of {scope.element.element.name!r} "
                                   "is not carried over (instances have no details in archdoc)")
            else:
                importer.unexpected(block, "an instance block", "description, tags, url, "
                                    "properties, perspectives, healthCheck, -> destination")
        elif not importer.common(block, scope):
            expected = {"environment": "deploymentNode, deploymentGroup, group, a -> b",
                        "node": "deploymentNode, infrastructureNode, containerInstance, "
                                "softwareSystemInstance, description, technology, instances, "
                                "tags, properties, -> destination",
                        "infrastructure": "description, technology, tags, url, properties, "
                                          "-> destination"}
            where = {"environment": "a deployment environment", "node": "a deployment node",
                     "infrastructure": "an infrastructure node"}.get(kind, f"a {kind}")
            importer.unexpected(block, where, expected.get(kind, ""))

    def _node(self, block: Block, tokens: list[Token], kind: str, archetype: Any, scope: Scope,
              identifier: str | None) -> None:

        importer, at = self.importer, block.location
        if kind == "node":
            expect(tokens, 2, 6, "deploymentNode <name> [description] [technology] [tags] "
                    "[instances]", at)
        else:
            expect(tokens, 2, 5, "infrastructureNode <name> [description] [technology] [tags]", at)
        environment = scope.environment
        assert environment is not None
        parent = scope.element if isinstance(scope.element, PNode) else None
        node = PNode(kind, tokens[1], environment, at, parent=parent)  # type: ignore[arg-type]
        if archetype is not None:
            node.description, node.technology = archetype.description, archetype.technology
            node.tags, node.properties = list(archetype.tags), dict(archetype.properties)
        if len(tokens) > 2:
            node.description = tokens[2]
        if len(tokens) > 3:
            node.technology = tokens[3]
        if len(tokens) > 4:
            node.tags += [t for t in split_tags(tokens[4]) if t not in node.tags]
        if len(tokens) > 5:
            node.instances = instances(tokens[5], at, importer)
        node.var_hint = identifier or ""
        importer.plan.add(node)
        importer.register(identifier, node, parent or environment, at)
        child_kind = "node" if kind == "node" else "infrastructure"
        for child in block.children or []:
            importer.statement(child, Scope(child_kind, node, environment=environment))
        if kind == "node" and any(t.lower() == "infrastructure node" for t in node.tags):
            node.kind = "infrastructure"  # archdoc's infrastructure holding nodes or instances
        node.tags = [t for t in node.tags if t.lower() not in ("element", "deployment node",
                                                               "infrastructure node")]

    def _node_body(self, block: Block, tokens: list[Token], keyword: str, scope: Scope) -> bool:

        node: PNode = scope.element
        at = block.location
        if keyword == "description":
            expect(tokens, 2, 2, "description <description>", at)
            node.description = tokens[1]
        elif keyword == "technology":
            expect(tokens, 2, 2, "technology <technology>", at)
            node.technology = tokens[1]
        elif keyword == "instances" and node.kind == "node":
            expect(tokens, 2, 2, "instances <number|range>", at)
            node.instances = instances(tokens[1], at, self.importer)
        elif keyword in ("tags", "tag"):
            for token in tokens[1:]:
                node.tags += [t for t in split_tags(token) if t not in node.tags]
        elif keyword == "url":
            expect(tokens, 2, 2, "url <url>", at)
            node.properties["url"] = tokens[1]
        elif keyword == "properties":
            for name, value, _ in self.importer.read_properties(block):
                node.properties[name] = value
        elif keyword == "perspectives":
            node.properties.update(self.importer.read_perspectives(block))
        else:
            return False
        return True

    def _instance(self, block: Block, tokens: list[Token], keyword: str, scope: Scope,
                  identifier: str | None) -> None:

        importer, at = self.importer, block.location
        expect(tokens, 2, 4, f"{tokens[0]} <identifier> [deploymentGroups] [tags]", at)
        node: PNode = scope.element
        target = importer.find(tokens[1], scope, at, "software system or container",
                               wanted=lambda t: isinstance(t, PElement)
                               and t.kind in ("system", "container"))
        if not isinstance(target, PElement) or target.kind not in ("system", "container"):
            raise ImportSourceError(f"{tokens[1]!r} is not a software system or a container",
                                    location=at, hint=f"{tokens[0]} takes the identifier of one")
        if keyword == "containerinstance" and target.kind != "container":
            raise ImportSourceError(f"{tokens[1]!r} is not a container", location=at,
                                    hint="use softwareSystemInstance for a software system")
        if keyword == "softwaresysteminstance" and target.kind != "system":
            raise ImportSourceError(f"{tokens[1]!r} is not a software system", location=at,
                                    hint="use containerInstance for a container")
        if len(tokens) > 2 and tokens[2]:
            importer.note_once("deployment-groups", at, "deployment groups of instances are not "
                               "carried over")
        if len(tokens) > 3:
            importer.note(at, f"the tags of this instance of {target.name!r} are not carried over")
        instance = Instance(node, target, at)
        importer.register(identifier, instance, node, at)
        if target.kind == "container":
            self._deploy(node, target, at)
        else:
            containers = [e for e in importer.plan.elements() if e.parent is target]
            if containers:
                importer.note(at, f"softwareSystemInstance {target.name!r}: each of its "
                              f"{len(containers)} containers is deployed on {node.name!r}")
                for container in containers:
                    self._deploy(node, container, at)
            else:
                importer.note(at, f"softwareSystemInstance {target.name!r} is not carried over: "
                              "archdoc deploys containers, and it has none")
        for child in block.children or []:
            importer.statement(child, Scope("instance", instance, environment=scope.environment))

    def _instance_properties(self, block: Block, instance: Any) -> bool:
        """``archdoc.instances`` of a container instance (archdoc's count of copies); False
        when the block holds other properties (not carried over)."""
        pairs = self.importer.read_properties(block)
        deploys = [s for s in self.importer.plan.statements if isinstance(s, PDeploy)
                   and s.node is instance.node and s.container is instance.element]
        for name, value, _ in pairs:
            if name == "archdoc.instances" and deploys:
                deploys[-1].instances = instances_value(value)
        return all(name == "archdoc.instances" for name, _, _ in pairs)

    def _deploy(self, node: PNode, container: PElement, at: SourceLocation) -> None:
        plan = self.importer.plan
        if any(isinstance(s, PDeploy) and s.node is node and s.container is container
               for s in plan.statements):
            self.importer.note(at, f"{container.name!r} is already deployed on {node.name!r}")
            return
        plan.add(PDeploy(node, container, at))

    def endpoints(self, source: Any, destination: Any, scope: Scope,
                  at: SourceLocation) -> PRelationship | None:
        """A relationship declared in a deployment environment, or between deployment nodes."""

        importer = self.importer
        ends = []
        for end in (source, destination):
            if isinstance(end, Instance):
                importer.note(at, f"a relationship of the instance of {end.element.name!r} is "
                              f"drawn from the node that runs it, {end.node.name!r}")
                end = end.node
            if isinstance(end, Unsupported):
                importer.note(at, f"a relationship with the {end.what} {end.name!r} is not "
                              "carried over")
                return None
            ends.append(end)
        source, destination = ends
        if isinstance(source, PElement) and isinstance(destination, PElement):
            importer.note(at, f"the relationship {source.name!r} -> {destination.name!r} between "
                          "their instances is not carried over: archdoc's deployment views show "
                          "the model's relationships")
            return None
        if not (isinstance(source, PNode) and isinstance(destination, PNode)):
            raise ImportSourceError(
                "a relationship between a deployment node and a model element is not allowed",
                location=at, hint="deploy the container on the node with containerInstance")
        if source is destination:
            importer.note(at, f"a relationship of the node {source.name!r} with itself is left out")
            return None
        if source.environment is not destination.environment:
            importer.note(at, f"the relationship {source.name!r} -> {destination.name!r} crosses "
                          "deployment environments and is left out")
            return None
        return PRelationship(source, destination, at)
