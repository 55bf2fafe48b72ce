"""The model code an import writes: valid Python for any text, wrapped lines, split modules."""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

import pytest
from archdoc.config import config_from_options
from archdoc.export import export_json
from archdoc.importers import import_structurizr, write_package
from archdoc.importers.naming import Names, python_name, string_literal
from archdoc.loader import load_workspace
from importhelpers import FIXTURES, REPO, needs_view_api

DSL = FIXTURES / "structurizr"


def load(root: Path):  # type: ignore[no-untyped-def]
    return load_workspace(config_from_options({}, root=root))


#: Longer than a line of code: the writer cuts it at spaces into literals Python joins.
LONG_DESCRIPTION = (
    "A very long description that is much longer than one line of code can be, so that the writer "
    "has to cut it at spaces into pieces which Python joins again"
)
HOSTILE = textwrap.dedent('''\
    workspace "Quotes \\"and\\" \\ backslashes" {
        model {
            class = person "class" """
                Two lines, "quoted",
                and a \\ backslash; ${NOT_DEFINED} stays
                """
            import = softwareSystem "import" "Tabs\tand ''' + "'''" + ''' triple quotes"
            orderApi = softwareSystem "Order API" "Unicode: Straße, 注文, ✓, \u2028 separator"
            order_api = softwareSystem "order_api" "A name that is already a variable"
            x = softwareSystem "x" "LONG_DESCRIPTION"
            class -> import "Calls \\"import\\"" "HTTP/1.1 \\ TLS"
            orderApi -> order_api "Uses"
            x -> import "Uses"
        }
    }
    ''').replace("LONG_DESCRIPTION", LONG_DESCRIPTION)


def test_hostile_text_becomes_valid_python(tmp_path: Path) -> None:
    source = tmp_path / "hostile.dsl"
    source.write_text(HOSTILE, encoding="utf-8")
    result = import_structurizr(source)
    code = result.files["__init__.py"]
    ast.parse(code)  # valid Python
    assert all(len(line) <= 100 for line in code.splitlines())
    write_package(result, tmp_path / "project" / "model")
    ws = load(tmp_path / "project")
    names = {e.name: e for e in ws.elements.values()}
    assert ws.name == 'Quotes "and" \\ backslashes'
    assert (
        names["class"].description
        == 'Two lines, "quoted",\nand a \\ backslash; ${NOT_DEFINED} stays'
    )
    assert names["import"].description == "Tabs\tand ''' triple quotes"
    assert names["Order API"].description == "Unicode: Straße, 注文, ✓, \u2028 separator"
    assert names["x"].description.startswith("A very long description") and \
        names["x"].description.endswith("joins again")
    descriptions = {r.description: r for r in ws.relationships}
    assert descriptions['Calls "import"'].technology == "HTTP/1.1 \\ TLS"
    assert [n.message for n in result.notices] == [
        "${NOT_DEFINED} is not substituted: no !const or !var defines it (environment variables "
        "are not read)"]


@pytest.mark.parametrize("text", ["", "plain", 'q"uote', "back\\slash", "new\nline", "\x00\x1f\x7f",
                                  "\u2028\u2029", "\ud800".encode("utf-16", "surrogatepass").decode(
                                      "utf-16", "surrogatepass") if False else "tab\t", "注文 ✓"])
def test_string_literal_round_trips(text: str) -> None:
    assert ast.literal_eval(string_literal(text)) == text


@pytest.mark.parametrize("text, name", [
    ("webApp", "web_app"), ("Order API", "order_api"), ("APIGateway", "api_gateway"),
    ("PostgreSQL", "postgresql"), ("apiTasksA", "api_tasks_a"), ("class", "class_"),
    ("list", "list_"), ("ws", "ws_"), ("3D viewer", "system_3d_viewer"), ("Straße", "strasse"),
    ("注文", "注文"), ("---", "system"),
])
def test_python_names(text: str, name: str) -> None:
    assert python_name(text, fallback="system") == name


def test_names_are_distinct() -> None:
    names = Names()
    assert [names.claim("api", qualifier="shop"), names.claim("api", qualifier="billing"),
            names.claim("api"), names.claim("api", qualifier="shop")] == \
        ["api", "billing_api", "api_2", "shop_api"]


def _model_json(root: Path) -> dict:  # type: ignore[type-arg]
    """The export of a package, without the source locations (which differ between layouts)."""
    def strip(value):  # type: ignore[no-untyped-def]
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "location"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(json.loads(export_json(load(root), root=root)))  # type: ignore[no-any-return]


def test_large_model_is_split_into_modules(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    """Split at its top-level blocks, each module importing only from those before it."""
    result = import_structurizr(DSL / "deployment.dsl", split_above=3)
    assert list(result.files) == ["context.py", "weather.py", "context_2.py", "relationships.py",
                                  "deployment.py", "__init__.py"]
    for name, text in result.files.items():
        golden.check(f"import/split/{name}", text)
        ast.parse(text)
    single = import_structurizr(DSL / "deployment.dsl")
    write_package(result, tmp_path / "split" / "model")
    write_package(single, tmp_path / "single" / "model")
    assert _model_json(tmp_path / "split") == _model_json(tmp_path / "single")


def test_split_guide_workspace_loads_like_one_file(tmp_path: Path) -> None:
    guide = REPO / "docs" / "guide" / "assets" / "ecommerce" / "workspace.dsl"
    result = import_structurizr(guide, split_above=10)
    needs_view_api(result)
    assert len(result.files) > 3
    write_package(result, tmp_path / "split" / "model")
    write_package(import_structurizr(guide), tmp_path / "single" / "model")
    assert _model_json(tmp_path / "split") == _model_json(tmp_path / "single")
