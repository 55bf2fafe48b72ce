"""Benchmark: the architecture site of a synthetic model, with and without the plugin, and
``mkdocs serve`` rebuilding it after a one-line change of the model.

For each N, the synthetic workspace of ``synthetic.py`` is built twice with MkDocs Material:
(a) with the archdoc plugin, which loads the model and generates the pages at build time;
(b) without it, from the very same generated Markdown written out as plain files (with the
plugin's CSS, JavaScript and Mermaid beside them). The difference is the plugin's share of the
build. Also measured: the HTML size of the dependency matrix page.

Then, at the largest N, a real ``mkdocs serve`` of the plugin twin is started on the loopback
interface; once it serves the page of a service, one line of the model (that service's
description) is changed, and the time is taken until the server serves the page with the new
text: what a writer waits for after saving a model file.

Run: ``python bench/site_bench.py [--n 250 1000] [--runs 3] [--no-serve]``. Writes
``bench/out/site.md`` and ``bench/out/site.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_twins  # noqa: E402
from validate_bench import Run, load_note, run_once  # noqa: E402

OUT = HERE / "out" / "site"
MKDOCS = [sys.executable, "-m", "mkdocs"]
SERVE_TIMEOUT_S = 1800

CONFIG = """\
site_name: Bench
theme:
  name: material
