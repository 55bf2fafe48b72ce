"""Property tests: random valid models build, validate, analyse and round-trip through the export.

A *plan* (plain data drawn by hypothesis) is turned into a Workspace by :func:`build`; building
the same plan twice must give byte-identical exports. Relationships join any two existing
elements, so plans include cycles, self-uses and parent-child relationships: the rules must
report those, never crash on them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archdoc import Workspace
from archdoc.analysis import (
    DependencyGraph,
    critical_paths,
    dependency_matrix,
    impact_of,
    startup_layers,
    sync_cycles,
)
from archdoc.export import WorkspaceDocument, export_json
from archdoc.model.elements import Element
from archdoc.validation.report import format_report
from archdoc_testing import diagnose

ROOT = Path(__file__).resolve().parent

PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

names = st.text(min_size=1, max_size=10).filter(lambda s: s.strip() != "")
"""Any Unicode, including non-Latin scripts, punctuation, emoji and control characters."""
short_text = st.text(max_size=12)
tags = st.lists(st.text(min_size=1, max_size=6), max_size=2)
property_values = st.one_of(
    st.text(max_size=6), st.integers(-10**6, 10**6), st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
properties = st.dictionaries(st.text(min_size=1, max_size=5), property_values, max_size=2)
criticality = st.sampled_from([None, "critical", "high", "medium", "low"])
interaction = st.sampled_from(["sync", "async"])
access = st.sampled_from([None, "read", "write", "readwrite"])
index = st.integers(min_value=0, max_value=10**6)
instances = st.one_of(st.none(), st.integers(0, 20), st.sampled_from(["2-10", "3", "x", "5-1"]))

containers = st.lists(
    st.tuples(st.sampled_from(["container", "database", "queue"]), names, short_text,
              st.lists(names, max_size=2)),
    max_size=3,
)
systems = st.lists(st.tuples(names, short_text, st.booleans(), containers), min_size=1, max_size=3)
relationships = st.lists(
    st.fixed_dictionaries({
        "source": index, "destination": index, "description": short_text, "technology": short_text,
        "interaction": interaction, "criticality": criticality, "access": access, "tags": tags,
        "properties": properties,
    }),
    max_size=8,
)
events = st.lists(
    st.tuples(names, st.lists(index, max_size=2), st.lists(index, max_size=2), st.booleans()),
    max_size=3,
)


def flow_items(depth: int) -> st.SearchStrategy[list[Any]]:
    leaf = st.one_of(
        st.tuples(st.sampled_from(["step", "reply"]), index, index, short_text),
        st.tuples(st.just("note"), st.lists(index, min_size=1, max_size=2), short_text),
    )
    if depth == 0:
        return st.lists(leaf, max_size=3)
    block = st.tuples(
        st.sampled_from(["alt", "opt", "loop", "parallel"]),
        st.lists(st.tuples(short_text, flow_items(depth - 1)), min_size=1, max_size=3),
    )
    return st.lists(st.one_of(leaf, block), max_size=4)


plans = st.fixed_dictionaries(
    {
        "workspace": names,
        "people": st.lists(st.tuples(names, short_text), max_size=3),
        "systems": systems,
        "relationships": relationships,
        "events": events,
        "failure_modes": st.lists(st.tuples(index, names, short_text), max_size=2),
        "flows": st.lists(st.tuples(names, flow_items(2)), max_size=2),
        "environments": st.lists(
            st.tuples(
                names,
                st.lists(
                    st.tuples(names, st.booleans(), instances, st.lists(index, max_size=2)),
                    max_size=3,
                ),
            ),
            max_size=2,
        ),
    }
)


def build(plan: dict[str, Any]) -> Workspace:
    """The Workspace a plan describes; indexes pick existing elements (modulo their number)."""
    ws = Workspace(plan["workspace"])
    elements: list[Element] = [ws.person(n, d) for n, d in plan["people"]]
    for name, description, external, children in plan["systems"]:
        system = ws.system(name, description, external=external)
        elements.append(system)
        for kind, child_name, child_description, components in children:
            container = getattr(system, kind)(child_name, child_description)
            elements.append(container)
            if kind == "container":
                elements.extend(container.component(c) for c in components)

    def pick(i: int) -> Element:
        return elements[i % len(elements)]

    for r in plan["relationships"]:
        pick(r["source"]).uses(
            pick(r["destination"]), r["description"], technology=r["technology"],
            interaction=r["interaction"], criticality=r["criticality"], access=r["access"],
            tags=r["tags"], properties=r["properties"],
        )
    parties = [e for e in elements if hasattr(e, "publishes")]
    queues = [e for e in elements if e.kind == "queue"]
    for event, producers, consumers, through_queue in plan["events"]:
        via = queues[0] if through_queue and queues else None
        for i in producers:
            if parties:
                parties[i % len(parties)].publishes(event, via=via)
        for i in consumers:
            if parties:
                parties[i % len(parties)].subscribes(event, "because", via=via)
    for i, impact, mitigation in plan["failure_modes"]:
        pick(i).failure_mode(impact, mitigation)
    for name, items in plan["flows"]:
        with ws.flow(name) as f:
            _add_items(f, items, pick)
    deployable = [e for e in elements if e.kind in ("container", "database", "queue")]
    for env_name, nodes in plan["environments"]:
        env = ws.environment(env_name)
        parent: Any = env
        for node_name, infrastructure, count, deploys in nodes:
            node = (parent.infrastructure if infrastructure else parent.node)(
                node_name, instances=count
            )
            for i in deploys:
                node.deploy(deployable[i % len(deployable)] if deployable else pick(i))
            if not infrastructure:
                parent = node  # the next node nests inside this one
    return ws


def _add_items(f: Any, items: list[Any], pick: Any) -> None:
    for item in items:
        kind = item[0]
        if kind in ("step", "reply"):
            getattr(f, kind)(pick(item[1]), pick(item[2]), item[3])
        elif kind == "note":
            f.note([pick(i) for i in item[1]], item[2])
        else:
            first, follow = {"alt": ("alt", "otherwise"), "parallel": ("parallel", "also"),
                             "opt": ("opt", None), "loop": ("loop", None)}[kind]
            for n, (label, nested) in enumerate(item[1]):
                if n > 0 and follow is None:
                    break
                with getattr(f, first if n == 0 else follow)(label):
                    _add_items(f, nested, pick)


@PROPERTY_SETTINGS
@given(plans)
def test_random_models_validate_and_analyse_without_raising(plan: dict[str, Any]) -> None:
    ws = build(plan)
    found = diagnose(ws)
    for fmt in ("text", "json", "github"):
        assert format_report(found, fmt).endswith("\n")  # type: ignore[arg-type]
    graph = DependencyGraph(ws)
    cycles = sync_cycles(graph)
    assert all(len(c) == len(set(c)) for c in cycles)
    layers = startup_layers(graph)
    assert sorted(u for layer in layers for u in layer) == sorted(graph.service_units())
    matrix = dependency_matrix(graph, include_people=True)
    assert sorted(matrix.order) == sorted(graph.graph.nodes)
    critical_paths(graph, limit=20)
    for element in ws.elements.values():
        for impact in impact_of(graph, element.id):
            assert (
                impact.chain[0] == impact.element_id and impact.element_id != graph.unit[element.id]
            )
        assert ws.find(element.id) is element


@PROPERTY_SETTINGS
@given(plans)
def test_ids_are_unique_and_dotted_by_ancestry(plan: dict[str, Any]) -> None:
    ws = build(plan)
    for element in ws.elements.values():
        assert element.id and element.id == element.id.strip()
        if element.parent_id is not None:
            assert element.id.startswith(element.parent_id + ".")
            assert element.id.count(".") == element.parent_id.count(".") + 1
        else:
            assert "." not in element.id
    ids = [*ws.elements, *ws.nodes, *(e.id for e in ws.environments)]
    assert len(ids) == len(set(ids))


@PROPERTY_SETTINGS
@given(plans)
def test_export_round_trips_and_is_deterministic(plan: dict[str, Any]) -> None:
    text = export_json(build(plan), root=ROOT)
    assert export_json(build(plan), root=ROOT) == text  # same model, same bytes
    document = WorkspaceDocument.model_validate_json(text)
    again = json.dumps(json.loads(document.model_dump_json()), indent=2, ensure_ascii=False) + "\n"
    assert again == text
    data = json.loads(text)
    assert [e["id"] for e in data["elements"]] == list(build(plan).elements)
