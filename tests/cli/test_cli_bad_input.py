"""Bad input from users, each case through the real ``archdoc`` command and through ``mkdocs
build``.

Every case is a small project on disk, run in-process through ``archdoc.cli.main`` (the console
script's entry point); a representative subset also runs as the installed console script in a
subprocess. Each must print a message naming the user's ``file:line``, exit with the
documented code (0 clean, 1 errors found, 2 could not load) and show no traceback.

Every case that a site build can meet (the project's files, not the command's arguments) is also
built with ``mkdocs build --strict`` in a subprocess: the same message at the same ``file:line``,
no traceback, and exit code 0 for a clean project, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import faults
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


ADR_ACCEPTED = """\
---
status: accepted
date: 2024-01-15
---

# {title}

## Context and Problem Statement

Why.
"""
ADR_BROKEN = """\
---
status: accepted
date: 2024-02-01
decision-makers: [Ana, Bram
---

# Use Redis

Why.
"""


WITHOUT_CONFIGURATION = {"no-config", "validate-from-the-model-directory-without-mkdocs-yml"}
"""The cases about a project that has no mkdocs.yml (every other case is given one)."""


@dataclass
class Case:
    id: str
    files: dict[str, str | bytes]
    code: int
    messages: list[str]
    where: tuple[str, str] | None = None
    """(file, marker): the output names ``file:line`` of the line holding the marker."""
    args: list[str] = field(default_factory=lambda: ["validate"])
    absent: list[str] = field(default_factory=list)
    build: bool | None = None
    """Also build the project with MkDocs (default: for ``validate`` cases without options)."""
    build_messages: list[str] | None = None
    """What the build prints (default: ``messages`` without their leading ``error: `` and
    without the command's summary line)."""
    deny: tuple[str, str] | None = None
    """(path, "read" or "write"): that part of the project refuses access (tests/faults.py)."""
    cwd: str = ""
    """The directory below the project root the command runs in."""
    pre: list[list[str]] = field(default_factory=list)
    """Commands run first (each must succeed)."""
    stdout_json: bool = False
    """stdout must be one JSON document (nothing the model prints may reach it)."""
    build_where: bool = True
    """Whether the build names ``where`` as ``file:line`` too (MkDocs' own YAML errors do not)."""

    @property
    def builds(self) -> bool:
        return (
            self.build if self.build is not None else (self.args == ["validate"] and not self.cwd)
        )

    def write(self, root: Path, *, site: bool = False) -> Path:
        """The case's files; with ``site``, also what ``mkdocs build`` needs (mkdocs.yml, docs/)."""
        root.mkdir(parents=True)
        files = dict(self.files)
        if site or self.id not in WITHOUT_CONFIGURATION:
            files.setdefault("mkdocs.yml", PLUGIN_YML)
        if site:
            files.setdefault("docs/index.md", "# Home\n")
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    def location(self) -> str | None:
        if self.where is None:
            return None
        file, marker = self.where
        text = self.files[file]
        lines = (text.decode("utf-8", "replace") if isinstance(text, bytes)
                 else textwrap.dedent(text)).splitlines()
        line = next(n for n, text in enumerate(lines, 1) if marker in text)
        return f"{file}:{line}"


def model(body: str = "", head: str = CLEAN_HEAD) -> dict[str, str]:
    return {"model/__init__.py": head + textwrap.dedent(body)}


CASES = [
    Case("clean", model(), 0, ["archdoc: no problems found"]),
    Case(
        "model-package-missing",
        {"mkdocs.yml": PLUGIN_YML},
        2,
        ["error: model package 'model' not found", "hint: create model/__init__.py"],
        where=("mkdocs.yml", "<- plugin"),
    ),
    Case(
        "no-config",
        model() | {"README.md": "nothing here\n"},
        2,
        [
            "error: no mkdocs.yml or properdocs.yml in the working directory or a directory "
            "above it",
            "hint: run the command in the project root",
        ],
        build=False,  # a build has a mkdocs.yml by definition
    ),
    Case(
        "configured-model-package-missing",
        {
            "mkdocs.yml": "site_name: x\nplugins:\n  - archdoc:\n"
            "      model: arch.model  # <- option\n"
        },
        2,
        ["error: model package 'arch.model' not found", "create arch/model/__init__.py"],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "model-raises-at-import",
        {
            "model/__init__.py": "from archdoc import Workspace\nws = Workspace('W')\n"
            "from model import services  # <- import\n",
            "model/services.py": "ports = {'web': 80}\n\napi_port = ports['api']  # <- raises\n",
        },
        2,
        [
            "error: the model raised KeyError: 'api'",
            "model/__init__.py:3: from model import services",
            "model/services.py:3: api_port = ports['api']",
            "hint: fix the model code",
        ],
        where=("model/services.py", "<- raises"),
    ),
    Case(
        "model-raises-in-a-helper",
        {
            "model/__init__.py": CLEAN_HEAD
            + "def helper():\n    return 1 / 0  # <- raises\n\nhelper()\n"
        },
        2,
        ["error: the model raised ZeroDivisionError: division by zero"],
        where=("model/__init__.py", "<- raises"),
    ),
    Case(
        "model-imports-a-missing-library",
        model("import not_installed_lib  # <- import\n"),
        2,
        ["error: the model raised ModuleNotFoundError: No module named 'not_installed_lib'"],
        where=("model/__init__.py", "<- import"),
        absent=["model package 'model' not found"],
    ),
    Case(
        "model-syntax-error",
        model("web.uses(api, 'twice'  # <- unclosed\nx = 1\n"),
        2,
        ["error: syntax error in the model"],
        where=("model/__init__.py", "<- unclosed"),
    ),
    Case(
        "no-workspace",
        {"model/__init__.py": "from archdoc import Workspace\n\nNAME = 'shop'\n"},
        2,
        ["error: the model package 'model' builds no Workspace", "hint: create one in the package"],
        where=("model/__init__.py", "from archdoc import"),
    ),
    Case(
        "two-workspaces",
        {
            "model/__init__.py": "from archdoc import Workspace\n\n"
            "ws = Workspace('Shop')  # <- first\n"
            "other = Workspace('Other')  # <- second\n"
        },
        2,
        [
            "error: the model package 'model' builds 2 Workspaces (model/__init__.py:3, "
            "model/__init__.py:4); archdoc documents exactly one"
        ],
        where=("model/__init__.py", "<- second"),
    ),
    Case(
        "duplicate-names-under-one-parent",
        model("shop.container('Web', 'Again')  # <- duplicate\n"),
        1,
        [
            "error[duplicate-id] duplicate id 'shop.web' (first declared at model/__init__.py:6); "
            "this one is kept as 'shop.web~2'"
        ],
        where=("model/__init__.py", "<- duplicate"),
    ),
    Case(
        "element-of-another-workspace",
        {"model/__init__.py": CLEAN_HEAD, "model/extra.py": ""}
        | model("from model.other import stranger\nweb.uses(stranger)  # <- foreign\n")
        | {
            "model/other.py": "from archdoc import Workspace\n"
            "stranger = Workspace('Other').system('Stripe')\n"
        },
        2,
        [
            "error: shop.web.uses(): destination 'stripe' belongs to another workspace ('Other'), "
            "not 'Shop'",
            "hint: declare every element of one architecture in a single Workspace",
        ],
        where=("model/__init__.py", "<- foreign"),
    ),
    Case(
        "not-an-element-passed-to-uses",
        model("web.uses(42, 'Calls')  # <- bad\n"),
        2,
        ["error: shop.web.uses(): destination must be an element or an element id, not int (42)"],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "class-passed-to-uses",
        model("web.uses(Workspace)  # <- bad\n"),
        2,
        ["error: shop.web.uses(): destination must be an element or an element id, not type"],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "unknown-criticality",
        model("web.uses(api, 'Pays', criticality='urgent')  # <- bad\n"),
        2,
        [
            "error: shop.web.uses(): criticality='urgent' is not one of 'critical', 'high', "
            "'medium', 'low'",
            "hint: use one of",
        ],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "unknown-interaction",
        model("web.uses(api, 'Pays',\n         interaction='rpc')  # <- bad\n"),
        2,
        ["error: shop.web.uses(): interaction='rpc' is not one of 'sync', 'async'"],
        where=("model/__init__.py", "web.uses(api, 'Pays',"),
    ),
    Case(
        "flow-step-to-element-not-in-model",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, web, "Click")
                f.step(web, "shop.apl", "POST")  # <- dangling
        """),
        1,
        [
            "error[dangling-reference] flow 'Checkout': participant 'shop.apl' is not in the model",
            "hint: did you mean 'shop.api'",
        ],
        where=("model/__init__.py", "<- dangling"),
    ),
    Case(
        "flow-step-not-backed-by-a-relationship",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, api, "Direct call")  # <- unbacked
        """),
        1,
        [
            "error[unbacked-flow-step] flow 'Checkout': step user -> shop.api is backed by no "
            "relationship",
            "hint: declare it: user.uses(api, ...)",
            "archdoc: 1 error, 0 warnings",
        ],
        where=("model/__init__.py", "<- unbacked"),
    ),
    Case(
        "flow-reply-not-backed-by-a-relationship",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, web, "Click")
                f.reply(api, user, "Order confirmed")  # <- unbacked
        """),
        1,
        [
            "error[unbacked-flow-step] flow 'Checkout': reply shop.api -> user is backed by no "
            "relationship",
            "hint: declare the request it answers: user.uses(api, ...)",
        ],
        where=("model/__init__.py", "<- unbacked"),
        absent=["api.uses(user"],
    ),
    Case(
        "flow-step-to-a-person-not-backed",
        model("""
            with ws.flow("Checkout") as f:
                f.step(api, user, "Emails the receipt")  # <- unbacked
        """),
        1,
        [
            "error[unbacked-flow-step] flow 'Checkout': step shop.api -> user is backed by no "
            "relationship",
            "hint: declare the request it answers: user.uses(api, ...), and make this "
            "step a reply: f.reply(api, user, ...)",
        ],
        where=("model/__init__.py", "<- unbacked"),
        absent=["api.uses(user"],
    ),
    Case(
        "flow-reply-along-the-request-is-backed",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, web, "Click")
                f.step(web, api, "POST /orders")
                f.reply(api, web, "201 Created")
                f.reply(web, user, "Confirmation page")
        """),
        0,
        ["archdoc: no problems found"],
    ),
    Case(
        "flow-step-not-backed-made-a-warning",
        model("""
            with ws.flow("Checkout") as f:
                f.step(user, api, "Direct call")  # <- unbacked
        """)
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n      rules:\n"
            "        unbacked-flow-step: warning\n"
        },
        0,
        ["warning[unbacked-flow-step]", "archdoc: 0 errors, 1 warning"],
        where=("model/__init__.py", "<- unbacked"),
    ),
    Case(
        "sync-cycle",
        model("""
            stock = shop.container("Stock", "Stock levels")
            api.uses(stock, "Reserves")  # <- closes
            stock.uses(web, "Renders")
        """),
        1,
        [
            "error[sync-cycle] synchronous dependency cycle: shop.web -> shop.api -> shop.stock -> "
            "shop.web"
        ],
        where=("model/__init__.py", "web.uses(api"),
    ),
    Case(
        "async-loop-is-not-a-cycle",
        model("""
            api.uses(web, "Notifies", interaction="async")
        """),
        0,
        ["archdoc: no problems found"],
    ),
    Case(
        "malformed-mkdocs-yml",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n"
            "      model: [model  # <- here\n"
            "nav:\n"
        },
        2,
        ["error: mkdocs.yml is not valid YAML", "hint: check the indentation"],
        where=("mkdocs.yml", "<- here"),
        build_where=False,
        build_messages=[
            "MkDocs encountered an error parsing the configuration file",
            'mkdocs.yml", line 4',
        ],
    ),
    Case(
        "mkdocs-yml-unknown-option",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n"
            "      modle: model  # <- option\n"
        },
        2,
        ["error: unknown archdoc option 'modle'", "hint: did you mean 'model'?"],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "mkdocs-yml-bad-severity",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n"
            "      rules:\n        sync-cycle: fatal  # <- option\n"
        },
        2,
        ["error: archdoc option rules.sync-cycle:"],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "mkdocs-yml-diagram-direction",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n      diagrams:\n"
            "        direction: XY  # <- option\n"
        },
        2,
        [
            "error: archdoc option diagrams.direction: Input should be 'TB', 'LR', 'BT' or 'RL' "
            "(not 'XY')"
        ],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "mkdocs-yml-max-view-elements-not-a-number",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n"
            "      diagrams: {max_view_elements: lots}  # <- option\n"
        },
        2,
        [
            "error: archdoc option diagrams.max_view_elements: Input should be a valid integer "
            "(not 'lots')"
        ],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "mkdocs-yml-unknown-diagram-option",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n      diagrams:\n"
            "        directon: LR  # <- option\n"
        },
        2,
        ["error: unknown archdoc option 'diagrams.directon'", "hint: did you mean 'direction'?"],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "mkdocs-yml-unknown-page-group",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n      pages:\n"
            "        - home\n        - decision  # <- option\n"
        },
        2,
        [
            "error: archdoc option pages.1: Input should be 'home', 'elements', 'views', "
            "'dependencies', 'events', 'data', 'flows', 'technologies', 'deployment', "
            "'decisions', 'observed' or 'changes' (not 'decision')"
        ],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "mkdocs-yml-unknown-rule-id",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n      rules:\n"
            "        sync-cylce: 'off'  # <- option\n"
        },
        2,
        ["error: unknown rule 'sync-cylce' under `rules:`", "hint: did you mean 'sync-cycle'?"],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "mkdocs-yml-not-utf8",
        model() | {"mkdocs.yml": b"site_name: Caf\xe9\nplugins:\n  - archdoc\n"},
        2,
        ["error: mkdocs.yml is not UTF-8 text (byte 0xe9)", "hint: re-save the file as UTF-8"],
        where=("mkdocs.yml", "site_name"),
        build_where=False,
        build_messages=["MkDocs encountered an error parsing the configuration file"],
    ),
    Case(
        "mkdocs-yml-unreadable",
        model() | {"mkdocs.yml": PLUGIN_YML},
        2,
        ["error: cannot read mkdocs.yml: Permission denied"],
        where=("mkdocs.yml", "site_name"),
        deny=("mkdocs.yml", "read"),
        build=False,  # MkDocs reads it before archdoc runs
    ),
    Case(
        "config-file-does-not-exist",
        model(),
        2,
        ["error: configuration file nowhere.yml does not exist"],
        args=["validate", "-f", "nowhere.yml"],
    ),
    Case(
        "show-unknown-id",
        model(),
        2,
        [
            "error: no element, deployment node or environment with id 'shop.apl'",
            "did you mean 'shop.api'",
        ],
        args=["show", "shop.apl"],
    ),
    Case(
        "impact-unknown-id",
        model(),
        2,
        ["error: no element with id 'webb'"],
        args=["impact", "webb"],
    ),
    Case(
        "model-calls-sys-exit",
        model("import sys\nif True:\n    sys.exit(0)  # <- exits\n"),
        2,
        ["error: the model called sys.exit(0) while archdoc imported it", "hint: remove the call"],
        where=("model/__init__.py", "<- exits"),
    ),
    Case(
        "model-raises-system-exit",
        model("raise SystemExit(3)  # <- exits\n"),
        2,
        ["error: the model raised SystemExit(3) while archdoc imported it"],
        where=("model/__init__.py", "<- exits"),
    ),
    Case(
        "model-raises-keyboard-interrupt",
        model("raise KeyboardInterrupt  # <- raises\n"),
        2,
        ["error: the model raised KeyboardInterrupt"],
        where=("model/__init__.py", "<- raises"),
    ),
    Case(
        "model-exception-whose-str-raises",
        model(
            "class Odd(Exception):\n    def __str__(self):\n        raise RuntimeError('no')\n\n"
            "raise Odd()  # <- raises\n"
        ),
        2,
        [
            "error: the model raised Odd: <the message cannot be shown: its __str__ raised "
            "RuntimeError>"
        ],
        where=("model/__init__.py", "<- raises"),
    ),
    Case(
        "model-prints-during-export",
        model("print('loading the shop model')\n"),
        0,
        ["loading the shop model"],
        args=["export"],
        stdout_json=True,
    ),
    Case(
        "model-prints-during-validate-json",
        model("print('loading the shop model')\n"),
        0,
        ["loading the shop model"],
        args=["validate", "--format", "json"],
        stdout_json=True,
    ),
    Case(
        "model-directory-without-init",
        {"model/services.py": CLEAN_HEAD, "mkdocs.yml": PLUGIN_YML},
        2,
        [
            "error: the model directory model/ has no __init__.py: Python imports it as an empty "
            "namespace package and runs none of its files",
            "hint: create model/__init__.py",
        ],
        absent=["builds no Workspace"],
        where=("mkdocs.yml", "<- plugin"),
    ),
    Case(
        "empty-id",
        model("ws.system('Payments', 'Pays', id='')  # <- bad\n"),
        2,
        ["error: system(): id='' is empty"],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "id-with-a-slash",
        model("shop.container('Pay', 'Pays', id='pay/v2')  # <- bad\n"),
        2,
        ["error: container(): id='pay/v2' holds a space, a slash"],
        where=("model/__init__.py", "<- bad"),
    ),
    Case(
        "ten-thousand-character-name",
        model("shop.container('n' * 10000, 'Huge')  # <- bad\n"),
        2,
        [
            "error: container(): the id 'shop.nnnn",
            "is 10005 characters long (10005 bytes in UTF-8); "
            "an id names a page file, at most 200 bytes",
        ],
        where=("model/__init__.py", "<- bad"),
    ),
    # -- hand-written pages ---------------------------------------------------------------------
    Case(
        "unknown-block-in-a-page",
        model()
        | {
            "mkdocs.yml": PLUGIN_YML,
            "docs/index.md": "---\ntitle: Home\n---\n# Home\n\n"
            "```archdoc\ncontainers:shop\ncontainers:shpo\n```\n",
        },
        1,
        [
            "error[unknown-block] the model has no view 'containers:shpo'",
            "hint: did you mean 'containers:shop'",
        ],
        where=("docs/index.md", "containers:shpo"),
        build_messages=[
            "the model has no view 'containers:shpo'",
            "did you mean 'containers:shop'",
        ],
    ),
    Case(
        "unknown-block-name-in-a-page",
        model()
        | {
            "mkdocs.yml": PLUGIN_YML,
            "docs/guide/deps.md": "# Deps\n\n```archdoc\n# a comment\ndependencys\n```\n",
            "docs/index.md": "# Home\n",
        },
        1,
        ["error[unknown-block] unknown archdoc block 'dependencys'", "did you mean 'dependencies'"],
        where=("docs/guide/deps.md", "dependencys"),
        build_messages=["unknown archdoc block 'dependencys'", "did you mean 'dependencies'"],
    ),
    Case(
        "blocks-in-a-page-that-exist",
        model()
        | {
            "mkdocs.yml": PLUGIN_YML,
            "docs/index.md": "# Home\n\n```archdoc\ncontainers:shop\n"
            "impact:shop.api\n```\n\n````markdown\n```archdoc\nan-example-not-a-block\n```\n````\n",
        },
        0,
        ["archdoc: no problems found"],
    ),
    # -- the decision log ---------------------------------------------------------------------
    Case(
        "adr-dir-is-a-file",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n"
            "      adr_dir: notes.md  # <- option\n",
            "notes.md": "# Notes\n",
        },
        2,
        [
            "error: adr_dir names notes.md, which is a file, not a directory",
            "hint: point it at the directory of the decision records",
        ],
        where=("mkdocs.yml", "<- option"),
    ),
    Case(
        "new-adr-in-an-adr-dir-that-is-a-file",
        model()
        | {
            "mkdocs.yml": "site_name: Shop\nplugins:\n  - archdoc:\n"
            "      adr_dir: notes.md  # <- option\n",
            "notes.md": "# Notes\n",
        },
        2,
        ["error: adr_dir names notes.md, which is a file, not a directory"],
        where=("mkdocs.yml", "<- option"),
        args=["new-adr", "Use Kafka"],
    ),
    Case(
        "adr-dir-marker-names-a-file",
        model() | {".adr-dir": "decisions.md\n", "decisions.md": "x\n"},
        2,
        ["error: .adr-dir names decisions.md, which is a file, not a directory"],
        where=(".adr-dir", "decisions.md"),
    ),
    Case(
        "adr-dir-unreadable",
        model() | {"adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka")},
        2,
        [
            "error: cannot read the ADR directory adr: Permission denied",
            "hint: check the directory's permissions",
        ],
        deny=("adr", "read"),
    ),
    Case(
        "new-adr-in-an-unwritable-adr-dir",
        model() | {"adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka")},
        2,
        [
            "error: cannot write in the ADR directory adr: Permission denied",
            "hint: check the directory's permissions and free space",
        ],
        deny=("adr", "write"),
        args=["new-adr", "Use Redis"],
    ),
    Case(
        "adr-file-unreadable-keeps-its-neighbours",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka"),
            "adr/0002-use-redis.md": ADR_ACCEPTED.format(title="Use Redis"),
            "adr/0003-cache.md": ADR_ACCEPTED.format(title="Cache").replace(
                "date:", "relates: [2]\ndate:"
            ),
        },
        0,
        ["warning[adr-parse-error] cannot read ADR file: Permission denied"],
        where=("adr/0002-use-redis.md", "---"),
        deny=("adr/0002-use-redis.md", "read"),
        absent=["adr-dangling-link", "adr-numbering-gap"],
    ),
    Case(
        "adr-broken-front-matter-keeps-its-neighbours",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka"),
            "adr/0002-use-redis.md": ADR_BROKEN,
            "adr/0003-cache.md": ADR_ACCEPTED.format(title="Cache").replace(
                "date:", "relates: [2]\ndate:"
            ),
        },
        0,
        ["warning[adr-parse-error] front matter is not valid YAML"],
        where=("adr/0002-use-redis.md", "decision-makers"),
        absent=["adr-dangling-link", "adr-numbering-gap", "adr-missing-date"],
    ),
    Case(
        "adr-status-of-a-broken-record",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka"),
            "adr/0002-use-redis.md": ADR_BROKEN,
        },
        2,
        [
            "error: ADR-0002 cannot be changed: front matter is not valid YAML",
            "archdoc changes only records it could read completely",
            "hint: fix the file at that line first",
        ],
        where=("adr/0002-use-redis.md", "decision-makers"),
        args=["adr", "status", "2", "accepted"],
        absent=["no ADR number 2"],
    ),
    Case(
        "adr-supersede-cycle-on-disk",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka").replace(
                "status: accepted", "status: superseded by ADR-0002\nsupersedes: [2]  # <- link"
            ),
            "adr/0002-use-redis.md": ADR_ACCEPTED.format(title="Use Redis").replace(
                "status: accepted", "status: superseded by ADR-0001\nsupersedes: [1]"
            ),
        },
        1,
        [
            "error[adr-supersede-cycle] supersede cycle: ADR-0001 -> ADR-0002 -> ADR-0001",
            "hint: remove the supersede link that closes the circle",
        ],
        where=("adr/0001-use-kafka.md", "<- link"),
    ),
    Case(
        "adr-link-closing-a-supersede-cycle",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka"),
            "adr/0002-use-redis.md": ADR_ACCEPTED.format(title="Use Redis"),
            "adr/0003-cache.md": ADR_ACCEPTED.format(title="Cache"),
        },
        2,
        ["error: ADR-0002 cannot supersede ADR-0001: ADR-0001 already supersedes it"],
        args=["adr", "link", "2", "1", "--type", "supersedes"],
        pre=[
            ["adr", "link", "1", "3", "--type", "supersedes"],
            ["adr", "link", "3", "2", "--type", "supersedes"],
        ],
    ),
    Case(
        "adr-half-done-supersede",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka"),
            "adr/0002-use-redis.md": ADR_ACCEPTED.format(title="Use Redis").replace(
                "date:", "supersedes: [1]  # <- link\ndate:"
            ),
        },
        1,
        [
            "error[adr-incomplete-supersede] ADR-0002 (accepted) supersedes ADR-0001, but ADR-0001 "
            "is not marked superseded: its status is 'accepted' and it does not name ADR-0002 "
            "as its successor",
            "hint: run `archdoc adr link 2 1 --type supersedes`",
        ],
        where=("adr/0002-use-redis.md", "<- link"),
    ),
    Case(
        "adr-stray-temp-file",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka"),
            "adr/.0002-use-redis.md.archdoc-k2j4h1.tmp": "---\nstatus: acc",
        },
        0,
        [
            "warning[adr-stray-temp-file] .0002-use-redis.md.archdoc-k2j4h1.tmp is a temporary "
            "file left by an interrupted archdoc command"
        ],
    ),
    Case(
        "new-adr-affects-a-deployment-node",
        model(
            "prod = ws.environment('Production')\n"
            "prod.node('Kubernetes', id='kubernetes').deploy(api)\n"
        ),
        2,
        [
            "error: --affects 'kubernetes' is a deployment node of the environment 'production', "
            "not a model element",
            "hint: name what it runs instead: shop.api",
        ],
        args=["new-adr", "Run on EKS", "--affects", "kubernetes"],
        absent=["did you mean"],
    ),
    Case(
        "new-adr-affects-an-unknown-id",
        model(
            "prod = ws.environment('Production')\n"
            "prod.node('Kubernetes', id='kubernetes').deploy(api)\n"
        ),
        2,
        ["error: --affects 'shop.apl' is not an element of the model", "did you mean 'shop.api'"],
        args=["new-adr", "Run on EKS", "--affects", "shop.apl"],
        absent=["'kubernetes'"],
    ),
    Case(
        "new-adr-supersedes-a-proposed-record",
        model()
        | {
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka").replace(
                "status: accepted", "status: proposed"
            )
        },
        0,
        ["adr/0002-use-redis.md"],
        args=["new-adr", "Use Redis", "--supersedes", "1"],
    ),
    Case(
        "new-adr-from-a-subdirectory",
        model()
        | {
            "mkdocs.yml": PLUGIN_YML,
            "docs/index.md": "# Home\n",
            "adr/0001-use-kafka.md": ADR_ACCEPTED.format(title="Use Kafka"),
        },
        0,
        [
            "../adr/0002-use-redis.md\n",
            "archdoc: the project is .. (found ../mkdocs.yml); its decision log is used",
        ],
        args=["new-adr", "Use Redis"],
        cwd="docs",
        absent=["docs/adr"],
    ),
    Case(
        "validate-from-the-model-directory-without-mkdocs-yml",
        model(),
        2,
        [
            "error: no mkdocs.yml or properdocs.yml in the working directory or a directory "
            "above it",
            "hint: this directory is the Python package 'model' itself: run archdoc from the "
            "project root",
        ],
        cwd="model",
    ),
    Case(
        "validate-from-the-model-directory",
        model() | {"mkdocs.yml": PLUGIN_YML},
        0,
        ["archdoc: no problems found"],
        cwd="model",
    ),
    Case(
        "export-of-a-broken-model",
        model("web.uses(api, criticality=1)  # <- bad\n"),
        2,
        ["error: shop.web.uses(): criticality=1 is not one of"],
        where=("model/__init__.py", "<- bad"),
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
    if case.stdout_json:
        json.loads(result.stdout)
    if case.code == 2:
        assert result.stdout == "", "a load error goes to stderr only"
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"{location}: error: " if location else "error: "), first


