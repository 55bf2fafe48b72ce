"""The diagram of the changed neighbourhood parses and renders with the real Mermaid (the npm
package, as GitHub and GitLab use it) in headless Chromium, even when every name is hostile."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from archdoc.diff.diagram import neighbourhood_diagram
from archdoc.diff.review import Review, review_snapshots
from archdoc.diff.sides import Side
from archdoc.diff.snapshot import Snapshot
from archdoc.export import export_json
from archdoc_testing import GOLDEN_DIR

ROOT = Path(__file__).resolve().parents[2]
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

RENDER_JS = """
async (source) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  try { await mermaid.parse(source); } catch (e) { return {error: String(e && e.message || e)}; }
  const {svg} = await mermaid.render('diff-diagram', source);
  const holder = document.createElement('div');
  holder.innerHTML = svg;
  document.body.appendChild(holder);
  const classes = {};
  for (const node of holder.querySelectorAll('g.node')) {
    for (const c of ['added', 'removed', 'changed', 'context'])
      if (node.classList.contains(c)) classes[c] = (classes[c] || 0) + 1;
  }
  const copy = holder.cloneNode(true);
  copy.querySelectorAll('style').forEach(s => s.remove());
  return {
    text: copy.textContent,
    classes: classes,
    scripts: holder.querySelectorAll('script').length,
    handlers: [...holder.querySelectorAll('*')]
      .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  };
}
"""


def _sitemodels() -> Any:
    if "sitemodels" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "sitemodels", ROOT / "tests/site/sitemodels.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["sitemodels"] = module
        spec.loader.exec_module(module)
    return sys.modules["sitemodels"]


@pytest.fixture
def render(browser: Any) -> Any:
    if not MERMAID.is_file():
        pytest.fail(f"{MERMAID} is missing: run `make setup` (npm ci)", pytrace=False)
    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(MERMAID))
    yield lambda source: page.evaluate(RENDER_JS, source)
    page.close()


def test_the_golden_comment_s_diagram_renders(render: Any) -> None:
    comment = (GOLDEN_DIR / "diff/shop.md").read_text(encoding="utf-8")
    [source] = re.findall(r"```mermaid\n(.*?)```", comment, re.S)
    result = render(source)
    assert "error" not in result, result
    assert result["classes"] == {"added": 1, "removed": 1, "changed": 2, "context": 3}
    for name in (
        "Payments",
        "Reports",
        "Order API",
        "Takes the payment",
        "POST /orders → POST /checkout",
    ):
        assert name in result["text"]


def _review(base: dict[str, Any], head: dict[str, Any]) -> Review:
    return review_snapshots(
        Side("BASE", None), Side("HEAD", None), Snapshot(export=base), Snapshot(export=head)
    )


def test_hostile_names_render_as_written_and_run_nothing(render: Any) -> None:
    sitemodels = _sitemodels()
    base = json.loads(export_json(sitemodels.nasty()))
    head = copy.deepcopy(base)
    head["elements"] = [e for e in head["elements"] if e["id"] != "sys.queue"]  # removed
    head["relationships"] = [
        r for r in head["relationships"] if "sys.queue" not in (r["source_id"], r["destination_id"])
    ]
    head["elements"][1]["description"] = sitemodels.NASTY[3]  # changed
    head["relationships"][0]["criticality"] = "critical"
    added = dict(head["elements"][3], id="sys.added", name=sitemodels.NASTY[14])
    head["elements"].append(added)
    head["relationships"].append(
        dict(
            head["relationships"][0],
            id="sys.added->sys.web",
            source_id="sys.added",
            destination_id="sys.web",
            description=sitemodels.NASTY[1],
        )
    )
    diagram = neighbourhood_diagram(_review(base, head))
    assert diagram is not None
    result = render(diagram.source)
    assert "error" not in result, (result, diagram.source)
    assert (result["scripts"], result["handlers"]) == (0, 0)
    text = " ".join(result["text"].split())
    for name in (sitemodels.NASTY[14], sitemodels.NASTY[13], sitemodels.NASTY[1]):
        assert " ".join(name.split()) in text
    assert set(result["classes"]) == {"added", "removed", "changed", "context"}


def test_a_large_change_is_cut_to_the_node_limit_and_still_renders(render: Any) -> None:
    head = {
        "name": "Big",
        "elements": [
            {"id": f"s.c{i}", "name": f"Service {i}", "kind": "container", "parent_id": "s"}
            for i in range(80)
        ],
        "relationships": [
            {
                "id": f"s.c{i}->s.c{i + 1}",
                "source_id": f"s.c{i}",
                "destination_id": f"s.c{i + 1}",
                "description": "Calls",
            }
            for i in range(79)
        ],
    }
    diagram = neighbourhood_diagram(_review({"name": "Big"}, head))
    assert diagram is not None and (diagram.drawn, diagram.total) == (40, 80)
    result = render(diagram.source)
    assert "error" not in result, result
    assert result["classes"] == {"added": 40}
