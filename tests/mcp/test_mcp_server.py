"""``archdoc mcp`` as an assistant runs it: a subprocess over stdio, driven by the MCP SDK's
client."""

from __future__ import annotations

import concurrent.futures
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import pytest

from archdoc_testing import ARCHDOC_EXE, Golden, ProjectFactory, line_of
from mcpproject import MODEL, QUIET_MODEL, Session, ToolFailed, mcp_session, shop_project

pytest.importorskip("mcp", reason="the MCP SDK is installed by the test extra (archdoc[mcp])")

TOOLS = [
    "find_elements",
    "get_element",
    "impact",
    "dependencies",
    "list_decisions",
    "validate",
    "views",
]


def run(
    root: Path, tmp_path: Path, scenario: Callable[[Session], Awaitable[None]], *args: str
) -> str:
    """Run ``scenario`` against ``archdoc mcp ARGS`` started in ``root``; the server's stderr."""
    if not ARCHDOC_EXE.exists():
        pytest.skip(f"{ARCHDOC_EXE} is not installed")
    errlog = tmp_path / "server-stderr.txt"

    async def main() -> None:
        with errlog.open("w", encoding="utf-8") as err:
            with anyio.fail_after(120):  # a hung server fails the test instead of the whole run
                async with mcp_session(*args, cwd=root, errlog=err) as session:
                    await scenario(session)
                    assert session.transport_errors == [], "the server wrote a non-protocol line"

    # In a thread of its own: the browser tests' Playwright keeps an event loop on the main one.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, main).result()
    return errlog.read_text(encoding="utf-8")


