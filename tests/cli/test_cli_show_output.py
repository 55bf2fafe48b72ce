"""``archdoc show`` and ``impact`` for scripts and for people: piped output carries every id
whole with no markup read, no box characters and no padding; ``--format json``; on a terminal,
rich tables that wrap ids instead of cutting them."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from archdoc.cli.views import render_impact, render_show
from archdoc.project import load_project
from archdoc.render.summary import describe, impact_summary
from archdoc.analysis.graph import DependencyGraph
from archdoc_testing import ARCHDOC_EXE, ProjectFactory

LONG = "order-management-and-fulfilment-orchestration-service-for-the-european-region"
MODEL = f'''
from archdoc import Workspace

ws = Workspace("Shop", "A shop")
admin = ws.person("[bold]Admin[/bold]", "Runs [red]everything[/red]", id="admin")
shop = ws.system("Shop", "Sells")
orders = shop.container("Orders", "Takes orders", id="{LONG}")
db = shop.database("Orders DB", "Orders data", owner=orders)
admin.uses(orders, "Configures [link=x]prices[/link]")
orders.uses(db, "Reads and writes")
prod = ws.environment("Production")
k8s = prod.node("Kubernetes", technology="EKS", id="kubernetes")
k8s.deploy(orders, instances=3)
prod.node("Data").deploy(db)
'''
BOX = set("┏┓┗┛━┃┡┩│─┼╇┳┻└┘┌┐├┤")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = ProjectFactory(tmp_path_factory.mktemp("show"))(
        MODEL, mkdocs="site_name: x\nplugins:\n  - archdoc\n"
    )
    return root


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The console script with its stdout a pipe, at 80 columns (as the complaint had it)."""
    env = {**os.environ, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}
    env.pop("NO_COLOR", None)
    return subprocess.run([str(ARCHDOC_EXE), *args], cwd=root, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False)


def assert_for_scripts(text: str) -> None:
    assert not BOX & set(text), text
    assert "…" not in text, text
    assert all(line == line.rstrip(" ") for line in text.splitlines()), text


def test_piped_show_keeps_every_id_whole_and_user_text_as_written(root: Path) -> None:
    result = run(root, "show", f"shop.{LONG}")
    assert result.returncode == 0, result.stderr
    assert_for_scripts(result.stdout)
    assert result.stdout.startswith(f"Orders (shop.{LONG})\n")
    assert "\nadmin\tConfigures [link=x]prices[/link]\t\t\tsync\t\n" in result.stdout
    result = run(root, "show", "admin")
    assert_for_scripts(result.stdout)
    assert result.stdout.startswith("[bold]Admin[/bold] (admin)\nkind\tPerson\n"
                                    "description\tRuns [red]everything[/red]\n")
    assert f"\nshop.{LONG}\tConfigures [link=x]prices[/link]\t" in result.stdout


def test_piped_impact_keeps_every_id_whole(root: Path) -> None:
    result = run(root, "impact", "shop.orders-db")
    assert result.returncode == 0, result.stderr
    assert_for_scripts(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == "If Orders DB (shop.orders-db) fails: 2 break, 0 degrade"
    assert lines[2] == f"shop.{LONG}\tbreaks\t1\tshop.{LONG} -> shop.orders-db"
    assert lines[3] == f"admin\tbreaks\t2\tadmin -> shop.{LONG} -> shop.orders-db"


def test_json_of_show_and_impact(root: Path) -> None:
    shown = json.loads(run(root, "show", f"shop.{LONG}", "--format", "json").stdout)
    assert shown["id"] == f"shop.{LONG}" and shown["kind"] == "container"
    assert shown["used_by"] == [
        {
            "element": "admin",
            "description": "Configures [link=x]prices[/link]",
            "technology": "",
            "operation": "",
            "interaction": "sync",
            "criticality": "",
        }
    ]
    assert shown["deployed_on"] == [
        {"environment": "production", "node": "kubernetes", "instances": 3}
    ]
    impact = json.loads(run(root, "impact", "shop.orders-db", "--format", "json").stdout)
    assert impact == {
        "id": "shop.orders-db", "name": "Orders DB", "breaks": 2, "degrades": 0,
        "impacts": [
            {"element": f"shop.{LONG}", "effect": "breaks", "distance": 1,
             "chain": [f"shop.{LONG}", "shop.orders-db"]},
            {"element": "admin", "effect": "breaks", "distance": 2,
             "chain": ["admin", f"shop.{LONG}", "shop.orders-db"]},
        ]}


def _squeezed(text: str) -> str:
    """The text without table borders and whitespace: what the reader sees, unwrapped."""
    return "".join(c for c in text if not c.isspace() and c not in BOX)


def _column(text: str, title: str, n: int) -> str:
    """Column ``n`` of the table titled ``title`` (one row), its wrapped pieces joined."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.rstrip() == title)
    body = "\n".join(lines[start + 1:]).split("└", 1)[0]
    rows = [line.split("│") for line in body.splitlines() if line.startswith("│")]
    return "".join(cells[n + 1].strip() for cells in rows)


def test_on_a_terminal_the_tables_wrap_ids_and_read_no_markup(root: Path) -> None:
    from archdoc.config import load_config

    workspace = load_project(config=load_config(root / "mkdocs.yml")).workspace
    out = io.StringIO()
    render_show(describe(workspace, "admin"), "text", out, terminal=True)
    text = out.getvalue()
    assert "…" not in text and "┃" in text  # a rich table, nothing cut
    assert "[bold]Admin[/bold]" in text and "Runs [red]everything[/red]" in text
    assert _column(text, "Uses", 0) == f"shop.{LONG}"  # wrapped at 80 columns, not cut
    assert _column(text, "Uses", 1) == "Configures[link=x]prices[/link]"
    out = io.StringIO()
    render_impact(impact_summary(DependencyGraph(workspace), "shop.orders-db"), "text", out,
                  terminal=True)
    assert "…" not in out.getvalue()
    assert f"shop.{LONG}" in _squeezed(out.getvalue())


def test_show_a_deployment_node_and_an_environment(root: Path) -> None:
    node = run(root, "show", "kubernetes")
    assert node.returncode == 0, node.stderr
    assert node.stdout.startswith("Kubernetes (kubernetes)\nkind\tDeployment Node\n")
    assert f"\nRuns\ncontainer\tnode\tinstances\nshop.{LONG}\tkubernetes\t3\n" in node.stdout
    env = json.loads(run(root, "show", "production", "--format", "json").stdout)
    assert [n["id"] for n in env["contains"]] == ["kubernetes", "production.data"]
    assert [r["container"] for r in env["runs"]] == [f"shop.{LONG}", "shop.orders-db"]


def test_impact_of_a_node_says_what_it_is_and_what_to_ask_instead(root: Path) -> None:
    result = run(root, "impact", "kubernetes")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "error: 'kubernetes' is a deployment node of the environment 'production', not a model "
        "element: `archdoc impact` follows the dependencies between model elements")
    assert f"hint: analyse what it runs instead, e.g. `archdoc impact shop.{LONG}`" in result.stderr
    assert "did you mean 'kubernetes'" not in result.stderr


def test_impact_suggests_elements_only(root: Path) -> None:
    result = run(root, "impact", "kubernets")
    assert result.returncode == 2
    assert "error: no element with id 'kubernets'" in result.stderr
    assert "'kubernetes'" not in result.stderr  # a node: impact would refuse it
