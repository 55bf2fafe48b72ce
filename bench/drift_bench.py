"""Benchmark: `archdoc drift` reading a 10,000-pair servicegraph file against a 1,000-service model.

The model is the synthetic architecture of `synthetic.py` (N services, each with its database,
about 4 dependencies each). The servicegraph file is a Prometheus text exposition as the
OpenTelemetry Collector serves it: `# HELP`/`# TYPE` lines, the request counter with
`client`, `server`, `connection_type` and `failed` labels, and the connector's latency
histograms mixed in. Its pairs are every declared dependency between services (as direct calls,
or as messaging pairs for the asynchronous ones), every service's database call, then pairs
that the model does not declare and services it does not know, up to the wanted number of
pairs. A fixed seed makes the same sizes always give the same files.

Measured, as whole processes (median of `--runs`): `archdoc drift --servicegraph FILE` (read,
map, compare, report) next to `archdoc validate` of the same model, so the difference is what
drift adds; and, in this process, the reading of the file alone.

Run: `python bench/drift_bench.py [--n 1000] [--pairs 10000] [--runs 3]` (also part of
`make bench`). Writes bench/out/drift.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from validate_bench import Result, default_archdoc_cmd, load_note, measure  # noqa: E402

OUT = HERE / "out"
SEED = 20240611


def servicegraph_text(
    arch: synthetic.Architecture, pairs: int, seed: int = SEED
) -> tuple[str, dict[str, int]]:
    """The exposition, and how many pairs of each kind it holds."""
    rng = random.Random(seed)
    width = arch.width

    def svc(i: int) -> str:
        return f"service-{i:0{width}d}"

    series: list[tuple[str, str, str]] = []
    # consumer -> producer in the model: producer -> consumer observed
    for dep in arch.dependencies:
        if dep.is_async:
            series.append((svc(dep.target), svc(dep.source), "messaging_system"))
        else:
            series.append((svc(dep.source), svc(dep.target), ""))
    declared = len(series)
    series += [(svc(i), f"service-{i:0{width}d}-db", "database") for i in range(1, arch.n + 1)]
    databases = arch.n
    seen = {(c, s) for c, s, _ in series}
    undeclared = unknown = 0
    while len(series) < pairs:
        if rng.random() < 0.9:
            a, b = rng.sample(range(1, arch.n + 1), 2)
            client, server = svc(a), svc(b)
            if (client, server) in seen:
                continue
            undeclared += 1
        else:
            client, server = svc(rng.randint(1, arch.n)), f"unknown-{rng.randint(1, 200):03d}"
            if (client, server) in seen:
                continue
            unknown += 1
        seen.add((client, server))
        series.append((client, server, ""))
    lines = [
        "# HELP otelcol_process_uptime Uptime of the process",
        "# TYPE otelcol_process_uptime counter",
        'otelcol_process_uptime_total{service_instance_id="bench"} 86400',
        "# HELP traces_service_graph_request_total Total count of requests between two nodes",
        "# TYPE traces_service_graph_request_total counter",
    ]
    for client, server, kind in series:
        calls = rng.randint(10, 100_000)
        lines.append(f'traces_service_graph_request_total{{client="{client}",connection_type="{kind}",'
                     f'failed="false",server="{server}"}} {calls}')
    lines += ["# HELP traces_service_graph_request_server_seconds Server-side latency",
              "# TYPE traces_service_graph_request_server_seconds histogram"]
    for client, server, _ in series[: len(series) // 10]:
        for le in ("0.1", "1", "+Inf"):
            lines.append(f'traces_service_graph_request_server_seconds_bucket{{client="{client}",'
                         f'server="{server}",le="{le}"}} 1')
    counts = {"pairs": len(series), "declared": declared, "databases": databases,
              "undeclared": undeclared, "unknown": unknown}
    return "\n".join(lines) + "\n", counts


def read_time(path: Path, runs: int) -> float:
    from archdoc.drift import ObservedFiles, read_observations

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read_observations(ObservedFiles(servicegraph=(path,)))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _cell(r: Result) -> str:
    return f"{r.wall_s:.2f} s" if r.wall_s is not None else r.note or "n/a"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="archdoc drift on a servicegraph file")
    parser.add_argument("--n", type=int, default=1000, help="services in the model (default 1000)")
    parser.add_argument("--pairs", type=int, default=10_000, help="observed pairs (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    parser.add_argument("--out", type=Path, default=OUT, help="output directory (bench/out)")
    args = parser.parse_args(argv)

    work = args.out / f"drift-{args.n}"
    arch = synthetic.write_twins(args.n, work)
    project = (work / "archdoc").resolve()
    text, counts = servicegraph_text(arch, args.pairs)
    metrics = project / "servicegraph.prom"
    metrics.write_text(text, encoding="utf-8")
    print(f"N={args.n}: {counts['pairs']:,} pairs ({counts['declared']:,} declared, "
          f"{counts['databases']:,} database calls, {counts['undeclared']:,} undeclared, "
          f"{counts['unknown']:,} to unknown services), {len(text) / 1e6:.1f} MB", flush=True)

    load_before = os.getloadavg()[0]
    archdoc = default_archdoc_cmd()[0]
    drift = measure("drift", [archdoc, "drift", "--servicegraph", str(metrics), "--format", "json"],
                    project, args.runs, {0, 1})
    validate = measure("validate", [archdoc, "validate"], project, args.runs, {0, 1})
    reading = read_time(metrics, args.runs)
    load = load_note(load_before, os.getloadavg()[0])
    table = "\n".join(
        [
            "# `archdoc drift` on a servicegraph file",
            "",
            f"{args.n:,} services ({len(arch.dependencies):,} dependencies) against "
            f"{counts['pairs']:,} "
            f"observed pairs in a {len(text) / 1e6:.1f} MB Prometheus text exposition; median of "
            f"{args.runs} runs; whole process wall time and peak RSS.",
            "",
            load,
            "",
            "| command | wall time | CPU | peak MB |",
            "|---|---:|---:|---:|",
            f"| `archdoc drift --servicegraph FILE` | {_cell(drift)} | "
            f"{drift.cpu_s or 0:.2f} s | {drift.peak_mb or 0:.0f} |",
            f"| `archdoc validate` (the same model, no sources) | {_cell(validate)} | "
            f"{validate.cpu_s or 0:.2f} s | {validate.peak_mb or 0:.0f} |",
            "",
            f"Reading the file alone (in process): {reading:.2f} s.",
            "",
        ]
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "drift.md").write_text(table, encoding="utf-8")
    print()
    print(table)
    return 0 if drift.ok and validate.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