plugins:
  - search
{plugin}
not_in_nav: |
  /architecture/elements/*
  /architecture/decisions/0*
"""
PLUGIN = "  - archdoc:\n      offline_mermaid: true\n"
EDITED_ID = "bench.service-0001"
"""The service whose description the serve benchmark changes (in services_000.py)."""


def _env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _build(project: Path, site: Path) -> Run:
    """``mkdocs build`` as a whole process: wall and CPU time, peak memory."""
    run = run_once([*MKDOCS, "build", "--quiet", "-d", str(site)], project, _env())
    if run.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{run.output[-2000:]}")
    return run


def prepare(n: int) -> tuple[Path, Path]:
    """The plugin twin and the plain twin of the synthetic model of size ``n``."""
    from archdoc.config import config_from_options
    from archdoc.project import load_project
    from archdoc.site import SiteContext, generate_pages
    from archdoc.site.assets import asset_text, find_mermaid

    base = OUT / f"n{n}"
    if base.exists():
        shutil.rmtree(base)
    write_twins(n, base)
    with_plugin = base / "archdoc"
    (with_plugin / "docs").mkdir(exist_ok=True)
    (with_plugin / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
    (with_plugin / "mkdocs.yml").write_text(CONFIG.format(plugin=PLUGIN), encoding="utf-8")

    plain = base / "plain"
    docs = plain / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Bench\n", encoding="utf-8")
    config = config_from_options({}, root=with_plugin)
    project = load_project(config=config)
    context = SiteContext(workspace=project.workspace, adrs=project.adrs)
    for page in generate_pages(context):
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    assets = docs / "assets" / "archdoc"
    assets.mkdir(parents=True)
    (assets / "archdoc.js").write_text(asset_text("archdoc.js"), encoding="utf-8")
    (assets / "archdoc.css").write_text(asset_text("archdoc.css"), encoding="utf-8")
    shutil.copy(find_mermaid(with_plugin), assets / "mermaid.min.js")
    extra = (
        "extra_css: [assets/archdoc/archdoc.css]\nextra_javascript: [assets/archdoc/archdoc.js]\n"
    )
    (plain / "mkdocs.yml").write_text(CONFIG.format(plugin="") + extra, encoding="utf-8")
    return with_plugin, plain


# -- mkdocs serve -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.read().decode("utf-8", "replace")  # type: ignore[no-any-return]
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_for(url: str, text: str, deadline: float, server: subprocess.Popen[bytes]) -> float:
    """Poll ``url`` until its page holds ``text``; the time it first did."""
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited with {server.returncode}")
        page = _fetch(url)
        if page is not None and text in page:
            return time.perf_counter()
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} in time")


def serve_rebuild(project: Path, *, dirty: bool = False) -> dict[str, float]:
    """Start ``mkdocs serve`` (``--dirty``: rebuilding only the pages that changed) in
    ``project``, change one line of the model once it serves, and time until the rebuilt page
    is served. Also the time of the first build (start to served)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/architecture/elements/{EDITED_ID}/"
    model = project / "model" / "services_000.py"
    source = model.read_text(encoding="utf-8")
    old, new = '"Synthetic service 1"', '"Synthetic service 1, edited"'
    assert source.count(old) == 1, "the synthetic model changed: update the serve benchmark"
    log = (project / "serve.log").open("wb")
    started = time.perf_counter()
    server = subprocess.Popen([*MKDOCS, "serve", *(["--dirty"] if dirty else []),
                               "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=_env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        first = _wait_for(url, "Synthetic service 1", started + SERVE_TIMEOUT_S, server)
        time.sleep(1.0)  # let the watcher settle after the first build
        edit = project / "model" / ".services_000.py.tmp"
        edit.write_text(source.replace(old, new), encoding="utf-8")
        changed = time.perf_counter()
        os.replace(edit, model)  # atomic, as editors save
        served = _wait_for(url, "Synthetic service 1, edited", changed + SERVE_TIMEOUT_S, server)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        model.write_text(source, encoding="utf-8")
    return {"first_build_s": first - started, "rebuild_s": served - changed}


# -- the report -------------------------------------------------------------------------------


def growth_of(rows: list[dict[str, float]]) -> tuple[float, float]:
    """How many times the build time grew from the smallest N to the largest, and N."""
    first, last = rows[0], rows[-1]
    return last["plugin_s"] / first["plugin_s"], last["n"] / first["n"]


def report(rows: list[dict[str, float]], serve: dict[str, float] | None, load: str,
           serve_load: str | None = None) -> str:
    """The section of the results; ``serve_load`` is the load note of servers measured apart
    from the builds (``--serve-only``)."""
    if serve_load:
        load += f" The serve runs, measured apart: {serve_load[0].lower()}{serve_load[1:]}"
    lines = [
        "| N services | pages | build with plugin | same Markdown, no plugin | plugin's share "
        "| peak memory, plugin / plain | matrix page |",
        "| --: | --: | --: | --: | --: | --: | --: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['n']:,} | {row['pages']:,} | {row['plugin_s']:.1f} s "
            f"({row['plugin_cpu_s']:.1f}) | {row['plain_s']:.1f} s ({row['plain_cpu_s']:.1f}) "
            f"| {row['share']:.0%} ({row['cpu_share']:.0%}) "
            f"| {row['plugin_mb']:.0f} / {row['plain_mb']:.0f} MB "
            f"| {row['matrix_bytes'] / 1024 / 1024:.2f} MB |"
        )
    lines += ["", "Wall time (CPU time in brackets), median of the runs; the plugin's share is "
                  "(with − without) ÷ with, by wall time (by CPU time)."]
    if len(rows) >= 2:
        growth, size = growth_of(rows)
        lines += ["", f"Growth: N × {size:.0f} costs × {growth:.1f} in build time "
                      f"({'linear or better' if growth <= size * 1.05 else 'worse than linear'})."]
    if serve is not None:
        lines += ["", f"`mkdocs serve` at N = {rows[-1]['n']:,}: first build served after "
                      f"{serve['first_build_s']:.1f} s; after a one-line change of the model, the "
                      f"rebuilt page was served {serve['rebuild_s']:.1f} s after the save."]
        if "dirty_rebuild_s" in serve:
            lines += ["", f"`mkdocs serve --dirty` (only the pages that changed are rendered "
                          f"again): first build served after {serve['dirty_first_build_s']:.1f} s; "
                          f"the rebuilt page {serve['dirty_rebuild_s']:.1f} s after the save."]
    return "\n".join(["# The site: plugin against plain Markdown", "", load, "", *lines]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[250, 1000])
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild")
    parser.add_argument("--serve-only", action="store_true",
                        help="measure only the serve rebuilds, at the largest N, keeping the "
                             "build figures of the last run (bench/out/site.json)")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    rows: list[dict[str, float]] = []
    projects: list[Path] = []
    if args.serve_only:
        last = json.loads((HERE / "out" / "site.json").read_text(encoding="utf-8"))
        rows, builds_load = last["rows"], last["load"]
        projects = [prepare(max(args.n))[0]]
    for n in [] if args.serve_only else args.n:
        with_plugin, plain = prepare(n)
        projects.append(with_plugin)
        # Taken in turn, first one then the other first (plugin, plain, plain, plugin...), so
        # that whatever the machine does meanwhile (writing back the twins just written, another
        # process, a load that rises or falls) falls on both alike.
        plugin_runs: list[Run] = []
        plain_runs: list[Run] = []
        for i in range(args.runs):
            turns = [(with_plugin, "site-plugin", plugin_runs), (plain, "site-plain", plain_runs)]
            for twin, site, runs in turns if i % 2 == 0 else reversed(turns):
                runs.append(_build(twin, twin.parent / site))
            print(f"  N={n} run {i + 1}: with plugin {plugin_runs[-1].wall_s:.1f} s "
                  f"({plugin_runs[-1].cpu_s:.1f} CPU), plain {plain_runs[-1].wall_s:.1f} s "
                  f"({plain_runs[-1].cpu_s:.1f} CPU)", flush=True)
        matrix = with_plugin.parent / "site-plugin" / "architecture" / "matrix" / "index.html"
        pages = sum(1 for _ in (with_plugin.parent / "site-plugin").rglob("index.html"))
        row = {"n": n, "pages": pages, "matrix_bytes": matrix.stat().st_size}
        for key, runs in (("plugin", plugin_runs), ("plain", plain_runs)):
            row[f"{key}_s"] = statistics.median(r.wall_s for r in runs)
            row[f"{key}_cpu_s"] = statistics.median(r.cpu_s for r in runs)
            row[f"{key}_mb"] = statistics.median(r.peak_mb for r in runs)
        row["share"] = max(0.0, (row["plugin_s"] - row["plain_s"]) / row["plugin_s"])
        row["cpu_share"] = max(
            0.0, (row["plugin_cpu_s"] - row["plain_cpu_s"]) / row["plugin_cpu_s"]
        )
        rows.append(row)
        print(f"N={n}: {pages} pages, with plugin {row['plugin_s']:.1f} s, "
              f"plain {row['plain_s']:.1f} s", flush=True)
    serve = None
    if not args.no_serve and projects:
        serve = serve_rebuild(projects[-1])
        dirty = serve_rebuild(projects[-1], dirty=True)
        serve.update({f"dirty_{key}": value for key, value in dirty.items()})
        print(
            f"serve: first build {serve['first_build_s']:.1f} s, "
            f"rebuild {serve['rebuild_s']:.1f} s; with --dirty, rebuild "
            f"{serve['dirty_rebuild_s']:.1f} s",
            flush=True,
        )
    load = load_note(load_before, os.getloadavg()[0])
    serve_load = None
    if args.serve_only:  # the builds' figures, and their load, are those of the last full run
        load, serve_load = builds_load, load
    text = report(rows, serve, load, serve_load)
    print(text)
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "site.md").write_text(text, encoding="utf-8")
    (HERE / "out" / "site.json").write_text(
        json.dumps({"rows": rows, "serve": serve, "load": load, "serve_load": serve_load},
                   indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
