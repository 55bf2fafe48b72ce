"""Every benchmark `make bench` runs can at least start: its imports resolve against the current
package (a module moved or renamed breaks a benchmark that only runs on a quiet machine).
Nothing is measured; each script's module is loaded, its ``main`` not called."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"


def _scripts() -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_run_scripts", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run_scripts"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["bench_run_scripts"]
    return list(module.SCRIPTS)


def test_make_bench_runs_every_benchmark_of_the_directory() -> None:
    on_disk = {p.name for p in BENCH.glob("*_bench.py")}
    assert set(_scripts()) == on_disk


@pytest.mark.parametrize("script", _scripts())
def test_the_benchmark_loads(script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    name = f"bench_{script.removesuffix('.py')}"
    spec = importlib.util.spec_from_file_location(name, BENCH / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    assert callable(getattr(module, "main", None)), f"{script} has no main()"
