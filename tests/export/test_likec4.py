"""``archdoc export --format likec4``: one LikeC4 source file, read back by the LikeC4 CLI.

Every example, the nasty model and the styled one are exported into one LikeC4 workspace (a
project each); ``likec4 validate`` must accept it with no error, and ``likec4 export json``
must lay out every view. The model LikeC4 reads back is compared with archdoc's: the same
elements with the same text, the same relationships, the same elements and arrows in every
static view, the same steps in every flow, the same deployed instances. The e-commerce
example's export is a golden file.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archdoc.export.registry import export_format
from archdoc.export.run import run_export
from archdoc.model.flows import FlowMessage, walk
from archdoc.model.workspace import Workspace
from archdoc.views import ComputedView, DeploymentView, SequenceView, ViewIndex
from archdoc.views.relationships import drawn_relationships
from archdoc_testing import Golden, run_archdoc
from exportcases import EXAMPLES, HERE, ROOT, workspaces

LIKEC4 = ROOT / "node_modules" / ".bin" / "likec4"
GOLDEN = Golden(HERE / "golden" / "likec4")
VIEW = re.compile(r"^  (?:dynamic view|deployment view|view) (\S+)", re.MULTILINE)


@dataclass
class Case:
    workspace: Workspace
    text: str
    dropped: list[str]


def _likec4(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    if not LIKEC4.exists():
        pytest.skip(f"{LIKEC4} is missing: `make setup` installs the npm devDependencies")
    return subprocess.run([str(LIKEC4), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=900, check=False)


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    out = {}
    for name, ws in workspaces().items():
        result = run_export(ws, export_format("likec4"), root=ws.root or HERE)
        out[name] = Case(ws, result.files[""], result.dropped)
    return out


@pytest.fixture(scope="module")
def workspace_dir(cases: dict[str, Case], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LikeC4 workspace with one project per case: ``<case>/model.c4``."""
    root = tmp_path_factory.mktemp("likec4")
    for name, case in cases.items():
        (root / name).mkdir()
        (root / name / "model.c4").write_text(case.text, encoding="utf-8")
        (root / name / "likec4.config.json").write_text(json.dumps({"name": name}))
    return root


@pytest.fixture(scope="module")
def read_back(workspace_dir: Path) -> dict[str, dict[str, Any]]:
    """``likec4 export json`` of every project (laid out): the model as LikeC4 reads it."""
    target = workspace_dir.parent / f"{workspace_dir.name}.json"
    proc = _likec4("export", "json", "-o", str(target), str(workspace_dir), cwd=workspace_dir)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    problems = [line for line in output.splitlines()
                if re.search(r"\b(ERROR|WARN|Error|Fail)\b|not a known color", line)]
    assert not problems, output
    return {p["projectId"]: p for p in json.loads(target.read_text(encoding="utf-8"))}


def test_likec4_validate_accepts_every_export(workspace_dir: Path, cases: dict[str, Case]) -> None:
    # Layout is checked by `export json` (validate lays out only with a single project).
    proc = _likec4("validate", "--json", "--no-layout", str(workspace_dir), cwd=workspace_dir)
    report = json.loads(proc.stdout)
    assert report["errors"] == [] and report["valid"] is True, json.dumps(report, indent=1)
    assert proc.returncode == 0, proc.stderr
    assert report["stats"]["totalFiles"] == len(cases)


def test_every_view_is_laid_out(
    cases: dict[str, Case], read_back: dict[str, dict[str, Any]]
) -> None:
    for name, case in cases.items():
        written = VIEW.findall(case.text)
        assert sorted(read_back[name]["views"]) == sorted(written), name
        index = ViewIndex(case.workspace)
        empty = [k for k in index.keys() if isinstance(index[k], SequenceView)
                 and not index[k].participants]
        assert len(written) == len(index) - len(empty), name
        for view in read_back[name]["views"].values():
            assert view["_stage"] == "layouted" and "bounds" in view, (name, view["id"])


