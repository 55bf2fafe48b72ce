"""Benchmark: ``archdoc diff`` between two revisions of a synthetic model of N services.

``bench/synthetic.py`` writes the archdoc model of N services (N = 1000 by default) into a git
repository under ``bench/out/diff/N/``; a second commit changes it as a large pull request
would: 10 new services with their databases and dependencies, a description changed on every
50th service, every 100th synchronous dependency removed, and every 150th made critical. The
benchmark times ``archdoc diff HEAD~1 --head HEAD`` as a whole process (both sides extracted with
``git archive`` and each loaded once, in its own process, in parallel; then the comparison, the
impact and the report), ``--runs`` times per format, next to ``archdoc validate`` of one side.
Every revision is read from a fresh temporary copy, so the model is always compiled cold, as in
CI. The table is printed and written to ``bench/out/diff.md``.

Usage: ``python bench/diff_bench.py [--n 1000] [--runs 3] [--formats json markdown]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"

sys.path.insert(0, str(BENCH))
from synthetic import generate, write_archdoc  # noqa: E402
from validate_bench import Result, load_note, measure  # noqa: E402

NEW_SERVICES = 10
DESCRIPTION_EVERY = 50
REMOVE_EVERY = 100
CRITICAL_EVERY = 150


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.test",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.test",
        "GIT_AUTHOR_DATE": "2024-05-01T10:00:00+0000",
        "GIT_COMMITTER_DATE": "2024-05-01T10:00:00+0000",
    }
    proc = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return proc.stdout.strip()


def _second_revision(model: Path, n: int) -> None:
    """Change the model as a large pull request would."""
    width = max(4, len(str(n)))
    uses = 0
    for module in sorted(model.glob("services_*.py")):
        lines = []
        for line in module.read_text().splitlines():
            described = re.search(r'"Synthetic service (\d+)"', line)
            if described and int(described.group(1)) % DESCRIPTION_EVERY == 0:
                line = line.replace("Synthetic service", "Reworked service")
            if ".uses(" in line and 'criticality="' in line:
                uses += 1
                if uses % REMOVE_EVERY == 0:
                    continue
                if uses % CRITICAL_EVERY == 0:
                    line = re.sub(r'criticality="\w+"', 'criticality="critical"', line)
            lines.append(line)
        module.write_text("\n".join(lines) + "\n")
    body = ['"""Services added by the second revision (bench/diff_bench.py)."""', "",
            "from .base import bench", "from . import services_000 as first", ""]
    for k in range(1, NEW_SERVICES + 1):
        name = f"New service {k:02d}"
        body += [
            f'n{k} = bench.container("{name}", "Added by the change", technology="Go")',
            f'd{k} = bench.database("{name} DB", "Its data", technology="PostgreSQL 16", '
            f'owner=n{k})',
            f'n{k}.uses(d{k}, "Reads and writes its data", technology="SQL", access="readwrite")',
            f'n{k}.uses(first.s{k:0{width}d}, "Calls it", technology="gRPC", criticality="high")',
        ]
    (model / "services_new.py").write_text("\n".join(body) + "\n")
    init = model / "__init__.py"
    init.write_text(
        init.read_text().replace(
            "from . import people",
            "from . import services_new  # noqa: F401,E402\nfrom . import people",
        )
    )


def prepare(n: int, out: Path) -> Path:
    """The repository with the two revisions (rebuilt every time: it is cheap)."""
    repo = out / "diff" / str(n)
    shutil.rmtree(repo, ignore_errors=True)
    write_archdoc(generate(n), repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-gpg-sign", "-m", f"{n} services")
    _second_revision(repo / "model", n)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-gpg-sign", "-m", "a large change")
    return repo


def archdoc_bin() -> Path:
    beside = Path(sys.executable).parent / "archdoc"
    return beside if beside.exists() else ROOT / ".venv" / "bin" / "archdoc"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="archdoc diff of two revisions of a synthetic model"
    )
    parser.add_argument(
        "--n", type=int, nargs="+", default=[1000], help="numbers of services (default: 1000)"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per command (default 3)")
    parser.add_argument(
        "--formats", nargs="+", default=["json", "markdown"], choices=["json", "markdown", "text"]
    )
    parser.add_argument("--out", type=Path, default=OUT, help="output directory (bench/out)")
    args = parser.parse_args(argv)
    archdoc = str(archdoc_bin())
    load_before = os.getloadavg()[0]
    rows: list[tuple[int, str, str, Result]] = []
    failed = False
    for n in args.n:
        repo = prepare(n, args.out)
        summary = json.loads(
            subprocess.run(
                [archdoc, "diff", "HEAD~1", "--head", "HEAD", "--format", "json"],
                cwd=repo,
                capture_output=True,
                text=True,
                check=False,
            ).stdout
        )
        changes = (f"{len(summary['elements']['added'])} elements added, "
                   f"{len(summary['elements']['changed'])} changed; "
                   f"{len(summary['relationships']['added'])} relationships added, "
                   f"{len(summary['relationships']['removed'])} removed, "
                   f"{len(summary['relationships']['changed'])} changed; "
                   f"blast radius of {len(summary['impact']['blast_radius'])} units changed")
        print(f"N={n}: {changes}", flush=True)
        validate = measure("validate", [archdoc, "validate"], repo, args.runs, {0, 1})
        rows.append((n, "`archdoc validate` (one side, for scale)", changes, validate))
        for fmt in args.formats:
            result = measure(f"diff --format {fmt}",
                             [archdoc, "diff", "HEAD~1", "--head", "HEAD", "--format", fmt],
                             repo, args.runs, {0, 1})
            failed |= not result.ok
            rows.append((n, f"`archdoc diff HEAD~1 --head HEAD --format {fmt}`", changes, result))
    load = load_note(load_before, os.getloadavg()[0])
    lines = [
        "# `archdoc diff` of two revisions",
        "",
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; median of {args.runs} runs; whole process wall time, CPU "
        "time of the process tree and peak RSS of its largest process.",
        "",
        load,
        "",
        "| N | command | wall | CPU | peak MB |",
        "|---:|---|---:|---:|---:|",
    ]
    for n, command, _, r in rows:
        wall = f"{r.wall_s:.2f} s" if r.wall_s is not None else r.note
        cpu = f"{r.cpu_s:.2f} s" if r.cpu_s is not None else "n/a"
        peak = f"{r.peak_mb:.0f}" if r.peak_mb is not None else "n/a"
        lines.append(f"| {n:,} | {command} | {wall} | {cpu} | {peak} |")
    lines += ["", "The change:", ""]
    lines += [
        f"- N={n}: {changes}"
        for n, command, changes, _ in rows
        if command.startswith("`archdoc validate")
    ]
    text = "\n".join(lines) + "\n"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "diff.md").write_text(text)
    print()
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
