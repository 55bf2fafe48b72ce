"""Benchmark: ``archdoc validate`` beside its floor, a bare import of the model, and LikeC4.

For each N, ``bench/synthetic.py`` writes the same architecture as an archdoc model package and
as LikeC4 source under ``bench/out/N/``. Four commands run there as whole processes, ``--runs``
times each; the tables give the median wall time, CPU time and peak resident memory:

- **floor**: the model package executed against ``bench/standin/archdoc``, a do-nothing
  stand-in of archdoc's API that returns at once from every call
  (``python -c "import model"`` with the stand-in first on ``sys.path``): what the user's own
  code costs — starting Python, compiling or loading the model files, running them;
- **import**: the same package imported with the real archdoc (``python -c "import model"``):
  the model built through the API, nothing else;
- **validate**: ``archdoc validate``: start-up, the configuration, the model, the ADRs, every
  rule and the report;
- **LikeC4**: ``likec4 validate --no-layout .`` of the LikeC4 twin.

Cold: the model's ``__pycache__`` is removed before each run, so Python compiles the model
files (and writes their bytecode) as on a fresh clone. Warm: the bytecode written by an
untimed first run is used, as when a developer re-runs an unchanged model. Every Python run
gets an environment without ``PYTHONDONTWRITEBYTECODE`` (which some machines set), so that
archdoc's own bytecode is cached as it is once installed, and, warm, the model's. LikeC4 keeps
no cache between runs: it runs once per N and stands in both tables.

Writes ``bench/out/validate.md`` (the tables) and ``bench/out/validate.json`` (the figures, for
``bench/run.py``'s summary). Usage:
``python bench/validate_bench.py [--n 100 1000 2000 5000] [--runs 3] [--modes cold warm]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
STANDIN = BENCH / "standin"
LIKEC4_VERSION = "1.59.4"
PROJECT_LIKEC4 = ROOT / "node_modules" / ".bin" / "likec4"
"""LikeC4 as ``make setup`` installs it (a devDependency in package.json)."""
LIKEC4_PREFIX = BENCH / ".likec4"
LIKEC4_BIN = LIKEC4_PREFIX / "node_modules" / ".bin" / "likec4"
"""Where the benchmark installs LikeC4 itself when the project's is missing."""
TIME_BIN = Path("/usr/bin/time")
TIMEOUT_S = 900

FLOOR_CODE = f"import sys; sys.path.insert(0, {str(STANDIN)!r}); import model"
IMPORT_CODE = "import model"

sys.path.insert(0, str(BENCH))
from synthetic import SERVICES_PER_MODULE, write_twins  # noqa: E402

# Runs a command and prints the peak RSS of its process tree (KiB) on the last line of stderr.
_RUSAGE_HELPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[1:])\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write('\\nPEAK_KB %d CPU_S %f\\n' % (u.ru_maxrss, u.ru_utime + u.ru_stime))\n"
    "sys.exit(rc)\n"
)


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float
    """User plus system CPU time of the process tree."""
    peak_mb: float
    returncode: int
    output: str


@dataclass(frozen=True)
class Result:
    """The median of several runs, or why there is none."""

    wall_s: float | None = None
    cpu_s: float | None = None
    peak_mb: float | None = None
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.wall_s is not None


# -- running one process ----------------------------------------------------------------------


def _measured_command(cmd: Sequence[str]) -> list[str]:
    if TIME_BIN.exists():
        return [str(TIME_BIN), "-v", *cmd]
    return [sys.executable, "-c", _RUSAGE_HELPER, *cmd]


def _peak_kb(stderr: str) -> int:
    gnu = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    if gnu:
        return int(gnu.group(1))
    helper = re.search(r"PEAK_KB (\d+)", stderr)
    return int(helper.group(1)) if helper else 0


