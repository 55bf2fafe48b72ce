"""One LikeC4 source file for a workspace: specification, model, deployment and views.

A pure function of the workspace and its computed views. The element kinds, colours, shapes and
tags of the C4 model go into ``specification``; every element, with its description,
technology, tags and properties (as ``metadata``), into ``model``, nested as in archdoc; the
environments into ``deployment`` (``instanceOf``); and every view of the
:class:`~archdoc.views.ViewIndex` into ``views``: a static view lists its elements explicitly
(LikeC4 draws an element included with its parts as their boundary), groups become view
``group`` blocks, flows ``dynamic view`` s and environments ``deployment view`` s.

What LikeC4 cannot hold is listed in :attr:`LikeC4Source.dropped`, each kind of loss once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from archdoc.model.elements import KIND_LABELS, Element
from archdoc.model.flows import FlowMessage, walk
from archdoc.model.records import Relationship
from archdoc.model.values import PropertyValue
from archdoc.model.workspace import Workspace
from archdoc.render.indented import IndentedLines
from archdoc.render.likec4_names import Namespace, c4_string, identifier
from archdoc.render.likec4_steps import Steps
from archdoc.render.losses import Losses
from archdoc.views import ComputedView, DeploymentView, SequenceView, ViewIndex
from archdoc.views.computed import DeploymentBox, ViewBoundary
from archdoc.views.styles import (
    CRITICAL_LINE,
    EXTERNAL_STYLE,
    KIND_STYLES,
    StyleSheet,
    edge_style,
    node_style,
)

__all__ = ["LikeC4Source", "likec4_source", "ELEMENT_KINDS"]

ELEMENT_KINDS = ("person", "system", "container", "database", "queue", "component")

_SHAPES = {"box": "rectangle", "rounded": "rectangle", "cylinder": "cylinder",
           "person": "person", "queue": "queue", "component": "component"}
"""archdoc's shapes LikeC4 has; ``hexagon`` and ``folder`` are drawn as rectangles."""

_DIRECTIONS = {"TB": "TopBottom", "LR": "LeftRight", "BT": "BottomTop", "RL": "RightLeft"}

_DEPLOYMENT_KINDS = (("environment", "Deployment Environment"), ("node", "Deployment Node"),
                     ("infrastructure", "Infrastructure Node"))


@dataclass
class LikeC4Source:
    text: str
    dropped: list[str] = field(default_factory=list)


def likec4_source(workspace: Workspace, views: ViewIndex) -> LikeC4Source:
    """The ``.c4`` source of ``workspace`` and every view of ``views``."""
    return _Writer(workspace, views).write()



