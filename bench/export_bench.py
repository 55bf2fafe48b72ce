"""Benchmark: `archdoc export` in every format, of every view of a model of N services.

The model is the synthetic architecture of `synthetic.py` (N services, their databases, an event
bus, people and flows), loaded once. For each format of the export registry (whatever formats
exist when it runs) two times are taken:

- the export as `archdoc export --format F -o DIR` does it after loading the model
  (`run_export`: the views are computed afresh, then every view is rendered for a per-view
  format, or the one document otherwise);
- the rendering alone, from views computed beforehand (the format's renderer over every view,
  or its document renderer).

Computing every view is timed on its own too. Median of `--runs` runs.

Run: `python bench/export_bench.py [--n 1000] [--runs 3] [--formats json mermaid ...]` (also part
of `make bench`). Prints a Markdown table and writes it to bench/out/export.md.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_twins  # noqa: E402

OUT = HERE / "out"


def _median_time(runs: int, work) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    from archdoc.config import config_from_options
    from archdoc.export.base import ExportInput
    from archdoc.export.registry import FORMATS
    from archdoc.export.run import run_export
    from archdoc.project import load_project
    from archdoc.views import ViewIndex

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1000, help="number of services (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per format (default 3)")
    parser.add_argument("--formats", nargs="+", default=None,
                        help="formats to export (default: every registered format)")
    args = parser.parse_args(argv)
    names = args.formats or list(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        parser.error(f"unknown format(s): {', '.join(unknown)}; known: {', '.join(FORMATS)}")

    base = OUT / "export" / f"n{args.n}"
    write_twins(args.n, base)
    root = base / "archdoc"
    started = time.perf_counter()
    workspace = load_project(config=config_from_options({}, root=root)).workspace
    load_time = time.perf_counter() - started

    def every_view() -> int:
        index = ViewIndex(workspace)
        return sum(1 for key in index if index.get(key) is not None)

    views_time, views = _median_time(args.runs, every_view)
    print(f"N={args.n}: {len(workspace.elements)} elements, {len(workspace.relationships)} "
          f"relationships, {views} views; model loaded in {load_time:.2f} s, every view "
          f"computed in {views_time:.2f} s", flush=True)

    computed = ViewIndex(workspace)
    for key in computed:
        computed.get(key)
    source = ExportInput(workspace=workspace, views=computed, root=root)

    def render(fmt):  # type: ignore[no-untyped-def]
        if fmt.view is None:
            return fmt.document(source)
        return [fmt.view(computed[key], source) for key in computed]

    rows = []
    failed = False
    for name in names:
        fmt = FORMATS[name]
        try:
            seconds, result = _median_time(
                args.runs, lambda fmt=fmt: run_export(workspace, fmt, root=root))
            rendering, _ = _median_time(args.runs, lambda fmt=fmt: render(fmt))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, and goes on
            print(f"{name}: FAILED: {type(exc).__name__}: {exc}", flush=True)
            rows.append((name, "failed", "", "", ""))
            failed = True
            continue
        files = result.files  # type: ignore[attr-defined]
        size = sum(len(text.encode("utf-8")) for text in files.values())
        rows.append((name, f"{seconds:.2f} s", f"{rendering:.2f} s", str(len(files)),
                     f"{size / 1024 / 1024:.2f} MB"))
        print(f"{name}: {seconds:.2f} s, {len(files)} file(s), {size / 1024 / 1024:.2f} MB",
              flush=True)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        f"Export of every view: N = {args.n} services, {len(workspace.elements)} elements, "
        f"{len(workspace.relationships)} relationships, {views} views (median of {args.runs}).",
        "",
        f"Model loaded in {load_time:.2f} s; every view computed in {views_time:.2f} s; "
        f"peak memory of the process {peak:.0f} MB.",
        "",
        "| format | export (views + rendering) | rendering of computed views | files | size |",
        "| --- | --: | --: | --: | --: |",
        *(f"| `{n}` | {t} | {r} | {f} | {s} |" for n, t, r, f, s in rows),
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    OUT.mkdir(exist_ok=True)
    (OUT / "export.md").write_text(table, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
