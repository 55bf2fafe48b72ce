"""`make bench`: every benchmark, one after the other, then the goals beside the figures.

- validate_bench.py: `archdoc validate` beside the floor (the model run against a do-nothing
  stand-in of the API), a bare import of the model and LikeC4 1.59.4, cold and warm, N = 100,
  1,000, 2,000, 5,000
- deployment_bench.py: a deployment view of 200 nodes and 400 container instances
- drift_bench.py: `archdoc drift` reading a 10,000-pair servicegraph file against 1,000 services
- export_bench.py: `archdoc export` in every format, of every view of 1,000 services
- import_bench.py: `archdoc import structurizr` of a generated 1,000-element DSL workspace
- diff_bench.py: `archdoc diff` between two revisions of a 1,000-service model
- site_bench.py: the site with the plugin against the same Markdown without it (N = 250, 1,000),
  and `mkdocs serve` rebuilding after a one-line change of the model
- layout_bench.py: a view of 500 elements and 1,500 relationships and the examples' container
  views laid out by Graphviz, and drawn by Mermaid (dagre and ELK) in headless Chromium

Each writes its tables to bench/out/*.md. This script then writes bench/results.md: the goals
of the performance work with the measured figures beside them, and the tables of the validate
and site benchmarks. docs/performance.md shows that file. `python bench/run.py --summary-only`
writes it again from the figures already in bench/out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
RESULTS = HERE / "results.md"
SCRIPTS = ("validate_bench.py", "deployment_bench.py", "drift_bench.py", "export_bench.py",
           "import_bench.py", "diff_bench.py", "site_bench.py", "layout_bench.py")


@dataclass(frozen=True)
class Goal:
    what: str
    target: str
    measured: str
    by_cpu: str
    passed: bool | None
    """None: not measured."""


def _row(figures: dict[str, Any], n: int, mode: str) -> dict[str, Any] | None:
    return next((r for r in figures.get("rows", []) if r["n"] == n and r["mode"] == mode), None)


def _ratio(a: dict[str, Any], b: dict[str, Any], key: str) -> float | None:
    x, y = a.get(key), b.get(key)
    return x / y if x is not None and y else None


def _times(a: float | None, b: float | None) -> str:
    return f"{a:.1f}×" if a is not None else "n/a"


def _met(wall: float | None, cpu: float | None, good: Callable[[float], bool]) -> bool | None:
    """A goal is met when the wall-time ratio and the CPU-time ratio both meet it: on a shared
    machine one of them alone can pass or fail by chance (None: not measured)."""
    if wall is None:
        return None
    return good(wall) and (cpu is None or good(cpu))


def validate_goals(figures: dict[str, Any]) -> list[Goal]:
    goals: list[Goal] = []
    warm = _row(figures, 5000, "warm")
    if warm:
        for other, label, limit in (
            ("floor", "the floor", 8.0),
            ("import", "a bare import of the model", 1.5),
        ):
            wall = _ratio(warm["validate"], warm[other], "wall_s")
            cpu = _ratio(warm["validate"], warm[other], "cpu_s")
            goals.append(Goal(
                f"`archdoc validate`, N = 5,000, warm, against {label}", f"≤ {limit:g}×",
                f"{_times(wall, None)} ({warm['validate']['wall_s']:.2f} s against "
                f"{warm[other]['wall_s']:.2f} s)" if wall else "n/a",
                _times(cpu, None), _met(wall, cpu, lambda r: r <= limit)))
    cold = _row(figures, 2000, "cold")
    c4 = figures.get("likec4", {}).get("2000")
    if cold and c4 and c4.get("wall_s"):
        wall = _ratio(c4, cold["validate"], "wall_s")
        cpu = _ratio(c4, cold["validate"], "cpu_s")
        goals.append(
            Goal(
                "LikeC4 against `archdoc validate`, N = 2,000, cold",
                "≥ 15× faster",
                f"{_times(wall, None)} ({c4['wall_s']:.2f} s against "
                f"{cold['validate']['wall_s']:.2f} s)",
                _times(cpu, None),
                _met(wall, cpu, lambda r: r >= 15),
            )
        )
    shares = []
    for row in figures.get("rows", []):
        c4n = figures.get("likec4", {}).get(str(row["n"]))
        if c4n and c4n.get("peak_mb") and row["validate"].get("peak_mb"):
            shares.append((row["validate"]["peak_mb"] / c4n["peak_mb"], row))
    if shares:
        worst, row = max(shares, key=lambda s: s[0])
        goals.append(Goal(
            "peak memory of `archdoc validate` against LikeC4's (the worst N and mode)", "≤ ¼",
            f"{worst:.2f} (N = {row['n']:,} {row['mode']}: {row['validate']['peak_mb']:.0f} MB "
            f"against {figures['likec4'][str(row['n'])]['peak_mb']:.0f} MB)", "", worst <= 0.25))
    return goals


def site_goals(figures: dict[str, Any]) -> list[Goal]:
    rows = figures.get("rows", [])
    big = next((r for r in rows if r["n"] == 1000), None)
    goals: list[Goal] = []
    if big:
        goals.append(Goal(
            "the plugin's share of a 1,000-service site build", "≤ 10%",
            f"{big['share']:.0%} ({big['plugin_s']:.1f} s with it, {big['plain_s']:.1f} s without)",
            f"{big['cpu_share']:.0%}",
            _met(big["share"], big["cpu_share"], lambda r: r <= 0.10)))
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        growth, size = last["plugin_s"] / first["plugin_s"], last["n"] / first["n"]
        cpu_growth = last["plugin_cpu_s"] / first["plugin_cpu_s"]
        goals.append(Goal(
            f"site build time from N = {first['n']:,} to {last['n']:,}", f"linear (≤ {size:.0f}×)",
            f"{growth:.1f}×", f"{cpu_growth:.1f}×", growth <= size * 1.05))
    serve = figures.get("serve")
    if serve:
        goals.append(Goal(
            "`mkdocs serve`, 1,000 services: a one-line model change until the page is rebuilt",
            "(measured)", f"{serve['rebuild_s']:.1f} s", "", None))
        if "dirty_rebuild_s" in serve:
            goals.append(Goal(
                "`mkdocs serve --dirty`, the same change (only the pages that changed are "
                "rendered again)", "(measured)", f"{serve['dirty_rebuild_s']:.1f} s", "", None))
    return goals


def goal_table(goals: list[Goal]) -> str:
    lines = ["| Goal | Target | Measured (wall time) | By CPU time | |", "|---|---|---|---|---|"]
    for g in goals:
        verdict = "" if g.passed is None else ("pass" if g.passed else "**MISS**")
        lines.append(f"| {g.what} | {g.target} | {g.measured} | {g.by_cpu} | {verdict} |")
    return "\n".join(lines)


def _read(name: str) -> tuple[dict[str, Any], str]:
    figures = OUT / f"{name}.json"
    table = OUT / f"{name}.md"
    data = json.loads(figures.read_text(encoding="utf-8")) if figures.exists() else {}
    text = table.read_text(encoding="utf-8") if table.exists() else ""
    return data, text


def _demote(markdown: str) -> str:
    """A benchmark's report inside the summary: its headings one level down."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.splitlines())