def test_a_client_lists_the_tools_and_calls_each(
    project: ProjectFactory, tmp_path: Path, golden: Golden
) -> None:
    root = shop_project(project)
    answers: dict[str, Any] = {}

    async def scenario(s: Session) -> None:
        init = s.initialize_result  # type: ignore[attr-defined]
        assert init.server_info.name == "archdoc"
        assert init.capabilities.tools is not None
        assert "find_elements" in (init.instructions or "")

        tools = {t.name: t for t in (await s.session.list_tools()).tools}
        assert sorted(tools) == sorted(TOOLS)
        for tool in tools.values():
            assert tool.description, tool.name
            assert tool.annotations is not None and tool.annotations.read_only_hint is True
            assert tool.output_schema is not None and tool.output_schema["type"] == "object"
            for name, schema in tool.input_schema.get("properties", {}).items():
                assert schema.get("description"), f"{tool.name}({name}) is not documented"
        assert tools["get_element"].input_schema["required"] == ["id"]
        assert tools["find_elements"].input_schema["required"] == ["query"]
        assert "required" not in tools["list_decisions"].input_schema
        assert tools["validate"].input_schema.get("properties", {}) == {}

        calls: list[tuple[str, dict[str, Any]]] = [
            ("views", {}),
            ("find_elements", {"query": "orders"}),
            ("find_elements", {"query": "kind:database"}),
            ("get_element", {"id": "shop.api"}),
            ("impact", {"id": "shop.db"}),
            ("impact", {"id": "stripe"}),
            ("dependencies", {"id": "shop.api"}),
            ("dependencies", {"id": "shop"}),
            ("list_decisions", {}),
            ("list_decisions", {"element_id": "shop"}),
            ("list_decisions", {"status": "proposed"}),
            ("list_decisions", {"element_id": "shop.api", "status": "accepted"}),
            ("validate", {}),
        ]
        for tool_name, arguments in calls:
            key = f"{tool_name}({', '.join(f'{k}={v!r}' for k, v in arguments.items())})"
            answers[key] = await s.call(tool_name, **arguments)

    stderr = run(root, tmp_path, scenario)
    # What the model wrote to stdout went to stderr, not into the protocol.
    assert "printed by the model" in stderr
    assert "written to file descriptor 1 by the model" in stderr
    assert "Traceback" not in stderr
    golden.check("mcp/shop-answers.json", json.dumps(answers, indent=2, ensure_ascii=False) + "\n")

    views = answers["views()"]["views"]
    assert [v["key"] for v in views] == [
        "landscape", "context:shop", "containers:shop", "context:stripe", "components:shop.api",
        "neighbourhood:user", "neighbourhood:shop.web", "neighbourhood:shop.db",
        "neighbourhood:shop.api.handler", "flow:checkout", "deployment:production",
    ]
    flow = next(v for v in views if v["key"] == "flow:checkout")
    assert (flow["kind"], flow["title"], flow["elements"], flow["relationships"]) == (
        "flow",
        "Checkout",
        3,
        3,
    )

    found = answers["find_elements(query='orders')"]
    assert [e["id"] for e in found["elements"]] == ["shop.api", "shop.db"]
    assert [e["id"] for e in answers["find_elements(query='kind:database')"]["elements"]] == [
        "shop.db"
    ]

    api = answers["get_element(id='shop.api')"]
    assert (api["kind"], api["technology"], api["owner"], api["location"]) == (
        "container", "Go", "team-orders",
        f"model/__init__.py:{line_of('api = shop.container', root / 'model' / '__init__.py')}")
    assert [c["id"] for c in api["children"]] == ["shop.api.handler"]
    assert [r["destination"] for r in api["uses"]] == ["stripe"]
    assert [r["source"] for r in api["used_by"]] == ["shop.web"]
    assert [e["event"] for e in api["publishes"]] == ["order.created"]
    assert [d["number"] for d in api["decisions"]] == [1]
    assert api["deployments"] == [
        {"environment": "production", "node": "production.cluster", "instances": None}
    ]
    assert api["views"] == ["containers:shop", "neighbourhood:shop.web", "neighbourhood:shop.db",
                            "flow:checkout", "deployment:production"]
    assert api["flows"] == ["checkout"]

    db_impact = answers["impact(id='shop.db')"]
    assert [(i["element"], i["effect"], i["distance"]) for i in db_impact["impacts"]] == [
        ("shop.api", "breaks", 1), ("shop.web", "breaks", 2), ("user", "breaks", 3)]
    assert db_impact["impacts"][2]["chain"] == ["user", "shop.web", "shop.api", "shop.db"]
    # Stripe declares a fallback: what depends on it degrades instead of breaking.
    assert {i["effect"] for i in answers["impact(id='stripe')"]["impacts"]} == {"degraded"}

    deps = answers["dependencies(id='shop.api')"]
    assert [(d["destination"], d["owns_data"], d["implied"]) for d in deps["depends_on"]] == [
        ("stripe", False, False), ("shop.db", True, True)]
    assert [(d["source"], d["events"]) for d in deps["depended_on_by"]] == [
        ("shop.web", ["order.created"])
    ]
    system = answers["dependencies(id='shop')"]
    assert system["units"] == ["shop.web", "shop.api", "shop.db"]
    assert [(d["source"], d["destination"]) for d in system["depends_on"]] == [
        ("shop.api", "stripe")
    ]
    assert [(d["source"], d["destination"]) for d in system["depended_on_by"]] == [
        ("user", "shop.web")
    ]

    def numbers(key: str) -> list[int]:
        return [d["number"] for d in answers[key]["decisions"]]

    assert numbers("list_decisions()") == [1, 2]
    assert numbers("list_decisions(element_id='shop')") == [1, 2]
    assert numbers("list_decisions(status='proposed')") == [2]
    assert numbers("list_decisions(element_id='shop.api', status='accepted')") == [1]
    assert (
        answers["list_decisions()"]["decisions"][0]["file"]
        == "adr/0001-write-the-order-api-in-go.md"
    )


def test_the_findings_are_those_of_archdoc_validate(
    project: ProjectFactory, tmp_path: Path, archdoc_cmd: Any
) -> None:
    root = shop_project(project)
    model = root / "model" / "__init__.py"  # quiet, so that the command's stdout is only JSON
    model.write_text(QUIET_MODEL, encoding="utf-8")
    answers: list[dict[str, Any]] = []

    async def scenario(s: Session) -> None:
        answers.append(await s.call("validate"))

    run(root, tmp_path, scenario)
    report = json.loads(archdoc_cmd("validate", "--format", "json", cwd=root).stdout)
    assert answers[0] == report
    assert answers[0]["summary"] == {"errors": 0, "warnings": 1}  # shop.db is deployed nowhere


