"""The tools' answers and the reloading, in-process (no MCP): ``archdoc.mcp.queries`` and
``live``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archdoc.errors import ConfigError, ReferenceNotFound
from archdoc.mcp import queries
from archdoc.mcp.live import LiveProject
from archdoc.mcp.results import FindResult
from archdoc_testing import ProjectFactory
from mcpproject import shop_project


@pytest.fixture
def root(project: ProjectFactory) -> Path:
    return shop_project(project)


@pytest.fixture
def live(root: Path) -> LiveProject:
    return LiveProject(root / "mkdocs.yml")


def ids(result: FindResult) -> list[str]:
    return [e.id for e in result.elements]


def test_find_ranks_the_id_and_the_name_first(live: LiveProject) -> None:
    snapshot = live.current()
    assert ids(queries.find_elements(snapshot, "api"))[0] == "shop.api"
    assert ids(queries.find_elements(snapshot, "Shop"))[0] == "shop"
    # Every word must match, in any field.
    assert ids(queries.find_elements(snapshot, "orders postgresql")) == ["shop.db"]
    assert ids(queries.find_elements(snapshot, "team-orders")) == ["shop.api"]
    assert ids(queries.find_elements(snapshot, "8080")) == ["shop.api"]
    assert queries.find_elements(snapshot, "kafka").total == 0


def test_find_takes_plurals_and_typos(live: LiveProject) -> None:
    snapshot = live.current()
    # "Handler" is found by its plural; the exact word ranks first.
    assert ids(queries.find_elements(snapshot, "handlers")) == ["shop.api.handler"]
    assert ids(queries.find_elements(snapshot, "payments")) == ["stripe"]
    assert ids(queries.find_elements(snapshot, "strpe")) == ["stripe"]
    assert ids(queries.find_elements(snapshot, "storefronts")) == ["shop.web"]


def test_find_selects_by_tag_kind_glob_and_external(live: LiveProject) -> None:
    snapshot = live.current()
    assert ids(queries.find_elements(snapshot, "tag:edge")) == ["shop.web"]
    assert ids(queries.find_elements(snapshot, "kind:container")) == ["shop.web", "shop.api"]
    assert ids(queries.find_elements(snapshot, "external")) == ["stripe"]
    assert ids(queries.find_elements(snapshot, "shop.api.*")) == ["shop.api.handler"]
    assert ids(queries.find_elements(snapshot, "kind:container orders")) == ["shop.api"]


def test_an_empty_query_lists_everything_and_the_limit_keeps_the_total(live: LiveProject) -> None:
    snapshot = live.current()
    everything = queries.find_elements(snapshot, "")
    assert ids(everything) == list(snapshot.project.workspace.elements)
    first = queries.find_elements(snapshot, "", limit=2)
    assert (first.total, ids(first)) == (everything.total, ids(everything)[:2])


def test_the_dependencies_of_a_component_are_those_of_its_container(live: LiveProject) -> None:
    result = queries.dependencies(live.current(), "shop.api.handler")
    assert result.units == ["shop.api"]
    assert [d.destination for d in result.depends_on] == ["stripe", "shop.db"]


def test_impact_lists_the_nearest_and_counts_all(live: LiveProject) -> None:
    result = queries.impact(live.current(), "shop.db", limit=2)
    assert (result.breaks, result.degraded) == (3, 0)
    assert [i.element for i in result.impacts] == ["shop.api", "shop.web"]


def test_unknown_ids_name_the_closest(live: LiveProject) -> None:
    with pytest.raises(ReferenceNotFound) as failed:
        queries.get_element(live.current(), "shop.ap")
    assert "'shop.api'" in (failed.value.hint or "")


def test_the_project_is_loaded_once_while_nothing_changes(live: LiveProject) -> None:
    first = live.current()
    assert live.current() is first
    queries.validate(live.current())
    assert live.loads == 1


def test_an_adr_edit_reloads(live: LiveProject, root: Path) -> None:
    before = live.current()
    (root / "adr" / "0003-keep-it-small.md").write_text(
        "---\nstatus: accepted\naffects: [shop.web]\n---\n\n# Keep it small\n", encoding="utf-8")
    after = live.current()
    assert after is not before and live.loads == 2
    assert [d.number for d in queries.list_decisions(after, "shop.web").decisions] == [2, 3]


def test_a_removed_model_file_reloads(live: LiveProject, root: Path) -> None:
    (root / "model" / "extra.py").write_text("", encoding="utf-8")
    live.current()
    os.remove(root / "model" / "extra.py")
    live.current()
    assert live.loads == 2


def test_a_configuration_edit_reloads(live: LiveProject, root: Path) -> None:
    assert queries.validate(live.current()).summary.warnings == 1
    (root / "mkdocs.yml").write_text(
        "site_name: Shop\nplugins:\n  - archdoc:\n"
        "      rules:\n        container-not-deployed: off\n",
        encoding="utf-8",
    )
    assert queries.validate(live.current()).diagnostics == []


def test_what_the_model_writes_to_stdout_goes_to_stderr(
    live: LiveProject, capfd: pytest.CaptureFixture[str]
) -> None:
    live.current()
    out, err = capfd.readouterr()
    assert out == ""
    assert "printed by the model" in err
    assert "written to file descriptor 1 by the model" in err
    print("stdout is back")
    assert capfd.readouterr().out == "stdout is back\n"


def test_a_missing_configuration_is_an_error_at_once(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        LiveProject(tmp_path / "mkdocs.yml")
