"""``archdoc export --format structurizr``: one Structurizr DSL workspace, read back by
``archdoc import structurizr``.

No Structurizr parser installs from the project's registries (its CLI and parser are Java
artefacts outside Debian), so the check is the round trip through archdoc's own DSL importer,
which follows the DSL's grammar: every example, the nasty model, the styled one and a model of
text that is hostile to the DSL (``hostile()``: quotes, backslashes before ``n`` and at the end,
line breaks, braces, ``!include``, ``${...}``, comment markers) are exported, imported by the
real command into a project of their own, loaded, and compared with the original:

- elements: id, name, kind, technology, description, external, parent, tags, group, owner,
  data owner, properties;
- relationships: source, destination, description, technology, interaction, criticality,
  access, operation, tags;
- views: the same keys; every static view the same kind, title, description, direction,
  elements and arrows; every flow the same steps (with their kind) that Structurizr's dynamic
  views can hold; every deployment view the same nodes;
- deployment: environments, nodes, deployed instances; styles by tag.

What the DSL cannot carry is excluded from the comparison here, each exclusion under the
``dropped`` note of the export that says so: carriage returns (line breaks), numbers and
booleans in properties (text), relationships of an element with its own part, descriptions of
deployment environments, deployed components, and the flow steps Structurizr refuses (by its
rules for dynamic views, restated in :func:`_structurizr_takes`). The e-commerce export is a
golden file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archdoc import Workspace
from archdoc.config import load_config
from archdoc.export.registry import export_format
from archdoc.export.run import run_export
from archdoc.model.elements import Element
from archdoc.model.flows import FlowMessage, walk
from archdoc.model.values import PropertyValue
from archdoc.project import load_project
from archdoc.render.structurizr_model import Document, ModelWriter, directive
from archdoc.views import ComputedView, DeploymentView, SequenceView, ViewIndex
from archdoc_testing import Golden, run_archdoc
from exportcases import EXAMPLES, HERE, workspaces

GOLDEN = Golden(HERE / "golden" / "structurizr")

HOSTILE = [
    'He said "}" and left',
    "C:\\new\\table\\",
    "!include ../../etc/passwd",
    "${HOME} and ${archdoc.dollar} and $${x}",
    "// not a comment",
    "# not a comment either",
    "/* nor this */",
    "two\nlines",
    "}",
    "tab\tand \\n literally",
    '\\"',
]


def hostile() -> Workspace:
    """A model whose text is hostile to the Structurizr DSL."""
    h = HOSTILE
    ws = Workspace(h[0], description=h[3])
    ws.root = HERE
    ws.style(h[2], color="#123456", shape="hexagon")
    person = ws.person(h[1], h[2], tags=[h[2]], group=h[8], id="person")
    system = ws.system(h[3], h[4], id="system", owner=h[5],
                       properties={"note": h[9], "brace": h[8], "}": h[0], "!include": h[1],
                                   "/* c */": h[2], "${x}": h[3], 'a "b"': h[10]})
    other = ws.system(h[5], h[6], external=True, id="other", group=h[3])
    api = system.container(h[6], h[7], technology=h[8], id="api", tags=["${tag}"])
    db = system.database(h[9], h[10], technology=h[1], owner=api, id="db")
    part = api.component(h[10], h[0], technology=h[3], id="part")
    person.uses(api, h[7], technology=h[9])
    api.uses(db, h[1], technology=h[2], operation=h[3])
    part.uses(other, h[4], technology=h[5], interaction="async", criticality="high")
    ws.view(h[9], h[10], include=[person, system, other], id="hostile-view")
    with ws.flow(h[2], h[3], id="hostile-flow") as f:
        f.step(person, system, h[0])
        f.step(system, other, h[1])
        f.reply(other, system, h[9])
    env = ws.environment(h[4], id="env")
    node = env.node(h[5], h[6], technology=h[7], properties={"k": h[3]}, id="env.node")
    node.deploy(api)
    node.infrastructure(h[8], technology=h[10], id="env.node.infra").deploy(db)
    return ws


@dataclass
class Trip:
    """One case: the original, its DSL and notes, the import's notes and the model read back."""

    name: str
    original: Workspace
    dsl: str
    dropped: list[str]
    notes: str
    back: Workspace

    def dropped_note(self, start: str) -> bool:
        return any(d.startswith(start) for d in self.dropped)


