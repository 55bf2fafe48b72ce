"""Golden files: the JSON export of a small fixed model, and the reports of a model with known
problems.

Inputs are the projects under ``tests/golden/projects/``; expected outputs are the files under
``tests/golden/files/``. ``ARCHDOC_UPDATE_GOLDEN=1`` rewrites the expected outputs. Each project
is copied into a temporary directory and run with that directory as the working directory, so
the paths in the outputs are the project-relative ``model/...`` a user sees.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archdoc.cli import app
from archdoc.config import load_config
from archdoc.export import WorkspaceDocument
from archdoc.loader import load_workspace
from archdoc.validation.registry import RULES, RuleContext, run_rules
from archdoc.validation.report import format_report
from archdoc_testing import GOLDEN_DIR, TESTS_DIR, Golden

PROJECTS = TESTS_DIR / "golden" / "projects"
Enter = Callable[[str], Path]


@pytest.fixture
def in_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], Path]]:
    """``in_project("shop")``: copy the project to a temporary directory and work there."""
    def enter(name: str) -> Path:
        root = tmp_path / name
        shutil.copytree(PROJECTS / name, root, ignore=shutil.ignore_patterns("__pycache__"))
        monkeypatch.chdir(root)
        return root

    monkeypatch.setenv("COLUMNS", "200")
    yield enter


def model_report(fmt: str) -> tuple[str, list[str]]:
    """Load the project in the working directory and report the model rules (no ADR rules)."""
    config = load_config()
    workspace = load_workspace(config)
    diagnostics = list(run_rules(RuleContext(config=config, workspace=workspace, adrs=None)))
    return format_report(diagnostics, fmt), [d.rule for d in diagnostics]  # type: ignore[arg-type]


def test_export_of_the_shop_model(in_project: Enter, golden: Golden) -> None:
    in_project("shop")
    result = CliRunner().invoke(app, ["export", "--format", "json"])
    assert result.exit_code == 0, result.output
    golden.check("shop.export.json", result.stdout)
    document = json.loads(result.stdout)
    assert document["format"] == "archdoc.workspace/1"
    assert {loc["file"] for loc in _locations(document)} == {
        "model/__init__.py",
        "model/services.py",
    }


def test_export_is_the_same_from_another_working_directory(
    in_project: Enter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = in_project("shop")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["export", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN_DIR / "shop.export.json").read_text(encoding="utf-8")


def test_golden_export_is_valid_against_the_document_model() -> None:
    text = (GOLDEN_DIR / "shop.export.json").read_text(encoding="utf-8")
    document = WorkspaceDocument.model_validate_json(text)
    assert json.loads(document.model_dump_json()) == json.loads(text)


def test_shop_model_is_clean(in_project: Enter) -> None:
    in_project("shop")
    text, rules = model_report("text")
    assert rules == []
    assert text == "archdoc: no problems found\n"


@pytest.mark.parametrize(("fmt", "name"), [("text", "broken.validate.txt"),
                                           ("json", "broken.validate.json"),
                                           ("github", "broken.validate.github")])
def test_reports_of_the_broken_model(
    in_project: Enter, golden: Golden, fmt: str, name: str
) -> None:
    in_project("broken")
    text, _ = model_report(fmt)
    golden.check(name, text)


def test_broken_model_trips_every_model_rule(in_project: Enter) -> None:
    in_project("broken")
    _, rules = model_report("text")
    model_rules = {r.id for r in RULES.values() if r.scope == "model"} - {"container-not-deployed"}
    assert model_rules <= set(rules), sorted(model_rules - set(rules))


def test_cli_validate_of_the_broken_model(in_project: Enter) -> None:
    in_project("broken")
    result = CliRunner().invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    expected = json.loads((GOLDEN_DIR / "broken.validate.json").read_text(encoding="utf-8"))
    model_part = [d for d in payload["diagnostics"] if not d["rule"].startswith("adr-")]
    assert model_part == expected["diagnostics"]


def _locations(value: object) -> Iterator[dict[str, object]]:
    if isinstance(value, dict):
        if set(value) == {"file", "line"}:
            yield value
        else:
            for v in value.values():
                yield from _locations(v)
    elif isinstance(value, list):
        for v in value:
            yield from _locations(v)