def _cpu_s(stderr: str) -> float:
    user = re.search(r"User time \(seconds\): ([\d.]+)", stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", stderr)
    if user and system:
        return float(user.group(1)) + float(system.group(1))
    helper = re.search(r"CPU_S ([\d.]+)", stderr)
    return float(helper.group(1)) if helper else 0.0


def run_once(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` in ``cwd``; wall time from here, peak RSS from /usr/bin/time or rusage."""
    start = time.perf_counter()
    proc = subprocess.run(_measured_command(cmd), cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT_S, check=False)
    wall = time.perf_counter() - start
    return Run(wall_s=wall, cpu_s=_cpu_s(proc.stderr), peak_mb=_peak_kb(proc.stderr) / 1024,
               returncode=proc.returncode,
               output=(proc.stdout + proc.stderr).strip())


def _tail(text: str, lines: int = 8) -> str:
    return "\n".join(text.splitlines()[-lines:])


def measure(label: str, cmd: Sequence[str], cwd: Path, runs: int, ok_codes: set[int],
            env: dict[str, str] | None = None,
            before_each: Callable[[], None] | None = None) -> Result:
    """Median of ``runs`` runs; the first run with an unexpected exit code stops it."""
    done: list[Run] = []
    for i in range(runs):
        if before_each is not None:
            before_each()
        try:
            run = run_once(cmd, cwd, env)
        except subprocess.TimeoutExpired:
            return Result(note=f"timed out after {TIMEOUT_S} s")
        print(f"  {label} run {i + 1}: {run.wall_s:.2f} s wall, {run.cpu_s:.2f} s CPU, "
              f"{run.peak_mb:.0f} MB, exit {run.returncode}", flush=True)
        if run.returncode not in ok_codes:
            print(_tail(run.output), file=sys.stderr)
            return Result(note=f"failed (exit {run.returncode})")
        done.append(run)
    return Result(wall_s=statistics.median(r.wall_s for r in done),
                  cpu_s=statistics.median(r.cpu_s for r in done),
                  peak_mb=statistics.median(r.peak_mb for r in done))


# -- the Python commands ----------------------------------------------------------------------


def default_archdoc_cmd() -> list[str]:
    """``archdoc validate`` of the running interpreter's environment, else of ``.venv``."""
    beside = Path(sys.executable).parent / "archdoc"
    script = beside if beside.exists() else ROOT / ".venv" / "bin" / "archdoc"
    return [str(script), "validate"]


def python_env() -> dict[str, str]:
    """The environment of every Python run: bytecode caching on, whatever the machine sets."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    return env


def _clear_bytecode(twin: Path) -> None:
    for cache in twin.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


@dataclass(frozen=True)
class Row:
    """One N in one mode: the three Python commands (LikeC4 is kept per N)."""

    n: int
    mode: str
    floor: Result
    imported: Result
    validate: Result


def bench_python(twin: Path, n: int, mode: str, runs: int, archdoc_cmd: Sequence[str]) -> Row:
    """Floor, import and validate of one twin, after an untimed validate (archdoc's own
    bytecode cached, as once installed; warm: the model's too)."""
    env = python_env()
    run_once(archdoc_cmd, twin, env)
    reset = (lambda: _clear_bytecode(twin)) if mode == "cold" else None
    python = sys.executable
    floor = measure("floor", [python, "-c", FLOOR_CODE], twin, runs, {0}, env, reset)
    imported = measure("import", [python, "-c", IMPORT_CODE], twin, runs, {0}, env, reset)
    validate = measure("validate", archdoc_cmd, twin, runs, {0, 1}, env, reset)
    return Row(n, mode, floor, imported, validate)


# -- LikeC4 -----------------------------------------------------------------------------------


def _version_of(binary: Path) -> str | None:
    if not binary.exists():
        return None
    proc = subprocess.run([str(binary), "--version"], capture_output=True, text=True,
                          timeout=120, check=False)
    return proc.stdout.strip() if proc.returncode == 0 else None


def ensure_likec4() -> Path | None:
    """LikeC4 1.59.4: the project's (``make setup``), else one the benchmark installs from the
    npm registry into bench/.likec4; None when neither is possible."""
    for binary in (PROJECT_LIKEC4, LIKEC4_BIN):
        if _version_of(binary) == LIKEC4_VERSION:
            return binary
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: LikeC4 unavailable", file=sys.stderr)
        return None
    print(f"installing likec4@{LIKEC4_VERSION} into {LIKEC4_PREFIX} ...", flush=True)
    LIKEC4_PREFIX.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([npm, "install", "--prefix", str(LIKEC4_PREFIX), "--no-audit",
                           "--no-fund", f"likec4@{LIKEC4_VERSION}"],
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    if proc.returncode != 0 or _version_of(LIKEC4_BIN) != LIKEC4_VERSION:
        print(_tail(proc.stdout + proc.stderr), file=sys.stderr)
        print("npm install failed: LikeC4 unavailable", file=sys.stderr)
        return None
    return LIKEC4_BIN


def likec4_cmd(binary: Path) -> list[str]:
    """``likec4 validate --no-layout .`` (layout drift is not a model check)."""
    return [str(binary), "validate", "--no-layout", "."]


def bench_likec4(twin: Path, cmd: Sequence[str], runs: int) -> Result:
    env = dict(os.environ, NO_COLOR="1")
    return measure("likec4", cmd, twin, runs, {0}, env)


# -- the report -------------------------------------------------------------------------------


def _s(r: Result) -> str:
    if r.wall_s is None:
        return r.note or "n/a"
    return f"{r.wall_s:.2f} s ({r.cpu_s:.2f})"


def _mb(r: Result) -> str:
    return f"{r.peak_mb:.0f}" if r.peak_mb is not None else "n/a"


def ratio(a: Result, b: Result, attr: str = "wall_s") -> float | None:
    """``a / b`` by wall time (or CPU time), when both ran."""
    x, y = getattr(a, attr), getattr(b, attr)
    return x / y if x is not None and y else None


def _x(value: float | None) -> str:
    return f"{value:.1f}×" if value is not None else "n/a"


def time_table(rows: Sequence[Row], likec4: dict[int, Result]) -> str:
    lines = ["| N | floor | import | validate | LikeC4 | validate ÷ floor | validate ÷ import "
             "| LikeC4 ÷ validate |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        c4 = likec4.get(r.n, Result(note="not run"))
        lines.append(f"| {r.n:,} | {_s(r.floor)} | {_s(r.imported)} | {_s(r.validate)} | {_s(c4)} "
                     f"| {_x(ratio(r.validate, r.floor))} | {_x(ratio(r.validate, r.imported))} "
                     f"| {_x(ratio(c4, r.validate))} |")
    return "\n".join(lines)


def memory_table(rows: Sequence[Row], likec4: dict[int, Result]) -> str:
    lines = ["| N | floor | import | validate | LikeC4 | validate ÷ LikeC4 |",
             "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        c4 = likec4.get(r.n, Result(note="not run"))
        share = ratio(r.validate, c4, "peak_mb")
        lines.append(f"| {r.n:,} | {_mb(r.floor)} | {_mb(r.imported)} | {_mb(r.validate)} "
                     f"| {_mb(c4)} | {f'{share:.2f}' if share is not None else 'n/a'} |")
    return "\n".join(lines)


def load_note(before: float, after: float) -> str:
    """A warning when other work shared the CPUs (wall times are then inflated)."""
    cpus = os.cpu_count() or 1
    worst = max(before, after)
    if worst <= cpus:
        return f"Load average {before:.1f} before, {after:.1f} after ({cpus} CPUs)."
    return (f"**Warning: the machine was busy** (load average {before:.1f} before, "
            f"{after:.1f} after, on {cpus} CPUs): wall times are inflated; compare CPU times.")


def report(rows: Sequence[Row], likec4: dict[int, Result], runs: int, c4_version: str | None,
           load: str) -> str:
    c4 = (
        f"LikeC4 {c4_version} (`likec4 validate --no-layout`)"
        if c4_version
        else "LikeC4 unavailable"
    )
    lines = [
        "# `archdoc validate`: the floor, a bare import, LikeC4",
        "",
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {c4}; median of {runs} runs of each whole process; "
        "wall time (CPU time in brackets) and peak resident memory.",
        "",
        load,
    ]
    for mode, what in (("cold", "Cold: no cached bytecode of the model (Python compiles it, as "
                                "on a fresh clone)."),
                       ("warm", "Warm: the model's bytecode cached (an unchanged model run "
                                "again).")):
        chosen = [r for r in rows if r.mode == mode]
        if chosen:
            lines += ["", what, "", time_table(chosen, likec4), "",
                      "Peak memory (MB):", "", memory_table(chosen, likec4)]
    return "\n".join(lines) + "\n"


def figures(rows: Sequence[Row], likec4: dict[int, Result], c4_version: str | None,
            load: str) -> dict[str, object]:
    """Everything measured, for bench/run.py's summary."""
    return {
        "likec4_version": c4_version,
        "load": load,
        "rows": [{"n": r.n, "mode": r.mode, "floor": asdict(r.floor),
                  "import": asdict(r.imported), "validate": asdict(r.validate)} for r in rows],
        "likec4": {str(n): asdict(r) for n, r in likec4.items()},
    }


# -- command line -----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="archdoc validate: floor, import, LikeC4")
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000, 2000, 5000],
                        help="numbers of services (default: 100 1000 2000 5000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per command and N (default 3)")
    parser.add_argument("--modes", nargs="+", choices=["cold", "warm"], default=["cold", "warm"],
                        help="cold (no model bytecode), warm (cached), or both (default)")
    parser.add_argument("--no-likec4", action="store_true", help="measure archdoc only")
    parser.add_argument("--per-module", type=int, default=SERVICES_PER_MODULE,
                        help=f"services per generated file (default {SERVICES_PER_MODULE})")
    parser.add_argument("--out", type=Path, default=OUT, help="output directory (bench/out)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    archdoc_cmd = default_archdoc_cmd()
    binary = None if args.no_likec4 else ensure_likec4()
    c4_version = LIKEC4_VERSION if binary else None
    rows: list[Row] = []
    likec4: dict[int, Result] = {}
    load_before = os.getloadavg()[0]
    for n in args.n:
        twins = args.out / str(n)
        counts = write_twins(n, twins, per_module=args.per_module).counts()
        print(f"N={n}: {counts['elements']} elements, {counts['relationships']} relationships",
              flush=True)
        for mode in args.modes:
            print(f" {mode}", flush=True)
            rows.append(bench_python((twins / "archdoc").resolve(), n, mode, args.runs,
                                     archdoc_cmd))
        if binary is not None:
            likec4[n] = bench_likec4((twins / "likec4").resolve(), likec4_cmd(binary), args.runs)
    load = load_note(load_before, os.getloadavg()[0])
    text = report(rows, likec4, args.runs, c4_version, load)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "validate.md").write_text(text, encoding="utf-8")
    (args.out / "validate.json").write_text(
        json.dumps(figures(rows, likec4, c4_version, load), indent=2) + "\n", encoding="utf-8")
    print()
    print(text)
    failed = [r for r in rows if not (r.floor.ok and r.imported.ok and r.validate.ok)]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
