"""The direction imports run in, enforced: import-linter's contracts of pyproject.toml (the
layers model -> analysis -> views -> render/export -> site -> plugin/cli, configuration and
errors at the bottom; no cycle between the modules of a package)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or \
        shutil.which("lint-imports")
    if tool is None:
        pytest.skip(
            "import-linter is not installed (it is in the test extra: pip install -e '.[test]')"
        )
    return subprocess.run([tool, "--no-cache", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)


def test_the_import_contracts_of_the_project_are_kept() -> None:
    proc = _lint_imports()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Contracts: 2 kept, 0 broken." in proc.stdout


def test_an_import_against_the_layers_is_reported(tmp_path: Path) -> None:
    # The site reads the model: a contract that forbids it must be broken, so the tool does look.
    config = tmp_path / "contracts.toml"
    config.write_text('[tool.importlinter]\nroot_package = "archdoc"\n\n'
                      '[[tool.importlinter.contracts]]\nname = "The site without the model"\n'
                      'type = "forbidden"\nsource_modules = ["archdoc.site"]\n'
                      'forbidden_modules = ["archdoc.model"]\n', encoding="utf-8")
    proc = _lint_imports("--config", str(config))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "The site without the model BROKEN" in proc.stdout
