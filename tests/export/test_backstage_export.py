"""``archdoc export --format backstage``: checked by Backstage's own catalog model.

Every example, the hostile model of the site tests and a model of the catalog's edge cases are
exported; one Node process (``backstage_check.cjs``) reads all the files with ``yaml``, the
parser of Backstage's catalog, enforces ``@backstage/catalog-model``'s entity policies and kind
validators on every entity, and checks that every entity ref names an entity of the file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from archdoc import Workspace
from archdoc.config import load_config
from archdoc.export.backstage_format import backstage_tag, entity_name, render_catalog
from archdoc.export.registry import FORMATS
from archdoc.export.run import run_export
from archdoc.model.workspace import created_workspaces
from archdoc.project import load_project
from archdoc_testing import Golden, run_archdoc

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "site"))

import sitemodels  # noqa: E402

EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/mkdocs.yml"))
CHECK = HERE / "backstage_check.cjs"
GOLDEN = Golden(HERE / "golden")


def catalog_model() -> Workspace:
    """The catalog's edge cases: teams, domains, tags and ids Backstage does not accept as they
    are, every kind of relationship, YAML 1.2 look-alikes."""
    ws = Workspace("Catalog", description="Edge cases of the Backstage export")
    ws.root = HERE
    shopper = ws.person("Shopper", "Buys")
    shop = ws.system("Shop", "Sells", owner="Team Shop", group="Commerce/Retail")
    payments = ws.system("Payments", "Takes money", owner="payments", group="Commerce")
    bank = ws.system("Bank", "Moves money", external=True, group="Partners")
    web = shop.container("Web", "Storefront", technology="React", owner="team-web",
                         tags=["Front End", "PCI DSS", "c++", "#1", "ÜBER", "!!!", "x" * 80],
                         group="Edge")
    api = shop.container("API", "Orders", technology="Go", properties={
        "backstage.type": "grpc-service", "backstage.lifecycle": "experimental", "port": 8080})
    legacy = shop.container("API (legacy)", "The old one", id="API")
    orders_db = shop.database("Orders DB", "Orders", technology="PostgreSQL", owner=web)
    cache = shop.database("Cache", technology="Redis")
    queue = shop.queue("Bus", technology="Kafka")
    japanese = shop.container("注文サービス", "Orders in Japanese")
    long_name = shop.container("A very long container name " * 3, "Long")
    twin = shop.container("Web", "A second Web: its id gets ~2")
    handler = api.component("Handler", "HTTP handler")
    trigger = orders_db.component("Trigger", "A component of a database")
    ledger = payments.container("Ledger", owner="unowned")
    numbers = shop.container("0o17", "1e3", technology="1.0e3")
    shop.container("yes", "null", technology="~")

    shopper.uses(web, "Shops")
    web.uses(api, "Creates orders", operation="POST /orders", technology="REST",
             criticality="critical")
    legacy.uses(api, "Also creates orders", operation="POST /orders", technology="REST")
    web.uses(api, "Streams updates", operation="order.updates", interaction="async")
    web.uses(api, "Reads an order", operation="GetOrder", technology="gRPC")
    handler.uses(bank, "Pays", operation="POST /payments", technology="HTTPS")
    api.uses(orders_db, "Writes", operation="INSERT", access="write")
    api.uses(cache, "Caches")
    bank.uses(api, "Calls back", technology="Webhook")
    bank.uses(payments, "Settles")
    web.uses(twin, "Mirrors")
    web.uses(japanese, "Orders")
    japanese.uses(long_name, "Calls")
    ledger.uses(numbers, "Counts")
    handler.uses(api, "Its own container")
    api.uses("shop.nothing", "Nowhere")
    trigger.uses(cache, "Invalidates")
    api.publishes("Order Placed", "After checkout", via=queue)
    web.subscribes("Order Placed", "Refreshes the cart", via=queue)
    payments.subscribes("Order Placed", "Charges")
    legacy.subscribes("stock.low", "Hides products")

    ws.style("critical", color="#fb923c")
    ws.view("Checkout", include=["*"])
    with ws.flow("Buy") as f:
        f.step(shopper, web, "Buy")
    prod = ws.environment("Production")
    prod.node("Host").deploy(api)
    return ws


def _load(example: Path) -> Workspace:
    created_workspaces()
    return load_project(config=load_config(example / "mkdocs.yml")).workspace


def _export(workspace: Workspace, root: Path) -> str:
    result = run_export(workspace, FORMATS["backstage"], root=root)
    return result.files[""]


CASES = [e.name for e in EXAMPLES] + ["nasty", "shop", "catalog"]


@pytest.fixture(scope="module")
def workspaces() -> dict[str, tuple[Workspace, Path]]:
    models = {example.name: (_load(example), example) for example in EXAMPLES}
    for name, build in (("nasty", sitemodels.nasty), ("shop", sitemodels.shop),
                        ("catalog", catalog_model)):
        models[name] = (build(), HERE)
    created_workspaces()
    return models


@pytest.fixture(scope="module")
def exports(workspaces: dict[str, tuple[Workspace, Path]]) -> dict[str, str]:
    return {name: _export(workspace, root) for name, (workspace, root) in workspaces.items()}


@pytest.fixture(scope="module")
def checked(exports: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What Backstage's catalog model makes of every export: one Node process for all."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed: `make setup` installs it (scripts/setup-system.sh)")
    for package in ("@backstage/catalog-model", "yaml"):
        if not (ROOT / "node_modules" / package / "package.json").exists():
            pytest.skip(f"npm package {package} is missing: run `make setup` (package.json's "
                        "devDependencies)")
    directory = tmp_path_factory.mktemp("backstage")
    files = {}
    for name, text in exports.items():
        path = directory / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        files[str(path)] = name
    proc = subprocess.run([node, str(CHECK), *files], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=300, check=False,
                          env={**os.environ, "NODE_PATH": str(ROOT / "node_modules")})
    assert proc.returncode == 0, proc.stderr
    return {files[path]: result for path, result in json.loads(proc.stdout).items()}


def _by_kind(entities: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {e["metadata"]["name"]: e for e in entities if e["kind"] == kind}


def _of(entities: list[dict[str, Any]], element_id: str) -> dict[str, Any]:
    return next(e for e in entities
                if e["metadata"].get("annotations", {}).get("archdoc/id") == element_id)


# -- checked by Backstage -------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_backstage_accepts_every_entity(checked: dict[str, Any], case: str) -> None:
    result = checked[case]
    assert result["entities"], f"{case}: no entity"
    assert result["errors"] == [], f"{case}: " + "\n".join(result["errors"])


@pytest.mark.parametrize("case", CASES)
def test_backstage_reads_what_archdoc_wrote(checked: dict[str, Any], exports: dict[str, str],
                                            case: str) -> None:
    """Backstage's YAML 1.2 reader and PyYAML read the same entities: every hostile string
    comes back exactly, nothing turns into a number, a boolean or null."""
    assert checked[case]["entities"] == list(yaml.safe_load_all(exports[case]))


@pytest.mark.parametrize("case", CASES)
def test_same_bytes_with_or_without_libyaml(workspaces: dict[str, tuple[Workspace, Path]],
                                            exports: dict[str, str], case: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from archdoc.export import backstage_format

    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML is built without libyaml: the pure emitter is the only one")
    monkeypatch.setattr(backstage_format, "_Dumper", backstage_format._PureDumper)
    assert _export(*workspaces[case]) == exports[case]


def test_checker_rejects_what_backstage_rejects(tmp_path: Path) -> None:
    """The check is not a formality: a bad name, an unknown ref and a missing owner fail it."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "@backstage" / "catalog-model").exists():
        pytest.skip("Node.js or @backstage/catalog-model is missing: run `make setup`")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a b}\n"
        "spec: {type: service, lifecycle: production, owner: group:nobody}\n"
        "---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: s, tags: [Up]}\n"
        "spec: {}\n", encoding="utf-8")
    proc = subprocess.run([node, str(CHECK), str(bad)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=True)
    errors = json.loads(proc.stdout)[str(bad)]["errors"]
    assert any("metadata.name" in e for e in errors)
    assert any("group:nobody" in e and "names no entity" in e for e in errors)
    assert any("tags.0" in e for e in errors)


def test_every_element_but_people_is_an_entity(checked: dict[str, Any]) -> None:
    entities = checked["nasty"]["entities"]
    workspace = sitemodels.nasty()
    for element in workspace.elements.values():
        if element.kind == "person":
            assert not any(e["metadata"].get("title") == element.name for e in entities)
            continue
        entity = _of(entities, element.id)
        assert entity["metadata"]["title"] == element.name
        assert entity["metadata"]["description"] == element.description
        assert entity["metadata"]["annotations"]["archdoc/kind"] == element.kind


# -- the mapping ------------------------------------------------------------------------------


@pytest.mark.parametrize(("tag", "expected"), [
    ("critical", "critical"),
    ("PCI DSS", "pci-dss"),
    ("Front_End", "front-end"),
    ("c++", "c++"),
    ("#1", "#1"),
    ("ÜBER", "uber"),
    ("a -- b", "a-b"),
    ("!!!", ""),
    ("x" * 80, "x" * 63),
    ("a" * 62 + " b", "a" * 62),
])
def test_tags_take_backstage_form(tag: str, expected: str) -> None:
    assert backstage_tag(tag) == expected


@pytest.mark.parametrize(("key", "expected"), [
    ("shop.order-api", "shop.order-api"),
    ("Shop_API.v2", "Shop_API.v2"),
    ("Team Shop", "Team-Shop"),
    ("-x-", "x"),
])
def test_names_are_kept_when_backstage_accepts_them(key: str, expected: str) -> None:
    assert entity_name(key) == expected


@pytest.mark.parametrize("key", ["shop.web~2", "注文", "order-注文", "a" * 64, "x." * 40])
def test_other_names_carry_a_digest(key: str) -> None:
    import hashlib

    name = entity_name(key)
    assert len(name) <= 63
    assert name.endswith(hashlib.sha256(key.encode()).hexdigest()[:8])
    assert entity_name(key) == name


def test_the_catalog_of_edge_cases(checked: dict[str, Any]) -> None:
    entities = checked["catalog"]["entities"]
    groups = _by_kind(entities, "Group")
    domains = _by_kind(entities, "Domain")
    apis = _by_kind(entities, "API")
    # Teams: one Group each, the default owner apart from a team that is called "unowned".
    titles = {g["metadata"]["title"]: g for g in groups.values()}
    assert set(titles) == {"Team Shop", "team-web", "payments", "unowned",
                           "No owner in the model"}
    assert titles["Team Shop"]["metadata"]["name"] == "Team-Shop"
    default = titles["No owner in the model"]
    assert default["metadata"]["annotations"] == {"archdoc/default-owner": "true"}
    assert default["metadata"]["name"] != titles["unowned"]["metadata"]["name"]
    # Owners: own team, the data owner's, the nearest up the parents, else the default.
    assert _of(entities, "shop")["spec"]["owner"] == "group:Team-Shop"
    assert _of(entities, "shop.web")["spec"]["owner"] == "group:team-web"
    assert _of(entities, "shop.orders-db")["spec"]["owner"] == "group:team-web"
    assert _of(entities, "shop.cache")["spec"]["owner"] == "group:Team-Shop"
    assert _of(entities, "shop.api.handler")["spec"]["owner"] == "group:Team-Shop"
    assert _of(entities, "bank")["spec"]["owner"] == f"group:{default['metadata']['name']}"
    # Groups of systems are domains; of containers, an annotation.
    assert {d["metadata"]["title"] for d in domains.values()} == {"Commerce", "Retail", "Partners"}
    retail = next(d for d in domains.values() if d["metadata"]["title"] == "Retail")
    assert retail["spec"]["subdomainOf"] == "domain:Commerce"
    assert retail["spec"]["owner"] == "group:Team-Shop"
    assert domains["Commerce"]["spec"]["owner"] == f"group:{default['metadata']['name']}"
    assert _of(entities, "shop")["spec"]["domain"] == f"domain:{retail['metadata']['name']}"
    web = _of(entities, "shop.web")
    assert web["metadata"]["annotations"]["archdoc/group"] == "Edge"
    # Tags in Backstage's form, as written in an annotation.
    assert web["metadata"]["tags"] == ["front-end", "pci-dss", "c++", "#1", "uber", "x" * 63]
    assert json.loads(web["metadata"]["annotations"]["archdoc/tags"])[0] == "Front End"
    # Types and lifecycles.
    assert web["spec"]["type"] == "website"
    api = _of(entities, "shop.api")
    assert (api["spec"]["type"], api["spec"]["lifecycle"]) == ("grpc-service", "experimental")
    assert json.loads(api["metadata"]["annotations"]["archdoc/properties"])["port"] == 8080
    assert _of(entities, "shop.api.handler")["spec"]["type"] == "library"
    assert _of(entities, "shop.orders-db")["spec"]["type"] == "database"
    assert _of(entities, "shop.bus")["kind"] == "Resource"
    assert _of(entities, "shop.api.handler")["spec"]["subcomponentOf"] == "component:shop.api"
    assert "subcomponentOf" not in _of(entities, "shop.orders-db.trigger")["spec"]
    # Names: kept, or readable with a digest; unique without regard to case.
    assert api["metadata"]["name"] == "shop.api"
    legacy = _of(entities, "shop.API")
    assert legacy["metadata"]["name"].startswith("shop.API-")
    assert _of(entities, "shop.web~2")["metadata"]["name"].startswith("shop.web-2-")
    long_name = _of(entities, next(i for i in _ids(entities) if i.startswith("shop.a-very")))
    assert long_name["metadata"]["name"].startswith("shop.a-very-long-container-name-a-very")
    assert len(long_name["metadata"]["name"]) <= 63
    # Relationships: APIs for operations, dependsOn, dependencyOf for a system's own.
    post = apis["shop.api.post-orders"]
    assert post["spec"]["type"] == "openapi"
    definition = yaml.safe_load(post["spec"]["definition"])
    assert definition["paths"]["/orders"]["post"]["summary"] == \
        "Creates orders; Also creates orders"
    assert post["metadata"]["annotations"] == {
        "archdoc/provider": "shop.api", "archdoc/operation": "POST /orders",
        "archdoc/technology": "REST"}
    assert api["spec"]["providesApis"] == ["api:shop.api.post-orders",
                                           "api:shop.api.order-updates", "api:shop.api.getorder",
                                           "api:Order-Placed"]
    assert web["spec"]["consumesApis"][:3] == api["spec"]["providesApis"][:3]
    assert apis["shop.api.order-updates"]["spec"]["type"] == "asyncapi"
    assert apis["shop.api.getorder"]["spec"]["type"] == "other"
    payment = apis["bank.post-payments"]
    assert payment["spec"]["system"] == "system:bank"
    assert "api:bank.post-payments" in _of(entities, "shop.api.handler")["spec"]["consumesApis"]
    assert api["spec"]["dependsOn"] == ["resource:shop.orders-db", "resource:shop.cache",
                                        "resource:shop.bus"]
    assert api["spec"]["dependencyOf"] == ["system:bank"]
    event = apis["Order-Placed"]
    assert event["spec"]["type"] == "asyncapi"
    assert event["metadata"]["annotations"] == {"archdoc/event": "Order Placed"}
    channels = yaml.safe_load(event["spec"]["definition"])
    assert channels["channels"]["channel"]["address"] == "Order Placed"
    assert [o["action"] for o in channels["operations"].values()] == ["send", "receive"]
    assert apis["stock.low"]["spec"]["owner"] == f"group:{legacy['spec']['owner'][6:]}"
    # YAML 1.2 look-alikes stay text.
    numbers = _of(entities, "shop.0o17")
    assert (numbers["metadata"]["title"], numbers["metadata"]["description"]) == ("0o17", "1e3")
    assert numbers["metadata"]["annotations"]["archdoc/technology"] == "1.0e3"


def _ids(entities: list[dict[str, Any]]) -> list[str]:
    return [e["metadata"]["annotations"]["archdoc/id"] for e in entities
            if "archdoc/id" in e["metadata"].get("annotations", {})]


def test_what_backstage_cannot_carry_is_said_once() -> None:
    workspace = catalog_model()
    dropped = render_catalog(workspace, views=len(workspace.views)).dropped
    assert len(dropped) == len(set(dropped))
    text = "\n".join(dropped)
    for expected in ("people (1)", "flows (1)", "views (1)", "styles (1)",
                     "deployment environments (1)", "1 relationship(s) of people",
                     "1 relationship(s) between two software systems",
                     "1 relationship(s) between an element and its own parent",
                     "the operation of 1 relationship(s)", "shop.api->shop.nothing",
                     "payments (Order Placed)", "component shop.orders-db.trigger",
                     "tag 'PCI DSS' as written: it is 'pci-dss'", "tag '!!!'"):
        assert expected in text, expected


def test_same_model_same_bytes() -> None:
    assert render_catalog(catalog_model()).text == render_catalog(catalog_model()).text


# -- the command --------------------------------------------------------------------------------


def test_golden_ecommerce(archdoc_cmd: Any) -> None:
    example = ROOT / "examples" / "ecommerce"
    result = archdoc_cmd("export", "--format", "backstage", cwd=example)
    assert result.code == 0, result.stderr
    GOLDEN.check("backstage/ecommerce.yaml", result.stdout)
    notes = [line for line in result.stderr.splitlines() if line]
    assert all(line.startswith("archdoc export: backstage cannot carry: ") for line in notes)
    for expected in ("people (2)", "flows (4)", "views (", "deployment environments (1)"):
        assert any(expected in line for line in notes), expected


def test_export_to_a_file(tmp_path: Path) -> None:
    example = ROOT / "examples" / "myshop"
    target = tmp_path / "catalog-info.yaml"
    result = run_archdoc("export", "--format", "backstage", "-o", str(target), cwd=example)
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    documents = list(yaml.safe_load_all(target.read_text(encoding="utf-8")))
    assert {d["kind"] for d in documents} == {"System", "Component", "Resource", "API", "Group"}


def test_a_view_is_refused(tmp_path: Path) -> None:
    result = run_archdoc("export", "--format", "backstage", "--view", "landscape",
                         cwd=ROOT / "examples" / "myshop")
    assert result.code == 2
    assert "one document for the whole workspace" in result.stderr
