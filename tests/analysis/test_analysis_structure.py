"""The shape of the graph: sync cycles, startup layers, critical paths, the dependency matrix."""

from __future__ import annotations

import pytest

from archdoc import Workspace
from archdoc.analysis import (
    DependencyGraph,
    critical_paths,
    dependency_matrix,
    startup_layers,
    sync_cycles,
)


def services(*names: str) -> tuple[Workspace, dict[str, object]]:
    ws = Workspace("W")
    s = ws.system("S")
    return ws, {n: s.container(n.upper()) for n in names}


def declare(ws: Workspace, deps: str) -> None:
    """``"a>b b~>c"``: a uses b (sync), b uses c (async); ids are ``s.<name>``."""
    for dep in deps.split():
        interaction = "async" if "~>" in dep else "sync"
        source, destination = dep.replace("~>", ">").split(">")
        ws.elements[f"s.{source}"].uses(f"s.{destination}", interaction=interaction)  # type: ignore[arg-type]


def short(ids: list[str]) -> list[str]:
    return [i.removeprefix("s.") for i in ids]


@pytest.mark.parametrize(
    ("deps", "cycles"),
    [
        ("a>b b>c", []),
        ("a>b b>a", [["a", "b"]]),
        ("a>b b>c c>a", [["a", "b", "c"]]),
        ("c>a a>b b>c", [["a", "b", "c"]]),        # members start at the first declared, in order
        ("a>b b~>a", []),                           # an async loop (a saga) is not a cycle
        ("a>b b>c c~>a", []),
        ("a>b b>a c>d d>c", [["a", "b"], ["c", "d"]]),
        ("a>b b>a a~>b", [["a", "b"]]),             # sync wins when a pair has both
    ],
)
def test_sync_cycles(deps: str, cycles: list[list[str]]) -> None:
    ws, _ = services("a", "b", "c", "d")
    declare(ws, deps)
    assert [short(c) for c in sync_cycles(DependencyGraph(ws))] == cycles


def test_sync_cycle_through_events_is_ignored_but_through_components_counts() -> None:
    ws, s = services("a", "b")
    ws.elements["s.a"].publishes("x")  # type: ignore[attr-defined]
    ws.elements["s.b"].subscribes("x")  # type: ignore[attr-defined]
    declare(ws, "a>b")
    assert sync_cycles(DependencyGraph(ws)) == []
    ws.elements["s.b"].component("K").uses(ws.elements["s.a"].component("L"))  # type: ignore[attr-defined]
    assert [short(c) for c in sync_cycles(DependencyGraph(ws))] == [["a", "b"]]


@pytest.mark.parametrize(
    ("deps", "layers"),
    [
        ("", [["a", "b", "c", "d"]]),
        ("a>b b>c", [["c", "d"], ["b"], ["a"]]),
        ("a>c b>c c>d", [["d"], ["c"], ["a", "b"]]),
        ("a>b b>a b>c", [["c", "d"], ["a", "b"]]),   # a cycle shares a layer
        ("a~>b", [["b", "c", "d"], ["a"]]),         # an async consumer still needs its queue
    ],
)
def test_startup_layers(deps: str, layers: list[list[str]]) -> None:
    ws, _ = services("a", "b", "c", "d")
    declare(ws, deps)
    assert [short(layer) for layer in startup_layers(DependencyGraph(ws))] == layers


def test_startup_layers_leave_out_people_and_events() -> None:
    ws, _ = services("a", "b")
    ws.person("User").uses("s.a")
    ws.elements["s.a"].publishes("e")  # type: ignore[attr-defined]
    ws.elements["s.b"].subscribes("e")  # type: ignore[attr-defined]
    db = ws.elements["s"].database("DB", owner=ws.elements["s.b"])  # type: ignore[attr-defined]
    assert [short(layer) for layer in startup_layers(DependencyGraph(ws))] == [
        ["a", db.id[2:]],
        ["b"],
    ]


def test_critical_paths() -> None:
    ws, _ = services("a", "b", "c", "d", "e")
    crit = {"criticality": "critical"}
    get = ws.elements.__getitem__
    get("s.a").uses("s.b", **crit)  # type: ignore[arg-type]
    get("s.b").uses("s.c", **crit)  # type: ignore[arg-type]
    get("s.c").uses("s.d", criticality="high")
    get("s.e").uses("s.c", **crit)  # type: ignore[arg-type]
    get("s.d").uses("s.e", **crit)  # type: ignore[arg-type]
    paths = [short(p) for p in critical_paths(DependencyGraph(ws))]
    assert paths == [["a", "b", "c"], ["d", "e", "c"]]


def test_critical_paths_in_a_critical_cycle_and_limit() -> None:
    ws, _ = services("a", "b", "c")
    for s, d in [("a", "b"), ("b", "c"), ("c", "a")]:
        ws.elements[f"s.{s}"].uses(f"s.{d}", criticality="critical")
    graph = DependencyGraph(ws)
    assert [short(p) for p in critical_paths(graph)] == [
        ["a", "b", "c"],
        ["b", "c", "a"],
        ["c", "a", "b"],
    ]
    assert len(critical_paths(graph, limit=1)) == 1
    assert critical_paths(DependencyGraph(Workspace("Empty"))) == []


def test_matrix_orders_dependencies_first_with_cycles_as_blocks() -> None:
    ws, _ = services("web", "api", "db", "x", "y", "lonely")
    declare(ws, "web>api api>db api>x x>y y>x")
    ws.person("User").uses("s.web")
    graph = DependencyGraph(ws)
    matrix = dependency_matrix(graph)
    assert short(matrix.order) == ["db", "x", "y", "lonely", "api", "web"]
    assert matrix.blocks == [(1, 2)]
    marks = sorted(
        (short([matrix.order[r]])[0], short([matrix.order[c]])[0]) for r, c in matrix.cells
    )
    assert marks == sorted([("web", "api"), ("api", "db"), ("api", "x"), ("x", "y"), ("y", "x")])
    above = [(r, c) for r, c in matrix.cells if c > r]
    assert above == [(1, 2)]  # the only mark above the diagonal is inside the cycle's block
    assert (
        matrix.cells[(matrix.order.index("s.web"), matrix.order.index("s.api"))].source_id
        == "s.web"
    )


def test_matrix_with_people_and_async_edges() -> None:
    ws, _ = services("a", "b")
    declare(ws, "a~>b")
    ws.person("User").uses("s.a")
    matrix = dependency_matrix(DependencyGraph(ws), include_people=True)
    assert matrix.order == ["s.b", "s.a", "user"]
    assert matrix.blocks == []
    assert dependency_matrix(DependencyGraph(ws)).order == ["s.b", "s.a"]


def test_a_system_with_containers_is_a_unit_only_when_named_directly() -> None:
    ws, _ = services("a")
    other = ws.system("Other")
    assert "s" not in DependencyGraph(ws).graph and "other" in DependencyGraph(ws).graph
    ws.person("User").uses("s")
    graph = DependencyGraph(ws)
    assert "s" in graph.graph
    assert [short(layer) for layer in startup_layers(graph)] == [["s", "a", "other"]]
    assert other.id == "other"


def test_analysis_is_deterministic() -> None:
    def build() -> DependencyGraph:
        ws, _ = services("a", "b", "c", "d")
        declare(ws, "a>b b>c c>a d>a d~>c")
        return DependencyGraph(ws)

    one, two = build(), build()
    assert sync_cycles(one) == sync_cycles(two)
    assert startup_layers(one) == startup_layers(two)
    assert dependency_matrix(one).order == dependency_matrix(two).order
