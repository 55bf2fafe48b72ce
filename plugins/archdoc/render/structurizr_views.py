"""The ``views`` block of a Structurizr DSL workspace: every view of archdoc, and the styles.

- the landscape, context, containers and components views are the DSL's ``systemLandscape``,
  ``systemContext``, ``container`` and ``component`` views with ``include *``, which draw what
  archdoc's do;
- a neighbourhood is the view of its element's parent (the landscape for a top-level element)
  with ``include ->element->``: the element and what it uses or is used by;
- a view of the model's own (``ws.view``) lists the elements archdoc draws in it (``include``),
  as the view of the level they need: the landscape when they are people and systems, else a
  ``container`` view (its system, or the system of the first container) or a ``component``
  view (its container, or the container of the first component);
- a flow is a ``dynamic`` view (:mod:`structurizr_dynamic`); an environment a ``deployment``
  view of everything in it;
- ``ws.style`` is an element style of its tag, and a relationship style where it sets a line.

Every view keeps its title, description and direction (``autoLayout``); a view's key is made
from its archdoc key, and a view or flow whose id the key does not spell keeps it in the
property ``archdoc.id``.
"""

from __future__ import annotations

from archdoc.model.ids import slugify
from archdoc.model.workspace import Workspace
from archdoc.render.structurizr_dynamic import DynamicWriter, StructurizrRelationships
from archdoc.render.structurizr_model import Document, ModelWriter
from archdoc.render.structurizr_text import Namespace, view_key
from archdoc.views import ComputedView, DeploymentView, SequenceView, ViewIndex
from archdoc.views.styles import KIND_STYLES

__all__ = ["ViewsWriter"]

_DIRECTIONS = {"TB": "tb", "BT": "bt", "LR": "lr", "RL": "rl"}

_SHAPES = {"box": "Box", "rounded": "RoundedBox", "cylinder": "Cylinder", "person": "Person",
           "queue": "Pipe", "hexagon": "Hexagon", "component": "Component", "folder": "Folder"}

_BUILTIN_STYLES = (("Person", "person"), ("Software System", "system"),
                   ("Container", "container"), ("Component", "component"))
"""Structurizr's tags of every element of a kind, styled as archdoc draws the kind."""


