"""D2 sources of computed views: nested containers for boundaries, a sequence diagram per flow.

Pure functions of a computed view. Every key and label is a double-quoted D2 string (escaped:
quotes, backslashes, ``$`` of substitutions, line breaks), so no user text can end a string,
open a block or reference a variable. Keys are the last part of archdoc's ids (a group's: its
label), made unique within their container. An element's look comes from D2 ``classes``: its
kind, ``external``, then one class per styled tag in the order the model declared the styles,
as archdoc merges them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archdoc.model.flows import FlowBlock, FlowItem, FlowMessage, FlowNote
from archdoc.model.views import Style
from archdoc.render.losses import Losses
from archdoc.views.computed import (
    ComputedView,
    DeploymentBox,
    DeploymentView,
    EdgeStyle,
    NodeStyle,
    SequenceView,
    ViewNode,
)
from archdoc.views.styles import EXTERNAL_STYLE, KIND_STYLES, LINE_COLOR, UNKNOWN_STYLE

__all__ = ["D2Source", "d2_source", "d2_string"]

_DIRECTIONS = {"TB": "down", "LR": "right", "BT": "up", "RL": "left"}

_SHAPES = {"box": "rectangle", "rounded": "rectangle", "cylinder": "cylinder",
           "person": "c4-person", "queue": "queue", "hexagon": "hexagon", "folder": "package",
           "component": "rectangle"}
"""D2 has no component shape: a component is a rectangle (its kind is in its label)."""

_DASH = {"solid": 0, "dashed": 5, "dotted": 2}

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "$": "\\$", "\n": "\\n", "\r": "",
                          "\t": "\\t"})


def d2_string(text: str) -> str:
    """A double-quoted D2 string holding ``text`` (line breaks as ``\\n``, no substitution)."""
    return '"' + text.translate(_ESCAPES) + '"'


@dataclass
class D2Source:
    text: str
    dropped: list[str] = field(default_factory=list)


def d2_source(view: ComputedView | SequenceView | DeploymentView,
              styles: list[Style] | None = None) -> D2Source:
    """The D2 source of any view; ``styles`` are the model's ``ws.style`` declarations."""
    writer = _Writer(view, styles or [])
    if isinstance(view, SequenceView):
        writer.sequence(view)
    elif isinstance(view, DeploymentView):
        writer.deployment(view)
    else:
        writer.static(view)
    return D2Source("\n".join(writer.lines) + "\n", writer.losses.lines())


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_KEY_CHARS = re.compile(r"[^\w~-]+")
_HYPHENS = re.compile(r"-{2,}")


def _key_text(text: str) -> str:
    """A D2 key for an id's last part or a label: ``web-app``, ``Back_Core``. D2 refers to an
    actor from inside a group of a sequence diagram only by a key it needs no quotes for, so
    only letters, digits, ``_``, ``~`` and single inner hyphens are kept."""
    key = _HYPHENS.sub("-", _KEY_CHARS.sub("_", text)).strip("-")
    return key or "_"


def _last(id: str) -> str:
    """``shop.web-app`` -> ``web-app``: the key of an element inside its container."""
    return id.rsplit(".", 1)[-1]


