"""``archdoc export --format json`` of every example: valid against ``archdoc schema``, and its
``"views"`` are the views of ``archdoc views`` (DESIGN.md, "Views a user defines")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archdoc_testing import run_archdoc

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/mkdocs.yml"))


def _json(*args: str, cwd: Path) -> Any:
    result = run_archdoc(*args, cwd=cwd)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra installs jsonschema")
    document = _json("schema", cwd=ROOT)
    jsonschema.validators.validator_for(document).check_schema(document)
    return document  # type: ignore[no-any-return]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_json_export_of_every_example(example: Path, schema: dict[str, Any]) -> None:
    import jsonschema

    exported = _json("export", "--format", "json", cwd=example)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(exported), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])

    listed = _json("views", "--format", "json", cwd=example)["views"]
    views = exported["views"]
    assert [v["key"] for v in views] == [v["key"] for v in listed]
    assert views, "an example without views"
    nodes = {n["id"]: n for n in exported["deployment_nodes"]}
    for view, summary in zip(views, listed):
        assert set(view) == {"key", "title", "kind", "elements", "relationships"}
        assert (view["title"], view["kind"]) == (summary["title"], summary["kind"]), view["key"]
        assert view["kind"] == view["key"].partition(":")[0]
        assert len(view["elements"]) == len(set(view["elements"])), view["key"]
        drawn = set(view["elements"])
        for pair in view["relationships"]:
            assert len(pair) == 2 and set(pair) <= drawn, (view["key"], pair)
        assert len(view["elements"]) == summary["elements"], view["key"]
        assert len(view["relationships"]) == summary["relationships"], view["key"]
        if view["kind"] != "deployment":
            continue
        # A deployment view lists its nodes (depth first), then each deployed container once,
        # and each pair of ends once.
        environment = view["key"].partition(":")[2]
        boxes = [i for i, n in nodes.items() if n["environment_id"] == environment]
        instances = [d for d in exported["deployments"] if d["environment_id"] == environment]
        assert sorted(view["elements"][:len(boxes)]) == sorted(boxes), view["key"]
        assert view["elements"][len(boxes):] == list(dict.fromkeys(d["container_id"]
                                                                   for d in instances))
