"""Benchmark: ``archdoc validate`` against ``likec4 validate`` on twin synthetic models.

For each N, ``bench/synthetic.py`` writes the same architecture as an archdoc model package and
as LikeC4 source under ``bench/out/N/``. Each tool is run as a whole process (start-up, parse or
import, checks), ``--runs`` times; the table gives the median wall time and the median peak
resident memory. It is printed and written to ``bench/out/validate.md``.

archdoc is run once untimed first, so that its own modules' bytecode is cached as it is once
installed. The model is cold by default, as on a fresh clone in CI: its ``__pycache__`` is
removed before each timed run, so Python compiles the model files every time. ``--warm`` keeps
the model's bytecode too, as on a developer's machine re-running an unchanged model.

LikeC4 is installed from the npm registry into ``bench/.likec4/`` on first use. If that fails,
archdoc is still measured and LikeC4 is reported as unavailable.

Usage: ``python bench/validate_bench.py [--n 100 1000 5000] [--runs 3] [--warm]``
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
LIKEC4_VERSION = "1.59.4"
LIKEC4_PREFIX = BENCH / ".likec4"
LIKEC4_BIN = LIKEC4_PREFIX / "node_modules" / ".bin" / "likec4"
TIME_BIN = Path("/usr/bin/time")
TIMEOUT_S = 900
TARGET_WALL_S = 1.5
TARGET_PEAK_MB = 500
TARGET_SCALING = 6.0
TARGET_SPEEDUP = 5.0

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
              f"{run.peak_mb:.0f} MB, "
              f"exit {run.returncode}", flush=True)
        if run.returncode not in ok_codes:
            print(_tail(run.output), file=sys.stderr)
            return Result(note=f"failed (exit {run.returncode})")
        done.append(run)
    return Result(wall_s=statistics.median(r.wall_s for r in done),
                  cpu_s=statistics.median(r.cpu_s for r in done),
                  peak_mb=statistics.median(r.peak_mb for r in done))


# -- archdoc ----------------------------------------------------------------------------------


def default_archdoc_cmd() -> list[str]:
    """``archdoc validate`` of the running interpreter's environment, else of ``.venv``."""
    beside = Path(sys.executable).parent / "archdoc"
    script = beside if beside.exists() else ROOT / ".venv" / "bin" / "archdoc"
    return [str(script), "validate"]


def _clear_bytecode(twin: Path) -> None:
    for cache in twin.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


