"""The Structurizr DSL's ``views`` block: static, dynamic and deployment views, and styles.

A static view becomes ``ws.view(...)`` with its include and exclude expressions turned into
archdoc's selectors, or nothing when it draws what archdoc's built-in view of its scope draws
(``include *`` and nothing else). A dynamic view becomes a flow: each step backed by a
relationship in its direction is ``f.step``, one backed only the other way is a response,
``f.reply``; ``{ }`` blocks of parallel sequences become ``f.parallel()`` / ``f.also()``. A
deployment view is archdoc's built-in view of its environment. Styles become ``ws.style``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from archdoc.importers.dsl_details import expect
from archdoc.importers.dsl_scope import Scope, Unsupported
from archdoc.importers.dsl_source import Block, Token
from archdoc.importers.plan import (
    Children,
    FlowItem,
    ImportSourceError,
    PElement,
    PEnvironment,
    PFlow,
    PParallel,
    PRelationship,
    PStep,
    PStyle,
    PView,
    Selector,
    element_id,
)
from archdoc.model.ids import slugify
from archdoc.source import SourceLocation

if TYPE_CHECKING:
    from archdoc.importers.dsl_model import DslImporter

__all__ = ["ViewsReader", "BUILTIN_STYLE_TAGS", "element_style", "relationship_style", "unique_id"]

_DIRECTIONS = {"tb": "", "bt": "BT", "lr": "LR", "rl": "RL"}
_TYPES = {"person": ["kind:person"], "softwaresystem": ["kind:system"],
          "container": ["kind:container", "kind:database", "kind:queue"],
          "component": ["kind:component"]}
BUILTIN_STYLE_TAGS = frozenset({
    "element", "person", "software system", "container", "component", "relationship",
    "deployment node", "infrastructure node", "container instance", "software system instance",
    "group", "boundary",
})
_SHAPES = {"box": "box", "roundedbox": "rounded", "cylinder": "cylinder", "person": "person",
           "robot": "person", "pipe": "queue", "hexagon": "hexagon", "component": "component",
           "folder": "folder"}
"""Structurizr's shapes that archdoc draws (``ws.style(shape=...)``)."""
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass
class _StaticSpec:
    kind: str
    scope: PElement | None
    location: SourceLocation
    key: str = ""
    title: str = ""
    description: str = ""
    direction: str = ""
    include: list[tuple[str, SourceLocation]] = field(default_factory=list)
    exclude: list[tuple[str, SourceLocation]] = field(default_factory=list)
    archdoc_id: str = ""
    """The property ``archdoc.id``: the id of archdoc's view or flow the view was exported
    from, where its key does not spell it."""
    archdoc_steps: list[str] = field(default_factory=list)
    """The property ``archdoc.steps`` of a dynamic view: the kind (``step`` or ``reply``) of
    each of its steps, where the relationships would tell one wrong."""


_LABELS = {"landscape": "System landscape", "context": "context", "container": "containers",
           "component": "components"}


