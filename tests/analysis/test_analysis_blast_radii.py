"""``blast_radii`` gives, for every unit at once, what ``impact_of`` gives for one; with them,
``nearest_impacts`` gives the first rows of ``impact_of`` and its counts."""

from __future__ import annotations

import random

import pytest

from archdoc import Workspace
from archdoc.analysis.graph import DependencyGraph
from archdoc.analysis.impact import NearestImpacts, blast_radii, impact_of, nearest_impacts


def _expected(graph: DependencyGraph, unit: str) -> tuple[set[str], set[str]]:
    impacts = impact_of(graph, unit)
    return ({i.element_id for i in impacts if i.effect == "breaks"},
            {i.element_id for i in impacts if i.effect == "degraded"})


def random_model(seed: int) -> Workspace:
    rng = random.Random(seed)
    ws = Workspace(f"Random {seed}")
    system = ws.system("S", "System")
    people = [ws.person(f"P{i}", "User") for i in range(2)]
    units = [system.container(f"C{i}", "Service") for i in range(12)]
    units += [system.database(f"D{i}", "Data", owner=units[i]) for i in range(3)]
    components = [units[i].component(f"K{i}", "Part") for i in range(3)]
    for _ in range(30):  # cycles, self-references through components, async links
        a, b = rng.sample(units + components, 2)
        if a.id != b.id and not (a.id.startswith(b.id + ".") or b.id.startswith(a.id + ".")):
            a.uses(b, "Calls", interaction=rng.choice(["sync", "sync", "async"]))
    for person in people:
        person.uses(rng.choice(units), "Uses")
    producer, consumer = units[1], units[7]
    producer.publishes("thing.done")
    consumer.subscribes("thing.done")
    if seed % 2:
        units[3].failure_mode("Down", fallback="Cached answers")
    return ws


@pytest.mark.parametrize("seed", range(8))
def test_blast_radii_equal_impact_of_for_every_unit(seed: int) -> None:
    graph = DependencyGraph(random_model(seed))
    radii = blast_radii(graph)
    for unit in graph.nodes:
        breaks, degraded = _expected(graph, unit)
        assert set(radii.ids(radii.breaks[unit])) == breaks, unit
        assert set(radii.ids(radii.degraded[unit])) == degraded, unit


def test_two_graphs_measured_over_the_same_units_compare_bit_for_bit() -> None:
    graph = DependencyGraph(random_model(1))
    order = list(reversed(graph.nodes))
    radii = blast_radii(graph, ["elsewhere", *order])
    assert radii.units[:2] == ["elsewhere", order[0]]
    assert radii.index["elsewhere"] == 0
    assert all(not (mask & 1) for mask in radii.breaks.values())


@pytest.mark.parametrize("seed", range(8))
def test_the_nearest_impacts_are_the_first_rows_of_impact_of(seed: int) -> None:
    ws = random_model(seed)
    graph = DependencyGraph(ws)
    radii = blast_radii(graph)
    for id in ws.elements:  # units walked only as far as the rows; systems, components whole
        whole = impact_of(graph, id)
        for limit in (1, 2, 3, 5, len(whole) + 1):
            assert nearest_impacts(graph, id, limit, radii) == NearestImpacts.of(whole, limit), \
                (id, limit)


def test_a_hub_s_nearest_impacts_stop_at_the_rows_asked_for() -> None:
    ws = Workspace("Hub")
    system = ws.system("S", "System")
    hub = system.database("Hub", "Shared")
    callers = [system.container(f"C{i}", "Service") for i in range(40)]
    for i, caller in enumerate(callers):
        caller.uses(hub if i < 20 else callers[i - 20], "Calls",
                    interaction="async" if i % 3 == 0 else "sync")
    graph = DependencyGraph(ws)
    nearest = nearest_impacts(graph, hub.id, 5, blast_radii(graph))
    whole = impact_of(graph, hub.id)
    assert nearest == NearestImpacts.of(whole, 5)
    assert (nearest.total, len(nearest.impacts)) == (40, 5)
    assert [i.distance for i in nearest.impacts] == [1] * 5
