"""The plugin and the commands read one configuration: the same options, the same ADR directory,
errors at the option's line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from archdoc.config import USER_OPTIONS, load_config
from archdoc.plugin import ArchdocPluginConfig
from archdoc.project import load_project
from sitebuild import MODEL, build_site, write_project

ADR = """\
# 1. Keep decisions beside the code

Date: 2024-01-15

## Status

Accepted

## Context

x
"""


def test_the_plugin_declares_exactly_the_options_of_the_configuration() -> None:
    assert [name for name, _ in ArchdocPluginConfig._schema] == list(USER_OPTIONS)


@pytest.mark.parametrize(("files", "directory"), [
    ({"doc/adr/0001-keep-decisions-beside-the-code.md": ADR}, "doc/adr"),
    ({"decision-log/0001-keep-decisions-beside-the-code.md": ADR, ".adr-dir": "decision-log\n"},
     "decision-log"),
    ({"docs/decisions/0001-keep-decisions-beside-the-code.md": ADR}, "docs/decisions"),
])
def test_the_site_reads_the_adr_directory_the_commands_find(
    tmp_path: Path, files: dict[str, str], directory: str,
) -> None:
    """No `adr_dir` in mkdocs.yml: the build discovers the directory, as `archdoc validate` does."""
    root = write_project(tmp_path / "p", model=MODEL, theme="mkdocs", adrs={}, files=files)
    commands = load_project(config=load_config(root / "mkdocs.yml"))
    assert commands.adrs.directory == root / directory
    assert [r.number for r in commands.adrs] == [1]
    built = build_site(root, root / "site")
    assert built.error is None, f"{built.error!r}: {built.messages()}"
    page = root / "site/architecture/decisions/0001-keep-decisions-beside-the-code/index.html"
    assert page.is_file(), sorted(p.name for p in (root / "site/architecture").iterdir())
    assert "Keep decisions beside the code" in page.read_text(encoding="utf-8")


def test_an_option_the_user_sets_is_used_and_one_left_out_keeps_its_default(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", theme="mkdocs", options="pages: [home, data]\n")
    built = build_site(root, root / "site", strict=False)  # links to the other groups dangle
    assert built.error is None, f"{built.error!r}: {built.messages()}"
    assert (root / "site/architecture/index.html").is_file()  # prefix: the default
    assert (root / "site/architecture/data/index.html").is_file()
    assert not (root / "site/architecture/events/index.html").exists()


@pytest.mark.parametrize(
    ("options", "message", "marker"),
    [
        (
            "diagrams:\n  direction: XY  # <- here\n",
            "archdoc option diagrams.direction: Input should be 'TB', 'LR', 'BT' or 'RL' "
            "(not 'XY')",
            "<- here",
        ),
        (
            "diagrams: {max_view_elements: lots}  # <- here\n",
            "archdoc option diagrams.max_view_elements: Input should be a valid integer "
            "(not 'lots')",
            "<- here",
        ),
        ("pages: [home, flow]  # <- here\n", "archdoc option pages.1: Input should be", "<- here"),
        ("modle: model  # <- here\n", "unknown archdoc option 'modle'", "<- here"),
        (
            "rules:\n  sync-cycle: error\n  sync-cylce: 'off'  # <- here\n",
            "unknown rule 'sync-cylce' under `rules:`",
            "<- here",
        ),
    ],
)
def test_a_bad_option_stops_the_build_at_its_line(
    tmp_path: Path, options: str, message: str, marker: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = write_project(tmp_path / "p", theme="mkdocs", options=options)
    line = next(n for n, text in enumerate((root / "mkdocs.yml").read_text().splitlines(), 1)
                if marker in text)
    monkeypatch.chdir(root)
    built = build_site(root, root / "site", strict=False)
    assert built.error is not None
    errors = "\n".join(built.messages(logging.ERROR))
    assert f"archdoc: mkdocs.yml:{line}: {message}" in errors, errors
    assert not any("Unrecognised configuration name" in m for m in built.messages())
