"""The model package of an import: a :class:`~archdoc.importers.plan.Plan` as Python a person
writes.

One variable per element, node and environment; the calls of archdoc's public API in the plan's
order. A small model is one ``__init__.py``; a large one is split into modules at its top-level
blocks (the context, each system with its insides, runs of relationships, the deployment, the
flows, the views), each importing only from the modules before it, so the declaration order is
the order of the source.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from archdoc.importers.naming import Names, python_name, string_literal
from archdoc.importers.plan import (
    Children,
    FlowItem,
    PDeploy,
    PElement,
    PEnvironment,
    PFlow,
    Plan,
    PNode,
    PParallel,
    PRelationship,
    PStep,
    PStyle,
    PView,
    Selector,
    Statement,
    element_id,
    node_id,
)
from archdoc.importers.pycode import Arg, Raw, call_lines
from archdoc.model.ids import slugify

__all__ = ["write_model", "SPLIT_ABOVE"]

SPLIT_ABOVE = 200
"""A model with more elements than this is written as several modules."""

_FACTORY = {"person": "person", "system": "system", "container": "container",
            "database": "database", "queue": "queue", "component": "component"}


def write_model(plan: Plan, *, tool: str, split_above: int = SPLIT_ABOVE) -> dict[str, str]:
    """The files of the package: ``{"__init__.py": source, ...}``."""
    _assign_names(plan)
    if len(plan.elements()) <= split_above:
        body = _Module("__init__")
        for statement in plan.statements:
            body.add(statement)
        header = [
            _docstring(plan, tool),
            "",
            "from archdoc import Workspace",
            "",
            *_workspace(plan),
        ]
        return {"__init__.py": "\n".join(header + body.render()) + "\n"}
    return _split(plan, tool)


# -- names ----------------------------------------------------------------------------------------


def _base_name(statement: PElement | PEnvironment | PNode) -> str:
    fallback = statement.kind if not isinstance(statement, PEnvironment) else "environment"
    return python_name(statement.var_hint or statement.name, fallback=fallback)


def _assign_names(plan: Plan) -> None:
    """One variable each; a name that several children share (``api`` in two systems) is
    qualified by the parent's everywhere (``billing_api``, ``shop_api``), not only the second
    time."""
    named = [s for s in plan.statements if isinstance(s, (PElement, PEnvironment, PNode))]
    counts: dict[str, int] = {}
    for statement in named:
        counts[_base_name(statement)] = counts.get(_base_name(statement), 0) + 1
    names = Names()
    for statement in named:
        base = _base_name(statement)
        parent = statement.parent if not isinstance(statement, PEnvironment) else None
        qualifier = parent.var if parent is not None else (
            statement.environment.var if isinstance(statement, PNode) else "")
        if counts[base] > 1 and qualifier:
            base = f"{qualifier}_{base}"
        statement.var = names.claim(base, qualifier=qualifier)


# -- one statement ---------------------------------------------------------------------------------


def _docstring(plan: Plan, tool: str) -> str:
    text = f"The {plan.name} architecture, imported from {plan.source} by `{tool}`."
    escaped = string_literal(text)[1:-1]  # backslashes, quotes and control characters escaped
    lines = textwrap.wrap(escaped, width=93, break_long_words=False, break_on_hyphens=False)
    return '"""' + "\n".join(lines) + '"""'


def _workspace(plan: Plan) -> list[str]:
    args = [Arg(plan.name)]
    if plan.description:
        args.append(Arg(plan.description))
    return call_lines("ws = Workspace", args)


def _opt(args: list[Arg], name: str, value: object, default: object = "") -> None:
    if value != default and value not in (None, [], {}):
        args.append(Arg(value, name))  # type: ignore[arg-type]


def _element(e: PElement) -> list[str]:
    target = e.parent.var if e.parent else "ws"
    args = [Arg(e.name)]
    if e.description:
        args.append(Arg(e.description))
    _opt(args, "technology", e.technology)
    if e.kind == "system" and e.external and not (e.parent and e.parent.external):
        args.append(Arg(True, "external"))
    if e.data_owner is not None:
        args.append(Arg(Raw(e.data_owner.var), "owner"))
    elif e.kind != "component" and e.kind != "person":
        _opt(args, "owner", e.owner)
    _opt(args, "group", e.group)
    _opt(args, "tags", list(e.tags))
    _opt(args, "properties", dict(e.properties))
    if e.id is not None and e.id != slugify(e.name):
        args.append(Arg(e.id, "id"))
    return call_lines(f"{e.var} = {target}.{_FACTORY[e.kind]}", args)


def _relationship(r: PRelationship) -> list[str]:
    args = [Arg(Raw(r.destination.var))]
    if r.description:
        args.append(Arg(r.description))
    _opt(args, "technology", r.technology)
    if isinstance(r.source, PElement):
        _opt(args, "operation", r.operation)
        _opt(args, "interaction", r.interaction, "sync")
        _opt(args, "criticality", r.criticality, None)
        _opt(args, "access", r.access, None)
        _opt(args, "tags", list(r.tags))
        _opt(args, "properties", dict(r.properties))
    return call_lines(f"{r.source.var}.uses", args)


def _environment(e: PEnvironment) -> list[str]:
    args = [Arg(e.name)]
    if e.description:
        args.append(Arg(e.description))
    if e.id is not None and e.id != slugify(e.name):
        args.append(Arg(e.id, "id"))
    return call_lines(f"{e.var} = ws.environment", args)


def _node(n: PNode) -> list[str]:
    target = n.parent.var if n.parent else n.environment.var
    args = [Arg(n.name)]
    if n.description:
        args.append(Arg(n.description))
    _opt(args, "technology", n.technology)
    _opt(args, "instances", n.instances, None)
    _opt(args, "icon", n.icon)
    _opt(args, "tags", list(n.tags))
    _opt(args, "properties", dict(n.properties))
    if n.id is not None:
        derived = PNode(n.kind, n.name, n.environment, None, parent=n.parent)
        if n.id != node_id(derived):
            args.append(Arg(n.id, "id"))
    return call_lines(f"{n.var} = {target}.{n.kind}", args)


def _deploy(d: PDeploy) -> list[str]:
    args = [Arg(Raw(d.container.var))]
    _opt(args, "instances", d.instances, None)
    return call_lines(f"{d.node.var}.deploy", args)


def _flow(flow: PFlow) -> list[str]:
    args = [Arg(flow.name)]
    if flow.description:
        args.append(Arg(flow.description))
    if flow.id is not None and flow.id != slugify(flow.name):
        args.append(Arg(flow.id, "id"))
    if not flow.items:
        return call_lines("ws.flow", args)
    lines = call_lines("with ws.flow", args, suffix=" as f:")
    lines.extend(_flow_items(flow.items, "    "))
    return lines


def _flow_items(items: list[FlowItem], indent: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, PStep):
            args = [Arg(Raw(item.source.var)), Arg(Raw(item.destination.var))]
            if item.description:
                args.append(Arg(item.description))
            _opt(args, "technology", item.technology)
            lines.extend(call_lines(f"f.{item.kind}", args, indent))
        elif isinstance(item, PParallel):
            for n, branch in enumerate(item.branches):
                lines.append(f"{indent}with f.{'parallel' if n == 0 else 'also'}():")
                lines.extend(_flow_items(branch, indent + "    ") or [indent + "    pass"])
    return lines


def _view(v: PView) -> list[str]:
    args = [Arg(v.name)]
    if v.description:
        args.append(Arg(v.description))
    if v.of is not None:
        args.append(Arg(Raw(v.of.var), "of"))
    for name, selectors in (("include", v.include), ("exclude", v.exclude)):
        if selectors:
            args.append(Arg(Raw("[" + ", ".join(_selector(s) for s in selectors) + "]"), name))
    if v.around is not None:
        args.append(Arg(Raw(v.around.var), "around"))
        _opt(args, "depth", v.depth, 1)
    _opt(args, "direction", v.direction)
    if v.id is not None and v.id != slugify(v.name):
        args.append(Arg(v.id, "id"))
    return call_lines("ws.view", args)


def _selector(selector: Selector) -> str:
    if isinstance(selector, PElement):
        return selector.var
    if isinstance(selector, Children):
        return string_literal(element_id(selector.element) + (".**" if selector.deep else ".*"))
    return string_literal(selector)


def _style(s: PStyle) -> list[str]:
    args = [Arg(s.tag)] + [Arg(value, key) for key, value in s.options.items()]
    return call_lines("ws.style", args)


def _statement(statement: Statement) -> list[str]:
    if isinstance(statement, PElement):
        return _element(statement)
    if isinstance(statement, PRelationship):
        return _relationship(statement)
    if isinstance(statement, PEnvironment):
        return _environment(statement)
    if isinstance(statement, PNode):
        return _node(statement)
    if isinstance(statement, PDeploy):
        return _deploy(statement)
    if isinstance(statement, PFlow):
        return _flow(statement)
    if isinstance(statement, PView):
        return _view(statement)
    return _style(statement)


# -- paragraphs and modules -----------------------------------------------------------------------


def _paragraph(statement: Statement, parents: set[int]) -> tuple[str, object]:
    """Statements of one paragraph share this key; a blank line separates paragraphs."""
    if isinstance(statement, PElement):
        top = _top(statement)
        return ("element", top if id(top) in parents else None)
    if isinstance(statement, PRelationship):
        return ("relationship", None)
    if isinstance(statement, (PEnvironment, PNode, PDeploy)):
        return ("deployment", None)
    if isinstance(statement, PFlow):
        return ("flow", statement)
    return ("view", None)


@dataclass
class _Module:
    name: str
    kind: str = "context"
    """context, system, relationships, deployment, flows or views."""
    statements: list[Statement] = field(default_factory=list)

    def add(self, statement: Statement) -> None:
        self.statements.append(statement)

    def render(self) -> list[str]:
        lines: list[str] = []
        previous: tuple[str, object] | None = None
        parents = {id(s.parent) for s in self.statements if isinstance(s, PElement) and s.parent}
        for statement in self.statements:
            key = _paragraph(statement, parents)
            if key != previous or isinstance(statement, PFlow):
                lines.append("")
            previous = key
            lines.extend(_statement(statement))
        return lines

    def defined(self) -> set[str]:
        return {s.var for s in self.statements if isinstance(s, (PElement, PEnvironment, PNode))}


def _used(statement: Statement) -> set[str]:
    """Variables a statement refers to (its own name excluded)."""
    refs: set[str] = set()
    if isinstance(statement, PElement):
        refs |= {statement.parent.var} if statement.parent else {"ws"}
        if statement.data_owner is not None:
            refs.add(statement.data_owner.var)
    elif isinstance(statement, PRelationship):
        refs |= {statement.source.var, statement.destination.var}
    elif isinstance(statement, PEnvironment):
        refs.add("ws")
    elif isinstance(statement, PNode):
        refs.add(statement.parent.var if statement.parent else statement.environment.var)
    elif isinstance(statement, PDeploy):
        refs |= {statement.node.var, statement.container.var}
    elif isinstance(statement, PFlow):
        refs.add("ws")
        refs |= _flow_refs(statement.items)
    elif isinstance(statement, PView):
        refs.add("ws")
        refs |= {s.var for s in (*statement.include, *statement.exclude) if isinstance(s, PElement)}
        refs |= {e.var for e in (statement.of, statement.around) if e is not None}
    else:
        refs.add("ws")
    return refs


def _flow_refs(items: list[FlowItem]) -> set[str]:
    refs: set[str] = set()
    for item in items:
        if isinstance(item, PStep):
            refs |= {item.source.var, item.destination.var}
        else:
            for branch in item.branches:
                refs |= _flow_refs(branch)
    return refs


def _top(element: PElement) -> PElement:
    while element.parent is not None:
        element = element.parent
    return element


def _split(plan: Plan, tool: str) -> dict[str, str]:
    # A system with children declared after it opens its own module.
    parents = {id(s.parent) for s in plan.statements if isinstance(s, PElement) and s.parent}

    def element_key(element: PElement) -> str:
        top = _top(element)
        return f"system:{top.var}" if id(top) in parents else "context"

    modules: list[_Module] = [_Module("context", kind="context")]
    current = "context"
    for statement in plan.statements:
        if isinstance(statement, PElement):
            key = element_key(statement)
        elif isinstance(statement, PRelationship):
            if isinstance(statement.source, PNode):
                key = "deployment"
            else:
                own = element_key(statement.source)
                key = current if own == current else "relationships"
        elif isinstance(statement, (PEnvironment, PNode, PDeploy)):
            key = "deployment"
        elif isinstance(statement, PFlow):
            key = "flows"
        elif isinstance(statement, PStyle) and current != "views":
            key = "styles"
        else:
            key = "views"
        if key != current:
            modules.append(_Module(key.split(":")[-1], kind=key.split(":")[0]))
            current = key
        modules[-1].add(statement)
    taken = Names({"__init__", "context"})
    for module in modules[1:]:
        module.name = taken.claim(python_name(module.name, fallback="part"))
    order = [m.name for m in modules]
    defined_in: dict[str, str] = {"ws": "context"}
    files: dict[str, str] = {}
    for module in modules:
        uses: set[str] = set()
        for statement in module.statements:
            uses |= _used(statement)
        declared = module.defined() | ({"ws"} if module.name == "context" else set())
        imports: dict[str, list[str]] = {}
        for var in sorted(uses - declared):
            imports.setdefault(defined_in[var], []).append(var)
        for var in declared:
            defined_in[var] = module.name
        header = [f'"""{_module_title(module)}"""', ""]
        if module.name == "context":
            header += ["from archdoc import Workspace"]
        for source in sorted(imports, key=order.index):
            header.extend(_import_lines(source, imports[source]))
        if module.name == "context":
            header += ["", *_workspace(plan)]
        files[f"{module.name}.py"] = "\n".join(header + module.render()).rstrip("\n") + "\n"
    names = [m.name for m in modules if m.name != "context"]
    init = [_docstring(plan, tool), ""]
    if names:
        init += _import_lines("", names, noqa=True)
    init += ["from .context import ws", "", '__all__ = ["ws"]']
    files["__init__.py"] = "\n".join(init) + "\n"
    return files


def _module_title(module: _Module) -> str:
    first = module.statements[0] if module.statements else None
    if module.kind == "system" and isinstance(first, PElement):
        return f"The {first.name} system: its containers, components and their relationships."
    return {"context": "The workspace, its people and software systems." if module.name == "context"
            else "More people and software systems, and their relationships.",
            "relationships": "Relationships between the elements declared before.",
            "deployment": "Deployment environments, their nodes and what runs on them.",
            "flows": "Flows: the dynamic views, as sequence diagrams.",
            "views": "Views and styles.",
            "styles": "Styles by tag."}[module.kind]


def _import_lines(source: str, names: list[str], noqa: bool = False) -> list[str]:
    head = f"from .{source} import " if source else "from . import "
    comment = "  # noqa: F401 - each module adds to the workspace" if noqa else ""
    one = head + ", ".join(names) + comment
    if len(one) <= 99:
        return [one]
    lines = [head + "(" + (comment.strip() and "  " + comment.strip())]
    current = "    "
    for n, name in enumerate(names):
        piece = name + ","
        if len(current) + len(piece) + 1 > 99 and current.strip():
            lines.append(current.rstrip())
            current = "    "
        current += piece + " "
    lines.append(current.rstrip())
    lines.append(")")
    return lines
