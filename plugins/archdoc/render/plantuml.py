"""PlantUML sources of computed views: C4-PlantUML for static and deployment views, sequence
diagrams for flows.

Pure functions of a computed view. The C4 macros are those of C4-PlantUML 1.0.0, the version in
PlantUML's standard library up to 2020 (Debian's plantuml 1.2020.02): ``Person``, ``System``,
``SystemDb``, ``Container``, ``ContainerDb``, ``Component``, ``ComponentDb`` (with their
``_Ext`` forms where they exist), ``System_Boundary``, ``Container_Boundary``, ``Boundary``,
``Rel`` and ``Rel_``; later versions of C4-PlantUML kept them. What that version has no macro
for (dynamic and deployment diagrams, queues, styles by tag) is drawn with plain PlantUML or
listed in :attr:`PlantUml.dropped`.

User text never leaves a quoted label or the end of a message line, and every character PlantUML
gives a meaning to there (quotes, backslashes, creole markup, ``<`` ``>``, ``$`` ``!`` ``%``
``@``, parentheses after a name, underscores that could spell a preprocessor name) is written
as a ``<U+XXXX>`` character reference (``&`` as ``&#38;``). PlantUML decodes those again when
it wraps a line, so an invisible word joiner follows an ``&`` before ``#`` and a ``<`` before
``U``: no text as written ever becomes a reference. Aliases are made from element ids, in
``[a-z0-9_]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archdoc.model.flows import FlowBlock, FlowItem, FlowMessage, FlowNote
from archdoc.views.computed import (
    ComputedView,
    DeployedContainer,
    DeploymentBox,
    DeploymentView,
    EdgeStyle,
    SequenceView,
    ViewBoundary,
    ViewNode,
)

__all__ = ["PlantUml", "render", "static_diagram", "sequence_diagram", "deployment_diagram",
           "plantuml_text", "diagram_name"]

DEFAULT_LINE = "#707070"
"""The colour of an arrow nothing styled (``archdoc.views.styles.LINE_COLOR``)."""


@dataclass
class PlantUml:
    """A PlantUML source and what it could not carry."""

    text: str
    dropped: list[str] = field(default_factory=list)


# -- text ---------------------------------------------------------------------------------------

_KEEP = frozenset(" .,:;?+)")
_DOUBLING = frozenset("-/'[]_")
"""Kept alone, escaped next to one of the same (``--``, ``//``, ``[[``, ``__``) or, for ``/``
and ``'``, next to the other (a block comment's ``/'``)."""


def _char(c: str) -> str:
    return f"<U+{ord(c):04X}>"


def _word_around(text: str, i: int) -> str:
    start = i
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    end = i + 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return text[start:end]


def _line(text: str) -> str:
    out: list[str] = []
    for i, c in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if not c.isascii():
            out.append(c if c.isprintable() else _char(c))
        elif c.isalnum() or c in _KEEP:
            out.append(c)
        elif c == "&":
            # PlantUML decodes `<U+0026>` to `&`, then `&#36;` to `$`, and crashes on it (Java
            # reads `$` in a regex replacement); the entity `&#38;` is decoded once, to `&`.
            # It decodes again when it wraps a line, so an `&` before `#` is followed by an
            # invisible WORD JOINER: `&#36;` as written never becomes an entity.
            out.append("&#38;<U+2060>" if after == "#" else "&#38;")
        elif c == "<" and after in ("U", "u"):
            # the same for `<U+0041>` as written, which a wrapped line would decode to `A`
            out.append("<U+003C><U+2060>")
        elif c == "(":
            # `name(` could call a preprocessor macro (`Person(`, `Rel(`), even inside quotes
            out.append(_char(c) if before.isalnum() or before == "_" else c)
        elif c in _DOUBLING:
            marks = {c} | ({"/", "'"} if c in "/'" else set())
            # an upper-case word with `_` could be a preprocessor name (`LAYOUT_TOP_DOWN`)
            name = c == "_" and any(ch.isupper() for ch in _word_around(text, i))
            out.append(_char(c) if before in marks or after in marks or name else c)
        else:
            out.append(_char(c))
    return "".join(out)


def plantuml_text(text: str) -> str:
    """User text for a PlantUML label or message: shown as written, its line breaks as ``\\n``,
    other runs of white space as one space."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\\n".join(_line(line) for line in lines if line)


def _quoted(text: str) -> str:
    return '"' + plantuml_text(text) + '"'


def diagram_name(key: str) -> str:
    """The ``@startuml`` name of a view, which PlantUML names the image after: the key with
    ``:`` as ``-`` (as the file is named) and ``.`` as ``_`` (PlantUML would cut a dotted
    name at its last dot, so ``neighbourhood-shop.web`` and ``neighbourhood-shop.db`` would
    both draw ``neighbourhood-shop.svg``)."""
    name = key.replace(":", "-").replace("/", "-").replace(".", "_")
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "view"


_KEYWORDS = frozenset("""
    abstract activate actor agent alt as autonumber bottom boundary box break caption card circle
    class cloud collections component control create critical database deactivate destroy diamond
    else end entity enum file folder footer frame group header hide hnote interface is label left
    legend link loop mainframe namespace newpage node note object of on opt over package page par
    participant person queue rectangle ref remove return right rnote scale set show skinparam
    sprite stack state storage title together top url usecase
""".split())
"""PlantUML keywords: no alias is one, so that no line of a diagram starts with a keyword
that is not meant as one (``end``, ``note``, ``title``...)."""


def _aliases(ids: list[str]) -> dict[str, str]:
    """A PlantUML alias per id: the id in ``[a-z0-9_]``, unique, never a keyword, a macro
    parameter (``e_label``...) nor an upper-case preprocessor name."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for id in ids:
        if id in out:
            continue
        base = re.sub(r"[^a-z0-9]+", "_", id.lower()).strip("_") or "e"
        if base[0].isdigit() or base.startswith("e_"):
            base = "x" + base
        if base in _KEYWORDS:
            base += "_"
        alias, n = base, 2
        while alias in used:
            alias, n = f"{base}_{n}", n + 1
        used.add(alias)
        out[id] = alias
    return out


def _colour(value: str) -> str | None:
    """``#rrggbb`` for a hex colour, None for anything else."""
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return value.lower()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value):
        return "#" + "".join(2 * c for c in value[1:]).lower()
    return None