def _ids(project: dict[str, Any]) -> dict[str, str]:
    """LikeC4 FQN -> archdoc id (the `archdoc_id` metadata of every element)."""
    return {fqn: e["metadata"]["archdoc_id"] for fqn, e in project["elements"].items()}


def _text(value: Any) -> str:
    return "" if value is None else value.get("txt", value.get("md", "")) \
        if isinstance(value, dict) else value


def test_elements_and_relationships_read_back_as_in_archdoc(
        cases: dict[str, Case], read_back: dict[str, dict[str, Any]]) -> None:
    for name, case in cases.items():
        ws, project = case.workspace, read_back[name]
        ids = _ids(project)
        assert sorted(ids.values()) == sorted(ws.elements), name
        for fqn, element in project["elements"].items():
            mine = ws.elements[ids[fqn]]
            assert (element["kind"], element["title"]) == (mine.kind, mine.name), fqn
            assert _text(element.get("description")) == mine.description, fqn
            assert (element.get("technology") or "") == mine.technology, fqn
            assert len(element.get("tags") or []) == len(mine.tags), fqn
            parent = fqn.rpartition(".")[0]
            assert (ids[parent] if parent else None) == mine.parent_id, fqn
        expected = sorted(
            (r.source_id, r.destination_id, r.description, r.technology)
            for r in drawn_relationships(ws)
            if r.source_id in ws.elements and r.destination_id in ws.elements
            and not _same_branch(r.source_id, r.destination_id, ws))
        got = sorted((ids[r["source"]["model"]], ids[r["target"]["model"]], r.get("title", ""),
                      r.get("technology", "")) for r in project["relations"].values())
        assert got == expected, name


def _same_branch(a: str, b: str, ws: Workspace) -> bool:
    ea, eb = ws.elements[a], ws.elements[b]
    return ea is eb or ea.is_ancestor_of(eb) or eb.is_ancestor_of(ea)


def _group_frames(view: ComputedView) -> set[str]:
    """Element boundaries drawn as LikeC4 groups: those holding a group."""
    inner: dict[str | None, list[Any]] = {}
    for b in view.boundaries:
        inner.setdefault(b.parent, []).append(b)

    def holds(id: str) -> bool:
        return any(c.kind == "group" or holds(c.id) for c in inner.get(id, []))

    return {b.id for b in view.boundaries if b.kind == "element" and holds(b.id)}


def test_static_views_draw_archdoc_elements_and_arrows(
        cases: dict[str, Case], read_back: dict[str, dict[str, Any]]) -> None:
    for name, case in cases.items():
        project = read_back[name]
        ids = _ids(project)
        index = ViewIndex(case.workspace)
        names = dict(zip([k for k in index.keys() if not _skipped(index, k)],
                         VIEW.findall(case.text)))
        for key in index.keys():
            view = index[key]
            if not isinstance(view, ComputedView):
                continue
            drawn = project["views"][names[key]]
            frames = _group_frames(view)
            want = set(view.element_ids) | {b.id for b in view.boundaries
                                             if b.kind == "element" and b.id not in frames}
            got = {ids[n["id"]] for n in drawn["nodes"] if n["id"] in ids}
            assert got == want, (name, key)
            groups = sorted(n["title"] for n in drawn["nodes"] if n["id"] not in ids)
            assert groups == _group_titles(view, frames), (name, key)
            arrows = {(ids[e["source"]], ids[e["target"]]) for e in drawn["edges"]}
            assert arrows == {(e.source_id, e.destination_id) for e in view.edges}, (name, key)


def _group_titles(view: ComputedView, frames: set[str]) -> list[str]:
    """The titles of the LikeC4 groups of a view: archdoc's groups and the element boundaries
    drawn as groups, each with a box somewhere under it."""
    by_id = {b.id: b for b in view.boundaries}
    filled = set()
    for node in view.nodes:
        frame = node.boundary
        while frame is not None:
            filled.add(frame)
            frame = by_id[frame].parent
    kinds = {"system": "Software System", "container": "Container", "database": "Database",
             "queue": "Queue"}
    return sorted(b.label if b.kind == "group" else f"{b.label} [{kinds[b.element_kind]}]"
                  for b in view.boundaries
                  if (b.kind == "group" or b.id in frames) and b.id in filled)


