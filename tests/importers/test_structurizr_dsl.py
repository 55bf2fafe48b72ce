"""`archdoc import structurizr` on DSL workspaces: one fixture per part of the language.

Each fixture's generated package and notes are golden files (tests/golden/files/import/); each
package is then written to disk and checked by the real `archdoc validate`, with the findings
each fixture is expected to have.
"""

from __future__ import annotations

import pytest
from archdoc.importers import import_structurizr
from importhelpers import FIXTURES, REPO, needs_view_api, notes_text, rules, validate

DSL = FIXTURES / "structurizr"

CASES: dict[str, tuple[str, dict[str, str]]] = {
    # name: (fixture, the findings `archdoc validate` is expected to report)
    "basics": ("basics.dsl", {"datastore-without-owner": "warning"}),
    "hierarchical": ("hierarchical.dsl", {"datastore-without-owner": "warning"}),
    "groups": ("groups.dsl", {"datastore-without-owner": "warning"}),
    "archetypes": ("archetypes.dsl", {"datastore-without-owner": "warning"}),
    "includes": ("includes/workspace.dsl", {"datastore-without-owner": "warning"}),
    # "people" loses its exclude (an expression archdoc does not take): it is the landscape.
    "views": ("views.dsl", {"datastore-without-owner": "warning", "duplicate-view": "warning"}),
    "dynamic": ("dynamic.dsl", {"datastore-without-owner": "warning",
                                "unbacked-flow-step": "error"}),
    "deployment": ("deployment.dsl", {"datastore-without-owner": "warning"}),
    "extends": ("extends/workspace.dsl", {}),
    "notices": ("notices.dsl", {}),
    "json": ("workspace.json", {"datastore-without-owner": "warning",
                                "container-not-deployed": "warning"}),
}


@pytest.mark.parametrize("case", CASES)
def test_generated_model(case: str, golden) -> None:  # type: ignore[no-untyped-def]
    result = import_structurizr(DSL / CASES[case][0])
    assert list(result.files) == ["__init__.py"]
    golden.check(f"import/structurizr/{case}.py", result.files["__init__.py"])
    golden.check(f"import/structurizr/{case}.notes", notes_text(result, DSL))


@pytest.mark.parametrize("case", CASES)
def test_generated_model_validates(case: str, tmp_path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    result = import_structurizr(DSL / CASES[case][0])
    needs_view_api(result)
    report = validate(result, tmp_path, archdoc_cmd)
    assert rules(report) == CASES[case][1]
    assert report["code"] == (1 if "error" in CASES[case][1].values() else 0)


def test_same_input_same_output() -> None:
    first = import_structurizr(DSL / "views.dsl")
    again = import_structurizr(DSL / "views.dsl")
    assert first.files == again.files
    assert [str(n) for n in first.notices] == [str(n) for n in again.notices]


def test_ids_from_names() -> None:
    """`--ids names`: no id= at all; every id derived from the element's name."""
    result = import_structurizr(DSL / "basics.dsl", keep_ids=False)
    assert "id=" not in result.files["__init__.py"]


# -- the example the guide imports ------------------------------------------------------------

GUIDE = REPO / "docs" / "guide" / "assets" / "ecommerce" / "workspace.dsl"

GUIDE_FINDINGS = {
    "multiple-writers": "error",
    "datastore-without-owner": "warning",
    "container-not-deployed": "warning",
}


def test_guide_workspace(golden) -> None:  # type: ignore[no-untyped-def]
    result = import_structurizr(GUIDE)
    golden.check("import/structurizr/guide-ecommerce.py", result.files["__init__.py"])
    golden.check("import/structurizr/guide-ecommerce.notes", notes_text(result, GUIDE.parent))


def test_guide_workspace_validates(tmp_path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    """What the guide shows: the import loads, and validate finds what the DSL could not say."""
    result = import_structurizr(GUIDE)
    needs_view_api(result)
    report = validate(result, tmp_path, archdoc_cmd)
    assert rules(report) == GUIDE_FINDINGS
    assert report["code"] == 1
