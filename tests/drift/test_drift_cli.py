"""``archdoc drift`` (and ``validate`` with ``observed:``) on the fixture project, as a user runs
them.

The project in ``fixtures/`` is a small shop whose ``mkdocs.yml`` names the Jaeger, servicegraph
and compose fixtures under ``observed:``. Its outputs are golden files in ``golden/``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from archdoc_testing import Golden, Result

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Golden(Path(__file__).resolve().parent / "golden")

Run = Callable[..., Result]


@pytest.mark.parametrize(("fmt", "name"), [("text", "drift.txt"), ("json", "drift.json"),
                                           ("github", "drift.github")])
def test_drift_reports(archdoc_cmd: Run, fmt: str, name: str) -> None:
    result = archdoc_cmd("drift", "--format", fmt, cwd=FIXTURES)
    assert result.code == 1, result.output  # undeclared dependencies are errors
    assert result.stderr == ""
    GOLDEN.check(name, result.stdout)


def test_drift_json_lists_every_dependency_with_its_status(archdoc_cmd: Run) -> None:
    payload = json.loads(archdoc_cmd("drift", "--format", "json", cwd=FIXTURES).stdout)
    statuses = {(d["source"], d["destination"]): d["status"] for d in payload["dependencies"]}
    assert statuses[("shop.web-app", "shop.api-gateway")] == "seen"
    assert statuses[("shop.order-api", "stripe")] == "seen"  # declared on a component of it
    assert statuses[("shop.search", "shop.inventory")] == "unseen"
    assert statuses[("shop.web-app", "shop.inventory")] == "undeclared"
    assert [u["name"] for u in payload["unmapped"]] == [
        "recommendations",
        "stripe-mock",
        "collector",
    ]
    assert {d["rule"] for d in payload["diagnostics"]} == {
        "undeclared-dependency", "unobserved-dependency", "unmapped-service"}


def test_suggest_prints_model_code_in_the_models_names(archdoc_cmd: Run) -> None:
    result = archdoc_cmd("drift", "--suggest", cwd=FIXTURES)
    assert result.code == 1
    GOLDEN.check("drift.suggest.txt", result.stdout)
    assert "web.uses(inventory)" in result.stdout  # variables, not ids


def test_suggested_code_declares_the_dependencies(archdoc_cmd: Run, tmp_path: Path) -> None:
    """Pasting the suggestions into the model clears undeclared-dependency."""
    project = tmp_path / "shop"
    shutil.copytree(FIXTURES, project)
    suggestion = archdoc_cmd("drift", "--suggest", cwd=project).stdout
    with (project / "model" / "relations.py").open("a", encoding="utf-8") as model:
        model.write("\n" + suggestion)
    payload = json.loads(archdoc_cmd("drift", "--format", "json", cwd=project).stdout)
    assert [d for d in payload["diagnostics"] if d["rule"] == "undeclared-dependency"] == []


def test_suggest_as_json(archdoc_cmd: Run) -> None:
    payload = json.loads(archdoc_cmd("drift", "--suggest", "--format", "json", cwd=FIXTURES).stdout)
    assert [(s["source"], s["destination"], s["code"], s["file"]) for s in payload] == [
        ("shop.web-app", "shop.inventory", "web.uses(inventory)", "model/relations.py"),
        ("shop.inventory", "shop.orders-db", "inventory.uses(orders_db)", "model/relations.py")]


def test_files_on_the_command_line_replace_the_configured_ones(archdoc_cmd: Run) -> None:
    result = archdoc_cmd("drift", "--servicegraph", "servicegraph/legacy.txt", cwd=FIXTURES)
    assert (result.code, result.stdout) == (0, "archdoc: no problems found\n")


def test_min_calls_on_the_command_line(archdoc_cmd: Run) -> None:
    few = archdoc_cmd("drift", "--jaeger", "jaeger/dependencies.json", "--min-calls", "50",
                      "--format", "json", cwd=FIXTURES)
    rules = [d["rule"] for d in json.loads(few.stdout)["diagnostics"]]
    assert "undeclared-dependency" not in rules  # storefront -> inventory has 42 calls
    assert few.code == 0


def test_validate_includes_drift_when_observed_is_configured(archdoc_cmd: Run) -> None:
    result = archdoc_cmd("validate", "--format", "json", cwd=FIXTURES)
    assert result.code == 1
    rules = {d["rule"] for d in json.loads(result.stdout)["diagnostics"]}
    assert {"undeclared-dependency", "unobserved-dependency", "unmapped-service"} <= rules


def test_a_malformed_source_exits_2_at_its_line(archdoc_cmd: Run) -> None:
    result = archdoc_cmd("drift", "--servicegraph", "servicegraph/bad-labels.txt", cwd=FIXTURES)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "servicegraph/bad-labels.txt:3: error: servicegraph/bad-labels.txt is "
        "not valid Prometheus text exposition"
    )
    assert "Traceback" not in result.stderr


def test_a_malformed_json_source_names_the_json_path(archdoc_cmd: Run) -> None:
    result = archdoc_cmd("drift", "--jaeger", "jaeger/bad-call-count.json", cwd=FIXTURES)
    assert result.code == 2
    assert (
        "error: jaeger/bad-call-count.json: data[1].callCount: must be a whole number of calls, "
        'not "many"'
    ) in result.stderr


def test_no_sources_at_all_exits_2(archdoc_cmd: Run, project: Callable[..., Path]) -> None:
    root = project("from archdoc import Workspace\nws = Workspace('W')\n",
                   mkdocs="site_name: W\nplugins:\n  - archdoc\n")
    result = archdoc_cmd("drift", cwd=root)
    assert result.code == 2
    assert "no observed sources to compare the model with" in result.stderr
    assert "--jaeger" in result.stderr


@pytest.mark.parametrize(
    ("observed", "message"),
    [
        (
            "{min_calls: -1}",
            "archdoc option observed.min_calls: Input should be greater than or equal to 0",
        ),
        (
            "{jaegr: deps.json}",
            "unknown archdoc option 'observed.jaegr'\n  hint: did you mean 'jaeger'?",
        ),
        ("{jaeger: missing.json}", "observed source missing.json does not exist"),
    ],
)
def test_configuration_errors_exit_2(archdoc_cmd: Run, project: Callable[..., Path], observed: str,
                                     message: str) -> None:
    root = project("from archdoc import Workspace\nws = Workspace('W')\n",
                   mkdocs=f"site_name: W\nplugins:\n  - archdoc:\n      observed: {observed}\n")
    result = archdoc_cmd("validate", cwd=root)
    assert result.code == 2
    assert f"mkdocs.yml:4: error: {message}" in result.stderr, result.stderr