def bench_archdoc(twin: Path, cmd: Sequence[str], runs: int, warm: bool) -> Result:
    """archdoc after one untimed run (archdoc's own bytecode cached, as once installed).

    Cold: the model's bytecode cache is removed before each run, as on a fresh clone in CI.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    run_once(cmd, twin, env)
    reset = None if warm else (lambda: _clear_bytecode(twin))
    return measure("archdoc", cmd, twin, runs, {0, 1}, env, before_each=reset)


# -- LikeC4 -----------------------------------------------------------------------------------


def _installed_likec4_version() -> str | None:
    if not LIKEC4_BIN.exists():
        return None
    proc = subprocess.run([str(LIKEC4_BIN), "--version"], capture_output=True, text=True,
                          timeout=120, check=False)
    return proc.stdout.strip() if proc.returncode == 0 else None


def ensure_likec4() -> str | None:
    """The installed LikeC4 version, installing it first if needed; None when unavailable."""
    version = _installed_likec4_version()
    if version == LIKEC4_VERSION:
        return version
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: LikeC4 unavailable", file=sys.stderr)
        return None
    print(f"installing likec4@{LIKEC4_VERSION} into {LIKEC4_PREFIX} ...", flush=True)
    LIKEC4_PREFIX.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([npm, "install", "--prefix", str(LIKEC4_PREFIX), "--no-audit",
                           "--no-fund", f"likec4@{LIKEC4_VERSION}"],
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    if proc.returncode != 0:
        print(_tail(proc.stdout + proc.stderr), file=sys.stderr)
        print("npm install failed: LikeC4 unavailable", file=sys.stderr)
        return None
    return _installed_likec4_version()


def likec4_cmd() -> list[str]:
    """``likec4 validate``, skipping layout when the installed version can."""
    help_text = subprocess.run([str(LIKEC4_BIN), "validate", "--help"], capture_output=True,
                               text=True, timeout=120, check=False).stdout
    return [str(LIKEC4_BIN), "validate", *(["--no-layout"] if "--no-layout" in help_text else []),
            "."]


def bench_likec4(twin: Path, cmd: Sequence[str], runs: int) -> Result:
    env = dict(os.environ, NO_COLOR="1")
    return measure("likec4", cmd, twin, runs, {0}, env)


# -- the report -------------------------------------------------------------------------------


def _time(r: Result) -> str:
    return f"{r.wall_s:.2f} s" if r.wall_s is not None else r.note or "n/a"


def _mb(r: Result) -> str:
    return f"{r.peak_mb:.0f}" if r.peak_mb is not None else "n/a"


def _speedup(a: Result, b: Result) -> str:
    if a.wall_s is None or b.wall_s is None:
        return "n/a"
    return f"{b.wall_s / a.wall_s:.1f}x"


def table(rows: Sequence[tuple[int, Result, Result]]) -> str:
    lines = ["| N | archdoc time | archdoc peak MB | likec4 time | likec4 peak MB | speed-up |",
             "|---:|---:|---:|---:|---:|---:|"]
    for n, arch, c4 in rows:
        lines.append(f"| {n:,} | {_time(arch)} | {_mb(arch)} | {_time(c4)} | {_mb(c4)} "
                     f"| {_speedup(arch, c4)} |")
    return "\n".join(lines)


def target_lines(rows: Sequence[tuple[int, Result, Result]]) -> list[str]:
    """Each performance goal that these rows can judge, with pass or MISS."""
    by_n = {n: arch for n, arch, _ in rows}
    out: list[str] = []
    big = by_n.get(5000)
    if big is not None and big.ok:
        assert big.wall_s is not None and big.peak_mb is not None
        out.append(f"N=5000 wall {big.wall_s:.2f} s (target < {TARGET_WALL_S} s): "
                   f"{'pass' if big.wall_s < TARGET_WALL_S else 'MISS'}")
        out.append(f"N=5000 peak {big.peak_mb:.0f} MB (target < {TARGET_PEAK_MB} MB): "
                   f"{'pass' if big.peak_mb < TARGET_PEAK_MB else 'MISS'}")
        mid = by_n.get(1000)
        if mid is not None and mid.wall_s:
            ratio = big.wall_s / mid.wall_s
            out.append(f"time N=5000 / N=1000 = {ratio:.1f} (target <= {TARGET_SCALING:g}): "
                       f"{'pass' if ratio <= TARGET_SCALING else 'MISS'}")
    for n, arch, c4 in rows:
        if arch.wall_s and c4.wall_s:
            speed = c4.wall_s / arch.wall_s
            out.append(f"N={n} speed-up {speed:.1f}x (target >= {TARGET_SPEEDUP:g}x): "
                       f"{'pass' if speed >= TARGET_SPEEDUP else 'MISS'}")
    return out


def cpu_table(rows: Sequence[tuple[int, Result, Result]]) -> str:
    def cpu(r: Result) -> str:
        return f"{r.cpu_s:.2f} s" if r.cpu_s is not None else "n/a"

    lines = ["| N | archdoc CPU | likec4 CPU |", "|---:|---:|---:|"]
    lines += [f"| {n:,} | {cpu(a)} | {cpu(c)} |" for n, a, c in rows]
    return "\n".join(lines)


def load_note(before: float, after: float) -> str:
    """A warning when other work shared the CPUs (wall times are then inflated)."""
    cpus = os.cpu_count() or 1
    worst = max(before, after)
    if worst <= cpus:
        return f"Load average {before:.1f} before, {after:.1f} after ({cpus} CPUs)."
    return (f"**Warning: the machine was busy** (load average {before:.1f} before, "
            f"{after:.1f} after, on {cpus} CPUs): wall times are inflated; compare CPU times.")


def report(rows: Sequence[tuple[int, Result, Result]], runs: int, warm: bool,
           likec4_version: str | None, likec4_command: Sequence[str], load: str) -> str:
    c4 = (f"`likec4 {' '.join(likec4_command[1:])}` {likec4_version}"
          if likec4_version else "likec4 unavailable")
    mode = ("warm model (bytecode cached)" if warm
            else "cold model (model bytecode removed before each run, as in CI)")
    header = [
        "# `archdoc validate` vs `likec4 validate`",
        "",
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {c4}; archdoc {mode}; "
        f"median of {runs} runs; whole process wall time and peak RSS.",
        "",
        load,
        "",
    ]
    targets = target_lines(rows)
    footer = ["", "Goals:", "", *(f"- {t}" for t in targets)] if targets else []
    cpu = ["", "CPU time (user + system, all threads and child processes), median:", "",
           cpu_table(rows)]
    return "\n".join([*header, table(rows), *cpu, *footer]) + "\n"


# -- command line -----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="archdoc validate vs likec4 validate")
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000, 5000],
                        help="numbers of services (default: 100 1000 5000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and N (default 3)")
    parser.add_argument("--warm", action="store_true",
                        help="keep the model's bytecode between runs (default: cold, as in CI)")
    parser.add_argument("--no-likec4", action="store_true", help="measure archdoc only")
    parser.add_argument("--per-module", type=int, default=SERVICES_PER_MODULE,
                        help=f"services per generated file (default {SERVICES_PER_MODULE})")
    parser.add_argument("--archdoc-cmd", default=None,
                        help="command to time instead of `<venv>/bin/archdoc validate`")
    parser.add_argument("--out", type=Path, default=OUT, help="output directory (bench/out)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    archdoc_cmd = shlex.split(args.archdoc_cmd) if args.archdoc_cmd else default_archdoc_cmd()
    version = None if args.no_likec4 else ensure_likec4()
    c4_cmd = likec4_cmd() if version else []
    rows: list[tuple[int, Result, Result]] = []
    load_before = os.getloadavg()[0]
    for n in args.n:
        twins = args.out / str(n)
        counts = write_twins(n, twins, per_module=args.per_module).counts()
        print(f"N={n}: {counts['elements']} elements, {counts['relationships']} relationships",
              flush=True)
        arch = bench_archdoc((twins / "archdoc").resolve(), archdoc_cmd, args.runs, args.warm)
        c4 = (bench_likec4((twins / "likec4").resolve(), c4_cmd, args.runs) if version
              else Result(note="unavailable"))
        rows.append((n, arch, c4))
    load = load_note(load_before, os.getloadavg()[0])
    text = report(rows, args.runs, args.warm, version, c4_cmd, load)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "validate.md").write_text(text)
    print()
    print(text)
    return 0 if all(arch.ok for _, arch, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