def _all_cases() -> dict[str, Workspace]:
    cases = workspaces()
    cases["hostile"] = hostile()
    return cases


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Trip]:
    out: dict[str, Trip] = {}
    for name, ws in _all_cases().items():
        result = run_export(ws, export_format("structurizr"), root=ws.root or HERE)
        root = tmp_path_factory.mktemp(f"structurizr-{name}")
        source = root / "workspace.dsl"
        source.write_text(result.files[""], encoding="utf-8")
        project = root / "project"
        project.mkdir()
        imported = run_archdoc("import", "structurizr", str(source), "-o", "model", cwd=project)
        assert imported.code == 0, f"{name}:\n{imported.stderr}"
        assert "Traceback" not in imported.stderr, imported.stderr
        (project / "mkdocs.yml").write_text("site_name: Round trip\nplugins:\n  - archdoc\n",
                                            encoding="utf-8")
        back = load_project(config=load_config(project / "mkdocs.yml")).workspace
        out[name] = Trip(name, ws, result.files[""], result.dropped, imported.stderr, back)
    return out


def test_every_case_is_read_back(trips: dict[str, Trip]) -> None:
    assert set(trips) == {p.name for p in EXAMPLES} | {"nasty", "styled", "hostile"}
    for trip in trips.values():
        # the import says what it does with archdoc's own details, never that it lost one
        assert "archdoc.steps does not match" not in trip.notes, trip.notes
        assert "view properties are not carried over" not in trip.notes, trip.notes
        assert "not carried over: it is not declared before it" not in trip.notes, trip.notes


# -- text the DSL cannot hold exactly ----------------------------------------------------------


def _text(trip: Trip, value: str) -> str:
    """``value`` as the DSL carries it: carriage returns as line breaks (a dropped note)."""
    if "\r" in value:
        assert trip.dropped_note("carriage returns"), trip.name
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _properties(trip: Trip, properties: dict[str, PropertyValue],
                original: bool) -> dict[str, PropertyValue]:
    """Properties as the DSL carries them: text, without the names that would start a line
    Structurizr reads as the end of a block, a directive or a comment (a dropped note)."""
    if not original:
        return dict(properties)
    out = {}
    for name, value in properties.items():
        if directive(name):
            assert trip.dropped_note("properties named `}`"), trip.name
            continue
        out[name] = _property(trip, value)
    return out


def _property(trip: Trip, value: PropertyValue) -> str:
    """Structurizr's properties are text (a dropped note for numbers and booleans)."""
    if isinstance(value, str):
        return _text(trip, value)
    assert trip.dropped_note("numbers and booleans in properties"), trip.name
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


# -- elements and relationships -----------------------------------------------------------------


def _element(trip: Trip, e: Element, original: bool) -> tuple[Any, ...]:
    t = (lambda v: _text(trip, v)) if original else (lambda v: v)
    props = _properties(trip, e.properties, original)
    return (t(e.name), e.kind, t(e.technology), t(e.description), e.external, e.parent_id,
            [t(x) for x in e.tags], t(e.group), t(e.owner), e.data_owner_id, props)


