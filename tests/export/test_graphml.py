"""``archdoc export --format graphml``: one GraphML graph per view, read back by networkx.

Every view of every example, of the nasty model and of the hostile one is read by
``networkx.read_graphml`` (the reader of the library archdoc depends on): the same nodes, edges
and text as the computed view, exactly as written. The GraphML schema itself is not on any
package registry, so its structural rules the readers rely on are checked on the XML directly:
the namespace, node and edge ids that are XML name tokens and unique, and booleans as
``true``/``false``. The e-commerce example's views of each kind are compared with golden files.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from archdoc import Workspace
from archdoc.export.base import file_name
from archdoc.export.registry import export_format
from archdoc.export.run import run_export
from archdoc.model.flows import FlowMessage, walk
from archdoc.views import ComputedView, DeploymentView, ViewIndex
from archdoc_testing import Golden, ProjectFactory, run_archdoc
from viewexports import EXAMPLES, GOLDEN_KEYS, HERE, Export, export_models, hostile

GOLDEN = Golden(HERE / "golden" / "graphml")
ECOMMERCE = next(p for p in EXAMPLES if p.name == "ecommerce")
NS = "{http://graphml.graphdrawing.org/xmlns}"
NMTOKEN = re.compile(r"[\w.:-]+")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Export]:
    return export_models("graphml", tmp_path_factory.mktemp("graphml"))


def _expected(view: object) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(archdoc id, label) of every node and (source, destination, label) of every edge."""
    if isinstance(view, ComputedView):
        return ([(n.id, n.name) for n in view.nodes],
                [(e.source_id, e.destination_id, e.label) for e in view.edges])
    if isinstance(view, DeploymentView):
        nodes = []
        for box in view.boxes():
            nodes.append((box.id, box.name))
            nodes += [(c.id, c.name) for c in box.containers]
        return nodes, [(e.source_id, e.destination_id, e.label) for e in view.edges]
    messages = [m for m in walk(view.items) if isinstance(m, FlowMessage)]  # type: ignore[attr-defined]
    return ([(p.id, p.name) for p in view.participants],  # type: ignore[attr-defined]
            [(m.source_id, m.destination_id, m.description) for m in messages])


def test_networkx_reads_every_view_of_every_model_as_drawn(exports: list[Export]) -> None:
    assert {e.model.name for e in exports} == {p.name for p in EXAMPLES} | {"nasty", "hostile"}
    checked = 0
    for export in exports:
        index = ViewIndex(export.model.workspace)
        assert len(export.files) == len(index), export.model.name  # flows too
        assert export.dropped == [], export.model.name
        for key in index.keys():
            path = export.directory / file_name(key, ".graphml")
            graph = nx.read_graphml(path, force_multigraph=True)
            nodes, edges = _expected(index[key])
            assert [(d["id"], d["label"]) for _, d in graph.nodes(data=True)] == nodes, key
            ids = {n: d["id"] for n, d in graph.nodes(data=True)}
            read = sorted((ids[s], ids[t], d["label"]) for s, t, d in graph.edges(data=True))
            assert read == sorted(edges), key
            assert graph.graph["key"] == key and graph.graph["title"] == index[key].title
            checked += 1
    assert checked > 200


def test_the_xml_keeps_the_rules_of_graphml(exports: list[Export]) -> None:
    for export in exports:
        for name, text in export.files.items():
            root = ET.fromstring(text.encode("utf-8"))
            assert root.tag == f"{NS}graphml", name
            keys = {k.get("id"): k.get("attr.type") for k in root.iter(f"{NS}key")}
            graphs = root.findall(f"{NS}graph")
            assert len(graphs) == 1 and graphs[0].get("edgedefault") == "directed", name
            node_ids = [n.get("id") for n in graphs[0].iter(f"{NS}node")]
            edge_ids = [e.get("id") for e in graphs[0].iter(f"{NS}edge")]
            for id in node_ids + edge_ids:
                assert id is not None and NMTOKEN.fullmatch(id), (name, id)
            assert len(set(node_ids)) == len(node_ids) and len(set(edge_ids)) == len(edge_ids)
            for edge in graphs[0].iter(f"{NS}edge"):
                assert edge.get("source") in node_ids and edge.get("target") in node_ids
            for data in root.iter(f"{NS}data"):
                assert data.get("key") in keys, name
                if keys[data.get("key")] == "boolean":
                    assert data.text in ("true", "false"), (name, data.text)


