"""The guide "Moving from Structurizr" shows what the commands really print and write."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from importhelpers import REPO, VIEW_API

GUIDE = REPO / "docs" / "guide" / "importing.md"
ASSETS = REPO / "docs" / "guide" / "assets" / "ecommerce"


def _blocks(kind: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    return re.findall(rf"```{kind}[^\n]*\n(.*?)```", text, re.S)


def test_guide_output_is_the_real_output(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    if not VIEW_API:
        pytest.skip("the guide's model uses ws.view, which this build does not have yet")
    shutil.copy(ASSETS / "workspace.dsl", tmp_path)
    shutil.copy(ASSETS / "deployment.dsl", tmp_path)
    imported = archdoc_cmd("import", "structurizr", "workspace.dsl", cwd=tmp_path)
    assert imported.code == 0, imported.output
    shown = [line for line in _blocks("console")[0].splitlines()
             if line and not line.startswith("$")]
    assert shown == [*imported.stdout.splitlines(), *imported.stderr.splitlines()]

    generated = (tmp_path / "model" / "__init__.py").read_text(encoding="utf-8")
    excerpts = _blocks("python")
    assert len(excerpts) == 3
    for excerpt in excerpts:
        at = 0
        for chunk in re.split(r"^\s*\.\.\.\n", excerpt, flags=re.M):
            found = generated.find(chunk, at)
            assert found >= 0, f"not in the generated model:\n{chunk}"
            at = found + len(chunk)

    validated = archdoc_cmd("validate", cwd=tmp_path)
    findings = [line for line in validated.stdout.splitlines() if not line.startswith("    hint")]
    shown = [line for line in _blocks("console")[1].splitlines() if not line.startswith("$")]
    assert shown == findings
