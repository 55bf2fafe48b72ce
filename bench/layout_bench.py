"""Benchmark: the layout engine of the diagrams, Graphviz against Mermaid (dagre and ELK).

For a view of 500 elements and 1,500 relationships, and for the container views of the examples,
it measures what each engine costs and gives:

- Graphviz (``dot``, what the site uses): the time to lay the view out at build time (a fresh
  ``dot`` process, as the site runs it), the SVG's size, the size of a page holding it and the
  time until that page is drawn in headless Chromium (the drawing is part of the page);
- Mermaid 12 with its default layout (dagre) and with ``@mermaid-js/layout-elk``: the size of
  a page holding the source, and the time until the browser has drawn it (``mermaid.render``).

Each drawing's size (width x height in CSS px at its natural size) is recorded as a measure of
the layout: smaller and squarer is easier to read. Results go to bench/out/layout.md.

Run: ``python bench/layout_bench.py [--elements 500] [--relationships 1500] [--runs 3]``.
Needs Graphviz, Chromium and the npm packages ``mermaid`` and ``@mermaid-js/layout-elk``
(``make setup``).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import random
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "layout"
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(HERE))

from archdoc import Workspace  # noqa: E402
from archdoc.layout.graphviz import GraphvizLayout  # noqa: E402
from archdoc.project import load_project  # noqa: E402
from archdoc.render import dot, mermaid  # noqa: E402
from archdoc.render.svg import clean_svg, svg_size  # noqa: E402
from archdoc.render.tables import diagram_block  # noqa: E402
from archdoc.views import ComputedView, ViewIndex  # noqa: E402

SEED = 20261201
TECHNOLOGIES = ("Java", "Go", "Node.js", "Python", "Kotlin")


def large_view(elements: int, relationships: int) -> ComputedView:
    """One system of ``elements`` containers with ``relationships`` random dependencies, most of
    them on lower-numbered containers (a layered architecture with some back edges)."""
    rng = random.Random(SEED)
    ws = Workspace("Layout bench")
    system = ws.system("Platform", "Everything")
    containers = [system.container(f"Service {i:03d}", f"Does the work of area {i}",
                                   technology=rng.choice(TECHNOLOGIES)) for i in range(elements)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < relationships:
        a, b = rng.randrange(elements), rng.randrange(elements)
        if a != b and (a > b or rng.random() < 0.05):
            pairs.add((a, b))
    for a, b in sorted(pairs):
        containers[a].uses(containers[b], f"Calls {b:03d}",
                           interaction="async" if rng.random() < 0.1 else "sync")
    view = ViewIndex(ws).static("containers:platform")
    assert view is not None and len(view.nodes) == elements and len(view.edges) == relationships
    return view


def example_views() -> list[tuple[str, ComputedView]]:
    found = []
    for config in sorted((ROOT / "examples").glob("*/mkdocs.yml")):
        project = load_project(config)
        index = ViewIndex(project.workspace)
        for key in index.keys():
            if key.startswith("containers:"):
                view = index.static(key)
                assert view is not None
                found.append((f"{config.parent.name} {key}", view))
    return found


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="archdoc.css"></head><body>
{body}
<script>window.archdocConfig = {{"mermaidUrl": "mermaid.min.js", \
"panzoomUrl": "panzoom.min.js"}};</script>
{scripts}
</body></html>
"""

MERMAID_PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<div id="out"></div>
<script src="mermaid.min.js"></script>
<script type="module">
{elk}
mermaid.initialize({{startOnLoad: false, securityLevel: "loose", maxTextSize: 50000000,
  maxEdges: 100000, layout: "{layout}", flowchart: {{htmlLabels: true, useMaxWidth: false}}}});