class ViewsReader:
    def __init__(self, importer: DslImporter) -> None:
        self.importer = importer
        self.view_ids: set[str] = set()
        self.flow_ids: set[str] = set()

    def note(self, at: SourceLocation | None, message: str) -> None:
        self.importer.note(at, message)

    # -- the block -----------------------------------------------------------------------------

    def read(self, block: Block) -> None:

        for child in block.children or []:
            keyword, at = child.line.keyword, child.location
            tokens = child.tokens
            if keyword in ("systemlandscape", "systemcontext", "container", "component"):
                self._static(child, keyword)
            elif keyword == "dynamic":
                self._dynamic(child)
            elif keyword == "deployment":
                self._deployment(child)
            elif keyword in ("filtered", "custom", "image"):
                self.note(at, f"the {keyword} view {self._key_of(keyword, tokens)}is not carried "
                          "over: define the view with ws.view(...) and selectors")
            elif keyword == "styles":
                self._styles(child)
            elif keyword in ("theme", "themes"):
                self.note(at, f"{tokens[0]} is not carried over: archdoc's diagrams have their "
                          "own theme; ws.style(...) styles elements by tag")
            elif keyword in ("branding", "terminology"):
                self.note(at, f"{tokens[0]} is not carried over")
            elif keyword == "properties":
                self.importer.read_properties(child)
                self.note(at, "view set properties are not carried over")
            elif not self.importer.common(child, Scope("views")):
                self.importer.unexpected(child, "the views block",
                                         "systemLandscape, systemContext, container, component, "
                                         "dynamic, deployment, filtered, styles, theme")

    def _key_of(self, keyword: str, tokens: list[Token]) -> str:
        index = {"filtered": 4, "custom": 1, "image": 2}[keyword]
        return f"{tokens[index]!r} " if len(tokens) > index else ""

    # -- static views ----------------------------------------------------------------------------

    def _static(self, block: Block, keyword: str) -> None:

        at, tokens = block.location, block.tokens
        kind = {"systemlandscape": "landscape", "systemcontext": "context",
                "container": "container", "component": "component"}[keyword]
        scoped = kind != "landscape"
        grammar = f"{tokens[0]} " + ("<identifier> " if scoped else "") + "[key] [description] {"
        expect(tokens, 2 if scoped else 1, 4 if scoped else 3, grammar, at)
        scope = None
        if scoped:
            scope = self.importer.find(tokens[1], Scope("model"), at,
                                       "container" if kind == "component" else "software system")
            wanted = ("container", "database", "queue") if kind == "component" else ("system",)
            if not isinstance(scope, PElement) or scope.kind not in wanted:
                raise ImportSourceError(
                    f"{tokens[1]!r} is not a "
                    f"{'container' if kind == 'component' else 'software system'}",
                    location=at,
                    hint=f"a {tokens[0]} view is scoped to one",
                )
        rest = tokens[2:] if scoped else tokens[1:]
        spec = _StaticSpec(kind, scope, at, key=rest[0] if rest else "",
                           description=rest[1] if len(rest) > 1 else "")
        for child in block.children or []:
            self._view_statement(child, spec)
        self._static_view(spec)

    def _view_statement(self, block: Block, spec: _StaticSpec | None) -> None:

        keyword, at, tokens = block.line.keyword, block.location, block.tokens
        if keyword in ("include", "exclude"):
            expect(tokens, 2, 999, f"{keyword} <identifier|expression> [...]", at)
            if spec is not None:
                (spec.include if keyword == "include" else spec.exclude).extend(
                    (str(t), at) for t in tokens[1:])
        elif keyword == "autolayout":
            expect(tokens, 1, 4, "autoLayout [tb|bt|lr|rl] [rankSeparation] [nodeSeparation]", at)
            direction = tokens[1].lower() if len(tokens) > 1 else "tb"
            if direction not in _DIRECTIONS:
                raise ImportSourceError(f"autoLayout {tokens[1]}: expected tb, bt, lr or rl",
                                        location=at, hint="write autoLayout lr")
            if spec is not None:
                spec.direction = _DIRECTIONS[direction]
            if len(tokens) > 2:
                self.importer.note_once("separation", at, "autoLayout rank and node separations "
                                        "are not carried over")
        elif keyword == "title":
            expect(tokens, 2, 2, "title <title>", at)
            if spec is not None:
                spec.title = tokens[1]
        elif keyword == "description":
            expect(tokens, 2, 2, "description <description>", at)
            if spec is not None:
                spec.description = tokens[1]
        elif keyword == "default":
            pass
        elif keyword in ("animation", "animationstep"):
            self.importer.note_once("animation", at, "view animations are not carried over")
        elif keyword == "properties":
            pairs = self.importer.read_properties(block)
            for name, value, _ in pairs:
                if name == "archdoc.id" and spec is not None:
                    spec.archdoc_id = value
                elif name == "archdoc.steps" and spec is not None and spec.kind == "dynamic":
                    spec.archdoc_steps = value.split()
            if any(name not in ("archdoc.id", "archdoc.steps") for name, _, _ in pairs):
                self.note(at, "view properties are not carried over")
        else:
            self.importer.unexpected(block, "a view", "include, exclude, autoLayout, title, "
                                     "description, default, animation, properties")

    def _static_view(self, spec: _StaticSpec) -> None:
        label = self._view_label(spec)
        plain = [t for t, _ in spec.include] in (["*"], ["element==*"]) and not spec.exclude
        if plain:
            builtin = {"landscape": "landscape", "context": "context:", "container": "containers:",
                       "component": "components:"}[spec.kind]
            if spec.scope is not None:
                builtin += element_id(spec.scope)
            extra = " (its direction is not carried over: set `diagrams: {direction: ...}` " \
                "in mkdocs.yml)" if spec.direction else ""
            self.note(spec.location, f"{label} is archdoc's built-in view {builtin}{extra}")
            return
        around = self._neighbourhood(spec)
        if around is not None:
            extra = " (its direction is not carried over)" if spec.direction else ""
            self.note(spec.location, f"{label} is archdoc's built-in view "
                      f"neighbourhood:{element_id(around)}{extra}")
            return
        view = PView(self._view_name(spec), spec.location, direction=spec.direction)
        if spec.title and spec.description:
            view.description = spec.description
        if spec.kind in ("container", "component"):
            view.of = spec.scope
        for token, at in spec.include:
            selectors = self._selectors(token, at, spec, view, include=True)
            view.include += [s for s in selectors if s not in view.include]
        for token, at in spec.exclude:
            view.exclude += self._selectors(token, at, spec, view, include=False)
        if not view.include and view.around is None:
            self.note(spec.location, f"{label} is not carried over: none of its include "
                      "expressions has a counterpart")
            return
        view.id = unique_id(spec.archdoc_id or slugify(spec.key or view.name), self.view_ids)
        self.importer.plan.add(view)

    def _neighbourhood(self, spec: _StaticSpec) -> PElement | None:
        """The element of a view that is archdoc's built-in neighbourhood view: ``include
        ->x->`` alone, in the view of ``x``'s parent, titled as archdoc titles it (or not at
        all), of an element that is no software system and has no parts."""
        if len(spec.include) != 1 or spec.exclude:
            return None
        token, at = spec.include[0]
        compact = token.replace(" ", "")
        if not (compact.startswith("->") and compact.endswith("->") and len(compact) > 4):
            return None
        element = self.importer.lookup(compact[2:-2], Scope("model"))
        if not isinstance(element, PElement) or element.kind == "system" \
                or element.parent is not spec.scope or (spec.kind == "landscape") != (
                    element.parent is None) or spec.kind == "context":
            return None
        if any(e.parent is element for e in self.importer.plan.elements()):
            return None
        name = element.properties.get("archdoc.name", element.name)
        if spec.title and spec.title != f"{name}: neighbourhood":
            return None
        return element

    def _view_label(self, spec: _StaticSpec) -> str:
        kind = {"landscape": "systemLandscape", "context": "systemContext",
                "container": "container", "component": "component"}[spec.kind]
        return f"the {kind} view" + (f" {spec.key!r}" if spec.key else "")

    def _view_name(self, spec: _StaticSpec) -> str:
        if spec.title:
            return spec.title
        if spec.description:
            return spec.description
        if spec.scope is None:
            return _LABELS["landscape"] if not spec.key else spec.key
        return f"{spec.scope.name} {_LABELS[spec.kind]}" + (f" ({spec.key})" if spec.key else "")

    def _selectors(self, token: str, at: SourceLocation, spec: _StaticSpec, view: PView,
                   include: bool) -> list[Selector]:

        compact = token.replace(" ", "")
        what = "include" if include else "exclude"
        if compact in ("*", "element==*", "*?"):
            if compact == "*?":
                self.note(at, "the reluctant wildcard *? is carried as *")
            if spec.kind == "context" and spec.scope is not None:
                view.around = spec.scope
                return []
            return ["*"]
        if "&&" in compact or "||" in compact:
            self.note(at, f"{what} {token!r}: combined expressions are not carried over")
            return []
        if compact.startswith("relationship") or re.fullmatch(r"[^>]*->[^>]*", compact) and (
                not compact.startswith("->") and not compact.endswith("->")):
            if not include and compact not in ("*->*", "relationship==*", "relationship==*->*"):
                self.note(at, f"exclude {token!r}: excluding relationships is not carried over; "
                          "archdoc draws every relationship between the drawn elements")
            return []
        match = re.fullmatch(r"element\.(tag|type|parent)(==|!=)(.+)", compact, re.I)
        if match:
            field_, op, value = match.group(1).lower(), match.group(2), match.group(3)
            raw = token.split(op, 1)[1].strip()
            if op == "!=":
                self.note(at, f"{what} {token!r}: negated expressions are not carried over")
                return []
            if field_ == "tag":
                tags = [t.strip() for t in raw.split(",") if t.strip()]
                if len(tags) != 1:
                    self.note(at, f"{what} {token!r}: elements with all of several tags are "
                              "not carried over")
                    return []
                return [f"tag:{tags[0]}"]
            if field_ == "type":
                kinds = _TYPES.get(value.lower())
                if kinds is None:
                    self.note(at, f"{what} {token!r}: this element type has no place in the view")
                    return []
                return list(kinds)
            parent = self.importer.find(value, Scope("model"), at)
            if not isinstance(parent, PElement):
                self.note(at, f"{what} {token!r} is not carried over")
                return []
            return [Children(parent)]
        if compact.startswith("element."):
            self.note(at, f"{what} {token!r}: this expression is not carried over")
            return []
        both = re.fullmatch(r"(?:element==)?->(.+)->", compact)
        if both:
            target = self.importer.find(both.group(1), Scope("model"), at)
            if include and isinstance(target, PElement) and view.around is None:
                view.around = target
                return []
            self.note(at, f"{what} {token!r}: only one element with its neighbours (->x->) "
                      "per view is carried over, as around=")
            return []
        if compact.startswith(("->", "element==")) or compact.endswith("->"):
            self.note(at, f"{what} {token!r}: couplings in one direction are not carried over "
                      "(->x-> is, as around=)")
            return []
        if token.lower() in self.importer.relationships:
            if not include:
                self.note(at, f"exclude {token!r}: excluding a relationship is not carried over")
            return []
        target = self.importer.find(token, Scope("model"), at)
        if isinstance(target, PElement):
            return [target]
        if isinstance(target, Unsupported):
            self.note(at, f"{what} {token!r}: the {target.what} is not carried over")
            return []
        self.note(at, f"{what} {token!r}: {getattr(target, 'name', token)!r} cannot be drawn in "
                  "a static view")
        return []

    # -- dynamic views ---------------------------------------------------------------------------

    def _dynamic(self, block: Block) -> None:

        at, tokens = block.location, block.tokens
        expect(tokens, 2, 4, "dynamic <*|software system|container> [key] [description] {", at)
        if tokens[1] != "*":
            scope = self.importer.find(
                tokens[1], Scope("model"), at, "software system or container"
            )
            if not isinstance(scope, PElement) or scope.kind not in ("system", "container",
                                                                     "database", "queue"):
                raise ImportSourceError(f"{tokens[1]!r} is not a software system or a container",
                                        location=at, hint="scope a dynamic view with *, a "
                                        "software system or a container")
        key = tokens[2] if len(tokens) > 2 else ""
        description = tokens[3] if len(tokens) > 3 else ""
        spec = _StaticSpec("dynamic", None, at, key=key, description=description)
        others = [c for c in block.children or [] if c.tokens and c.line.keyword in (
            "autolayout", "title", "description", "default", "properties")
            and not (len(c.tokens) > 1 and c.tokens[1] == "->")]
        for child in others:
            if child.line.keyword != "autolayout":
                self._view_statement(child, spec)
        items = self._sequence([c for c in block.children or [] if c not in others])
        if spec.archdoc_steps:
            self._kinds(items, spec.archdoc_steps, at)
        name = spec.title or spec.description or key or "Dynamic view"
        flow = PFlow(name, at, items=items)
        if spec.title and spec.description:
            flow.description = spec.description
        flow.id = unique_id(spec.archdoc_id or slugify(key or name), self.flow_ids)
        self.importer.plan.add(flow)

    def _sequence(self, children: list[Block]) -> list[FlowItem]:
        items: list[FlowItem] = []
        branches: list[list[FlowItem]] = []
        ordered: list[tuple[str, PStep]] = []

        def flush() -> None:
            if len(branches) == 1:  # a lone { } block: its steps, in line
                items.extend(branches[0])
            elif branches:
                items.append(PParallel(list(branches), None))
            branches.clear()

        for child in children:
            if not child.tokens and child.children is not None:  # a bare { ... } block
                inner = child.children
                if inner and all(not c.tokens and c.children is not None for c in inner):
                    flush()
                    items.append(PParallel([self._sequence(c.children or []) for c in inner],
                                           child.location))
                else:
                    branches.append(self._sequence(inner))
                continue
            flush()
            step = self._step(child)
            if step is None:
                continue
            order, message = step
            if order:
                ordered.append((order, message))
            items.append(message)
        flush()
        if ordered:
            return self._by_order(items, ordered)
        return items

    def _by_order(self, items: list[FlowItem], ordered: list[tuple[str, PStep]]) -> list[FlowItem]:
        """Steps numbered ``2:`` twice in a row run in parallel; other numbers keep line order."""
        labels = [o for o, _ in ordered]
        numeric = all(re.fullmatch(r"\d+", o) for o in labels)
        if numeric and [int(o) for o in labels] != sorted(int(o) for o in labels):
            self.note(ordered[0][1].location, "the explicit order of the steps is not carried "
                      "over: the steps keep the order of their lines")
        order_of: dict[int, str] = {id(step): order for order, step in ordered}
        grouped: list[FlowItem] = []
        for item in items:
            order = order_of.get(id(item))
            previous = grouped[-1] if grouped else None
            if order is not None and previous is not None and order_of.get(id(previous)) == order:
                if isinstance(previous, PStep):
                    parallel = PParallel([[previous], [item]], previous.location)
                    order_of[id(parallel)] = order
                    grouped[-1] = parallel
                else:
                    assert isinstance(previous, PParallel)
                    previous.branches.append([item])
                continue
            grouped.append(item)
        return grouped

    def _step(self, block: Block) -> tuple[str, PStep] | None:

        at = block.location
        tokens = list(block.tokens)
        order = ""
        if tokens and tokens[0].endswith(":") and not tokens[0].quoted and len(tokens) > 1:
            order = tokens.pop(0)[:-1]
        if len(tokens) > 1 and tokens[1] == "->" and not tokens[1].quoted:
            if len(tokens) < 3 or len(tokens) > 5:
                raise ImportSourceError(
                    ("too many tokens, " if len(tokens) > 5 else "") +
                    "expected: [order:] <identifier> -> <identifier> [description] [technology]",
                    location=at, hint="quote a value that holds spaces")
            ends = [self.importer.find(tokens[i], Scope("model"), at) for i in (0, 2)]
            description = tokens[3] if len(tokens) > 3 else ""
            technology = tokens[4] if len(tokens) > 4 else ""
        elif tokens and tokens[0].lower() in self.importer.relationships:
            if len(tokens) > 2:
                raise ImportSourceError("too many tokens, expected: [order:] <relationship> "
                                        "[description]", location=at,
                                        hint="quote a value that holds spaces")
            relationship = self.importer.relationships[tokens[0].lower()]
            ends = [relationship.source, relationship.destination]
            description = tokens[1] if len(tokens) > 1 else relationship.description
            technology = ""
        elif tokens and tokens[0].lower() in ("autolayout", "title", "description", "default",
                                                "properties"):
            self._view_statement(block, None)
            return None
        elif self.importer.common(block, Scope("dynamic")):
            return None
        else:
            raise ImportSourceError(
                "expected a step of the dynamic view: [order:] <identifier> -> <identifier> "
                "[description] [technology], or <relationship identifier> [description]",
                location=at, hint="a dynamic view lists the relationships it goes through")
        for end in ends:
            if isinstance(end, Unsupported):
                self.note(at, f"a step with the {end.what} {end.name!r} is not carried over")
                return None
            if not isinstance(end, PElement):
                raise ImportSourceError(f"{getattr(end, 'name', end)!r} cannot take part in a "
                                        "dynamic view", location=at,
                                        hint="dynamic views show people, systems, containers "
                                        "and components")
        source, destination = ends
        forward = self._backing(source, destination, technology)
        kind = "step"
        if forward is None:
            backward = self._backing(destination, source, technology)
            if backward is not None:
                kind, forward = "reply", backward
            else:
                self.note(at, f"no relationship {source.name!r} -> {destination.name!r} in the "
                          "model backs this step")
        if block.children is not None:
            self.importer.note_once("step-details", at, "urls of dynamic view steps are not "
                                    "carried over")
        if not description and forward is not None:
            description = forward.description
        return order, PStep(kind, source, destination, at, description, technology)  # type: ignore[arg-type]

    def _kinds(self, items: list[FlowItem], kinds: list[str], at: SourceLocation) -> None:
        """Give the steps the kinds ``archdoc.steps`` lists, in order."""
        steps: list[PStep] = []

        def collect(sequence: list[FlowItem]) -> None:
            for item in sequence:
                if isinstance(item, PStep):
                    steps.append(item)
                elif isinstance(item, PParallel):
                    for branch in item.branches:
                        collect(branch)

        collect(items)
        if len(steps) != len(kinds) or any(k not in ("step", "reply") for k in kinds):
            self.note(at, "the property archdoc.steps does not match the steps of the view; "
                      "their kinds follow the relationships")
            return
        for step, kind in zip(steps, kinds):
            step.kind = kind  # type: ignore[assignment]

    def _backing(self, source: PElement, destination: PElement,
                 technology: str) -> PRelationship | None:
        """A relationship of the model that a step ``source -> destination`` shows, if any."""
        if source is destination:
            return None
        if _ancestor(source, destination) or _ancestor(destination, source):
            return None
        for relationship in self.importer.plan.relationships():
            if not isinstance(relationship.source, PElement) or \
                    not isinstance(relationship.destination, PElement):
                continue
            if technology and relationship.technology != technology:
                continue
            if _within(relationship.source, source) and _within(relationship.destination,
                                                                 destination):
                return relationship
        return None

    # -- deployment views ------------------------------------------------------------------------

    def _deployment(self, block: Block) -> None:

        at, tokens = block.location, block.tokens
        expect(tokens, 3, 5, "deployment <*|software system> <environment> [key] [description] {",
                at)
        environment = self.importer.lookup(tokens[2], Scope("model"))
        if not isinstance(environment, PEnvironment):
            environment = next((s for s in self.importer.plan.statements
                                if isinstance(s, PEnvironment) and s.name == tokens[2]), None)
        if environment is None:
            raise ImportSourceError(f"the deployment environment {tokens[2]!r} does not exist",
                                    location=at, hint="name it by its identifier or its name")
        spec = _StaticSpec("deployment", None, at, key=tokens[3] if len(tokens) > 3 else "")
        for child in block.children or []:
            self._view_statement(child, spec)
        key = f"deployment:{environment.id or slugify(environment.name)}"
        label = "the deployment view" + (f" {spec.key!r}" if spec.key else "")
        if tokens[1] != "*" or [t for t, _ in spec.include] not in ([], ["*"]) or spec.exclude:
            self.note(at, f"{label} is drawn as archdoc's view {key}, which shows the whole "
                      "environment; its scope, include and exclude are not carried over")
        else:
            self.note(at, f"{label} is archdoc's built-in view {key}")

    # -- styles ----------------------------------------------------------------------------------

    def _styles(self, block: Block) -> None:
        for child in block.children or []:
            keyword, at, tokens = child.line.keyword, child.location, child.tokens
            if keyword == "light":
                self._styles(child)
            elif keyword == "dark":
                self.note(at, "dark-mode styles are not carried over")
            elif keyword in ("element", "relationship"):
                if len(tokens) != 2:
                    raise ImportSourceError(f"expected: {tokens[0]} <tag> {{", location=at,
                                            hint="a style applies to one tag")
                settings = [(c.line.keyword, str(c.tokens[1]) if len(c.tokens) > 1 else "",
                             c.location) for c in child.children or []]
                if keyword == "element":
                    element_style(self.importer.plan, str(tokens[1]), settings, at)
                else:
                    relationship_style(self.importer.plan, str(tokens[1]), settings, at)
            elif keyword in ("theme", "themes"):
                self.note(at, f"{tokens[0]} is not carried over")
            else:
                self.importer.unexpected(child, "the styles block", "element, relationship, "
                                         "light, dark, theme")