def _skipped(index: ViewIndex, key: str) -> bool:
    view = index[key]
    return isinstance(view, SequenceView) and not view.participants


def test_flows_keep_their_steps_in_order(
        cases: dict[str, Case], read_back: dict[str, dict[str, Any]]) -> None:
    for name, case in cases.items():
        ws, project = case.workspace, read_back[name]
        ids = _ids(project)
        index = ViewIndex(ws)
        names = dict(zip([k for k in index.keys() if not _skipped(index, k)],
                         VIEW.findall(case.text)))
        for key in index.keys():
            view = index[key]
            if not isinstance(view, SequenceView) or _skipped(index, key):
                continue
            steps = [(m.source_id, m.destination_id, _words(m.description))
                     for m in walk(view.items)
                     if isinstance(m, FlowMessage) and m.source_id in ws.elements
                     and m.destination_id in ws.elements
                     and (m.source_id == m.destination_id
                          or not _same_branch(m.source_id, m.destination_id, ws))]
            drawn = project["views"][names[key]]
            # A reply (`a <- b`) reads back as the step from b to a.
            got = [(ids[e["source"]], ids[e["target"]], _words(e.get("label") or ""))
                   for e in sorted(drawn["edges"], key=lambda e: _step_order(e["id"]))]
            assert got == steps, (name, key)


def _words(text: str) -> str:
    """Labels as laid out: LikeC4 wraps long ones."""
    return " ".join(text.split())


def _step_order(step_id: str) -> list[int]:
    """``step-03:alt.01:when.02`` -> [3, 1, 2]: the order steps are declared in."""
    return [int(n) for n in re.findall(r"\d+", step_id)]


def test_deployments_deploy_the_same_containers(
        cases: dict[str, Case], read_back: dict[str, dict[str, Any]]) -> None:
    for name, case in cases.items():
        ws, project = case.workspace, read_back[name]
        ids = _ids(project)
        deployed = project["deployments"]["elements"]
        nodes = {fqn: e["metadata"]["archdoc_id"] for fqn, e in deployed.items()
                 if "element" not in e}
        got = sorted((nodes[fqn.rpartition(".")[0]], ids[e["element"]])
                     for fqn, e in deployed.items() if "element" in e)
        known = [i for i in ws.instances if i.container_id in ws.elements]
        assert got == sorted((i.node_id, i.container_id) for i in known), name
        assert sorted(nodes.values()) == sorted([e.id for e in ws.environments] + list(ws.nodes))
        index = ViewIndex(ws)
        names = dict(zip([k for k in index.keys() if not _skipped(index, k)],
                         VIEW.findall(case.text)))
        for key in index.keys():
            view = index[key]
            if isinstance(view, DeploymentView):
                drawn = project["views"][names[key]]["nodes"]
                assert len(drawn) == len(view.boxes()) + len(
                    [c for c in view.deployed() if c.known]), (name, key)
        links = sorted((nodes[r["source"]["deployment"]], nodes[r["target"]["deployment"]])
                       for r in project["deployments"]["relations"].values())
        assert links == sorted((e.source_id, e.destination_id, ) for k in index.keys()
                               if isinstance(v := index[k], DeploymentView)
                               for e in v.edges if e.between == "nodes"
                               for _ in e.relationships), name


def test_hostile_text_reads_back_exactly(read_back: dict[str, dict[str, Any]],
                                          cases: dict[str, Case]) -> None:
    project = read_back["nasty"]
    ws = cases["nasty"].workspace
    flow = next(v for v in project["views"].values() if v["_type"] == "dynamic")
    assert flow["title"] == ws.flows[0].name
    labels = [e.get("label") for e in flow["edges"]]
    assert ws.flows[0].items[0].description in labels  # type: ignore[union-attr]
    environment = project["deployments"]["elements"]["env"]
    assert environment["title"] == ws.environments[0].name
    assert _text(environment["description"]) == ws.environments[0].description


