"""Bad input from users, each case through the real ``archdoc`` command.

Every case is a small project on disk, run in-process through ``archdoc.cli.main`` (the console
script's entry point); a representative subset also runs as the installed console script in a
subprocess. Each must print a message naming the user's ``file:line``, exit with the
documented code (0 clean, 1 errors found, 2 could not load) and show no traceback.
"""

from __future__ import annotations

import os
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from archdoc.cli import main
from archdoc_testing import ARCHDOC_EXE, Result, run_archdoc

CLEAN_HEAD = """\
from archdoc import Workspace

ws = Workspace("Shop", "A shop")
user = ws.person("User", "Buys")
shop = ws.system("Shop", "Sells")
web = shop.container("Web", "Storefront")
api = shop.container("API", "Orders")
user.uses(web, "Browses")
web.uses(api, "Calls")
"""

PLUGIN_YML = """\
site_name: Shop docs
plugins:
  - search
  - archdoc  # <- plugin
"""


@dataclass
class Case:
    id: str
    files: dict[str, str]
    code: int
    messages: list[str]
    where: tuple[str, str] | None = None
    """(file, marker): the output names ``file:line`` of the line holding the marker."""
    args: list[str] = field(default_factory=lambda: ["validate"])
    absent: list[str] = field(default_factory=list)

    def write(self, root: Path) -> Path:
        root.mkdir(parents=True)
        files = self.files if self.id == "no-config" else {"mkdocs.yml": PLUGIN_YML, **self.files}
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    def location(self) -> str | None:
        if self.where is None:
            return None
        file, marker = self.where
        lines = textwrap.dedent(self.files[file]).splitlines()
        line = next(n for n, text in enumerate(lines, 1) if marker in text)
        return f"{file}:{line}"


def model(body: str = "", head: str = CLEAN_HEAD) -> dict[str, str]:
    return {"model/__init__.py": head + textwrap.dedent(body)}


