"""`archdoc import backstage`: catalog entities as a model, and every relation carried over.

The round trip reads the fixture's entities with PyYAML on its own, derives the relations a
reader of the catalog would see (part of, subcomponent of, depends on, consumes an API another
component provides, owned by), and finds each of them in the model archdoc loads from the
generated package.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from archdoc.config import config_from_options
from archdoc.importers import ImportSourceError, import_backstage, write_package
from archdoc.loader import load_workspace
from importhelpers import FIXTURES, needs_view_api, notes_text, rules, validate

CATALOG = FIXTURES / "backstage"


def test_generated_model(golden) -> None:  # type: ignore[no-untyped-def]
    result = import_backstage([CATALOG / "catalog-info.yaml"])
    golden.check("import/backstage/catalog.py", result.files["__init__.py"])
    golden.check("import/backstage/catalog.notes", notes_text(result, CATALOG))


def test_generated_model_validates(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    result = import_backstage([CATALOG / "catalog-info.yaml"])
    needs_view_api(result)
    report = validate(result, tmp_path, archdoc_cmd)
    # A Resource's owner is a team, not the container that owns the data: that is not known.
    assert rules(report) == {"datastore-without-owner": "warning"}


def _entities(paths: list[Path]) -> list[dict]:  # type: ignore[type-arg]
    """The catalog's entities, read independently of the importer (Locations followed)."""
    found: list[dict] = []  # type: ignore[type-arg]
    for path in paths:
        for entity in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if entity is None:
                continue
            found.append(entity)
            if entity["kind"] == "Location":
                local = [t for t in entity["spec"].get("targets", []) if "://" not in t]
                found += _entities([path.parent / t for t in local])
    return found


def _name(ref: str) -> str:
    return ref.split("/")[-1].split(":")[-1]


@pytest.mark.parametrize("files, relations", [(["catalog-info.yaml"], 9),
                                              (["systems/discovery.yaml"], 1)],
                         ids=["whole-catalog", "one-file"])
def test_round_trip(tmp_path: Path, files: list[str], relations: int) -> None:
    paths = [CATALOG / f for f in files]
    result = import_backstage(paths)
    needs_view_api(result)
    write_package(result, tmp_path / "model")
    ws = load_workspace(config_from_options({}, root=tmp_path))
    entities = _entities(paths)
    by_name = {e.id.split(".")[-1]: e for e in ws.elements.values()}
    pairs = {(r.source_id, r.destination_id): r for r in ws.relationships}
    names = {e["metadata"]["name"] for e in entities}
    systems = {e["metadata"]["name"] for e in entities if e["kind"] == "System"}
    providers: dict[str, list[str]] = {}
    for e in entities:
        for api in e.get("spec", {}).get("providesApis", []):
            providers.setdefault(_name(api), []).append(e["metadata"]["name"])
    checked = 0
    for e in entities:
        name, spec = e["metadata"]["name"], e.get("spec", {})
        if e["kind"] not in ("System", "Component", "Resource"):
            assert name not in by_name or e["kind"] == "Component"
            continue
        element = by_name[name]
        assert element.name == e["metadata"].get("title", name)
        assert element.description == e["metadata"].get("description", "").strip()
        owner = _name(spec.get("owner", ""))
        assert owner in (element.owner, element.properties.get("owner"))
        if spec.get("system") and _name(spec["system"]) in systems:  # part of its system
            assert element.parent_id == by_name[_name(spec["system"])].id
        if spec.get("subcomponentOf"):
            assert element.parent_id == by_name[_name(spec["subcomponentOf"])].id
        for target in spec.get("dependsOn", []):
            if _name(target) in names:
                assert (element.id, by_name[_name(target)].id) in pairs
                checked += 1
        for target in spec.get("dependencyOf", []):
            assert (by_name[_name(target)].id, element.id) in pairs
            checked += 1
        for api in spec.get("consumesApis", []):
            for provider in providers.get(_name(api), []):
                relationship = pairs[(element.id, by_name[provider].id)]
                assert relationship.operation == _name(api)
                checked += 1
    assert checked == relations


def test_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "catalog-info.yaml"
    path.write_text("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n"
                    "  title: No name\n", encoding="utf-8")
    with pytest.raises(ImportSourceError) as caught:
        import_backstage([path])
    assert "no metadata.name" in caught.value.message
    assert caught.value.location is not None and caught.value.location.line == 1
    path.write_text("apiVersion: v1\nkind: System\nmetadata:\n  name: a\n---\nkind: [oops\n",
                    encoding="utf-8")
    with pytest.raises(ImportSourceError) as caught:
        import_backstage([path])
    assert "not valid YAML" in caught.value.message
    assert "while parsing a flow sequence at line 6" in caught.value.message
    assert caught.value.location is not None and caught.value.location.line == 7
    path.write_text("apiVersion: v1\nkind: System\nmetadata:\n  name: a\n---\n"
                    "apiVersion: v1\nkind: System\nmetadata:\n  name: A\n", encoding="utf-8")
    with pytest.raises(ImportSourceError, match="declared twice") as caught:
        import_backstage([path])
    assert caught.value.location is not None and caught.value.location.line == 6


def test_several_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "apiVersion: v1\nkind: System\nmetadata:\n  name: shop\n  description: Sells\n"
        "spec:\n  owner: team-a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "apiVersion: v1\nkind: Component\nmetadata:\n  name: web\n  description: Storefront\n"
        "spec:\n  type: website\n  owner: team-a\n  system: shop\n  dependsOn: [component:api]\n"
        "---\napiVersion: v1\nkind: Component\nmetadata:\n  name: api\n  description: API\n"
        "spec:\n  type: service\n  owner: team-b\n  system: shop\n", encoding="utf-8")
    result = import_backstage([tmp_path / "a.yaml", tmp_path / "b.yaml"])
    code = result.files["__init__.py"]
    assert code.index('shop = ws.system("shop"') < code.index('web = shop.container("web"') \
        < code.index('api = shop.container("api"') < code.index("web.uses(api)")


def test_consuming_a_component_is_a_dependency_on_it(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text(
        "apiVersion: v1\nkind: System\nmetadata:\n  name: portal\n---\n"
        "apiVersion: v1\nkind: Component\nmetadata:\n  name: lookup\nspec:\n  system: portal\n---\n"
        "apiVersion: v1\nkind: Component\nmetadata:\n  name: www\nspec:\n  system: portal\n"
        "  consumesApis: ['component:lookup']\n", encoding="utf-8")
    result = import_backstage([tmp_path / "catalog.yaml"])
    assert result.files["__init__.py"].rstrip().endswith("www.uses(lookup)")
    assert not result.notices