class _Writer:
    def __init__(self, workspace: Workspace, views: ViewIndex) -> None:
        self.ws = workspace
        self.views = views
        self.sheet: StyleSheet = views.styles
        self.out = IndentedLines()
        self.losses = Losses()
        self.fqn: dict[str, str] = {}
        self.tags: dict[str, str] = {}
        self.colors: dict[str, str] = {}
        """Custom colours: name -> hex."""
        self.kind_colors: dict[str, str] = {}
        self.tag_colors: dict[str, str] = {}
        self.node_fqn: dict[str, str] = {}
        """Deployment node and deployed container ids -> LikeC4 names."""
        self._color_names = Namespace()
        self._tag_names = Namespace()
        self._name_elements()

    # -- names ------------------------------------------------------------------------------

    def _name_elements(self) -> None:
        scopes: dict[str | None, Namespace] = {}
        for element in self.ws.elements.values():
            scope = scopes.setdefault(element.parent_id, Namespace())
            local = scope.claim(identifier(element.id.rsplit(".", 1)[-1]))
            parent = self.fqn.get(element.parent_id or "")
            self.fqn[element.id] = f"{parent}.{local}" if parent else local

    def tag(self, tag: str) -> str:
        if tag not in self.tags:
            self.tags[tag] = self._tag_names.claim(identifier(tag, "tag", hyphens=True))
        return self.tags[tag]

    def color(self, hex_value: str, wanted: str) -> str:
        """A custom colour of the specification, by name."""
        name = self._color_names.claim(wanted)
        self.colors[name] = _hex6(hex_value)
        return name

    def styled_color(self, tags: Iterable[str]) -> str | None:
        """The colour of the last of ``tags`` whose style gives one (as archdoc merges them)."""
        winner = [t for t in tags if "color" in self.sheet.by_tag.get(t, {})]
        return self.tag_colors[winner[-1]] if winner else None

    def drop(self, what: str, example: str | None = None) -> None:
        self.losses.add(what, example)

    # -- the document -------------------------------------------------------------------------

    def write(self) -> LikeC4Source:
        self._collect_tags_and_colors()
        body = IndentedLines()
        self.out = body
        self._model()
        self._deployment()
        self._views()
        head = self.out = IndentedLines()
        self._header()
        self._specification()
        text = "\n".join(head.lines + body.lines) + "\n"
        return LikeC4Source(text, self.losses.lines())

    def _header(self) -> None:
        self.out.add(f"// {_comment(self.ws.name)}: the architecture model exported by archdoc.")
        if self.ws.description:
            self.out.add(f"// {_comment(self.ws.description)}")
        self.out.add("// Preview it with `npx likec4 start` in this file's directory.")
        self.out.add()

    def _collect_tags_and_colors(self) -> None:
        for kind in ELEMENT_KINDS:
            if kind in ("database", "queue"):
                self.kind_colors[kind] = self.kind_colors["container"]
            else:
                self.kind_colors[kind] = self.color(KIND_STYLES[kind].fill, f"c4-{kind}")
        self.external_color = self.color(EXTERNAL_STYLE["fill"], "c4-external")
        self.critical_color = self.color(CRITICAL_LINE, "c4-critical")
        for tag, values in self.sheet.by_tag.items():
            if "color" in values:
                self.tag_colors[tag] = self.color(
                    str(values["color"]), "tag-" + identifier(tag, "tag", hyphens=True))
        for tag in self._model_tags():
            self.tag(tag)

    def _model_tags(self) -> Iterator[str]:
        for element in self.ws.elements.values():
            yield from element.tags
        for relationship in self.ws.relationships:
            yield from relationship.tags
        for node in self.ws.nodes.values():
            yield from node.tags
        yield from self.sheet.by_tag

    # -- specification --------------------------------------------------------------------------

    def _specification(self) -> None:
        out = self.out
        out.open("specification")
        for kind in ELEMENT_KINDS:
            style = KIND_STYLES[kind]
            out.open(f"element {kind}")
            out.add(f"notation {c4_string(KIND_LABELS[kind])}")
            out.open("style")
            out.add(f"shape {_SHAPES[style.shape]}")
            out.add(f"color {self.kind_colors[kind]}")
            out.close()
            out.close()
        for kind, label in _DEPLOYMENT_KINDS:
            out.open(f"deploymentNode {kind}")
            out.add(f"notation {c4_string(label)}")
            out.close()
        out.open("relationship sync")
        out.add("line solid")
        out.close()
        out.open("relationship async")
        out.add("line dashed")
        out.close()
        for tag, name in self.tags.items():
            color = self.sheet.by_tag.get(tag, {}).get("color")
            if color:
                out.open(f"tag {name}")
                out.add(f"color {_hex6(str(color))}")
                out.close()
            else:
                out.add(f"tag {name}")
        for name, hex_value in self.colors.items():
            out.add(f"color {name} {hex_value}")
        out.close()
        self.out.add()

    # -- model ----------------------------------------------------------------------------------

    def _model(self) -> None:
        out = self.out
        out.open("model")
        for element in self.ws.children_of(None):
            self._element(element)
        # What views draw: the declared relationships and those a data owner or an event implies.
        drawn = self.views.relationships.relationships
        relationships = [r for r in drawn if self._relationship_ok(r)]
        if relationships:
            out.add()
        for relationship in relationships:
            self._relationship(relationship)
        out.close()
        out.add()

    def _element(self, element: Element) -> None:
        out = self.out
        local = self.fqn[element.id].rsplit(".", 1)[-1]
        head = f"{local} = {element.kind} {c4_string(element.name)}"
        out.open(head)
        if element.tags:
            out.add(" ".join("#" + self.tag(t) for t in element.tags))
        if element.description:
            out.add(f"description {c4_string(element.description)}")
        if element.technology:
            out.add(f"technology {c4_string(element.technology)}")
        metadata: list[tuple[str, PropertyValue]] = [("archdoc_id", element.id)]
        if element.external:
            metadata.append(("external", True))
        if element.owner:
            metadata.append(("owner", element.owner))
        if element.data_owner_id:
            metadata.append(("data_owner", element.data_owner_id))
        if element.group:
            metadata.append(("group_path", element.group))
            self.drop("groups: LikeC4's model has none; each element's group is kept in its "
                      "`metadata` and drawn as a `group` of the views")
        self._metadata(metadata, element.properties)
        self._element_style(element)
        for child in self.ws.children_of(element.id):
            self._element(child)
        out.close()

    def _metadata(self, fixed: list[tuple[str, PropertyValue]],
                  properties: dict[str, PropertyValue]) -> None:
        if not fixed and not properties:
            return
        keys = Namespace()
        out = self.out
        out.open("metadata")
        for key, value in fixed:
            out.add(f"{keys.claim(identifier(key))} {_metadata_value(value)}")
        for key, value in properties.items():
            name = keys.claim(identifier(key, "property"))
            if name != key:
                self.drop("property names that are not LikeC4 identifiers, rewritten in "
                          "`metadata`", f"{key} as {name}")
            out.add(f"{name} {_metadata_value(value)}")
        out.close()

    def _element_style(self, element: Element) -> None:
        style = node_style(element.kind, element.external, element.tags, self.sheet)
        base = KIND_STYLES[element.kind]
        lines = []
        shape = _SHAPES.get(style.shape)
        if shape is None:
            self.drop(f"the {style.shape} shape: LikeC4 has none, drawn as a rectangle",
                      element.id)
            shape = "rectangle"
        if shape != _SHAPES[base.shape]:
            lines.append(f"shape {shape}")
        color = self.styled_color(style.tags) or (
            self.external_color if element.external else self.kind_colors[element.kind])
        if color != self.kind_colors[element.kind]:
            lines.append(f"color {color}")
        if style.line != "solid":
            lines.append(f"border {style.line}")
        if (style.border.lower(), style.text.lower()) not in (
                (base.border, base.text), (EXTERNAL_STYLE["border"], EXTERNAL_STYLE["text"])):
            self.drop("border and text colours of styles: LikeC4 derives them from the fill",
                      element.id)
        if style.width != 1:
            self.drop("border widths of styles: LikeC4 has none", element.id)
        if lines:
            self.out.open("style")
            for line in lines:
                self.out.add(line)
            self.out.close()

    def _relationship_ok(self, relationship: Relationship) -> bool:
        elements = self.ws.elements
        source = elements.get(relationship.source_id)
        destination = elements.get(relationship.destination_id)
        if source is None or destination is None:
            if relationship.source_id not in self.ws.nodes:
                self.drop("relationships with an element the model lacks", relationship.id)
            return False
        if source is destination or source.is_ancestor_of(destination) \
                or destination.is_ancestor_of(source):
            self.drop("relationships between an element and its own part (or itself): "
                      "LikeC4 forbids them", relationship.id)
            return False
        return True

    def _relationship(self, r: Relationship) -> None:
        out = self.out
        kind = "async" if r.is_async else "sync"
        head = f"{self.fqn[r.source_id]} -[{kind}]-> {self.fqn[r.destination_id]}"
        if r.description:
            head += " " + c4_string(r.description)
        style = edge_style([r], self.sheet)
        metadata: list[tuple[str, PropertyValue]] = []
        for key in ("operation", "criticality", "access"):
            value = getattr(r, key)
            if value:
                metadata.append((key, value))
        style_lines = []
        color = self.styled_color(style.tags) or (
            self.critical_color if r.criticality == "critical" else None)
        if color is not None:
            style_lines.append(f"color {color}")
        if style.line != ("dashed" if r.is_async else "solid"):
            style_lines.append(f"line {style.line}")
        if style.width != 1:
            self.drop("line widths: LikeC4 has none (critical relationships keep their colour)",
                      r.id)
        if not (r.tags or r.technology or metadata or r.properties or style_lines):
            out.add(head)
            return
        out.open(head)
        if r.tags:
            out.add(" ".join("#" + self.tag(t) for t in r.tags))
        if r.technology:
            out.add(f"technology {c4_string(r.technology)}")
        self._metadata(metadata, r.properties)
        if style_lines:
            out.open("style")
            for line in style_lines:
                out.add(line)
            out.close()
        out.close()

    # -- deployment -----------------------------------------------------------------------------

    def _deployment(self) -> None:
        deployments = [v for v in (self.views[k] for k in self.views.keys())
                       if isinstance(v, DeploymentView)]
        if not deployments:
            return
        out = self.out
        out.open("deployment")
        environments = Namespace()
        relations: list[tuple[str, str, Relationship]] = []
        for view in deployments:
            name = environments.claim(identifier(view.environment_id, "environment"))
            out.open(f"{name} = environment {c4_string(view.title)}")
            if view.description:
                out.add(f"description {c4_string(view.description)}")
            self._metadata([("archdoc_id", view.environment_id)], {})
            scope = Namespace()
            for box in view.roots:
                self._node(box, name, scope)
            out.close()
            for edge in view.edges:
                if edge.between != "nodes":
                    continue
                for r in edge.relationships:
                    relations.append((self.node_fqn[edge.source_id],
                                      self.node_fqn[edge.destination_id], r))
        for source, destination, r in relations:
            head = f"{source} -> {destination}"
            if r.description:
                head += " " + c4_string(r.description)
            if r.technology:
                out.open(head)
                out.add(f"technology {c4_string(r.technology)}")
                out.close()
            else:
                out.add(head)
        out.close()
        out.add()

    def _node(self, box: DeploymentBox, parent: str, scope: Namespace) -> None:
        out = self.out
        name = scope.claim(identifier(box.id.rsplit(".", 1)[-1], "node"))
        fqn = self.node_fqn[box.id] = f"{parent}.{name}"
        out.open(f"{name} = {box.kind} {c4_string(box.name)}")
        if box.tags:
            out.add(" ".join("#" + self.tag(t) for t in box.tags))
        if box.description:
            out.add(f"description {c4_string(box.description)}")
        if box.technology:
            out.add(f"technology {c4_string(box.technology)}")
        fixed: list[tuple[str, PropertyValue]] = [("archdoc_id", box.id)]
        if box.instances:
            fixed.append(("instances", box.instances))
        if box.icon:
            fixed.append(("icon_name", box.icon))
        self._metadata(fixed, dict(box.properties))
        if box.instances:
            out.open("style")
            out.add("multiple true")
            out.close()
        inner = Namespace()
        for child in box.children:
            self._node(child, fqn, inner)
        for container in box.containers:
            if container.container_id not in self.fqn:
                self.drop("deployed containers the model lacks", container.id)
                continue
            local = inner.claim(identifier(container.container_id.rsplit(".", 1)[-1]))
            self.node_fqn[container.id] = f"{fqn}.{local}"
            line = f"{local} = instanceOf {self.fqn[container.container_id]}"
            if container.instances:
                out.open(line)
                self._metadata([("instances", container.instances)], {})
                out.open("style")
                out.add("multiple true")
                out.close()
                out.close()
            else:
                out.add(line)
        out.close()

    # -- views ----------------------------------------------------------------------------------

    def _views(self) -> None:
        out = self.out
        out.open("views")
        names = Namespace()
        for key in self.views.keys():
            view = self.views[key]
            name = names.claim(_view_name(key))
            if isinstance(view, ComputedView):
                self._static_view(view, name)
            elif isinstance(view, SequenceView):
                self._dynamic_view(view, name)
            else:
                self._deployment_view(view, name)
        out.close()

    def _view_head(self, title: str, description: str) -> None:
        self.out.add(f"title {c4_string(title)}")
        if description:
            self.out.add(f"description {c4_string(description)}")

    def _include(self, fqns: Iterable[str], keyword: str = "include") -> None:
        fqns = list(fqns)
        if not fqns:
            return
        if len(fqns) == 1:
            self.out.add(f"{keyword} {fqns[0]}")
            return
        self.out.add(keyword)
        self.out.depth += 1
        for n, fqn in enumerate(fqns):
            self.out.add(fqn + ("," if n < len(fqns) - 1 else ""))
        self.out.depth -= 1

    def _static_view(self, view: ComputedView, name: str) -> None:
        out = self.out
        # `of` is LikeC4's scope, and the first view of an element is where clicking it leads:
        # the containers view of a system, the components view of a container. A context
        # view is about its system, not inside it.
        scope = view.subject_id if view.kind != "context" else None
        of = f" of {self.fqn[scope]}" if scope in self.fqn else ""
        out.open(f"view {name}{of}")
        self._view_head(view.title, view.description)
        inner, _ = view.frames()

        # A LikeC4 group holds only elements with no parent in the view: an element boundary
        # with a group inside is drawn as a group itself (titled as archdoc titles it), and so
        # are the element boundaries around it. The other element boundaries are the elements,
        # included with their parts.
        def holds_group(boundary: ViewBoundary) -> bool:
            return any(child.kind == "group" or holds_group(child)
                       for child in inner.get(boundary.id, []))

        frames = {b.id for b in view.boundaries if b.kind == "group" or holds_group(b)}
        if any(b.kind == "element" and b.id in frames for b in view.boundaries):
            self.drop("element boundaries holding groups: drawn as groups, as LikeC4 groups only "
                      "boxes with no parent in the view", view.key)

        def frame_of(boundary: str | None) -> str | None:
            """The group an element goes in: None when it is in an element's boundary."""
            if boundary is None or boundary in frames:
                return boundary
            return None

        members: dict[str | None, list[str]] = {}
        for node in view.nodes:
            members.setdefault(frame_of(node.boundary), []).append(node.id)
        for boundary in view.boundaries:
            if boundary.id not in frames:
                members.setdefault(frame_of(boundary.parent), []).append(boundary.id)

        def filled(boundary: ViewBoundary) -> bool:
            return bool(members.get(boundary.id)) or any(
                filled(child) for child in inner.get(boundary.id, []) if child.id in frames)

        def emit_group(boundary: ViewBoundary) -> None:
            if not filled(boundary):
                return
            out.open(f"group {c4_string(boundary.title)}")
            self._include(self.fqn[id] for id in members.get(boundary.id, []))
            for child in inner.get(boundary.id, []):
                if child.id in frames:
                    emit_group(child)
            out.close()

        for boundary in inner.get(None, []):
            if boundary.id in frames:
                emit_group(boundary)
        self._include(self.fqn[id] for id in members.get(None, []))
        # LikeC4 would draw an element around its parts that are drawn; the ones drawn as
        # groups must not be.
        self._include((self.fqn[b.id] for b in view.boundaries
                       if b.kind == "element" and b.id in frames), keyword="exclude")
        out.add(f"autoLayout {_DIRECTIONS.get(view.direction, 'TopBottom')}")
        out.close()

    def _dynamic_view(self, view: SequenceView, name: str) -> None:
        out = self.out
        fqns = [self.fqn[p.id] for p in view.participants if p.id in self.fqn]
        if not fqns:
            self.drop("flows without a participant: LikeC4 cannot draw an empty dynamic view",
                      view.key)
            return
        out.open(f"dynamic view {name}")
        self._view_head(view.title, view.description)
        nested = any(b.startswith(a + ".") for a in fqns for b in fqns)
        if nested:
            self.drop("flows with an element and one of its parts: drawn as a LikeC4 dynamic "
                      "diagram, as its sequence variant has no nested participants", view.key)
        elif any(isinstance(m, FlowMessage) for m in walk(view.items)):
            out.add("variant sequence")
        steps = Steps(self, view)
        steps.emit(view.items, parallel=False)
        steps.flush_notes()
        self._include(fqns)
        out.add("autoLayout TopBottom")
        out.close()

    def _deployment_view(self, view: DeploymentView, name: str) -> None:
        out = self.out
        out.open(f"deployment view {name}")
        self._view_head(view.title, view.description)
        # Every node and instance by name: `include env.**` leaves out empty nodes.
        self._include(self.node_fqn[id] for id in [
            *(b.id for b in view.boxes()), *(c.id for c in view.deployed())]
            if id in self.node_fqn)
        out.add(f"autoLayout {_DIRECTIONS.get(view.direction, 'TopBottom')}")
        out.close()




def _hex6(value: str) -> str:
    """``#ABC`` -> ``#aabbcc``: the form every LikeC4 renderer reads."""
    value = value.lower()
    return "#" + "".join(c * 2 for c in value[1:]) if len(value) == 4 else value


def _metadata_value(value: PropertyValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return c4_string(str(value))


def _comment(text: str) -> str:
    return " ".join(text.split())


def _view_name(key: str) -> str:
    """``landscape`` -> ``index`` (LikeC4's default view); ``containers:shop`` ->
    ``containers_shop``; ``view:payments`` -> ``payments``."""
    if key == "landscape":
        return "index"
    kind, _, argument = key.partition(":")
    if kind == "view":
        return identifier(argument, "view")
    return identifier(f"{kind}_{argument}", "view")
