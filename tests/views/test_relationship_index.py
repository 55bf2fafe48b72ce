"""The relationship index: what a view's edges are lifted from."""

from __future__ import annotations

import random

import pytest

from archdoc import Workspace
from archdoc.views.relationships import RelationshipIndex


def nested_model(seed: int) -> Workspace:
    """Systems, containers and components used across levels, with a hub most things use."""
    rng = random.Random(seed)
    ws = Workspace(f"Nested {seed}")
    systems = [ws.system(f"S{i}", "System") for i in range(3)]
    containers = [rng.choice(systems).container(f"C{i}", "Service") for i in range(10)]
    components = [rng.choice(containers).component(f"K{i}", "Part") for i in range(8)]
    hub = systems[0].queue("Hub", "Shared")
    everything = [*systems, *containers, *components]
    for element in everything:
        if rng.random() < 0.7:
            element.uses(hub, "Talks through the hub")
    for _ in range(40):
        a, b = rng.sample(everything, 2)
        a.uses(b, "Calls")
    return ws


@pytest.mark.parametrize("seed", range(6))
def test_between_lifts_to_the_same_edges_as_touching(seed: int) -> None:
    ws = nested_model(seed)
    index = RelationshipIndex(ws)
    rng = random.Random(seed)
    ids = list(ws.elements)
    for size in (1, 2, 3, 5, 8, 13, len(ids)):
        for _ in range(20):
            boxes = rng.sample(ids, min(size, len(ids)))
            visible = set(boxes)
            assert index.lifted(index.between(boxes), visible) == \
                index.lifted(index.touching(boxes), visible), boxes


def test_between_leaves_out_what_only_the_hub_touches() -> None:
    ws = Workspace("Hub")
    system = ws.system("S", "System")
    hub = system.queue("Hub", "Shared")
    services = [system.container(f"C{i}", "Service") for i in range(50)]
    for service in services:
        service.uses(hub, "Publishes")
    services[1].uses(services[0], "Calls")
    index = RelationshipIndex(ws)
    boxes = [services[0].id, services[1].id, hub.id]
    assert [r.id for r in index.between(boxes)] == [
        "s.c0->s.hub", "s.c1->s.hub", "s.c1->s.c0"]
    assert len(index.touching(boxes)) == 51
