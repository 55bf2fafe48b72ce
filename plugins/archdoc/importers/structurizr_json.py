"""The Structurizr JSON workspace (what the Structurizr CLI exports and its server stores).

The JSON holds the model as the DSL left it, with two differences that matter here: implied
relationships and relationships between deployed instances are written out (each with a
``linkedRelationshipId``; archdoc derives both, so they are left out), and views list the elements
they ended up with rather than the expressions that chose them. A view that lists exactly what
``include *`` would give is archdoc's built-in view of its scope; other views say ``"*"`` plus
or minus the difference, or list their elements. Statements are written in the order of the
elements' ids, which is the order they were declared in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from archdoc.importers.dsl_views import element_style, relationship_style, unique_id
from archdoc.importers.plan import (
    ImportSourceError,
    PDeploy,
    PElement,
    PEnvironment,
    PFlow,
    Plan,
    PNode,
    PParallel,
    PRelationship,
    PStep,
    PView,
    Selector,
    Statement,
    element_id,
)
from archdoc.model.ids import slugify
from archdoc.source import SourceLocation

__all__ = ["read_workspace_json"]

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DIRECTIONS = {"TopBottom": "", "BottomTop": "BT", "LeftRight": "LR", "RightLeft": "RL"}


def _number(id: str) -> tuple[int, str]:
    return (int(id), "") if id.isdigit() else (1 << 62, id)


class _JsonReader:
    def __init__(self, path: Path, text: str, keep_ids: bool) -> None:
        self.path = path
        self.keep_ids = keep_ids
        self.lines: dict[str, int] = {}
        for match in re.finditer(r'"id"\s*:\s*"?([^",}\s]+)"?', text):
            self.lines.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
        self.keys = {m.group(1): text.count("\n", 0, m.start()) + 1
                     for m in re.finditer(r'"key"\s*:\s*"((?:[^"\\]|\\.)*)"', text)}
        self.tags = {m.group(1): text.count("\n", 0, m.start()) + 1
                     for m in re.finditer(r'"tag"\s*:\s*"((?:[^"\\]|\\.)*)"', text)}
        self.plan = Plan(name="Workspace", source=path.name)
        self.by_id: dict[str, Any] = {}
        self.ordered: list[tuple[tuple[int, str], int, Statement]] = []
        self.environments: dict[str, PEnvironment] = {}
        self.separator = ""
        self.counter = 0

    def at(self, id: object) -> SourceLocation:
        return SourceLocation(str(self.path), self.lines.get(str(id), 1))

    def note(self, id: object, message: str) -> None:
        self.plan.note(self.at(id), message)

    def add(self, id: str, statement: Statement) -> None:
        self.counter += 1
        self.ordered.append((_number(id), self.counter, statement))

    # -- model -----------------------------------------------------------------------------------

    def read(self, data: dict[str, Any]) -> Plan:
        self.plan.name = data.get("name") or "Workspace"
        self.plan.description = data.get("description") or ""
        model = data.get("model") or {}
        self.separator = (model.get("properties") or {}).get("structurizr.groupSeparator", "")
        for person in model.get("people") or []:
            self.element(person, "person", None)
        for system in model.get("softwareSystems") or []:
            element = self.element(system, "system", None)
            for container in system.get("containers") or []:
                child = self.element(container, "container", element)
                for component in container.get("components") or []:
                    self.element(component, "component", child)
        for custom in model.get("customElements") or []:
            self.by_id[str(custom.get("id"))] = None
            self.note(
                custom.get("id"), f"custom element {custom.get('name')!r} is not carried over"
            )
        first: dict[str, tuple[int, str]] = {}  # each environment before its first node
        for node in model.get("deploymentNodes") or []:
            for inner in _all_nodes(node):
                env = inner.get("environment") or "Default"
                first[env] = min(first.get(env, _number(str(inner.get("id")))),
                                 _number(str(inner.get("id"))))
        for name, number in first.items():
            environment = PEnvironment(name, self.at(number[1] or number[0]))
            self.environments[name] = environment
            self.counter += 1
            self.ordered.append((number, -self.counter, environment))
        for node in model.get("deploymentNodes") or []:
            self.node(node, None)
        self.relationships(model)
        self.docs(data, "the workspace")
        for _, _, statement in sorted(self.ordered, key=lambda t: (t[0], t[1])):
            self.plan.add(statement)
        self.views(data.get("views") or {})
        return self.plan

    def docs(self, holder: dict[str, Any], what: str) -> None:
        documentation = holder.get("documentation") or {}
        if documentation.get("sections") or documentation.get("decisions"):
            self.note(holder.get("id"), f"the documentation and decisions of {what} are not "
                      "carried over; keep them as pages and ADRs of the site")

    def element(self, data: dict[str, Any], kind: str, parent: PElement | None) -> PElement:
        id = str(data.get("id"))
        name = data.get("name") or ""
        if not name:
            raise ImportSourceError(f"element {id} has no name", location=self.at(id),
                                    hint="every element of the workspace needs a name")
        element = PElement(kind, name, self.at(id), parent=parent)  # type: ignore[arg-type]
        element.description = data.get("description") or ""
        element.technology = data.get("technology") or ""
        element.tags = [t.strip() for t in (data.get("tags") or "").split(",") if t.strip()]
        properties = dict(data.get("properties") or {})
        identifier = properties.pop("structurizr.dsl.identifier", "")
        element.properties = {str(k): str(v) for k, v in properties.items()}
        if data.get("url"):
            element.properties["url"] = data["url"]
        for perspective in data.get("perspectives") or []:
            element.properties[f"perspective.{perspective.get('name')}"] = \
                perspective.get("description") or ""
            if perspective.get("value"):
                element.properties[f"perspective.{perspective.get('name')}.value"] = \
                    perspective["value"]
        if data.get("location") == "External":
            element.external = True
        if data.get("group"):
            group = data["group"]
            element.group = "/".join(group.split(self.separator)) if self.separator else group
        own = identifier.split(".")[-1] if identifier and not _UUID.match(identifier) else ""
        if own:
            element.var_hint = own
            if self.keep_ids and own.lower() != slugify(name):
                element.id = own.lower()
        self.by_id[id] = element
        self.add(id, element)
        self.docs(data, repr(name))
        return element

    def node(self, data: dict[str, Any], parent: PNode | None,
             kind: str = "node") -> None:
        id = str(data.get("id"))
        environment = self.environments[data.get("environment") or "Default"]
        node = PNode(kind, data.get("name") or "", environment, self.at(id),  # type: ignore[arg-type]
                     parent=parent)
        node.description = data.get("description") or ""
        node.technology = data.get("technology") or ""
        node.tags = [t.strip() for t in (data.get("tags") or "").split(",") if t.strip()
                     and t.strip().lower() not in ("element", "deployment node",
                                                   "infrastructure node")]
        properties = dict(data.get("properties") or {})
        properties.pop("structurizr.dsl.identifier", None)
        node.properties = {str(k): str(v) for k, v in properties.items()}
        count = str(data.get("instances") or "1").strip()
        if count.isdigit():
            node.instances = int(count) if count != "1" else None
        elif re.fullmatch(r"\d+\.\.\d+", count):
            node.instances = count
        else:
            self.note(id, f"instances {count!r} is not carried over: archdoc needs a number or "
                      'a range such as "2..10"')
        self.by_id[id] = node
        self.add(id, node)
        for child in data.get("children") or []:
            self.node(child, node)
        for infrastructure in data.get("infrastructureNodes") or []:
            self.node(infrastructure, node, "infrastructure")
        for instance in data.get("containerInstances") or []:
            container = self.by_id.get(str(instance.get("containerId")))
            self.by_id[str(instance.get("id"))] = node
            if isinstance(container, PElement):
                self.add(str(instance.get("id")), PDeploy(node, container, self.at(instance["id"])))
        for instance in data.get("softwareSystemInstances") or []:
            system = self.by_id.get(str(instance.get("softwareSystemId")))
            self.by_id[str(instance.get("id"))] = node
            if not isinstance(system, PElement):
                continue
            containers = [s for _, _, s in self.ordered
                          if isinstance(s, PElement) and s.parent is system]
            if not containers:
                self.note(instance.get("id"), f"the instance of {system.name!r} is not carried "
                          "over: archdoc deploys containers, and it has none")
            else:
                self.note(instance.get("id"), f"the instance of {system.name!r}: each of its "
                          f"containers is deployed on {node.name!r}")
            for container in containers:
                self.add(str(instance.get("id")), PDeploy(node, container, self.at(instance["id"])))

    def relationships(self, model: dict[str, Any]) -> None:
        holders: list[dict[str, Any]] = []

        def collect(items: list[dict[str, Any]], *children: str) -> None:
            for item in items or []:
                holders.append(item)
                for key in children:
                    collect(item.get(key) or [], *children)

        collect(model.get("people") or [])
        collect(model.get("customElements") or [])
        collect(model.get("softwareSystems") or [], "containers", "components")
        collect(model.get("deploymentNodes") or [], "children", "infrastructureNodes",
                "containerInstances", "softwareSystemInstances")
        self.all: dict[str, dict[str, Any]] = {}
        for holder in holders:
            for data in holder.get("relationships") or []:
                self.all[str(data.get("id"))] = data
                if data.get("linkedRelationshipId"):
                    continue  # implied, or between deployed instances: archdoc derives these
                self.relationship(data)

    def relationship(self, data: dict[str, Any]) -> None:
        id = str(data.get("id"))
        source = self.by_id.get(str(data.get("sourceId")))
        destination = self.by_id.get(str(data.get("destinationId")))
        if source is None or destination is None:
            self.note(id, f"the relationship {id} with a custom element is not carried over")
            return
        if isinstance(source, PNode) != isinstance(destination, PNode):
            self.note(id, f"the relationship {id} between a deployment node and an element is "
                      "not carried over")
            return
        if source is destination:
            return
        relationship = PRelationship(source, destination, self.at(id))
        relationship.description = data.get("description") or ""
        relationship.technology = data.get("technology") or ""
        relationship.tags = [t.strip() for t in (data.get("tags") or "").split(",") if t.strip()]
        if data.get("interactionStyle") == "Asynchronous":
            relationship.interaction = "async"
        properties = dict(data.get("properties") or {})
        properties.pop("structurizr.dsl.identifier", None)
        relationship.properties = {str(k): str(v) for k, v in properties.items()}
        if data.get("url"):
            relationship.properties["url"] = data["url"]
        if isinstance(source, PNode):
            relationship.tags, relationship.properties = [], {}
        self.add(id, relationship)

    # -- views -----------------------------------------------------------------------------------

    def views(self, views: dict[str, Any]) -> None:
        kinds = [("systemLandscapeViews", "landscape"), ("systemContextViews", "context"),
                 ("containerViews", "container"), ("componentViews", "component"),
                 ("dynamicViews", "dynamic"), ("deploymentViews", "deployment")]
        found = [(view.get("order") or 0, n, kind, view)
                 for key, kind in kinds for n, view in enumerate(views.get(key) or [])]
        taken: set[str] = set()
        flows: set[str] = set()
        for _, _, kind, view in sorted(found, key=lambda t: (t[0], t[1])):
            if kind == "dynamic":
                self.dynamic(view, flows)
            elif kind == "deployment":
                environment = self.environments.get(view.get("environment") or "")
                key = slugify(environment.name) if environment else "?"
                self.plan.note(self.view_at(view), f"the deployment view {view.get('key')!r} is "
                               f"archdoc's built-in view deployment:{key}")
            else:
                self.static(view, kind, taken)
        for key in ("filteredViews", "customViews", "imageViews"):
            for view in views.get(key) or []:
                self.plan.note(self.view_at(view), f"the view {view.get('key')!r} ({key[:-5]}) "
                               "is not carried over: define it with ws.view(...)")
        styles = (views.get("configuration") or {}).get("styles") or {}
        for kind, items in (("element", styles.get("elements")),
                            ("relationship", styles.get("relationships"))):
            for style in items or []:
                tag = str(style.get("tag"))
                at = SourceLocation(str(self.path), self.tags.get(tag, 1))
                settings = [(k.lower(), str(v).lower() if isinstance(v, bool) else str(v), at)
                            for k, v in style.items() if k != "tag"]
                (element_style if kind == "element" else relationship_style)(
                    self.plan, tag, settings, at)

    def view_at(self, view: dict[str, Any]) -> SourceLocation:
        return SourceLocation(str(self.path), self.keys.get(str(view.get("key")), 1))

    def _static_relationships(self) -> list[tuple[Any, Any]]:
        return [
            (self.by_id.get(str(r.get("sourceId"))), self.by_id.get(str(r.get("destinationId"))))
            for r in self.all.values()
        ]

    def star(self, kind: str, scope: PElement | None) -> list[PElement]:
        """What ``include *`` puts in a view of this kind and scope."""
        elements = [s for _, _, s in self.ordered if isinstance(s, PElement)]
        pairs = [(a, b) for a, b in self._static_relationships()
                 if isinstance(a, PElement) and isinstance(b, PElement)]
        if kind == "landscape":
            return [e for e in elements if e.kind in ("person", "system")]
        inner = [scope] if kind == "context" and scope is not None else \
            [e for e in elements if e.parent is scope]
        allowed = ("person", "system") if kind != "component" else ("person", "system",
                                                                   "container")
        chosen = list(inner)
        for a, b in pairs:
            for one, other in ((a, b), (b, a)):
                if one in inner and other not in chosen and other.kind in allowed \
                        and other is not scope and (kind != "component" or other.kind != "container"
                                                    or other.parent is scope.parent):  # type: ignore[union-attr]
                    chosen.append(other)
        return chosen

    def static(self, view: dict[str, Any], kind: str, taken: set[str]) -> None:
        at = self.view_at(view)
        scope = self.by_id.get(str(view.get("softwareSystemId" if kind in ("context", "container")
                                            else "containerId")))
        if kind != "landscape" and not isinstance(scope, PElement):
            self.plan.note(at, f"the view {view.get('key')!r} has no scope in the model and is "
                           "not carried over")
            return
        found = [self.by_id.get(str(e.get("id"))) for e in view.get("elements") or []]
        drawn = [e for e in found if isinstance(e, PElement)]
        star = self.star(kind, scope if kind != "landscape" else None)
        direction = _DIRECTIONS.get(
            (view.get("automaticLayout") or {}).get("rankDirection", ""), ""
        )
        label = f"the view {view.get('key')!r}"
        if set(map(id, drawn)) == set(map(id, star)):
            builtin = {"landscape": "landscape", "context": "context:", "container": "containers:",
                       "component": "components:"}[kind]
            if isinstance(scope, PElement) and kind != "landscape":
                builtin += element_id(scope)
            self.plan.note(at, f"{label} is archdoc's built-in view {builtin}")
            return
        name = view.get("title") or view.get("description") or view.get("key") or "View"
        result = PView(name, at, direction=direction)
        if view.get("title") and view.get("description"):
            result.description = view["description"]
        if kind in ("container", "component"):
            result.of = scope
        extra = [e for e in drawn if e not in star]
        missing = [e for e in star if e not in drawn]
        if len(extra) + len(missing) < len(drawn):
            include: list[Selector] = ["*", *extra]
            if kind == "context":
                result.around, include = scope, list(extra)
            result.include, result.exclude = include, list(missing)
        else:
            result.include = list(drawn)
        result.id = unique_id(slugify(str(view.get("key") or name)), taken)
        if result.include or result.around:
            self.plan.add(result)

    def dynamic(self, view: dict[str, Any], flows: set[str]) -> None:
        at = self.view_at(view)
        name = view.get("title") or view.get("description") or view.get("key") or "Dynamic view"
        flow = PFlow(name, at)
        if view.get("title") and view.get("description"):
            flow.description = view["description"]
        flow.id = unique_id(slugify(str(view.get("key") or name)), flows)
        steps: list[tuple[str, PStep]] = []
        for item in view.get("relationships") or []:
            data = self.all.get(str(item.get("id")))
            if data is None:
                continue
            source = self.by_id.get(str(data.get("sourceId")))
            destination = self.by_id.get(str(data.get("destinationId")))
            if not isinstance(source, PElement) or not isinstance(destination, PElement):
                self.plan.note(at, f"a step of the view {view.get('key')!r} with an element "
                               "that is not carried over is left out")
                continue
            response = bool(item.get("response"))
            if response:
                source, destination = destination, source
            description = item.get("description") or data.get("description") or ""
            steps.append((str(item.get("order") or ""),
                          PStep("reply" if response else "step", source, destination, at,
                                description, "")))
        steps.sort(key=lambda s: _order_key(s[0]))
        items: list[PStep | PParallel] = []
        previous = None
        for order, step in steps:
            if order and order == previous and items:
                last = items[-1]
                if isinstance(last, PParallel):
                    last.branches.append([step])
                else:
                    items[-1] = PParallel([[last], [step]], at)
            else:
                items.append(step)
            previous = order
        flow.items = list(items)
        self.plan.add(flow)


def _all_nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    found = [node]
    for child in (node.get("children") or []) + (node.get("infrastructureNodes") or []):
        found += _all_nodes(child)
    return found


def _order_key(order: str) -> tuple[Any, ...]:
    parts = re.findall(r"\d+|[^\d.]+", order)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def read_workspace_json(path: Path, *, keep_ids: bool = True) -> tuple[Plan, dict[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ImportSourceError(f"cannot read {path}: {exc.strerror or exc}",
                                hint="check the path of the workspace file") from None
    except UnicodeDecodeError:
        raise ImportSourceError(
            f"{path.name} is not UTF-8 text",
            location=SourceLocation(str(path), 1),
            hint="save the file as UTF-8",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportSourceError(
            f"{path.name} is not valid JSON: {exc.msg}",
            location=SourceLocation(str(path), exc.lineno),
            hint="export the workspace again, or fix the JSON at this line",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("model", {}), dict):
        raise ImportSourceError(f"{path.name} is not a Structurizr workspace",
                                location=SourceLocation(str(path), 1),
                                hint='a workspace is an object with "model" and "views"')
    reader = _JsonReader(path, text, keep_ids)
    return reader.read(data), {}
