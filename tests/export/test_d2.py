"""``archdoc export --format d2``: one D2 diagram per view, compiled by D2 itself.

Every view of every example, of the nasty model and of the styled one goes through one Node
process running ``@terrastruct/d2``'s compiler (``d2_compile.mjs``): no error, and the compiled
diagram holds what archdoc drew: a shape per box with its name, colours and shape, a connection
per arrow, each flow's messages between its participants (never a stray participant made up
inside a group), each environment's nodes and containers. Hostile text comes back as written.
The e-commerce example's views of each kind are golden files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archdoc.export.base import file_name
from archdoc.export.registry import export_format
from archdoc.export.run import run_export
from archdoc.model.flows import FlowBlock, FlowMessage, FlowNote, walk
from archdoc.model.workspace import Workspace
from archdoc.views import ComputedView, DeploymentView, SequenceView, ViewIndex
from archdoc_testing import Golden, run_archdoc
from exportcases import EXAMPLES, HERE, ROOT, workspaces

SCRIPT = HERE / "d2_compile.mjs"
GOLDEN = Golden(HERE / "golden" / "d2")
GOLDEN_KEYS = ["landscape", "containers:ecommerce", "components:ecommerce.order-api",
               "flow:checkout", "deployment:production"]
D2_SHAPES = {"box": "rectangle", "rounded": "rectangle", "cylinder": "cylinder",
             "person": "c4-person", "queue": "queue", "hexagon": "hexagon", "folder": "package",
             "component": "rectangle"}


@dataclass
class Case:
    workspace: Workspace
    views: ViewIndex
    files: dict[str, str]
    dropped: list[str]


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    out = {}
    for name, ws in workspaces().items():
        result = run_export(ws, export_format("d2"), root=ws.root or HERE)
        out[name] = Case(ws, ViewIndex(ws), result.files, result.dropped)
    return out


@pytest.fixture(scope="module")
def compiled(cases: dict[str, Case], tmp_path_factory: pytest.TempPathFactory
             ) -> dict[tuple[str, str], dict[str, Any]]:
    """(case, view key) -> what D2 compiled: its shapes and connections."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "@terrastruct" / "d2").is_dir():
        pytest.skip("node or @terrastruct/d2 is missing: `make setup` installs the npm "
                    "devDependencies")
    sources = {f"{name}\n{key}": case.files[file_name(key, '.d2')]
               for name, case in cases.items() for key in case.views.keys()}
    sources["control\nbroken"] = 'x -> "y'  # must not compile: the check can fail
    path = tmp_path_factory.mktemp("d2") / "sources.json"
    path.write_text(json.dumps(sources), encoding="utf-8")
    target = path.with_name("compiled.json")
    proc = subprocess.run([node, str(SCRIPT), str(path), str(target)], capture_output=True,
                          text=True, timeout=1800, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(target.read_text(encoding="utf-8"))
    return {tuple(k.split("\n", 1)): v for k, v in results.items()}  # type: ignore[misc]


def _plain(text: str) -> str:
    return text.replace("\r", "")


def _arrows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The connections a diagram draws (not the lifelines D2 adds to sequence diagrams)."""
    return [c for c in result["connections"] if "-lifeline-end-" not in c["dst"]]


def test_d2_compiles_every_view(cases: dict[str, Case],
                                compiled: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert "double quoted strings must be terminated" in compiled[("control", "broken")]["error"]
    errors = {k: v["error"] for k, v in compiled.items() if v["error"] and k[0] != "control"}
    assert not errors, errors
    for name, case in cases.items():
        assert len(case.files) == len(case.views), name  # every view, none skipped


def test_static_views_are_archdoc_boxes_boundaries_and_arrows(
        cases: dict[str, Case], compiled: dict[tuple[str, str], dict[str, Any]]) -> None:
    for name, case in cases.items():
        for key in case.views.keys():
            view = case.views[key]
            if not isinstance(view, ComputedView):
                continue
            result = compiled[(name, key)]
            titles = [_plain(s["label"]) for s in result["shapes"]]
            assert len(result["shapes"]) == len(view.nodes) + len(view.boundaries), (name, key)
            for node in view.nodes:
                shape = next(s for s in result["shapes"]
                             if _plain(s["label"]).startswith(_plain(node.name) + "\n["))
                style = node.style
                border = "#f59e0b" if node.focus else style.border  # the view's subject
                assert (shape["fill"], shape["stroke"], shape["color"]) == (
                    style.fill, border, style.text), (name, key, node.id)
                assert shape["type"] == D2_SHAPES[style.shape], (name, key, node.id)
                if node.description:
                    assert _plain(shape["tooltip"]) == _plain(node.description)
            for boundary in view.boundaries:
                assert any(title.startswith(_plain(boundary.label)) for title in titles)
            arrows = _arrows(result)
            assert len(arrows) == len(view.edges), (name, key)
            for arrow, edge in zip(arrows, view.edges):
                assert _plain(arrow["label"]).startswith(_plain(edge.label)), (name, key)
                style = edge.style
                assert style is not None
                assert (arrow["strokeDash"] > 0) == (style.line != "solid"), (name, key)
                assert arrow["stroke"] == style.color, (name, key)
                assert arrow["strokeWidth"] == (style.width if style.width != 1 else 2)


def test_sequence_diagrams_draw_every_message_between_the_participants(
        cases: dict[str, Case], compiled: dict[tuple[str, str], dict[str, Any]]) -> None:
    for name, case in cases.items():
        for key in case.views.keys():
            view = case.views[key]
            if not isinstance(view, SequenceView):
                continue
            result = compiled[(name, key)]
            top = [s for s in result["shapes"] if "." not in s["id"]]
            blocks = [b for item in walk(view.items) if isinstance(item, FlowBlock)
                      for b in item.branches if b.items or view.participants]
            assert len(top) == len(view.participants) + sum(
                1 for item in view.items if isinstance(item, FlowBlock)
                for b in item.branches if b.items or view.participants), (name, key)
            actors = {s["id"] for s in top[: len(view.participants)]}
            messages = [m for m in walk(view.items) if isinstance(m, FlowMessage)]
            arrows = _arrows(result)
            assert len(arrows) == len(messages), (name, key)
            for arrow, message in zip(arrows, messages):
                # A message inside a group reaches the participant itself, never a shape the
                # group would make up.
                assert {arrow["src"], arrow["dst"]} <= actors, (name, key, arrow)
                assert (arrow["strokeDash"] > 0) == (message.kind == "reply")
                assert _plain(arrow["label"]).startswith(_plain(message.description))
            notes = [s for s in result["shapes"] if s["type"] == "page"]
            assert len(notes) == sum(1 for i in walk(view.items) if isinstance(i, FlowNote)) \
                + sum(1 for b in blocks if not b.items), (name, key)
            for note in notes:
                assert note["id"].split(".")[0] in actors


def test_deployment_views_nest_nodes_and_containers(
        cases: dict[str, Case], compiled: dict[tuple[str, str], dict[str, Any]]) -> None:
    for name, case in cases.items():
        for key in case.views.keys():
            view = case.views[key]
            if not isinstance(view, DeploymentView):
                continue
            result = compiled[(name, key)]
            assert len(result["shapes"]) == len(view.boxes()) + len(view.deployed()), (name, key)
            depth = {s["id"].count(".") for s in result["shapes"]}
            assert len(view.boxes()) == 0 or max(depth) >= 1
            assert len(_arrows(result)) == len(view.edges), (name, key)


def test_hostile_text_compiles_to_itself(
        cases: dict[str, Case], compiled: dict[tuple[str, str], dict[str, Any]]) -> None:
    ws = cases["nasty"].workspace
    labels = [_plain(s["label"]) for (name, _), r in compiled.items() if name == "nasty"
              for s in r["shapes"]]
    labels += [_plain(c["label"]) for (name, _), r in compiled.items() if name == "nasty"
               for c in r["connections"]]
    for element in ws.elements.values():
        assert any(label.startswith(_plain(element.name) + "\n") for label in labels), element.id
    for text in (ws.flows[0].items[2].text,  # type: ignore[union-attr]
                 ws.environments and ws.nodes["env.node"].name):
        assert any(_plain(str(text)) in label for label in labels)


def test_styles_become_classes_in_declaration_order(cases: dict[str, Case]) -> None:
    source = cases["styled"].files["containers-shop.d2"]
    assert '"tag:critical": {' in source and 'class: ["container"; "tag:critical"]' in source
    assert 'class: ["system"; "external"; "tag:legacy"]' in source
    assert "direction: down" in source
    assert "direction: right" in cases["styled"].files["view-payments.d2"]
    assert "direction: left" in cases["styled"].files["view-tagged.d2"]
    assert "direction: up" in cases["styled"].files["view-views.d2"]


def test_what_d2_cannot_carry_is_said(cases: dict[str, Case]) -> None:
    dropped = "\n".join(cases["styled"].dropped)
    assert "the component shape" in dropped and "notes over several participants" in dropped


def test_the_ecommerce_views_are_the_golden_files(cases: dict[str, Case]) -> None:
    for key in GOLDEN_KEYS:
        name = file_name(key, ".d2")
        GOLDEN.check(name, cases["ecommerce"].files[name])


def test_archdoc_export_writes_one_file_per_view(tmp_path: Path, cases: dict[str, Case]) -> None:
    example = next(p for p in EXAMPLES if p.name == "ecommerce")
    result = run_archdoc("export", "--format", "d2", "--view", "flow:checkout", cwd=example)
    assert result.code == 0, result.output
    assert result.stdout == GOLDEN.path("flow-checkout.d2").read_text(encoding="utf-8")
    result = run_archdoc("export", "--format", "d2", "-o", str(tmp_path / "d2"), cwd=example)
    assert result.code == 0, result.output
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "d2").iterdir()}
    assert written == cases["ecommerce"].files