def test_styles_tags_and_groups_reach_likec4(read_back: dict[str, dict[str, Any]],
                                             cases: dict[str, Case]) -> None:
    project = read_back["styled"]
    spec = project["specification"]
    assert {"person", "system", "container", "database", "queue", "component"} <= set(
        spec["elements"])
    assert spec["elements"]["database"]["style"]["shape"] == "cylinder"
    assert {"critical", "pci_dss", "bus_line", "vip", "legacy"} <= set(spec["tags"])
    assert spec["tags"]["critical"]["color"] == "#fb923c"
    assert spec["customColors"]["c4-external"]["elements"]["fill"]
    elements = {e["metadata"]["archdoc_id"]: e for e in project["elements"].values()}
    assert elements["shop.3d-api"]["style"]["color"] == "tag-critical"
    assert elements["shop.3d-api"]["style"]["border"] == "dotted"
    assert elements["partner-注文"]["style"]["color"] == "c4-external"
    assert elements["shop.style"]["metadata"]["group_path"] == "Front"
    assert elements["shop"]["metadata"]["cost_monthly"] == "$420"
    assert elements["shop"]["metadata"]["public"] == "true"
    payments = project["views"]["payments"]
    assert payments["autoLayout"]["direction"] == "LR"
    groups = {n["title"] for n in payments["nodes"] if n["id"].startswith("@")}
    assert {"Internal", "Shop [Software System]", "Front", "Core"} <= groups
    relations = {(r["source"]["model"], r["target"]["model"]): r
                 for r in project["relations"].values()}
    bus = relations[("shop.n3d_api", "shop.bus")]
    assert (bus["kind"], bus["line"], bus["color"]) == ("async", "dotted", "tag-bus_line")
    assert bus["metadata"]["topic_name"] == "orders"


def test_what_likec4_cannot_carry_is_said(cases: dict[str, Case]) -> None:
    dropped = "\n".join(cases["styled"].dropped)
    for text in ("groups: LikeC4's model has none", "the hexagon shape", "line widths",
                 "notes over participants", "parallel blocks directly inside parallel blocks",
                 "steps between an element and its own part", "flows without a participant",
                 "element boundaries holding groups"):
        assert text in dropped
    assert all(d.count("\n") == 0 for d in cases["styled"].dropped)


def test_the_ecommerce_export_is_the_golden_file(cases: dict[str, Case]) -> None:
    GOLDEN.check("ecommerce.c4", cases["ecommerce"].text)


def test_the_export_is_deterministic(cases: dict[str, Case]) -> None:
    again = workspaces()["styled"]
    assert run_export(again, export_format("likec4"), root=HERE).files[""] == \
        cases["styled"].text


def test_archdoc_export_writes_the_file_and_says_what_it_drops(tmp_path: Path) -> None:
    example = next(p for p in EXAMPLES if p.name == "ecommerce")
    result = run_archdoc("export", "--format", "likec4", cwd=example)
    assert result.code == 0, result.output
    assert result.stdout == (GOLDEN.path("ecommerce.c4")).read_text(encoding="utf-8")
    assert "likec4 cannot carry: steps between an element and its own part" in result.stderr
    assert len(result.stderr.splitlines()) == len(set(result.stderr.splitlines()))
    target = tmp_path / "out" / "model.c4"
    result = run_archdoc("export", "--format", "likec4", "-o", str(target), cwd=example)
    assert result.code == 0, result.output
    assert target.read_text(encoding="utf-8") == GOLDEN.path("ecommerce.c4").read_text(
        encoding="utf-8")
    refused = run_archdoc("export", "--format", "likec4", "--view", "landscape", cwd=example)
    assert refused.code != 0 and "one document" in refused.output