def _arrow(style: EdgeStyle | None, dashed: bool = False) -> str | None:
    """The PlantUML arrow of a styled relationship, None for the plain ``-->`` of ``Rel``."""
    attrs: list[str] = []
    line = style.line if style is not None else ("dashed" if dashed else "solid")
    if style is not None:
        colour = _colour(style.color)
        if colour is not None and colour != DEFAULT_LINE:
            attrs.append(colour)
    if line in ("dashed", "dotted"):
        attrs.append(line)
    if style is not None and style.width != 1:
        attrs.append(f"thickness={style.width}")
    return f"-[{','.join(attrs)}]->" if attrs else None


def _rel(source: str, destination: str, label: str, technology: str, arrow: str | None) -> str:
    """``Rel(...)``, or ``Rel_(..., arrow)`` for a styled one. An empty label is one space
    (C4-PlantUML 1.0.0 would draw ``=``), an empty technology is left out (it would draw
    ``[]``)."""
    args = [source, destination, _quoted(label) if label.strip() else '" "']
    if technology.strip():
        args.append(_quoted(technology))
    if arrow is None:
        return f"Rel({', '.join(args)})"
    return f"Rel_({', '.join(args)}, \"{arrow}\")"


_LAYOUT = {"TB": "top to bottom direction", "BT": "top to bottom direction",
           "LR": "left to right direction", "RL": "left to right direction"}
"""What C4-PlantUML's ``LAYOUT_TOP_DOWN`` and ``LAYOUT_LEFT_RIGHT`` stand for, in PlantUML's
own words: 1.0.0 spells these macros without parentheses, later versions with them, so no
spelling of the macros draws in both."""


def _layout(direction: str, dropped: list[str]) -> str:
    if direction in ("BT", "RL"):
        dropped.append(f"direction {direction}: PlantUML lays diagrams out top-down or "
                       f"left-right only, so these are drawn {'TB' if direction == 'BT' else 'LR'}")
    return _LAYOUT.get(direction, _LAYOUT["TB"])


def _header(name: str, include: str | None, title: str, description: str) -> list[str]:
    lines = [f"@startuml {name}"]
    if include:
        lines.append(f"!include <C4/{include}>")
    lines.append(f"title {plantuml_text(title)}")
    if description.strip():
        lines.append(f"caption {plantuml_text(description)}")
    return lines


# -- static views -------------------------------------------------------------------------------

_CONTAINER_KINDS = ("container", "database", "queue")


def _include(view: ComputedView) -> str:
    kinds = {n.kind for n in view.nodes}
    boundary_kinds = {b.element_kind for b in view.boundaries if b.kind == "element"}
    if "component" in kinds or "component" in boundary_kinds:
        return "C4_Component"
    if kinds & set(_CONTAINER_KINDS) or boundary_kinds & set(_CONTAINER_KINDS):
        return "C4_Container"
    return "C4_Context"