BUILD_CASES = [c for c in CASES if c.builds]


_MKDOCS = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import faults; "
           "faults.install_from_env(); from mkdocs.__main__ import cli; "
           "sys.argv[0] = 'mkdocs'; cli()")
"""``mkdocs`` in a process where the case's permission faults apply (none for most cases)."""


def _mkdocs_build(root: Path, deny: tuple[str, str] | None = None) -> Result:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COLUMNS"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1", NO_MKDOCS_2_WARNING="1",
               PYTHONIOENCODING="utf-8")
    if deny:
        env["ARCHDOC_TEST_DENY"] = f"{deny[1]}:{root / deny[0]}"
    proc = subprocess.run(
        [sys.executable, "-c", _MKDOCS, str(Path(__file__).resolve().parents[1]),
         "build", "--strict", "-d", str(root / "site")],
        cwd=root, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="module")
def build_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Result]]:
    """Every case that a site can meet, built by ``mkdocs build --strict``, two at a time."""
    base = tmp_path_factory.mktemp("bad-input-build")
    roots = {c.id: c.write(base / c.id, site=True) for c in BUILD_CASES}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {c.id: pool.submit(_mkdocs_build, roots[c.id], c.deny) for c in BUILD_CASES}
        return {id: (roots[id], f.result()) for id, f in futures.items()}


