"""Shared by the import tests: fixtures, notes as golden text, loading a written package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archdoc.importers import ImportResult, write_package
from archdoc.model.workspace import Workspace

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]

VIEW_API = all(hasattr(Workspace, name) for name in ("view", "style"))
"""``ws.view``, ``ws.style`` and ``group=`` (they come together)."""


def notes_text(result: ImportResult, base: Path) -> str:
    """The notices, one a line, with file names relative to ``base`` (stable across machines)."""
    lines = []
    for notice in result.notices:
        where = ""
        if notice.location is not None:
            where = (
                f"{Path(notice.location.file).resolve().relative_to(base)}:{notice.location.line}: "
            )
        lines.append(f"{where}note: {notice.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def needs_view_api(result: ImportResult) -> None:
    """Skip loading a model that uses the view API when this build does not have it yet."""
    source = "".join(result.files.values())
    if not VIEW_API and ("ws.view(" in source or "ws.style(" in source or "group=" in source):
        pytest.skip("the model uses ws.view/ws.style/group=, which this build does not have yet")


def validate(result: ImportResult, root: Path, archdoc_cmd, mkdocs: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    """Write the package into ``root/model``, run ``archdoc validate --format json`` on it."""
    write_package(result, root / "model")
    # the project around the package, as `archdoc init` makes it
    (root / "mkdocs.yml").write_text(mkdocs or "site_name: Imported\nplugins:\n  - archdoc\n",
                                     encoding="utf-8")
    run = archdoc_cmd("validate", "--format", "json", cwd=root)
    assert run.code in (0, 1), run.output
    report = json.loads(run.stdout)
    report["code"] = run.code
    return report


def rules(report: dict) -> dict[str, str]:  # type: ignore[type-arg]
    """Rule id -> severity of every finding."""
    return {d["rule"]: d["severity"] for d in report["diagnostics"]}