CASES = [
    Case("clean", model(), 0, ["archdoc: no problems found"]),
    Case(
        "model-package-missing", {"mkdocs.yml": PLUGIN_YML}, 2,
        ["error: model package 'model' not found", "hint: create model/__init__.py"],
        where=("mkdocs.yml", "<- plugin"),
    ),
    Case(
        "no-config", model() | {"README.md": "nothing here\n"}, 2,
        ["error: no mkdocs.yml or properdocs.yml in ", "hint: run the command in the project root"],
    ),
    Case(
        "configured-model-package-missing",
        {"mkdocs.yml": "site_name: x\nplugins:\n  - archdoc:  # <- plugin\n      model: arch.model\n"}, 2,
        ["error: model package 'arch.model' not found", "create arch/model/__init__.py"],
        where=("mkdocs.yml", "<- plugin"),
    ),
    Case(
        "model-raises-at-import",
        {
            "model/__init__.py": "from archdoc import Workspace\nws = Workspace('W')\n"
                                 "from model import services  # <- import\n",
            "model/services.py": "ports = {'web': 80}\n\n"
                                 "api_port = ports['api']  # <- raises\n",
        },
        2,
        ["error: the model raised KeyError: 'api'", "model/__init__.py:3: from model import services",
         "model/services.py:3: api_port = ports['api']", "hint: fix the model code"],
        where=("model/services.py", "<- raises"),
    ),
    Case(
        "model-raises-in-a-helper",
        {"model/__init__.py": CLEAN_HEAD + "def helper():\n    return 1 / 0  # <- raises\n\nhelper()\n"},
        2, ["error: the model raised ZeroDivisionError: division by zero"],
        where=("model/__init__.py", "<- raises"),
    ),
    Case(
        "model-imports-a-missing-library",
        model("import not_installed_lib  # <- import\n"), 2,
        ["error: the model raised ModuleNotFoundError: No module named 'not_installed_lib'"],
        where=("model/__init__.py", "<- import"), absent=["model package 'model' not found"],
    ),
    Case(
        "model-syntax-error",
        model("web.uses(api, 'twice'  # <- unclosed\nx = 1\n"), 2,
        ["error: syntax error in the model"], where=("model/__init__.py", "<- unclosed"),
    ),
    Case(
        "no-workspace", {"model/__init__.py": "from archdoc import Workspace\n\nNAME = 'shop'\n"}, 2,
        ["error: the model package 'model' builds no Workspace", "hint: create one in the package"],
        where=("model/__init__.py", "from archdoc import"),
    ),
    Case(
        "two-workspaces",
        {"model/__init__.py": "from archdoc import Workspace\n\n"
                              "ws = Workspace('Shop')  # <- first\n"
                              "other = Workspace('Other')  # <- second\n"},
        2,
        ["error: the model package 'model' builds 2 Workspaces (model/__init__.py:3, "
         "model/__init__.py:4); archdoc documents exactly one"],
        where=("model/__init__.py", "<- second"),
    ),
    Case(
        "duplicate-names-under-one-parent",
        model("shop.container('Web', 'Again')  # <- duplicate\n"), 1,
        ["error[duplicate-id] duplicate id 'shop.web' (first declared at model/__init__.py:6); "
         "this one is kept as 'shop.web~2'"],
        where=("model/__init__.py", "<- duplicate"),
    ),
    Case(
        "element-of-another-workspace",
        {"model/__init__.py": CLEAN_HEAD, "model/extra.py": ""} | model(
            "from model.other import stranger\nweb.uses(stranger)  # <- foreign\n"
        ) | {"model/other.py": "from archdoc import Workspace\n"
                               "stranger = Workspace('Other').system('Stripe')\n"},
        2,
        ["error: shop.web.uses(): destination 'stripe' belongs to another workspace ('Other'), "
         "not 'Shop'", "hint: declare every element of one architecture in a single Workspace"],
        where=("model/__init__.py", "<- foreign"),
    ),
    Case(
        "not-an-element-passed-to-uses",
        model("web.uses(42, 'Calls')  # <- bad\n"), 2,
        ["error: shop.web.uses(): destination must be an element or an element id, not int (42)"],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "class-passed-to-uses",
        model("web.uses(Workspace)  # <- bad\n"), 2,
        ["error: shop.web.uses(): destination must be an element or an element id, not type"],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "unknown-criticality",
        model("web.uses(api, 'Pays', criticality='urgent')  # <- bad\n"), 2,
        ["error: shop.web.uses(): criticality='urgent' is not one of 'critical', 'high', 'medium', "
         "'low'", "hint: use one of"],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "unknown-interaction",
        model("web.uses(api, 'Pays',\n         interaction='rpc')  # <- bad\n"), 2,
        ["error: shop.web.uses(): interaction='rpc' is not one of 'sync', 'async'"],
        where=("model/__init__.py", "web.uses(api, 'Pays',"),
    ),
    Case(
        "flow-step-to-element-not-in-model",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, web, "Click")
                f.step(web, "shop.apl", "POST")  # <- dangling
        """), 1,
        ["error[dangling-reference] flow 'Checkout': participant 'shop.apl' is not in the model",
         "hint: did you mean 'shop.api'"],
        where=("model/__init__.py", "<- dangling"),
    ),
    Case(
        "flow-step-not-backed-by-a-relationship",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, api, "Direct call")  # <- unbacked
        """), 0,
        ["warning[unbacked-flow-step] flow 'Checkout': step user -> shop.api is backed by no "
         "relationship", "archdoc: 0 errors, 1 warning"],
        where=("model/__init__.py", "<- unbacked"),
    ),
    Case(
        "flow-step-not-backed-strict",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, api, "Direct call")  # <- unbacked
        """), 1, ["warning[unbacked-flow-step]"], where=("model/__init__.py", "<- unbacked"),
        args=["validate", "--strict"],
    ),
    Case(
        "sync-cycle",
        model("""
            stock = shop.container("Stock", "Stock levels")
            api.uses(stock, "Reserves")  # <- closes
            stock.uses(web, "Renders")
        """), 1,
        ["error[sync-cycle] synchronous dependency cycle: shop.web -> shop.api -> shop.stock -> "
         "shop.web"],
        where=("model/__init__.py", "web.uses(api"),
    ),
    Case(
        "async-loop-is-not-a-cycle",
        model("""
            api.uses(web, "Notifies", interaction="async")
        """), 0, ["archdoc: no problems found"],
    ),
    Case(
        "malformed-mkdocs-yml",
        model() | {"mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n      model: [model\n"
                                 "nav:  # <- here\n"},
        2, ["error: mkdocs.yml is not valid YAML", "hint: check the indentation"],
        where=("mkdocs.yml", "<- here"),
    ),
    Case(
        "mkdocs-yml-unknown-option",
        model() | {"mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:  # <- plugin\n"
                                 "      modle: model\n"},
        2, ["error: unknown archdoc option 'modle'", "hint: did you mean 'model'?"],
        where=("mkdocs.yml", "<- plugin"),
    ),
    Case(
        "mkdocs-yml-bad-severity",
        model() | {"mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:  # <- plugin\n"
                                 "      rules:\n        sync-cycle: fatal\n"},
        2, ["error: archdoc option rules.sync-cycle:"], where=("mkdocs.yml", "<- plugin"),
    ),
    Case(
        "config-file-does-not-exist", model(), 2,
        ["error: configuration file nowhere.yml does not exist"], args=["validate", "-f", "nowhere.yml"],
    ),
    Case(
        "show-unknown-id", model(), 2,
        ["error: no element with id 'shop.apl'", "did you mean 'shop.api'"], args=["show", "shop.apl"],
    ),
    Case(
        "impact-unknown-id", model(), 2,
        ["error: no element with id 'webb'"], args=["impact", "webb"],
    ),
    Case(
        "export-of-a-broken-model", model("web.uses(api, criticality=1)  # <- bad\n"), 2,
        ["error: shop.web.uses(): criticality=1 is not one of"], where=("model/__init__.py", "<- bad"),
        args=["export"],
    ),
]
IDS = [c.id for c in CASES]
# A representative subset, one per kind of failure and exit code, also runs as a subprocess of
# the installed console script (each process costs most of a second on a busy machine).
SCRIPT_CASES = [c for c in CASES if c.id in {
    "clean", "model-package-missing", "model-raises-at-import", "unknown-criticality",
    "sync-cycle", "malformed-mkdocs-yml",
}]


@pytest.fixture(scope="module")
def subprocess_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Result]]:
    """Every case run by the installed ``archdoc`` command, several at a time."""
    if not ARCHDOC_EXE.exists():
        pytest.skip(f"{ARCHDOC_EXE} is not installed")
    base = tmp_path_factory.mktemp("bad-input")
    roots = {c.id: c.write(base / c.id) for c in SCRIPT_CASES}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {c.id: pool.submit(run_archdoc, *c.args, cwd=roots[c.id]) for c in SCRIPT_CASES}
        return {id: (roots[id], f.result()) for id, f in futures.items()}


def check(case: Case, result: Result) -> None:
    output = result.output
    assert "Traceback" not in output, output
    assert 'File "' not in output, output
    for message in case.messages:
        assert message in output, f"{message!r} not in:\n{output}"
    for message in case.absent:
        assert message not in output, output
    location = case.location()
    if location is not None:
        assert f"{location}: " in output, f"{location} not in:\n{output}"
    assert result.code == case.code, output
    if case.code == 2:
        assert result.stdout == "", "a load error goes to stderr only"
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"{location}: error: " if location else "error: "), first


@pytest.mark.parametrize("case", SCRIPT_CASES, ids=[c.id for c in SCRIPT_CASES])
def test_bad_input_through_the_console_script(
    case: Case, subprocess_results: dict[str, tuple[Path, Result]]
) -> None:
    check(case, subprocess_results[case.id][1])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_bad_input_in_process(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = case.write(tmp_path / "p")
    monkeypatch.chdir(root)
    monkeypatch.setattr("sys.argv", ["archdoc", *case.args])
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as info:
        main()
    captured = capsys.readouterr()
    code = info.value.code if isinstance(info.value.code, int) else (0 if info.value.code is None else 1)
    check(case, Result(code, captured.out, captured.err))
