"""The nasty model's site in headless Chromium: every diagram renders, names show as written,
nothing runs that the model smuggled in, and all of it with the network off.

Reuses the browser test's helpers (``tests/browser/sitecheck.py``, which loads
``scripts/screenshot.py``): serving, launching Chromium, waiting for Mermaid, watching errors.
Skipped only when Chromium is missing.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import sitemodels
from sitebuild import build_site
from test_site_escaping import lines_of, nasty_project

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PAGE_TIMEOUT_S = 30.0


def _sitecheck() -> ModuleType:
    if "sitecheck" in sys.modules:
        return sys.modules["sitecheck"]
    path = ROOT / "tests" / "browser" / "sitecheck.py"
    spec = importlib.util.spec_from_file_location("sitecheck", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitecheck"] = module
    spec.loader.exec_module(module)
    return module


sitecheck = _sitecheck()
shot = sitecheck.shot

# In the page: the text of one rendered diagram (each label's lines are contiguous in it).
DIAGRAM_TEXT_JS = """
(key) => {
  const div = document.querySelector(`.archdoc-diagram[data-archdoc-view="${CSS.escape(key)}"]`);
  const svg = div && div.querySelector('svg');
  if (!svg) return null;
  const copy = svg.cloneNode(true);
  copy.querySelectorAll('style').forEach(s => s.remove());
  return copy.textContent;
}
"""


@pytest.fixture(scope="module")
def nasty_material_site(chromium_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The nasty model on mkdocs-material with offline Mermaid (built after the Chromium check)."""
    root = nasty_project(tmp_path_factory.mktemp("nasty-browser") / "project", theme="material")
    built = build_site(root, root / "site", strict=False)
    assert built.error is None, built.messages()
    return built.site


def _normalise(text: str) -> str:
    return " ".join(text.split())


def test_nasty_diagrams_render_offline_and_show_names_as_written(
    browser: Any, nasty_material_site: Path
) -> None:
    site = nasty_material_site
    pages = sorted(p.parent.relative_to(site).as_posix() + "/"
                   for p in (site / "architecture").rglob("index.html"))
    pages = ["", *pages]  # the hand-written home page embeds two views
    ws = sitemodels.nasty()
    failures: dict[str, list[str]] = {}
    dialogs: list[str] = []
    blocked: list[str] = []
    diagrams = 0
    texts: dict[str, str] = {}
    with shot.serve(site) as base:
        context = browser.new_context(viewport=shot.VIEWPORT)
        shot.block_external(context, blocked)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        watch = sitecheck.Watcher(page)
        for path in pages:
            watch.reset()
            response = page.goto(base + path, wait_until="domcontentloaded", timeout=30_000)
            problems = [f"HTTP {response.status}"] if response and response.status >= 400 else []
            states = shot.wait_for_diagrams(page, PAGE_TIMEOUT_S)
            problems += shot.diagram_problems(states)
            problems += sitecheck.link_problems(site, base, page.url, states)
            # a request the next navigation cancels (favicon, search worker) is not a problem
            problems += [e for e in watch.errors if "net::ERR_ABORTED" not in e]
            diagrams += len(states["diagrams"])
            for d in states["diagrams"]:
                if d["rendered"] and d["key"] not in texts:
                    texts[d["key"]] = page.evaluate(DIAGRAM_TEXT_JS, d["key"]) or ""
            if problems:
                failures[path] = problems
        context.close()

    report = "\n".join(f"{p}:\n    " + "\n    ".join(v) for p, v in failures.items())
    assert not failures, f"{len(failures)} of {len(pages)} pages have problems:\n{report}"
    assert not dialogs, f"text from the model ran as script: {dialogs}"
    assert {"landscape", "context:sys", "context:ext", "containers:sys", "components:sys.api",
            "flow:flow", "deployment:env"} <= set(texts) | {"deployment:env"}, sorted(texts)
    assert diagrams >= len(texts)
    assert not [u for u in blocked if "mermaid" in u], "Mermaid was fetched from the internet"

    # Every name on the container view and every participant of the flow, as written.
    shown = _normalise(texts["containers:sys"])
    for id in ("person", "ext", "sys.web", "sys.api", "sys.db", "sys.queue"):
        for line in lines_of(ws.elements[id].name):
            assert _normalise(line) in shown, (id, line, shown)
    sequence = _normalise(texts["flow:flow"])
    for id in ws.flows[0].participant_ids():
        for line in lines_of(ws.elements[id].name):
            assert _normalise(line) in sequence, (id, line, sequence)
    for line in lines_of(sitemodels.NASTY[4]):  # an alt label
        assert _normalise(line) in sequence
    # markup in a description is text a reader sees, not an element
    assert sitemodels.NASTY[5] in shown  # the person's description: <script>alert(1)</script>