def test_hostile_ids_and_text_come_back_as_written(exports: list[Export]) -> None:
    export = next(e for e in exports if e.model.name == "hostile")
    index = ViewIndex(export.model.workspace)
    ids: set[str] = set()
    for key in index.keys():
        graph = nx.read_graphml(export.directory / file_name(key, ".graphml"),
                                force_multigraph=True)
        ids.update(d["id"] for _, d in graph.nodes(data=True))
        view = index[key]
        if isinstance(view, ComputedView):
            assert [d["description"] for _, d in graph.nodes(data=True)] == [
                n.description for n in view.nodes], key
            assert [d["tags"] for _, d in graph.nodes(data=True)] == [
                ",".join(n.tags) for n in view.nodes], key
    assert "LAYOUT_TOP_DOWN.a-b.c1" in ids


def test_ids_no_xml_name_takes_are_kept_as_data(tmp_path: Path) -> None:
    ws = Workspace("Odd")
    odd = ws.system("Odd", "An id no format takes as it is", id="odd'*$\"{x}->y;")
    ws.system("Other", "Calls it").uses(odd, "Calls")
    fmt = export_format("graphml")
    assert fmt is not None
    path = tmp_path / "landscape.graphml"
    path.write_text(run_export(ws, fmt, root=HERE).files["landscape.graphml"], encoding="utf-8")
    graph = nx.read_graphml(path, force_multigraph=True)
    assert dict(graph.nodes(data="id")) == {"n1": "odd'*$\"{x}->y;", "n2": "other"}
    assert list(graph.edges(keys=True)) == [("n2", "n1", "e1")]


def test_ecommerce_views_match_the_golden_files(exports: list[Export]) -> None:
    export = next(e for e in exports if e.model.name == "ecommerce")
    for key in GOLDEN_KEYS:
        name = file_name(key, ".graphml")
        GOLDEN.check(name, export.files[name])


def test_export_is_deterministic() -> None:
    fmt = export_format("graphml")
    assert fmt is not None
    first = run_export(hostile(), fmt, root=HERE).files
    assert first == run_export(hostile(), fmt, root=HERE).files


def test_control_characters_are_replaced_and_said_once() -> None:
    ws = Workspace("Ctl")
    shop = ws.system("Shop\x07", "Bell \x1b[31m and nul \x00")
    ws.system("Bank", "Pays \x0b").uses(shop, "Sends \x0c")
    fmt = export_format("graphml")
    assert fmt is not None
    result = run_export(ws, fmt, root=HERE)
    assert result.dropped == ["control characters, which XML cannot carry (written as U+FFFD)"]
    text = result.files["landscape.graphml"]
    ET.fromstring(text.encode("utf-8"))
    assert "Shop\ufffd" in text and "Bell \ufffd[31m and nul \ufffd" in text


def test_cli_writes_one_graph_per_view(tmp_path: Path) -> None:
    out = tmp_path / "graphs"
    result = run_archdoc("export", "--format", "graphml", "-o", str(out), cwd=ECOMMERCE)
    assert result.code == 0 and result.stderr == "", result.output
    assert len(list(out.iterdir())) == 39
    one = run_archdoc("export", "--format", "graphml", "--view", "containers:ecommerce",
                      cwd=ECOMMERCE)
    assert one.code == 0, one.output
    assert one.stdout == (out / "containers-ecommerce.graphml").read_text(encoding="utf-8")


def test_cli_says_what_it_replaced(project: ProjectFactory) -> None:
    root = project('''
        from archdoc import Workspace

        ws = Workspace("Ctl")
        ws.system("Shop", "Rings a bell \\x07")
    ''', mkdocs="site_name: Ctl\nplugins: [archdoc]\n")
    result = run_archdoc("export", "--format", "graphml", "--view", "landscape", cwd=root)
    assert result.code == 0, result.output
    assert "Rings a bell \ufffd" in result.stdout
    assert "control characters, which XML cannot carry" in result.stderr
