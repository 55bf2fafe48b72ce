"""``archdoc validate | show | impact | export | schema`` on a small project (typer CliRunner)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from archdoc.cli import app
from archdoc_testing import ProjectFactory

MODEL = """
from archdoc import Workspace

ws = Workspace("Shop", "A shop")
user = ws.person("User", "Buys things")
shop = ws.system("Shop", "Sells")
stripe = ws.system("Stripe", "Payments", external=True)
web = shop.container("Web", "Storefront", technology="React", owner="team-web", tags=["edge"],
                     properties={"port": 443})
api = shop.container("API", "Orders", technology="Go")
db = shop.database("DB", "Orders data", owner=api)
handler = api.component("Handler", "HTTP")
user.uses(web, "Browses", technology="HTTPS")
web.uses(api, "Calls", operation="POST /orders", criticality="critical")
handler.uses(db, "Reads and writes", technology="SQL")
api.uses(stripe, "Charges", criticality="critical")
api.publishes("order.created", "After checkout")
web.subscribes("order.created", "Refreshes the cart")
db.failure_mode("No orders", "Failover")
stripe.failure_mode("No payments", "Retry", fallback="Queue the charge")
"""

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(project: ProjectFactory, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    root = project(MODEL, mkdocs="site_name: Shop\nplugins:\n  - archdoc\n")
    monkeypatch.chdir(root)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, list(args))

    return run


def test_help_lists_the_commands(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("validate", "show", "impact", "export", "schema"):
        assert command in result.stdout


def test_validate_clean(invoke: Invoke) -> None:
    result = invoke("validate")
    assert (result.exit_code, result.stdout) == (0, "archdoc: no problems found\n")


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_validate_formats_and_strict(
    project: ProjectFactory, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    root = project(MODEL + 'shop.container("Mailer")\n',  # no description, unconnected: warnings
                   mkdocs="site_name: Shop\nplugins:\n  - archdoc\n")
    monkeypatch.chdir(root)
    runner = CliRunner()
    lenient = runner.invoke(app, ["validate", "--format", fmt])
    strict = runner.invoke(app, ["validate", "--format", fmt, "--strict"])
    assert (lenient.exit_code, strict.exit_code) == (0, 1)
    assert lenient.stdout == strict.stdout
    if fmt == "json":
        payload = json.loads(lenient.stdout)
        assert payload["summary"] == {"errors": 0, "warnings": 2}
        assert {d["line"] for d in payload["diagnostics"]} == {len(MODEL.strip().splitlines()) + 1}
    elif fmt == "github":
        assert lenient.stdout.startswith("::warning file=model/__init__.py,line=")
    else:
        assert (
            "model/__init__.py:" in lenient.stdout
            and "archdoc: 0 errors, 2 warnings" in lenient.stdout
        )


def test_validate_with_config_elsewhere(project: ProjectFactory, monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    root = project(
        {"arch/__init__.py": MODEL}, mkdocs="plugins:\n  - archdoc:\n      model: arch\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "-f", str(root / "mkdocs.yml")])
    assert (result.exit_code, result.stdout) == (0, "archdoc: no problems found\n")


def test_show_an_element(invoke: Invoke) -> None:
    result = invoke("show", "shop.web")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Web (shop.web)\nkind\tContainer\n")
    for fragment in (
        "description\tStorefront",
        "technology\tReact",
        "owner\tteam-web",
        "tags\tedge",
        "port\t443",
        "declared at\tmodel/__init__.py:7",
        "\nUses\nelement\tdescription\ttechnology\toperation\tinteraction\tcriticality\n"
        "shop.api\tCalls\t\tPOST /orders\tsync\tcritical\n",
        "\nUsed by\n",
        "\nuser\tBrowses\tHTTPS\t\tsync\t\n",
        "\nEvents\nevent\trole\treason\norder.created\tsubscribes\tRefreshes the cart\n",
    ):
        assert fragment in out, fragment


def test_show_children_data_owner_and_failure_modes(invoke: Invoke) -> None:
    api = invoke("show", "shop.api").stdout
    assert (
        "\nContains\nid\tkind\ttechnology\tdescription\nshop.api.handler\tComponent\t\tHTTP\n"
        in api
    )
    db = invoke("show", "shop.db").stdout
    assert "\ndata owner\tshop.api\n" in db
    assert "\nFailure modes\nimpact\tmitigation\tfallback\nNo orders\tFailover\t\n" in db
    stripe = invoke("show", "stripe").stdout
    assert "No payments\tRetry\tQueue the charge" in stripe


def test_impact(invoke: Invoke) -> None:
    result = invoke("impact", "shop.db")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "If DB (shop.db) fails: 3 break, 0 degrade\n"
        "element\teffect\tdistance\tchain\n"
        "shop.api\tbreaks\t1\tshop.api -> shop.db\n"
        "shop.web\tbreaks\t2\tshop.web -> shop.api -> shop.db\n"
        "user\tbreaks\t3\tuser -> shop.web -> shop.api -> shop.db\n")


def test_impact_of_something_nothing_depends_on(invoke: Invoke) -> None:
    result = invoke("impact", "user")
    assert (result.exit_code, result.stdout) == (
        0, "Nothing depends on user: its failure affects no other element.\n")


def test_impact_degraded_through_events(invoke: Invoke) -> None:
    out = invoke("impact", "shop.api").stdout
    assert "degrade" in out and "shop.web" in out


def test_export_is_stable_json(invoke: Invoke) -> None:
    first, second = invoke("export"), invoke("export", "--format", "json")
    assert first.exit_code == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert [e["id"] for e in data["elements"]] == [
        "user", "shop", "stripe", "shop.web", "shop.api", "shop.db", "shop.api.handler"]
    assert data["elements"][3]["location"] == {"file": "model/__init__.py", "line": 7}


def test_schema_describes_the_export(invoke: Invoke) -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "archdoc workspace export"
    assert set(json.loads(invoke("export").stdout)) == set(schema["properties"])


def test_export_validates_against_the_schema(invoke: Invoke) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(invoke("schema").stdout)
    jsonschema.validate(json.loads(invoke("export").stdout), schema)


@pytest.mark.parametrize(("args", "message"), [(["show", "shop.apu"], "did you mean 'shop.api'"),
                                               (["impact", "nope"], "no element with id 'nope'")])
def test_unknown_ids(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