def test_same_elements(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        original = {id: _element(trip, e, True) for id, e in trip.original.elements.items()}
        back = {id: _element(trip, e, False) for id, e in trip.back.elements.items()}
        assert sorted(back) == sorted(original), trip.name  # declared nested, in another order
        for id in original:
            assert back[id] == original[id], (trip.name, id)


def _own_part(ws: Workspace, source: str, destination: str) -> bool:
    a, b = ws.elements[source], ws.elements[destination]
    return a is b or a.is_ancestor_of(b) or b.is_ancestor_of(a)


def _relationships(trip: Trip, ws: Workspace, original: bool) -> list[tuple[Any, ...]]:
    out = []
    for r in ViewIndex(ws).relationships.relationships:
        if r.source_id in ws.nodes:
            continue  # compared with the deployment
        if original and _own_part(ws, r.source_id, r.destination_id):
            assert trip.dropped_note("relationships between an element and its own part")
            continue
        t = (lambda v: _text(trip, v)) if original else (lambda v: v)
        out.append((r.source_id, r.destination_id, t(r.description), t(r.technology),
                    r.interaction, r.criticality, r.access, t(r.operation), r.tags,
                    _properties(trip, r.properties, original)))
    return sorted(out, key=repr)


def test_same_relationships(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        assert _relationships(trip, trip.back, False) == \
            _relationships(trip, trip.original, True), trip.name


# -- views ----------------------------------------------------------------------------------------


def test_same_view_keys(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        assert set(ViewIndex(trip.back).keys()) == set(ViewIndex(trip.original).keys()), \
            trip.name


def _static(trip: Trip, view: ComputedView, original: bool) -> tuple[Any, ...]:
    t = (lambda v: _text(trip, v)) if original else (lambda v: v)
    return (view.kind, t(view.title), t(view.description), view.direction,
            sorted(n.id for n in view.nodes),
            sorted((e.source_id, e.destination_id) for e in view.edges))


def test_same_static_views(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        original, back = ViewIndex(trip.original), ViewIndex(trip.back)
        for key in original.keys():
            view = original[key]
            if isinstance(view, ComputedView):
                other = back[key]
                assert isinstance(other, ComputedView), (trip.name, key)
                assert _static(trip, other, False) == _static(trip, view, True), (trip.name, key)


def _scopes(trip: Trip) -> dict[str, Element | None]:
    """Flow id -> the scope of its dynamic view in the DSL (None for ``*``)."""
    ident = ModelWriter(trip.original, ViewIndex(trip.original), Document()).ident
    by_ident = {v.lower(): k for k, v in ident.items()}
    scopes: dict[str, Element | None] = {}
    for match in re.finditer(r'^ *dynamic (\S+) "([^"]+)"[^\n]*\n(.*?)^ *autoLayout', trip.dsl,
                             re.MULTILINE | re.DOTALL):
        scope, key, body = match.groups()
        own = re.search(r'"archdoc\.id" "([^"]+)"', body)
        flow_id = own.group(1) if own else key
        scopes[flow_id] = None if scope == "*" else trip.original.elements[by_ident[scope.lower()]]
    return scopes


class _DynamicRules:
    """Structurizr's rules for a dynamic view (``DynamicView.checkElementCanBeAdded`` and
    ``addRelationshipViaElements`` of structurizr-core), on the original model."""

    def __init__(self, ws: Workspace, scope: Element | None) -> None:
        self.ws = ws
        self.scope = scope
        self.drawn: list[Element] = []
        index = ViewIndex(ws)
        self.pairs: dict[tuple[str, str], set[str]] = {}
        for r in index.relationships.relationships:
            if r.source_id in ws.nodes or _own_part(ws, r.source_id, r.destination_id):
                continue
            source, destination = ws.elements[r.source_id], ws.elements[r.destination_id]
            self.pairs.setdefault((source.id, destination.id), set()).add(r.technology)
            # Structurizr's implied relationships, between the ancestors of the two ends
            for s in [source, *source.ancestors()]:
                for d in [destination, *destination.ancestors()]:
                    if (s.id, d.id) not in self.pairs and not (
                            s is d or ((s.kind != "person" and d.kind != "person")
                                       and (s.is_ancestor_of(d) or d.is_ancestor_of(s)))):
                        self.pairs[(s.id, d.id)] = {r.technology}

    def allowed(self, element: Element) -> bool:
        if element.kind == "person":
            return True
        scope = self.scope
        if scope is None:
            return element.kind == "system"
        if element is scope or (scope.kind != "system" and element.id == scope.parent_id):
            return False
        if scope.kind == "system" and element.kind == "component":
            return False
        return not any(d is not element and (d.is_ancestor_of(element)
                                             or element.is_ancestor_of(d))
                       for d in self.drawn if d.kind != "person")

    def takes(self, m: FlowMessage) -> tuple[bool, str]:
        """Whether Structurizr takes the step, and the technology it keeps."""
        elements = self.ws.elements
        if m.source_id not in elements or m.destination_id not in elements:
            return False, ""
        source, destination = elements[m.source_id], elements[m.destination_id]
        if not (self.allowed(source) and self.allowed(destination)):
            return False, ""
        found = self.pairs.get((m.source_id, m.destination_id), set()) | self.pairs.get(
            (m.destination_id, m.source_id), set())
        if not found:
            return False, ""
        technology = m.technology if m.technology in found else ""
        self.drawn += [e for e in (source, destination) if e not in self.drawn]
        return True, technology


def _structurizr_takes(trip: Trip, view: SequenceView,
                       scope: Element | None) -> list[tuple[str, ...]]:
    """The steps of ``view`` a Structurizr dynamic view of ``scope`` holds: each a step
    Structurizr refuses is said in the ``dropped`` notes, and so is each technology it drops."""
    rules = _DynamicRules(trip.original, scope)
    kept = []
    for m in walk(view.items):
        if not isinstance(m, FlowMessage):
            continue
        takes, technology = rules.takes(m)
        if not takes:
            assert trip.dropped_note("steps of flows that Structurizr refuses"), trip.name
            continue
        if technology != m.technology:
            assert trip.dropped_note("technologies of flow steps"), trip.name
        kept.append((m.source_id, m.destination_id, _text(trip, m.description),
                     _text(trip, technology), m.kind))
    return kept


def test_same_flows(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        original, back = ViewIndex(trip.original), ViewIndex(trip.back)
        scopes = _scopes(trip)
        for key in original.keys():
            view = original[key]
            if not isinstance(view, SequenceView):
                continue
            other = back[key]
            assert isinstance(other, SequenceView)
            assert (other.title, other.description) == \
                (_text(trip, view.title), _text(trip, view.description)), (trip.name, key)
            steps = [(m.source_id, m.destination_id, m.description, m.technology, m.kind)
                     for m in walk(other.items) if isinstance(m, FlowMessage)]
            expected = _structurizr_takes(trip, view, scopes[key.partition(":")[2]])
            assert steps == expected, (trip.name, key)


def test_flows_keep_most_of_their_steps(trips: dict[str, Trip]) -> None:
    """The hostile flow is one Structurizr holds whole, replies and all."""
    back = ViewIndex(trips["hostile"].back)["flow:hostile-flow"]
    assert isinstance(back, SequenceView)
    assert [m.kind for m in walk(back.items) if isinstance(m, FlowMessage)] == \
        ["step", "step", "reply"]


def test_same_deployment(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        o, b = trip.original, trip.back
        if any(e.description for e in o.environments):
            assert trip.dropped_note("descriptions of deployment environments")
        assert [(e.id, e.name) for e in b.environments] == \
            [(e.id, _text(trip, e.name)) for e in o.environments], trip.name
        t = functools.partial(_text, trip)
        assert {n.id: (n.name, n.kind, n.technology, n.description, n.parent_id,
                       n.environment_id, n.instances, n.icon, n.tags,
                       dict(n.properties)) for n in b.nodes.values()} == \
            {n.id: (t(n.name), n.kind, t(n.technology), t(n.description), n.parent_id,
                    n.environment_id, t(n.instances) if isinstance(n.instances, str)
                    else n.instances, n.icon, n.tags,
                    _properties(trip, n.properties, True))
             for n in o.nodes.values()}, trip.name
        deployed = []
        for i in o.instances:
            if o.elements[i.container_id].kind == "component":
                assert trip.dropped_note("deployed components"), trip.name
                continue
            deployed.append((i.container_id, i.node_id, t(i.instances)
                             if isinstance(i.instances, str) else i.instances))
        assert sorted((i.container_id, i.node_id, i.instances) for i in b.instances) == \
            sorted(deployed), trip.name
        original, back = ViewIndex(o), ViewIndex(b)
        for key in original.keys():
            view = original[key]
            if isinstance(view, DeploymentView):
                assert isinstance(back[key], DeploymentView)


def _styles(ws: Workspace) -> dict[str, dict[str, object]]:
    """Styles by tag, colours as Structurizr spells them (six lower-case digits: the same
    colour)."""
    def colour(value: object) -> object:
        if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{3}", value):
            value = "#" + "".join(c * 2 for c in value[1:])
        return value.lower() if isinstance(value, str) and value.startswith("#") else value

    return {tag: {k: colour(v) for k, v in values.items()}
            for tag, values in ViewIndex(ws).styles.by_tag.items()}


def test_same_styles(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        assert _styles(trip.back) == _styles(trip.original), trip.name


# -- the DSL itself ---------------------------------------------------------------------------


def test_hostile_text_is_escaped(trips: dict[str, Trip]) -> None:
    dsl = trips["hostile"].dsl
    assert "!include ../../etc/passwd" not in [line.strip() for line in dsl.splitlines()]
    assert "${HOME}" not in dsl and "${archdoc.dollar}{HOME}" in dsl
    assert '!const archdoc.dollar "$"' in dsl and '!const archdoc.empty ""' in dsl
    for line in dsl.splitlines():
        # every string closes on its own line: Structurizr's tokenizer takes a quote after a
        # backslash as part of the string, any other quote opens or closes one
        assert len(re.findall(r'(?<!\\)"', line)) % 2 == 0, line


def test_export_is_deterministic(trips: dict[str, Trip]) -> None:
    for trip in trips.values():
        again = run_export(trip.original, export_format("structurizr"), root=HERE)
        assert again.files[""] == trip.dsl, trip.name


def test_golden_ecommerce(trips: dict[str, Trip]) -> None:
    GOLDEN.check("ecommerce.dsl", trips["ecommerce"].dsl)


def test_cli_writes_the_file_and_says_what_it_dropped_once(tmp_path: Path,
                                                          trips: dict[str, Trip]) -> None:
    example = next(p for p in EXAMPLES if p.name == "ecommerce")
    target = tmp_path / "workspace.dsl"
    result = run_archdoc("export", "--format", "structurizr", "-o", str(target), cwd=example)
    assert result.code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == trips["ecommerce"].dsl
    for note in trips["ecommerce"].dropped:
        assert result.stderr.count(note) == 1, (note, result.stderr)
    piped = run_archdoc("export", "--format", "structurizr", cwd=example)
    assert piped.stdout == trips["ecommerce"].dsl
    refused = run_archdoc("export", "--format", "structurizr", "--view", "landscape",
                          cwd=example)
    assert refused.code != 0 and "one document" in refused.stderr