class ViewsWriter:
    def __init__(self, workspace: Workspace, views: ViewIndex, doc: Document,
                 model: ModelWriter) -> None:
        self.ws = workspace
        self.views = views
        self.doc = doc
        self.model = model
        self.ident = model.ident
        self.dynamic = DynamicWriter(workspace, doc, model.ident,
                                     StructurizrRelationships(workspace, model.relationships))
        self.keys = self._keys()

    def _keys(self) -> dict[str, str]:
        """archdoc view key -> Structurizr view key: the model's own views and flows keep their
        ids (claimed first), the built-in views their archdoc keys (``containers-shop``)."""
        names = Namespace()
        keys: dict[str, str] = {}
        order = self.views.keys()
        own = [k for k in order if k.startswith(("view:", "flow:"))]
        for key in own + [k for k in order if k not in own]:
            wanted = view_key(key.partition(":")[2]) if key in own else view_key(key)
            keys[key] = names.claim(wanted)
        return keys

    def write(self) -> None:
        out = self.doc.out
        out.open("views")
        first = True
        for key in self.views.keys():
            view = self.views[key]
            if not first:
                out.add()
            first = False
            if isinstance(view, ComputedView):
                self._static(view)
            elif isinstance(view, SequenceView):
                self._dynamic_view(view)
            else:
                self._deployment(view)
        if not first:
            out.add()
        self._styles()
        out.close()

    # -- one view -------------------------------------------------------------------------------

    def _open(self, head: str, key: str, title: str, description: str, own_id: str,
              write_id: bool = True) -> list[tuple[str, str]]:
        """Opens the view; returns its ``archdoc.id`` property (written unless not
        ``write_id``), if it needs one."""
        s = self.doc.s
        line = f"{head} {s(self.keys[key])}"
        if description:
            line += " " + s(description)
        self.doc.out.open(line)
        self.doc.out.add(f"title {s(title)}")
        fixed = [("archdoc.id", own_id)] if own_id and slugify(self.keys[key]) != own_id else []
        if write_id:
            self.doc.properties(fixed)
        return fixed

    def _static(self, view: ComputedView) -> None:
        out = self.doc.out
        kind = view.kind
        subject = view.subject_id
        if kind == "landscape":
            head = "systemLandscape"
        elif kind == "context":
            head = f"systemContext {self.ident[subject or '']}"
        elif kind == "containers":
            head = f"container {self.ident[subject or '']}"
        elif kind == "components":
            head = f"component {self.ident[subject or '']}"
        elif kind == "neighbourhood":
            head = self._level_head(self.ws.elements[view.key.partition(":")[2]].parent_id)
        else:
            head = self._custom_head(view)
        own_id = view.key.partition(":")[2] if kind == "custom" else ""
        self._open(head, view.key, view.title, view.description, own_id)
        if kind == "neighbourhood":
            out.add(f"include ->{self.ident[view.key.partition(':')[2]]}->")
        elif kind == "custom":
            if view.element_ids:
                out.add("include " + " ".join(self.ident[id] for id in view.element_ids))
        else:
            out.add("include *")
        out.add(f"autoLayout {_DIRECTIONS.get(view.direction, 'tb')}")
        out.close()

    def _level_head(self, scope: str | None) -> str:
        """The view of the level inside ``scope``: the landscape, a system's containers or a
        container's components."""
        if scope is None:
            return "systemLandscape"
        element = self.ws.elements[scope]
        return ("container " if element.kind == "system" else "component ") + self.ident[scope]

    def _custom_head(self, view: ComputedView) -> str:
        elements = self.ws.elements
        kinds = [elements[id].kind for id in view.element_ids]
        scope = elements.get(view.subject_id or "")
        component = next((elements[id] for id in view.element_ids
                          if elements[id].kind == "component"), None)
        if component is not None:
            if scope is None or scope.kind == "system":
                scope = elements[component.parent_id or ""]
            return f"component {self.ident[scope.id]}"
        if scope is not None:
            return ("container " if scope.kind == "system" else "component ") + \
                self.ident[scope.id]
        if all(k in ("person", "system") for k in kinds):
            return "systemLandscape"
        container = next(elements[id] for id in view.element_ids
                         if elements[id].kind not in ("person", "system"))
        return f"container {self.ident[container.parent_id or '']}"

    def _dynamic_view(self, view: SequenceView) -> None:
        out = self.doc.out
        scope = self.dynamic.scope(view)
        head = "dynamic " + (self.ident[scope.id] if scope is not None else "*")
        fixed = self._open(head, view.key, view.title, view.description,
                           view.key.partition(":")[2], write_id=False)
        kinds = self.dynamic.steps(view, scope)
        if kinds:
            fixed.append(("archdoc.steps", " ".join(kinds)))
        self.doc.properties(fixed)
        out.add("autoLayout lr")
        out.close()

    def _deployment(self, view: DeploymentView) -> None:
        out = self.doc.out
        head = f"deployment * {self.ident[view.environment_id]}"
        self._open(head, view.key, view.title, view.description, "")
        out.add("include *")
        out.add(f"autoLayout {_DIRECTIONS.get(view.direction, 'tb')}")
        out.close()

    # -- styles ---------------------------------------------------------------------------------

    def _styles(self) -> None:
        out, s = self.doc.out, self.doc.s
        out.open("styles")
        for tag, kind in _BUILTIN_STYLES:
            style = KIND_STYLES[kind]
            out.open(f"element {s(tag)}")
            if kind == "person":
                out.add("shape Person")
            out.add(f"background {style.fill}")
            out.add(f"stroke {style.border}")
            out.add(f"color {style.text}")
            out.close()
        out.open(f"element {s('Database')}")
        out.add("shape Cylinder")
        out.close()
        out.open(f"element {s('Queue')}")
        out.add("shape Pipe")
        out.close()
        for tag, values in self.views.styles.by_tag.items():
            self._style(tag, values)
        out.close()

    def _style(self, tag: str, values: dict[str, object]) -> None:
        out, s = self.doc.out, self.doc.s
        element = [("background", _hex6(values.get("color"))),
                   ("stroke", _hex6(values.get("border"))),
                   ("color", _hex6(values.get("text"))),
                   ("shape", _SHAPES.get(str(values.get("shape")))),
                   ("border", values.get("line")),
                   ("strokeWidth", values.get("width"))]
        lines = [(k, v) for k, v in element if v is not None]
        if lines:
            out.open(f"element {s(tag)}")
            for keyword, value in lines:
                out.add(f"{keyword} {value}")
            out.close()
        relationship = [("color", _hex6(values.get("color"))), ("style", values.get("line")),
                        ("thickness", values.get("width"))]
        lines = [(k, v) for k, v in relationship if v is not None]
        if any(k in values for k in ("color", "line", "width")):
            out.open(f"relationship {s(tag)}")
            for keyword, value in lines:
                out.add(f"{keyword} {value}")
            out.close()


def _hex6(value: object) -> str | None:
    """``#ABC`` -> ``#aabbcc``: Structurizr takes six digits."""
    if value is None:
        return None
    text = str(value).lower()
    return "#" + "".join(c * 2 for c in text[1:]) if len(text) == 4 else text