def _element(node: ViewNode, alias: str, dropped: list[str]) -> str:
    name, description, technology = node.name, node.description, node.technology
    cylinder = node.style.shape == "cylinder"
    if node.kind == "person":
        macro = "Person_Ext" if node.external else "Person"
        args = [alias, _quoted(name)]
    elif node.kind == "system":
        macro = ("SystemDb" if cylinder else "System") + ("_Ext" if node.external else "")
        args = [alias, _quoted(name)]
    else:
        if node.kind == "component":
            macro = "ComponentDb" if cylinder else "Component"
        else:
            macro = "ContainerDb" if cylinder else "Container"
            if node.style.shape == "queue":
                dropped.append("queues are drawn as containers: C4-PlantUML 1.0.0 has no "
                               "ContainerQueue")
        if node.external:
            dropped.append("external containers and components are drawn as internal ones: "
                           "C4-PlantUML 1.0.0 has no Container_Ext or Component_Ext")
        args = [alias, _quoted(name), _quoted(technology)]
    if description.strip():
        args.append(_quoted(description))
    if node.style.tags:
        dropped.append("styles by tag (ws.style) of elements, and the legend of tags: "
                       "C4-PlantUML 1.0.0 has no AddElementTag, so elements keep the C4 colours")
    return f"{macro}({', '.join(args)})"


def _boundary(boundary: ViewBoundary, alias: str) -> str:
    label = _quoted(boundary.label)
    if boundary.kind == "group":
        return f"Boundary({alias}, {label})"
    if boundary.element_kind == "system" and not boundary.external:
        return f"System_Boundary({alias}, {label})"
    if boundary.element_kind == "system":
        return f'Boundary({alias}, {label}, "External System")'
    if boundary.element_kind in _CONTAINER_KINDS:
        return f"Container_Boundary({alias}, {label})"
    return f"Boundary({alias}, {label}, {_quoted(boundary.element_kind.title())})"


def static_diagram(view: ComputedView) -> PlantUml:
    """A C4-PlantUML context, container or component diagram of a static view."""
    dropped: list[str] = []
    alias = _aliases([n.id for n in view.nodes] + [b.id for b in view.boundaries])
    lines = _header(diagram_name(view.key), _include(view), view.title, view.description)
    lines += [_layout(view.direction, dropped), "LAYOUT_WITH_LEGEND()", ""]
    inner, members = view.frames()

    def emit(frame: str | None, indent: str) -> None:
        for node in members.get(frame, []):
            lines.append(indent + _element(node, alias[node.id], dropped))
        for boundary in inner.get(frame, []):
            lines.append(f"{indent}{_boundary(boundary, alias[boundary.id])} {{")
            emit(boundary.id, indent + "  ")
            lines.append(f"{indent}}}")

    emit(None, "")
    if view.edges:
        lines.append("")
    for edge in view.edges:
        lines.append(_rel(alias[edge.source_id], alias[edge.destination_id], edge.label,
                          edge.technology, _arrow(edge.style, edge.interaction == "async")))
    if any(e.style is not None and e.style.tags for e in view.edges):
        dropped.append("the legend of relationship styles by tag (ws.style): C4-PlantUML 1.0.0 "
                       "has no AddRelTag; the colours and lines themselves are carried")
    lines.append("@enduml")
    return PlantUml("\n".join(lines) + "\n", list(dict.fromkeys(dropped)))


# -- flows --------------------------------------------------------------------------------------

_PARTICIPANT = {"person": "actor", "database": "database", "queue": "queue"}
_BLOCK_WORDS = {"alt": ("alt", "else"), "opt": ("opt", "else"), "loop": ("loop", "else"),
                "par": ("par", "else")}