class _Keys:
    """Unique keys among the children of one container (``~2``, ``~3``... when taken)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, text: str) -> str:
        wanted = _key_text(text)
        key, n = wanted, 2
        while key in self.taken:
            key, n = f"{wanted}~{n}", n + 1
        self.taken.add(key)
        return d2_string(key)


class _Writer:
    def __init__(self, view: ComputedView | SequenceView | DeploymentView,
                 styles: list[Style]) -> None:
        self.view = view
        self.styles = styles
        self.lines: list[str] = []
        self.depth = 0
        self.losses = Losses()

    def add(self, text: str) -> None:
        self.lines.append("  " * self.depth + text)

    def open(self, text: str) -> None:
        self.add(text + ": {")
        self.depth += 1

    def close(self) -> None:
        self.depth -= 1
        self.add("}")

    def header(self, title: str, description: str) -> None:
        self.add(f"# {' '.join(title.split())}")
        if description:
            self.add(f"# {' '.join(description.split())}")

    # -- classes ----------------------------------------------------------------------------

    def classes(self, kinds: list[str], external: bool, tags: list[str]) -> None:
        """``classes``: the C4 look of each kind drawn, ``external``, and each styled tag."""
        if not (kinds or external or tags):
            return
        self.open("classes")
        for kind in kinds:
            base = KIND_STYLES[kind]
            self.open(d2_string(kind))
            self.add(f"shape: {_SHAPES[base.shape]}")
            self._style(fill=base.fill, stroke=base.border, font=base.text)
            self.close()
        if external:
            self.open(d2_string("external"))
            self._style(fill=EXTERNAL_STYLE["fill"], stroke=EXTERNAL_STYLE["border"],
                        font=EXTERNAL_STYLE["text"])
            self.close()
        merged = self._tag_styles()
        for tag in tags:
            values = merged[tag]
            self.open(d2_string(f"tag:{tag}"))
            shape = values.get("shape")
            if shape:
                self.add(f"shape: {_SHAPES[str(shape)]}")
                if shape == "component":
                    self.losses.add("the component shape: D2 has none, drawn as a rectangle",
                                    tag)
            self._style(
                fill=values.get("color"), stroke=values.get("border"), font=values.get("text"),
                dash=_DASH[str(values["line"])] if "line" in values else None,
                width=values.get("width"), radius=8 if shape == "rounded" else None)
            self.close()
        self.close()

    def _tag_styles(self) -> dict[str, dict[str, object]]:
        merged: dict[str, dict[str, object]] = {}
        for style in self.styles:
            values = style.model_dump(exclude={"tag", "location"}, exclude_none=True)
            merged.setdefault(style.tag, {}).update(values)
        return merged

    def _style(self, *, fill: object = None, stroke: object = None, font: object = None,
               dash: object = None, width: object = None, radius: object = None) -> None:
        values = [("fill", fill), ("stroke", stroke), ("font-color", font)]
        parts = [f"{k}: {d2_string(str(v))}" for k, v in values if v is not None]
        parts += [f"{k}: {v}" for k, v in (("stroke-dash", dash), ("stroke-width", width),
                                           ("border-radius", radius)) if v is not None]
        if parts:
            self.add("style: {" + "; ".join(parts) + "}")

    def class_list(self, kind: str, external: bool, style: NodeStyle) -> str:
        names = [kind] + (["external"] if external else []) + [f"tag:{t}" for t in style.tags]
        return "class: [" + "; ".join(d2_string(n) for n in names) + "]"

    # -- static views -------------------------------------------------------------------------

    def static(self, view: ComputedView) -> None:
        self.header(view.title, view.description)
        self.add(f"direction: {_DIRECTIONS.get(view.direction, 'down')}")
        kinds = [k for k in KIND_STYLES if any(n.kind == k for n in view.nodes)]
        tags = list(dict.fromkeys(t for n in view.nodes for t in n.style.tags))
        self.classes(kinds, any(n.external for n in view.nodes), tags)
        inner, members = view.frames()
        paths: dict[str, str] = {}

        def emit(frame: str | None, prefix: str) -> None:
            keys = _Keys()
            for node in members.get(frame, []):
                key = keys.claim(_last(node.id))
                paths[node.id] = prefix + key
                self.node(node, key)
            for boundary in inner.get(frame, []):
                key = keys.claim(boundary.label if boundary.kind == "group"
                                 else _last(boundary.id))
                self.open(key)
                self.add(f"label: {d2_string(boundary.title)}")
                color = "#8c8496" if boundary.external else "#444444"
                self._style(fill="transparent", stroke=color,
                            dash=2 if boundary.kind == "group" else 5)
                emit(boundary.id, prefix + key + ".")
                self.close()

        emit(None, "")
        for edge in view.edges:
            text = edge.label
            if edge.technology:
                text += ("\n" if text else "") + f"[{edge.technology}]"
            self.edge(paths[edge.source_id], paths[edge.destination_id], text, edge.style)

    def node(self, node: ViewNode, key: str) -> None:
        self.open(key)
        self.add(f"label: {d2_string(_node_label(node))}")
        if node.description:
            self.add(f"tooltip: {d2_string(node.description)}")
        self.add(self.class_list(node.kind, node.external, node.style))
        if node.focus:
            self._style(stroke="#f59e0b", width=3)
        self.close()

    def edge(self, source: str, destination: str, text: str, style: EdgeStyle | None,
             *, dashed: bool = False) -> None:
        head = f"{source} -> {destination}: " + (f"{d2_string(text)} " if text else "")
        color = style.color if style else LINE_COLOR
        line = style.line if style else ("dashed" if dashed else "solid")
        width = style.width if style else 1
        parts = [f"stroke: {d2_string(color)}"]
        if line != "solid":
            parts.append(f"stroke-dash: {_DASH[line]}")
        if width != 1:
            parts.append(f"stroke-width: {width}")
        self.add(head + "{style: {" + "; ".join(parts) + "}}")

    # -- sequence diagrams --------------------------------------------------------------------

    def sequence(self, view: SequenceView) -> None:
        self.header(view.title, view.description)
        self.add("shape: sequence_diagram")
        self.keys = _Keys()
        self.actor: dict[str, str] = {}
        kinds = [k for k in KIND_STYLES if any(p.kind == k for p in view.participants)]
        tags = list(dict.fromkeys(t for p in view.participants if p.style for t in p.style.tags))
        self.classes(kinds, any(p.external for p in view.participants), tags)
        for p in view.participants:
            key = self.keys.claim(_last(p.id))
            self.actor[p.id] = key
            self.open(key)
            kind = p.kind_label + (f": {p.technology}" if p.technology else "")
            self.add(f"label: {d2_string(p.name + chr(10) + '[' + kind + ']')}")
            if p.style is None:
                self._style(fill=UNKNOWN_STYLE.fill, stroke=UNKNOWN_STYLE.border,
                            font=UNKNOWN_STYLE.text, dash=5)
            else:
                self.add(self.class_list(p.kind, p.external, p.style))
            self.close()
        self.notes = 0
        self.groups = 0
        self.items(view.items)

    def items(self, items: list[FlowItem]) -> None:
        for item in items:
            if isinstance(item, FlowMessage):
                text = item.description
                if item.technology:
                    text = f"{text} [{item.technology}]" if text else f"[{item.technology}]"
                self.edge(self.actor[item.source_id], self.actor[item.destination_id], text,
                          None, dashed=item.kind == "reply")
            elif isinstance(item, FlowNote):
                self.note(item.over_ids, item.text)
            elif isinstance(item, FlowBlock):
                words = {"alt": ("alt", "else"), "opt": ("opt", "else"),
                         "loop": ("loop", "else"), "par": ("par", "and")}[item.kind]
                for n, branch in enumerate(item.branches):
                    if not branch.items and not self.actor:
                        continue
                    self.groups += 1
                    word = words[0] if n == 0 else words[1]
                    key = self.keys.claim(f"{word} {self.groups}")
                    self.open(key)
                    label = f"{word} [{branch.label}]" if branch.label else word
                    self.add(f"label: {d2_string(label)}")
                    if branch.items:
                        self.items(branch.items)
                    else:  # an empty group would be drawn as a participant
                        self.note(list(self.actor)[:1], "(nothing)")
                    self.close()

    def note(self, over: list[str], text: str) -> None:
        if not over:
            return
        if len(over) > 1:
            self.losses.add("notes over several participants: D2 puts a note on one; it is "
                            "drawn on the first", self.view.key)
        self.notes += 1
        self.open(f"{self.actor[over[0]]}.{d2_string(f'note {self.notes}')}")
        self.add(f"label: {d2_string(text)}")
        self.add("shape: page")
        self.close()

    # -- deployment -----------------------------------------------------------------------------

    def deployment(self, view: DeploymentView) -> None:
        self.header(view.title, view.description)
        self.add(f"direction: {_DIRECTIONS.get(view.direction, 'down')}")
        paths: dict[str, str] = {}

        def emit(box: DeploymentBox, keys: _Keys, prefix: str) -> None:
            key = keys.claim(_last(box.id))
            paths[box.id] = prefix + key
            self.open(key)
            self.add(f"label: {d2_string(_box_label(box))}")
            tooltip = "\n".join([box.description] * bool(box.description)
                                + [f"{k}: {v}" for k, v in box.properties.items()])
            if tooltip:
                self.add(f"tooltip: {d2_string(tooltip)}")
            if box.is_leaf:
                self._style(fill="#ffffff", stroke="#666666", font="#000000")
            else:
                self._style(fill="transparent", stroke="#666666")
            if box.instances:
                self.add("style.multiple: true")
            inner = _Keys()
            for child in box.children:
                emit(child, inner, paths[box.id] + ".")
            for c in box.containers:
                ckey = inner.claim(_last(c.container_id))
                paths[c.id] = paths[box.id] + "." + ckey
                self.open(ckey)
                label = c.name + "\n[" + ("Container" if c.kind == "container" else
                                          c.kind.capitalize())
                label += (f": {c.technology}]" if c.technology else "]")
                if c.instances:
                    label += f"\n× {c.instances}"
                self.add(f"label: {d2_string(label)}")
                self.add(f"shape: {_SHAPES.get(c.style.shape, 'rectangle')}")
                style = c.style
                self._style(fill=style.fill, stroke=style.border, font=style.text,
                            dash=_DASH[style.line] if style.line != "solid" else None,
                            width=style.width if style.width != 1 else None,
                            radius=8 if style.shape == "rounded" else None)
                if c.instances:
                    self.add("style.multiple: true")
                self.close()
            self.close()

        keys = _Keys()
        for root in view.roots:
            emit(root, keys, "")
        for edge in view.edges:
            self.edge(paths[edge.source_id], paths[edge.destination_id], edge.label, None,
                      dashed=edge.interaction == "async" or edge.between == "nodes")


def _node_label(node: ViewNode) -> str:
    label = f"{node.name}\n[{node.kind_text}]"
    if node.description:
        label += "\n\n" + _shorten(node.description)
    return label


def _box_label(box: DeploymentBox) -> str:
    kind = "Infrastructure" if box.kind == "infrastructure" else "Deployment Node"
    label = f"{box.name}\n[{kind}: {box.technology}]" if box.technology else f"{box.name}\n[{kind}]"
    if box.instances:
        label += f"\n× {box.instances}"
    return label