def summary() -> str:
    validate, validate_md = _read("validate")
    site, site_md = _read("site")
    goals = [*validate_goals(validate), *site_goals(site)]
    lines = [
        "<!-- Written by `make bench` (bench/run.py); do not edit by hand. -->",
        "",
        f"Measured on {dt.date.today().isoformat()}: {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}.",
        "",
        "### The goals",
        "",
        goal_table(goals) if goals else "No figures yet: run `make bench`.",
        "",
    ]
    if validate_md:
        lines += [_demote(_demote(validate_md)), ""]
    if site_md:
        lines += [_demote(_demote(site_md)), ""]
    for name, title in REPORTS:
        _, report = _read(name)
        if report:
            lines += [f"### {title}", "", _without_title(report), ""]
    return "\n".join(lines).rstrip() + "\n"


#: The other benchmarks' reports in bench/out, in the summary under these headings.
REPORTS = (
    ("layout", "Laying out the diagrams (`layout_bench.py`)"),
    ("deployment", "A deployment view (`deployment_bench.py`)"),
    ("export", "Exports (`export_bench.py`)"),
    ("import", "Importing a Structurizr workspace (`import_bench.py`)"),
    ("diff", "`archdoc diff` (`diff_bench.py`)"),
    ("drift", "`archdoc drift` (`drift_bench.py`)"),
)


def _without_title(markdown: str) -> str:
    """A report's own first heading gives way to the summary's; the rest is kept as it is."""
    lines = markdown.strip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return _demote(_demote(_demote("\n".join(lines).strip())))


def write_summary() -> str:
    text = summary()
    temporary = RESULTS.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, RESULTS)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary-only", action="store_true",
                        help="only write bench/results.md from the figures in bench/out")
    args = parser.parse_args(argv)
    failed = 0
    run: Callable[[str], int] = lambda script: subprocess.run(  # noqa: E731
        [sys.executable, str(HERE / script)], check=False).returncode
    if not args.summary_only:
        for script in SCRIPTS:
            print(f"== {script}", flush=True)
            failed |= run(script) != 0
    text = write_summary()
    print(f"== {RESULTS.relative_to(HERE.parent)}\n")
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