def sequence_diagram(view: SequenceView) -> PlantUml:
    """A flow as a PlantUML sequence diagram: numbered steps, dashed replies, notes, and
    ``alt``/``opt``/``loop``/``par`` groups (C4-PlantUML 1.0.0 has no dynamic diagram)."""
    alias = _aliases([p.id for p in view.participants])
    order = {p.id: i for i, p in enumerate(view.participants)}
    lines = _header(diagram_name(view.key), None, view.title, view.description)
    lines += ["autonumber", ""]
    for p in view.participants:
        kind = p.kind_label + (f": {p.technology}" if p.technology else "")
        if p.external and p.kind == "system":
            kind = "External " + kind
        label = plantuml_text(p.name) + "\\n<size:10>" + plantuml_text(f"[{kind}]") + "</size>"
        lines.append(f'{_PARTICIPANT.get(p.kind, "participant")} "{label}" as {alias[p.id]}')
    lines.append("")

    def items(entries: list[FlowItem], indent: str) -> None:
        for item in entries:
            if isinstance(item, FlowMessage):
                arrow = "-->" if item.kind == "reply" else "->"
                text = item.description
                if item.technology:
                    text = f"{text} [{item.technology}]" if text else f"[{item.technology}]"
                message = plantuml_text(text)
                lines.append(f"{indent}{alias[item.source_id]} {arrow} {alias[item.destination_id]}"
                             + (f" : {message}" if message else ""))
            elif isinstance(item, FlowNote):
                over = sorted(dict.fromkeys(item.over_ids), key=order.__getitem__)
                span = alias[over[0]] + (f", {alias[over[-1]]}" if len(over) > 1 else "")
                lines.append(f"{indent}note over {span} : {plantuml_text(item.text) or ' '}")
            elif isinstance(item, FlowBlock):
                first, other = _BLOCK_WORDS[item.kind]
                for n, branch in enumerate(item.branches):
                    word = first if n == 0 else other
                    lines.append(f"{indent}{word} {plantuml_text(branch.label)}".rstrip())
                    items(branch.items, indent + "  ")
                lines.append(f"{indent}end")

    items(view.items, "")
    lines.append("@enduml")
    return PlantUml("\n".join(lines) + "\n")


# -- deployment ---------------------------------------------------------------------------------


def _box_label(box: DeploymentBox) -> str:
    kind = "Infrastructure Node" if box.kind == "infrastructure" else "Deployment Node"
    kind += f": {box.technology}" if box.technology else ""
    parts = ["==" + plantuml_text(box.name),
             "//<size:12>" + plantuml_text(f"[{kind}]") + "</size>//"]
    if box.instances:
        parts.append(plantuml_text(f"× {box.instances}"))
    if box.description.strip():
        parts += ["", plantuml_text(box.description)]
    return '"' + "\\n".join(parts) + '"'


def _deployed(container: DeployedContainer, alias: str, dropped: list[str]) -> str:
    macro = "ContainerDb" if container.style.shape == "cylinder" else "Container"
    if container.style.shape == "queue":
        dropped.append("queues are drawn as containers: C4-PlantUML 1.0.0 has no ContainerQueue")
    if container.style.tags:
        dropped.append("styles by tag (ws.style) of elements, and the legend of tags: "
                       "C4-PlantUML 1.0.0 has no AddElementTag, so elements keep the C4 colours")
    description = " ".join(container.description.split())
    if container.instances:
        description = f"× {container.instances}" + (f"\n{description}" if description else "")
    args = [alias, _quoted(container.name), _quoted(container.technology)]
    if description:
        args.append(_quoted(description))
    return f"{macro}({', '.join(args)})"


def deployment_diagram(view: DeploymentView) -> PlantUml:
    """An environment as a PlantUML deployment diagram: nested ``node`` frames (C4-PlantUML
    1.0.0 has no Deployment_Node) holding the C4 containers deployed on them."""
    dropped: list[str] = []
    boxes = view.boxes()
    deployed = view.deployed()
    alias = _aliases([b.id for b in boxes] + [c.id for c in deployed])
    lines = _header(diagram_name(view.key), "C4_Container", view.title, view.description)
    lines += [_layout(view.direction, dropped), ""]

    def emit(box: DeploymentBox, indent: str) -> None:
        if box.properties:
            dropped.append("properties of deployment nodes (the site lists them)")
        if box.icon:
            dropped.append("icons of deployment nodes")
        if box.is_leaf:
            lines.append(f"{indent}node {_box_label(box)} as {alias[box.id]}")
            return
        lines.append(f"{indent}node {_box_label(box)} as {alias[box.id]} {{")
        for child in box.children:
            emit(child, indent + "  ")
        for container in box.containers:
            lines.append(indent + "  " + _deployed(container, alias[container.id], dropped))
        lines.append(f"{indent}}}")

    for root in view.roots:
        emit(root, "")
    if view.edges:
        lines.append("")
    for edge in view.edges:
        dashed = edge.interaction == "async" or edge.between == "nodes"
        lines.append(_rel(alias[edge.source_id], alias[edge.destination_id], edge.label,
                          edge.technology, "-[dashed]->" if dashed else None))
    lines.append("@enduml")
    return PlantUml("\n".join(lines) + "\n", list(dict.fromkeys(dropped)))


def render(view: ComputedView | SequenceView | DeploymentView) -> PlantUml:
    """The PlantUML source of any view."""
    if isinstance(view, SequenceView):
        return sequence_diagram(view)
    if isinstance(view, DeploymentView):
        return deployment_diagram(view)
    return static_diagram(view)
