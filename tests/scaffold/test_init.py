"""`archdoc init`: a workspace that validates and builds, and never overwrites."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archdoc.scaffold import SCAFFOLD_FILES, ScaffoldError, scaffold

BIN = Path(sys.executable).parent


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_COLOR": "1"})


def test_init_creates_a_workspace_that_validates_and_builds(tmp_path: Path) -> None:
    created = run([str(BIN / "archdoc"), "init", "demo"], tmp_path)
    assert created.returncode == 0, created.stderr
    demo = tmp_path / "demo"
    for relative in SCAFFOLD_FILES:
        assert (demo / relative).is_file(), relative
    assert "archdoc validate --format github" in (demo / ".github/workflows/architecture.yml").read_text()
    validated = run([str(BIN / "archdoc"), "validate"], demo)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "no problems found" in validated.stdout
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], demo)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/architecture/elements/demo.api/index.html").is_file()
    assert (tmp_path / "site/architecture/decisions/0001-record-architecture-decisions/index.html").is_file()


def test_init_refuses_to_overwrite_and_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("mine\n")
    result = run([str(BIN / "archdoc"), "init", str(tmp_path)], tmp_path)
    assert result.returncode == 1
    assert "docs/index.md already exists" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "docs/index.md").read_text() == "mine\n"
    assert not (tmp_path / "mkdocs.yml").exists(), "nothing is written when one file exists"


def test_scaffold_uses_the_given_name(tmp_path: Path) -> None:
    scaffold(tmp_path / "x", name="Order Platform")
    model = (tmp_path / "x/model/__init__.py").read_text()
    assert 'Workspace("Order Platform"' in model and 'id="order-platform"' in model
    with pytest.raises(ScaffoldError):
        scaffold(tmp_path / "x", name="Order Platform")
