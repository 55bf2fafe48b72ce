"""bench/run.py's summary: each goal of the performance work judged from the figures.

No timing is measured here: the figures are made up, and only the verdicts drawn from them
are checked.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _run_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # for its dataclasses
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["bench_run"]
    return module


def _result(wall: float, cpu: float | None = None, peak: float = 100.0) -> dict[str, Any]:
    return {"wall_s": wall, "cpu_s": cpu if cpu is not None else wall, "peak_mb": peak, "note": ""}


def _validate(
    validate_5000: float, floor: float, imported: float, c4_2000: float
) -> dict[str, Any]:
    rows = [
        {"n": 5000, "mode": "warm", "floor": _result(floor, peak=12), "import": _result(imported),
         "validate": _result(validate_5000, peak=130)},
        {"n": 2000, "mode": "cold", "floor": _result(0.1), "import": _result(0.6),
         "validate": _result(1.0, peak=90)},
    ]
    return {"rows": rows, "likec4": {"2000": _result(c4_2000, peak=400),
                                     "5000": _result(30.0, peak=600)}}


def verdicts(goals: list[Any]) -> dict[str, bool | None]:
    return {g.what: g.passed for g in goals}


def test_validate_goals_pass_and_miss_on_their_limits() -> None:
    run = _run_module()
    met = verdicts(run.validate_goals(_validate(0.8, 0.1, 0.6, 15.0)))
    assert list(met.values()) == [True, True, True, True]
    missed = verdicts(run.validate_goals(_validate(0.81, 0.1, 0.5, 14.9)))
    assert list(missed.values()) == [False, False, False, True]
    worst = run.validate_goals(_validate(0.8, 0.1, 0.6, 15.0))[-1]
    assert "N = 2,000 cold" in worst.measured  # 90 MB against 400 MB is the larger share


def test_a_validate_goal_met_by_wall_time_alone_is_missed() -> None:
    """A busy or noisy machine can put one measure on either side of a limit: both the wall
    time and the CPU time must meet it."""
    run = _run_module()
    figures = _validate(0.8, 0.1, 0.6, 15.0)
    warm, cold = figures["rows"]
    warm["validate"]["cpu_s"] = 0.83  # 8.3× the floor's CPU time, 8.0× its wall time
    figures["likec4"]["2000"]["cpu_s"] = 14.0  # 15× by wall time, 14× by CPU time
    judged = list(verdicts(run.validate_goals(figures)).values())
    assert judged == [False, True, False, True]


def _site_rows(plain_1000: float) -> list[dict[str, Any]]:
    rows = [{"n": 250, "plugin_s": 20.0, "plain_s": 19.0},
            {"n": 1000, "plugin_s": 80.0, "plain_s": plain_1000}]
    for row in rows:
        row["plugin_cpu_s"], row["plain_cpu_s"] = row["plugin_s"], row["plain_s"]
        row["share"] = row["cpu_share"] = (row["plugin_s"] - row["plain_s"]) / row["plugin_s"]
    return rows


def test_site_goals_judge_the_share_and_the_growth() -> None:
    run = _run_module()
    serve = {"first_build_s": 90.0, "rebuild_s": 85.0}
    met = run.site_goals({"rows": _site_rows(72.5), "serve": serve})  # 9.4%, 4.0× for 4× N
    assert [g.passed for g in met] == [True, True, None]
    assert met[-1].measured == "85.0 s"
    missed = run.site_goals({"rows": _site_rows(71.0), "serve": None})  # 11%
    assert [g.passed for g in missed] == [False, True]
    slower = _site_rows(72.5)
    slower[-1].update(plugin_s=90.0, plugin_cpu_s=90.0, share=17.5 / 90)  # 4.5× for 4× N
    assert [g.passed for g in run.site_goals({"rows": slower})] == [False, False]
    noisy = _site_rows(80.0)  # the wall times of a busy machine hide the plugin's 12% of CPU
    noisy[-1].update(plugin_cpu_s=50.0, plain_cpu_s=44.0, cpu_share=6.0 / 50)
    assert run.site_goals({"rows": noisy})[0].passed is False


def test_the_summary_carries_every_report_of_bench_out(tmp_path: Path,
                                                       monkeypatch: Any) -> None:
    run = _run_module()
    monkeypatch.setattr(run, "OUT", tmp_path)
    (tmp_path / "export.md").write_text(
        "Export of every view.\n\n| format |\n| --- |\n| `json` |\n", encoding="utf-8"
    )
    (tmp_path / "drift.md").write_text("# `archdoc drift` on a file\n\n# A heading\n\nText.\n",
                                       encoding="utf-8")
    text = run.summary()
    assert "### Exports (`export_bench.py`)\n\nExport of every view." in text
    assert "| `json` |" in text
    # a report's own title gives way to the summary's, and its headings go below it
    assert "### `archdoc drift` (`drift_bench.py`)\n\n#### A heading" in text
    assert "on a file" not in text
    assert "Laying out the diagrams" not in text  # no report, no heading