def check_build(case: Case, root: Path, result: Result) -> None:
    output = result.output
    assert "Traceback" not in output, output
    assert 'File "' not in output, output
    messages = case.build_messages if case.build_messages is not None else [
        m.removeprefix("error: ") for m in case.messages if not m.startswith("archdoc: ")]
    for message in messages:
        assert message in output, f"{message!r} not in:\n{output}"
    for message in case.absent:
        assert message not in output, output
    location = case.location()
    if location is not None and case.build_where:
        assert f"{location}: " in output, f"{location} not in:\n{output}"
    assert result.code == (0 if case.code == 0 else 1), output
    if case.code != 1:  # a clean project is published; one that cannot load is not
        assert (root / "site" / "index.html").is_file() == (case.code == 0), output


@pytest.mark.parametrize("case", BUILD_CASES, ids=[c.id for c in BUILD_CASES])
def test_bad_input_through_mkdocs_build(
    case: Case, build_results: dict[str, tuple[Path, Result]]
) -> None:
    check_build(case, *build_results[case.id])


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
    monkeypatch.chdir(root / case.cwd)
    for args in case.pre:
        monkeypatch.setattr("sys.argv", ["archdoc", *args])
        with pytest.raises(SystemExit) as info:
            main()
        assert info.value.code in (0, None), capsys.readouterr()
    capsys.readouterr()
    if case.deny:
        faults.deny(root / case.deny[0], case.deny[1], monkeypatch.setattr)
    monkeypatch.setattr("sys.argv", ["archdoc", *case.args])
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as info:
        main()
    captured = capsys.readouterr()
    code = (
        info.value.code
        if isinstance(info.value.code, int)
        else (0 if info.value.code is None else 1)
    )
    check(case, Result(code, captured.out, captured.err))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["export"], ["validate", "--format", "json"], ["show", "shop.web"]]
)
def test_output_to_a_full_disk(args: list[str], tmp_path: Path) -> None:
    """`archdoc export > /dev/full`: a message and exit code 2, no traceback, nothing ignored."""
    if not ARCHDOC_EXE.exists():
        pytest.skip(f"{ARCHDOC_EXE} is not installed")
    root = Case("full", model(), 0, []).write(tmp_path / "p")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    with open("/dev/full", "w") as full:
        proc = subprocess.run([str(ARCHDOC_EXE), *args], cwd=root, env=env, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ("error: cannot write the output: No space left on device\n"
                           "  hint: check the disk or file the output goes to\n")


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    if not ARCHDOC_EXE.exists():
        pytest.skip(f"{ARCHDOC_EXE} is not installed")
    body = "".join(
        f"shop.container('S{n}', 'Service {n}').uses(api, 'Calls')\n" for n in range(400)
    )
    root = Case("pipe", model(body), 0, []).write(tmp_path / "p")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.Popen([str(ARCHDOC_EXE), "export"], cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 1, 141), stderr  # click and archdoc stop on EPIPE
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
