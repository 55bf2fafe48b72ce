"""``archdoc diff`` on a real repository: the shop before and after a payments service.

``main`` holds ``projects/shop-base``, the checked-out branch ``payments`` holds
``projects/shop-head``; between them every kind of thing changes: elements (added, removed, a
description and a technology changed), relationships, events, a flow, deployment, decisions,
and the findings (a new synchronous cycle, an unbacked flow step; two warnings fixed). Each
format is checked against its golden file, the JSON also against ``archdoc schema --diff``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import jsonschema
import pytest

from archdoc.diff.document import diff_schema
from archdoc_testing import Golden, Result
from gitrepo import GitRepo

Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("fmt", "golden_name"),
    [("text", "diff/shop.txt"), ("markdown", "diff/shop.md"), ("json", "diff/shop.json")],
)
def test_each_format_matches_its_golden_file(shop_repo: GitRepo, archdoc_cmd: Run, golden: Golden,
                                             fmt: str, golden_name: str) -> None:
    result = archdoc_cmd("diff", "--format", fmt, cwd=shop_repo.root)
    assert result.code == 1, result.output  # the change brings a new error
    assert result.stderr == ""
    golden.check(golden_name, result.stdout)


def test_the_json_follows_the_schema_and_says_what_changed(
    shop_repo: GitRepo, archdoc_cmd: Run
) -> None:
    result = archdoc_cmd("diff", "--format", "json", cwd=shop_repo.root)
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(diff_schema()))
    assert list(document) == [
        "base",
        "head",
        "elements",
        "relationships",
        "events",
        "flows",
        "views",
        "deployment",
        "decisions",
        "findings",
        "impact",
    ]
    assert document["base"] == shop_repo.git("merge-base", "main", "HEAD")
    assert document["head"] == "working tree"
    elements = document["elements"]
    assert elements["added"] == [{"id": "shop.payments", "kind": "container", "name": "Payments"}]
    assert [e["id"] for e in elements["removed"]] == ["shop.reports"]
    # A renamed description is a change of the element, not a removal and an addition.
    assert {"id": "shop.order-api", "changes": {"description": {
        "from": "Order management", "to": "Order management and checkout"}}} in elements["changed"]
    changed = {
        (r["source"], r["destination"]): r["changes"] for r in document["relationships"]["changed"]
    }
    assert changed[("shop.web-app", "shop.order-api")]["criticality"] == {
        "from": "high",
        "to": "critical",
    }
    assert document["decisions"]["changed"] == [{"number": 2, "changes": {
        "status": {"from": "accepted", "to": "superseded"},
        "links": {"from": [], "to": ["superseded-by 0003"]}}}]
    assert [f["rule"] for f in document["findings"]["new"]] == ["sync-cycle", "unbacked-flow-step"]
    assert [f["rule"] for f in document["findings"]["fixed"]] == [
        "container-not-deployed",
        "missing-description",
    ]
    impact = document["impact"]
    assert impact["sync_cycles"]["new"] == [["shop.order-api", "shop.payments"]]
    assert impact["flows"] == [{"flow": "refund", "name": "Refund", "source": "shop.order-api",
                                "destination": "stripe", "relationship": "shop.order-api->stripe"}]
    stripe = next(r for r in impact["blast_radius"] if r["element"] == "stripe")
    assert stripe["breaks"] == {"added": ["shop.payments"], "removed": ["shop.reports"]}


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(
    shop_repo: GitRepo, archdoc_cmd: Run, fail_on: str, code: int
) -> None:
    assert archdoc_cmd("diff", "--fail-on", fail_on, cwd=shop_repo.root).code == code


def test_a_change_with_only_new_warnings_fails_only_on_warning(
    shop_repo: GitRepo, archdoc_cmd: Run
) -> None:
    model = shop_repo.root / "model/__init__.py"
    text = model.read_text()
    # No cycle and no unbacked step any more: what is left of the new findings are warnings.
    text = text.replace('payments.uses(orders, "Reads the order total", technology="gRPC")\n', "")
    text = text.replace('f.step(orders, stripe, "Refund the charge")',
                        'f.step(orders, payments, "Refund the charge")')
    model.write_text(text + 'shop.container("Audit log")  # a new warning: no description\n')
    assert archdoc_cmd("diff", cwd=shop_repo.root).code == 0
    assert archdoc_cmd("diff", "--fail-on", "warning", cwd=shop_repo.root).code == 1


def test_the_schema_command_prints_the_diff_schema(archdoc_cmd: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = archdoc_cmd("schema", "--diff", cwd=tmp_path)
    assert result.code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "archdoc diff"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) == {"base", "head"}


def test_the_markdown_comment_starts_with_its_marker_and_fits_a_comment(
    shop_repo: GitRepo, archdoc_cmd: Run
) -> None:
    text = archdoc_cmd("diff", "--format", "markdown", cwd=shop_repo.root).stdout
    assert text.startswith("<!-- archdoc-diff -->\n")
    assert len(text) < 65_536
    # Every <details> is closed, and a blank line follows each summary (GitHub needs it for tables).
    assert text.count("<details") == text.count("</details>")
    assert all(text[m.end():m.end() + 2] == "\n\n" for m in re.finditer("</summary>", text))