def test_unknown_ids_are_tool_errors_naming_the_closest(
    project: ProjectFactory, tmp_path: Path
) -> None:
    root = shop_project(project)

    async def scenario(s: Session) -> None:
        for tool, arguments, expected in [
            ("get_element", {"id": "shop.apii"}, "did you mean 'shop.api'"),
            ("impact", {"id": "shop.dbb"}, "did you mean 'shop.db'"),
            ("dependencies", {"id": "shop.wbe"}, "did you mean 'shop.web'"),
            ("get_element", {"id": "warehouse"}, "find_elements"),
            ("list_decisions", {"element_id": "strip"}, "did you mean 'stripe'"),
            ("list_decisions", {"status": "approved"}, "statuses: draft, proposed, accepted"),
        ]:
            with pytest.raises(ToolFailed) as failed:
                await s.call(tool, **arguments)
            assert expected in str(failed.value), (tool, str(failed.value))
            assert "Traceback" not in str(failed.value)
        # Arguments of the wrong shape are refused by the input schema, the server goes on.
        with pytest.raises(ToolFailed):
            await s.call("find_elements", query="orders", limit=0)
        assert (await s.call("find_elements", query="API"))["elements"][0]["id"] == "shop.api"

    stderr = run(root, tmp_path, scenario)
    assert "Traceback" not in stderr


def test_edits_to_the_model_and_the_adrs_are_seen_by_the_next_call(
    project: ProjectFactory, tmp_path: Path
) -> None:
    root = shop_project(project)
    model = root / "model" / "__init__.py"

    async def scenario(s: Session) -> None:
        assert (await s.call("find_elements", query="search"))["total"] == 0

        model.write_text(model.read_text(encoding="utf-8") + (
            'search = shop.container("Search", "Finds products", technology="Elasticsearch")\n'
            'web.uses(search, "Searches the catalogue")\n'
            'cluster.deploy(search)\n'
        ), encoding="utf-8")
        found = await s.call("find_elements", query="search")
        assert [e["id"] for e in found["elements"]] == ["shop.search"]
        impacts = (await s.call("impact", id="shop.search"))["impacts"]
        assert [i["element"] for i in impacts] == ["shop.web", "user"]

        (root / "adr" / "0003-search-with-elasticsearch.md").write_text(
            "---\nstatus: accepted\ndate: 2026-03-01\naffects: [shop.search]\n---\n\n"
            "# Search with Elasticsearch\n\n## Context and Problem Statement\n\nSearch is slow.\n",
            encoding="utf-8")
        decisions = (await s.call("list_decisions", element_id="shop.search"))["decisions"]
        assert [(d["number"], d["title"]) for d in decisions] == [(3, "Search with Elasticsearch")]

        # A broken model is an error at its file and line, until it is fixed.
        good = model.read_text(encoding="utf-8")
        model.write_text(good + "web.uses(\n", encoding="utf-8")
        with pytest.raises(ToolFailed) as failed:
            await s.call("validate")
        assert "could not be loaded" in str(failed.value)
        assert "model/__init__.py:" in str(failed.value) and "syntax" in str(failed.value)
        model.write_text(good, encoding="utf-8")
        assert (await s.call("get_element", id="shop.search"))["technology"] == "Elasticsearch"

    run(root, tmp_path, scenario)


def test_a_model_that_does_not_load_at_start_is_reported_until_fixed(
    project: ProjectFactory, tmp_path: Path
) -> None:
    root = shop_project(project)
    model = root / "model" / "__init__.py"
    model.write_text(MODEL.replace('api.uses(stripe,', 'api.uses(strpe,'), encoding="utf-8")

    async def scenario(s: Session) -> None:
        assert len((await s.session.list_tools()).tools) == len(TOOLS)
        with pytest.raises(ToolFailed) as failed:
            await s.call("views")
        assert "strpe" in str(failed.value)
        model.write_text(MODEL, encoding="utf-8")
        assert len((await s.call("views"))["views"]) == 11

    stderr = run(root, tmp_path, scenario)
    assert "archdoc mcp: the project could not be loaded" in stderr and "strpe" in stderr


def test_the_configuration_is_taken_from_config(project: ProjectFactory, tmp_path: Path) -> None:
    root = shop_project(project)
    (root / "mkdocs.yml").rename(root / "site.yml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    async def scenario(s: Session) -> None:
        line = line_of("api = shop.container", root / "model" / "__init__.py")
        assert (await s.call("get_element", id="shop.api"))[
            "location"
        ] == f"model/__init__.py:{line}"
        assert (await s.call("validate"))["diagnostics"][0]["file"] == "model/__init__.py"

    run(elsewhere, tmp_path, scenario, "--config", str(root / "site.yml"))
