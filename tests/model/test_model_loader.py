"""Loading the user's model package: where it is looked for, reloading, and what goes wrong."""

from __future__ import annotations

import gc
import sys
import weakref
from pathlib import Path

import pytest

from archdoc import ModelLoadError
from archdoc import loader
from archdoc.loader import load_workspace
from archdoc.project import load_project
from archdoc_testing import ProjectFactory, make_config

WS = "from archdoc import Workspace\nws = Workspace({name!r})\n"


def test_loads_the_one_workspace_and_records_the_root(project: ProjectFactory) -> None:
    root = project(WS.format(name="Mine") + "ws.system('S', 'd')\n")
    ws = load_workspace(make_config(root))
    assert (ws.name, list(ws.elements), ws.root) == ("Mine", ["s"], root)
    assert ws.elements["s"].location is not None
    assert Path(ws.elements["s"].location.file) == root / "model" / "__init__.py"
    assert ws.elements["s"].location.line == 3


def test_a_model_package_elsewhere_on_sys_path_is_not_taken(
    project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = project(WS.format(name="Someone else's"), name="elsewhere")
    monkeypatch.syspath_prepend(str(elsewhere))
    empty = project({"README.md": "no model here"}, name="mine")
    with pytest.raises(ModelLoadError) as info:
        load_workspace(make_config(empty))
    assert f"model package 'model' not found in {empty}" in info.value.message
    assert f"a different 'model' is importable from {elsewhere}" in info.value.message


def test_the_project_wins_over_a_package_earlier_on_sys_path(
    project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = project(WS.format(name="Mine"), name="mine")
    other = project(WS.format(name="Other"), name="other")
    monkeypatch.syspath_prepend(str(mine))
    monkeypatch.syspath_prepend(str(other))  # other is first; mine is on the path too
    assert load_workspace(make_config(mine)).name == "Mine"
    assert sys.path[:2] == [str(other), str(mine)], "sys.path is left as it was"


def test_each_load_imports_afresh(project: ProjectFactory) -> None:
    root = project(WS.format(name="Before"))
    assert load_workspace(make_config(root)).name == "Before"
    (root / "model" / "__init__.py").write_text(
        WS.format(name="After") + "# edited\n", encoding="utf-8"
    )
    assert load_workspace(make_config(root)).name == "After"
    assert "model" in sys.modules  # the last import stays, for the plugin's page builders


def test_submodules_and_a_dotted_package(project: ProjectFactory) -> None:
    root = project({
        "arch/__init__.py": "",
        "arch/model/__init__.py": WS.format(name="Dotted") + "from arch.model import parts\n",
        "arch/model/parts.py": "from arch.model import ws\nws.system('Part', 'd')\n",
    })
    ws = load_workspace(make_config(root, model="arch.model"))
    location = ws.elements["part"].location
    assert location is not None and Path(location.file).name == "parts.py" and location.line == 2


def test_a_model_error_keeps_the_users_call_site(project: ProjectFactory) -> None:
    root = project(WS.format(name="W") + "ws.system('S').uses('x', interaction='sometimes')\n")
    with pytest.raises(ModelLoadError) as info:
        load_workspace(make_config(root))
    assert info.value.location is not None
    assert (Path(info.value.location.file).name, info.value.location.line) == ("__init__.py", 3)
    assert "interaction='sometimes'" in info.value.message


def test_an_archdoc_error_raised_by_the_user_gets_the_users_frame(project: ProjectFactory) -> None:
    root = project(
        WS.format(name="W") + "from archdoc import ModelError\nraise ModelError('my own check')\n"
    )
    with pytest.raises(ModelLoadError) as info:
        load_workspace(make_config(root))
    assert info.value.message == "my own check"
    assert info.value.location is not None and info.value.location.line == 4


def test_load_project_reads_config_and_model(
    project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(WS.format(name="P"), mkdocs="site_name: x\nplugins:\n  - archdoc\n")
    monkeypatch.chdir(root)
    loaded = load_project()
    assert loaded.workspace.name == "P"
    assert loaded.config.root == root.resolve()
    assert loaded.config.config_line == 3


def test_loading_leaves_the_collector_as_it_was_and_a_reload_frees_the_old_model(
    project: ProjectFactory, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The import runs with the cyclic collector paused; the first one of a process freezes
    its objects (gc.freeze), a later one hands them back, so that a reload (mkdocs serve) frees
    the old model once it is let go."""
    root = project(WS.format(name="W") + "s = ws.system('S', 'd')\ns.container('C', 'd')\n")
    gc.unfreeze()
    monkeypatch.setattr(loader, "_frozen", False)
    assert gc.isenabled()
    holder = [load_workspace(make_config(root))]
    first = weakref.ref(holder[0])
    assert gc.isenabled() and gc.get_freeze_count() > 0
    holder[0] = load_workspace(make_config(root))  # the old model is held during the reload
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    gc.collect()
    assert first() is None
    assert holder[0].name == "W"
    gc.disable()
    try:
        load_workspace(make_config(root))
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
