"""The benchmark's floor: the do-nothing stand-in of archdoc's API (bench/standin/archdoc).

It must expose every public name of archdoc, answer every public method of the model's
classes with a method of its own (so that the floor is not inflated by ``__getattr__``), and
run every example model and the synthetic benchmark model to the end.
"""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import BaseModel

import archdoc

ROOT = Path(__file__).resolve().parents[2]
STANDIN = ROOT / "bench" / "standin"
READS_ITS_MODEL = {"reptidex"}
"""Examples whose model reads back what it built (reptidex asserts on ``len(ws.events)``),
which a stand-in that builds nothing cannot answer."""
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/mkdocs.yml")
                  if p.parent.name not in READS_ITS_MODEL)


def _standin() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "archdoc_standin", STANDIN / "archdoc" / "__init__.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_exposes_every_public_name_of_archdoc() -> None:
    standin = _standin()
    assert sorted(standin.__all__) == sorted(archdoc.__all__)
    for name in archdoc.__all__:
        assert hasattr(standin, name), name
    assert issubclass(standin.ModelError, standin.ArchdocError)


def test_it_has_a_method_for_every_public_method_of_the_model() -> None:
    standin = _standin()
    inherited = {*dir(BaseModel), "from_checked"}  # pydantic's, and the builders' own constructor
    classes = [archdoc.Workspace, archdoc.Person, archdoc.SoftwareSystem, archdoc.Container,
               archdoc.Database, archdoc.Queue, archdoc.Component, archdoc.Flow,
               archdoc.Environment, archdoc.DeploymentNode]
    wanted = {name for cls in classes for name, value in inspect.getmembers(cls)
              if not name.startswith("_") and name not in inherited and inspect.isfunction(value)}
    assert wanted <= set(standin.METHODS), sorted(wanted - set(standin.METHODS))
    anything = standin.Workspace("W")
    assert anything.system("S").container("C").uses("x") is anything
    with anything.flow("F") as flow:
        assert flow.step(anything, anything) is anything


def _run_against_standin(project: Path) -> subprocess.CompletedProcess[str]:
    code = f"import sys; sys.path.insert(0, {str(STANDIN)!r}); import model"
    return subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_every_example_model_runs_against_it(example: Path) -> None:
    result = _run_against_standin(example)
    assert result.returncode == 0, result.stderr


def test_the_synthetic_benchmark_model_runs_against_it(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from synthetic import write_twins
    finally:
        sys.path.remove(str(ROOT / "bench"))
    write_twins(120, tmp_path, per_module=50)
    result = _run_against_standin(tmp_path / "archdoc")
    assert result.returncode == 0, result.stderr
