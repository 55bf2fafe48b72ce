"""Baselines: ``archdoc validate --write-baseline FILE`` records today's findings, ``--baseline
FILE`` then fails only on new ones; findings are matched by rule, subject and message, never by
line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from archdoc.validation.baseline import (
    BaselineError,
    apply_baseline,
    finding_key,
    read_baseline,
    write_baseline,
)
from archdoc.validation.diagnostics import Diagnostic
from archdoc_testing import ProjectFactory, Result

Run = Callable[..., Result]

LEGACY = """
from archdoc import Workspace

ws = Workspace("Legacy")
shop = ws.system("Shop", "Sells")
web = shop.container("Web", "Storefront")
api = shop.container("API", "Orders")
mailer = shop.container("Mailer")
web.uses(api, "Calls")
api.uses(web, "Calls back")
"""


def test_round_trip_only_new_findings_fail(project: ProjectFactory, archdoc_cmd: Run) -> None:
    root = project(LEGACY, mkdocs="site_name: Legacy\nplugins:\n  - archdoc\n")
    assert archdoc_cmd("validate", cwd=root).code == 1  # a sync cycle, a mailer without description
    written = archdoc_cmd("validate", "--write-baseline", "archdoc-baseline.json", cwd=root)
    assert written.code == 0, written.output
    assert "recorded 3 findings in the baseline archdoc-baseline.json" in written.stderr
    known = archdoc_cmd("validate", "--baseline", "archdoc-baseline.json", cwd=root)
    assert (known.code, known.stdout) == (0, "archdoc: no problems found\n"), known.output
    assert "3 known findings in the baseline archdoc-baseline.json not shown" in known.stderr

    # Lines move, and one more finding arrives.
    model = root / "model/__init__.py"
    model.write_text("# moved down\n\n" + model.read_text() + 'shop.container("Search")\n')
    moved = archdoc_cmd("validate", "--baseline", "archdoc-baseline.json", cwd=root)
    assert moved.code == 0, moved.output  # warnings only
    assert moved.stdout.splitlines()[0].endswith(
        "warning[missing-description] container shop.search has no description"
    )
    assert "shop.mailer" not in moved.stdout
    assert (
        archdoc_cmd("validate", "--baseline", "archdoc-baseline.json", "--strict", cwd=root).code
        == 1
    )

    # The cycle is fixed: the baseline has an entry no finding matches any more.
    model.write_text(model.read_text().replace('api.uses(web, "Calls back")\n', ""))
    fixed = archdoc_cmd(
        "validate", "--baseline", "archdoc-baseline.json", "--format", "json", cwd=root
    )
    payload = json.loads(fixed.stdout)
    assert payload["baseline"] == {"file": "archdoc-baseline.json", "known": 2, "fixed": 1}
    assert {d["subject"] for d in payload["diagnostics"]} == {"shop.search"}
    assert (
        "1 of its entries no longer found: update it with --write-baseline archdoc-baseline.json"
        in fixed.stderr
    )


def test_the_file_is_sorted_stable_and_without_lines(
    project: ProjectFactory, archdoc_cmd: Run
) -> None:
    root = project(LEGACY, mkdocs="site_name: Legacy\nplugins:\n  - archdoc\n")
    archdoc_cmd("validate", "--write-baseline", "b.json", cwd=root)
    first = (root / "b.json").read_text()
    model = root / "model/__init__.py"
    model.write_text("\n\n\n" + model.read_text())
    archdoc_cmd("validate", "--write-baseline", "b.json", cwd=root)
    assert (root / "b.json").read_text() == first  # lines moved: same bytes
    data = json.loads(first)
    assert data["format"] == "archdoc.baseline/1"
    keys = [(f["rule"], f["subject"], f["message"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert all(set(f) == {"rule", "subject", "message"} for f in data["findings"])
    assert first.endswith("}\n") and "\r" not in first


def test_github_annotations_only_for_new_findings(
    project: ProjectFactory, archdoc_cmd: Run
) -> None:
    root = project(LEGACY, mkdocs="site_name: Legacy\nplugins:\n  - archdoc\n")
    archdoc_cmd("validate", "--write-baseline", "b.json", cwd=root)
    (root / "model/__init__.py").write_text(
        (root / "model/__init__.py").read_text() + 'shop.container("X")\n'
    )
    result = archdoc_cmd("validate", "--baseline", "b.json", "--format", "github", cwd=root)
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("shop.x " in a for a in annotations), result.stdout


def _diagnostic(message: str, line: int, rule: str = "duplicate-id") -> Diagnostic:
    from archdoc.source import SourceLocation

    return Diagnostic(rule=rule, severity="error", message=message, subject="shop.web",
                      location=SourceLocation("model/a.py", line))


def test_line_numbers_inside_messages_do_not_count(tmp_path: Path) -> None:
    before = _diagnostic("duplicate id 'shop.web' (first declared at model/a.py:3)", 10)
    after = _diagnostic("duplicate id 'shop.web' (first declared at model/a.py:7)", 14)
    assert finding_key("r", "s", "at model/a.py:3") == finding_key("r", "s", "at model/a.py:12")
    assert finding_key("r", "s", "port 8080:9090") == ("r", "s", "port 8080:9090")
    path = tmp_path / "b.json"
    write_baseline(path, [before])
    assert "a.py:3" not in path.read_text()
    result = apply_baseline([after, after], read_baseline(path))
    assert (result.known, len(result.new), result.fixed) == (1, 1, [])


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{"format": "archdoc.baseline/1",\n "findings": [\n', "is not valid JSON", 3),
        ('{"findings": []}\n', "is not an archdoc baseline", 1),
        (
            '{\n  "format": "archdoc.baseline/1",\n'
            '  "findings": [\n    {\n      "rule": 3\n    }\n  ]\n}\n',
            "finding 1 needs string",
            4,
        ),
    ],
)
def test_a_bad_baseline_is_an_error_at_its_line(
    tmp_path: Path, text: str, message: str, line: int
) -> None:
    path = tmp_path / "b.json"
    path.write_text(text)
    with pytest.raises(BaselineError) as raised:
        read_baseline(path)
    assert message in raised.value.message
    assert raised.value.location is not None and raised.value.location.line == line


def test_a_missing_baseline_and_an_unwritable_one(
    project: ProjectFactory, archdoc_cmd: Run
) -> None:
    root = project(LEGACY, mkdocs="site_name: Legacy\nplugins:\n  - archdoc\n")
    missing = archdoc_cmd("validate", "--baseline", "nope.json", cwd=root)
    assert missing.code == 2
    assert "error: baseline file nope.json does not exist" in missing.stderr
    assert (
        "hint: record today's findings first: archdoc validate --write-baseline nope.json"
        in missing.stderr
    )
    nowhere = archdoc_cmd("validate", "--write-baseline", "no/such/dir/b.json", cwd=root)
    assert nowhere.code == 2
    assert "the directory no/such/dir does not exist" in nowhere.stderr
    assert "Traceback" not in missing.output + nowhere.output