def unique_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``...: the first not in ``taken`` (then taken)."""
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _style(plan: Any, tag: str, at: SourceLocation) -> PStyle | None:
    if tag.lower() in BUILTIN_STYLE_TAGS:
        plan.note(at, f"the style of Structurizr's built-in tag {tag!r} is not carried over: "
                  "archdoc draws each kind of element in its own style")
        return None
    existing = next((s for s in plan.statements if isinstance(s, PStyle) and s.tag == tag), None)
    if existing is None:
        existing = PStyle(tag, at)
        plan.add(existing)
    return existing


def _set(style: PStyle, option: str, value: str, key: str, lost: list[str]) -> None:
    """One ``ws.style`` option from a Structurizr style setting, or the reason it is lost."""
    if option in ("color", "border", "text"):
        if not _HEX.fullmatch(value):
            lost.append(f"{key} {value} (archdoc takes hex colours)")
            return
    elif option == "shape":
        shape = _SHAPES.get(value.lower())
        if shape is None:
            lost.append(f"shape {value}")
            return
        value = shape
    elif option == "line":
        value = value.lower()
        if value not in ("solid", "dashed", "dotted"):
            lost.append(f"{key} {value}")
            return
        if value == "solid":
            return
    elif option == "width":
        if not value.isdigit() or not 1 <= int(value) <= 8:
            lost.append(f"{key} {value} (archdoc's widths are 1 to 8)")
            return
    setting: str | int = int(value) if option == "width" else value
    current = style.options.setdefault(option, setting)
    if current != setting:
        lost.append(f"{key} (another style of the tag sets {option})")


def element_style(plan: Any, tag: str, settings: list[tuple[str, str, SourceLocation]],
                  at: SourceLocation) -> None:
    """``element "Tag" { background, color, stroke, strokeWidth, shape, border }``: ``ws.style``."""
    style = _style(plan, tag, at)
    if style is None:
        return
    style.targets.add("element")
    options = {"background": "color", "stroke": "border", "color": "text", "colour": "text",
               "shape": "shape", "border": "line", "strokewidth": "width"}
    lost: list[str] = []
    for key, value, _ in settings:
        if key in options and value:
            _set(style, options[key], value, key, lost)
        elif key:
            lost.append(key)
    if lost:
        plan.note(at, f"element style {tag!r}: {', '.join(lost)} not carried over")
    if not style.options:
        plan.statements.remove(style)


def relationship_style(plan: Any, tag: str, settings: list[tuple[str, str, SourceLocation]],
                       at: SourceLocation) -> None:
    """``relationship "Tag" { color, style, dashed, thickness }``: ``ws.style``."""
    style = _style(plan, tag, at)
    if style is None:
        return
    style.targets.add("relationship")
    options = {"color": "color", "colour": "color", "style": "line", "thickness": "width"}
    lost: list[str] = []
    for key, value, _ in settings:
        if key == "dashed":
            if value.lower() == "true":
                _set(style, "line", "dashed", key, lost)
        elif key in options and value:
            _set(style, options[key], value, key, lost)
        elif key:
            lost.append(key)
    if lost:
        plan.note(at, f"relationship style {tag!r}: {', '.join(lost)} not carried over")
    if not style.options:
        plan.statements.remove(style)


def _ancestor(a: PElement, b: PElement) -> bool:
    parent = b.parent
    while parent is not None:
        if parent is a:
            return True
        parent = parent.parent
    return False


def _within(element: PElement, outer: PElement) -> bool:
    """``element`` is ``outer`` or inside it."""
    current: PElement | None = element
    while current is not None:
        if current is outer:
            return True
        current = current.parent
    return False