const source = await (await fetch("source.mmd")).text();
const started = performance.now();
try {{
  const {{svg}} = await mermaid.render("d", source);
  document.getElementById("out").innerHTML = svg;
  const box = document.querySelector("#out svg").getBoundingClientRect();
  window.result = {{ms: performance.now() - started, width: box.width, height: box.height,
                   bytes: svg.length}};
}} catch (error) {{
  window.result = {{error: String(error && error.message || error).slice(0, 300)}};
}}
</script></body></html>
"""
ELK_IMPORT = ('import elk from "./elk/mermaid-layout-elk.esm.min.mjs";\n'
              "mermaid.registerLayoutLoaders(elk);")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser hanging up on a favicon request is not the benchmark's business


def _serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _assets(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "node_modules/mermaid/dist/mermaid.min.js", directory)
    shutil.copy(ROOT / "plugins/archdoc/assets/archdoc.css", directory)
    elk = ROOT / "node_modules/@mermaid-js/layout-elk/dist"
    if not (directory / "elk").exists():
        shutil.copytree(elk, directory / "elk")


def graphviz(view: ComputedView, runs: int, browser: object, workdir: Path) -> dict[str, object]:
    source = dot.render(view)
    times, svg = [], ""
    for _ in range(runs):
        with GraphvizLayout(use_disk_cache=False) as layout:
            started = time.perf_counter()
            svg = clean_svg(layout.svg(source), prefix="b-", label=view.title)
            times.append(time.perf_counter() - started)
    width, height = svg_size(svg)
    page = PAGE.format(body=diagram_block(view.key, svg, "", engine="graphviz"), scripts="")
    (workdir / "graphviz.html").write_text(page, encoding="utf-8")
    drawn = _page_load(browser, workdir, "graphviz.html", runs)
    return {"layout_s": statistics.median(times), "svg_bytes": len(svg.encode()),
            "page_bytes": len(page.encode()), "drawn_ms": drawn,
            "size_px": (round(width * 4 / 3), round(height * 4 / 3))}


def _page_load(browser: object, workdir: Path, name: str, runs: int) -> float:
    server, base = _serve(workdir)
    try:
        times = []
        for _ in range(runs):
            page = browser.new_page()  # type: ignore[attr-defined]
            page.goto(base + name, wait_until="load")
            # until the drawing is laid out and painted: two animation frames after load
            times.append(page.evaluate("""() => new Promise(done => requestAnimationFrame(() =>
                requestAnimationFrame(() => done(performance.now()))))"""))
            page.close()
        return statistics.median(times)
    finally:
        server.shutdown()


def mermaid_engine(view: ComputedView, layout: str, runs: int, browser: object,
                   workdir: Path) -> dict[str, object]:
    source = mermaid.flowchart(view)
    (workdir / "source.mmd").write_text(source, encoding="utf-8")
    page = MERMAID_PAGE.format(elk=ELK_IMPORT if layout == "elk" else "", layout=layout)
    (workdir / f"mermaid-{layout}.html").write_text(page, encoding="utf-8")
    server, base = _serve(workdir)
    results = []
    try:
        for _ in range(runs):
            tab = browser.new_page()  # type: ignore[attr-defined]
            tab.goto(base + f"mermaid-{layout}.html")
            tab.wait_for_function("window.result !== undefined", timeout=600_000)
            results.append(tab.evaluate("window.result"))
            tab.close()
    finally:
        server.shutdown()
    if any("error" in r for r in results):
        return {"error": next(r["error"] for r in results if "error" in r)}
    block = diagram_block(view.key, source, "", engine="mermaid")
    return {"drawn_ms": statistics.median(r["ms"] for r in results),
            "page_bytes": len(PAGE.format(body=block, scripts="").encode()),
            "svg_bytes": statistics.median(r["bytes"] for r in results),
            "size_px": (round(results[0]["width"]), round(results[0]["height"]))}


def _row(name: str, engine: str, r: dict[str, object]) -> str:
    if "error" in r:
        return f"| {name} | {engine} | failed: {r['error']} | | | | |"
    layout = f"{r['layout_s']:.2f} s" if "layout_s" in r else "(in the browser)"
    w, h = r["size_px"]  # type: ignore[misc]
    return (f"| {name} | {engine} | {layout} | {float(r['drawn_ms']) / 1000:.2f} s | "  # type: ignore[arg-type]
            f"{int(r['page_bytes']) / 1000:,.0f} KB | {w:,} x {h:,} |")  # type: ignore[call-overload]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--elements", type=int, default=500)
    parser.add_argument("--relationships", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-examples", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("dot") is None or shutil.which("chromium") is None:
        print("layout bench: needs Graphviz `dot` and Chromium (make setup)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    _assets(OUT)
    load_before = os.getloadavg()[0]
    cases = [(f"{args.elements} elements, {args.relationships} relationships",
              large_view(args.elements, args.relationships))]
    if not args.no_examples:
        cases += example_views()
    lines = ["| view | engine | layout at build time | until drawn in Chromium | page | drawing |",
             "| --- | --- | --: | --: | --: | --: |"]
    raw = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        for name, view in cases:
            runs = args.runs if view is cases[0][1] else 1
            results = {"Graphviz": graphviz(view, runs, browser, OUT),
                       "Mermaid (dagre)": mermaid_engine(view, "dagre", runs, browser, OUT),
                       "Mermaid (ELK)": mermaid_engine(view, "elk", runs, browser, OUT)}
            for engine, result in results.items():
                lines.append(_row(name, engine, result))
                print(lines[-1], flush=True)
            raw.append({"view": name, "results": results})
        browser.close()
    from validate_bench import load_note

    preamble = (f"Median of {args.runs} runs for the first view, one run for each example's; the "
                "layout uncached (a fresh `dot` process), the browser warm. "
                + load_note(load_before, os.getloadavg()[0]))
    report = preamble + "\n\n" + "\n".join(lines) + "\n"
    (OUT.parent / "layout.md").write_text(report, encoding="utf-8")
    (OUT.parent / "layout.json").write_text(json.dumps(raw, indent=2), encoding="utf-8")
    print(f"\nwritten to {OUT.parent / 'layout.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
