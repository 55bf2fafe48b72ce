"""Helpers shared by the tests: golden files, in-memory rule runs, projects, the real command.

Golden files live in ``tests/golden/files/``; ``ARCHDOC_UPDATE_GOLDEN=1 pytest`` rewrites them
from the current output (review the diff before committing it).
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from archdoc.config import ArchdocConfig, config_from_options
from archdoc.model.workspace import Workspace
from archdoc.validation.diagnostics import Diagnostic
from archdoc.validation.registry import RuleContext, run_rules

TESTS_DIR = Path(__file__).resolve().parent
GOLDEN_DIR = TESTS_DIR / "golden" / "files"
UPDATE_GOLDEN = os.environ.get("ARCHDOC_UPDATE_GOLDEN", "") not in ("", "0")
ARCHDOC_EXE = Path(sys.executable).parent / "archdoc"


# -- golden files ---------------------------------------------------------------------------


class Golden:
    """Compares a text with ``tests/golden/files/<name>``; regenerates it when asked."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, name: str) -> Path:
        return self.directory / name

    def check(self, name: str, text: str) -> None:
        path = self.path(name)
        if UPDATE_GOLDEN:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        if not path.exists():
            pytest.fail(
                f"golden file {path} is missing; run with ARCHDOC_UPDATE_GOLDEN=1 to create it"
            )
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True),
                fromfile=f"golden/{name}", tofile="actual",
            ))
            pytest.fail(f"output differs from golden file {name} "
                        f"(ARCHDOC_UPDATE_GOLDEN=1 regenerates it):\n{diff}", pytrace=False)


# -- in-memory models -----------------------------------------------------------------------


def make_config(root: Path | None = None, **options: object) -> ArchdocConfig:
    """An ArchdocConfig as if read from mkdocs.yml ``plugins: [archdoc: options]``."""
    return config_from_options(dict(options), root=root or Path.cwd())


def diagnose(workspace: Workspace, config: ArchdocConfig | None = None) -> list[Diagnostic]:
    """Every finding of the model rules (ADR rules left out: no log)."""
    context = RuleContext(config=config or make_config(), workspace=workspace, adrs=None)
    return list(run_rules(context))


def rule_ids(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.rule for d in diagnostics]


def line_of(marker: str, path: str | Path) -> int:
    """The 1-based line of the first line of ``path`` containing ``marker``."""
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if marker in line:
            return n
    raise AssertionError(f"{marker!r} not found in {path}")


# -- projects on disk and the real command --------------------------------------------------


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class ProjectFactory:
    """Writes a project (``model/``, ``mkdocs.yml``) into a temporary directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(
        self, model: str | dict[str, str] | None = None, *, mkdocs: str | None = None,
        name: str = "proj",
    ) -> Path:
        root = self.root / name
        root.mkdir(parents=True, exist_ok=True)
        files = {"model/__init__.py": model} if isinstance(model, str) else dict(model or {})
        if mkdocs is not None:
            files["mkdocs.yml"] = mkdocs
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return root


def run_archdoc(*args: str, cwd: Path) -> Result:
    """Run the installed ``archdoc`` console script, as a user or CI would."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COLUMNS"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", COLUMNS="200", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [str(ARCHDOC_EXE), *args], cwd=cwd, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=60, check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)

