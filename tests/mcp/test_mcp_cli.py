"""``archdoc mcp`` as a command: its help, a bad configuration, and the SDK missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from archdoc.cli import app


def test_the_command_is_listed() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0 and "mcp" in result.stdout
    help_text = CliRunner().invoke(app, ["mcp", "--help"]).stdout
    assert "--config" in help_text and "MCP" in help_text


def test_a_bad_configuration_is_an_error_before_serving(tmp_path: Path, archdoc_cmd: Any) -> None:
    result = archdoc_cmd("mcp", "--config", "missing.yml", cwd=tmp_path)
    assert result.code == 2
    assert "error: configuration file missing.yml does not exist" in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


SDK_HIDDEN = """
import importlib.metadata, sys

# `import mcp...` fails as if the package were absent (None in sys.modules), and the package
# metadata says the version given, or that there is none.
sys.modules[{module!r}] = None
real_version = importlib.metadata.version


PRETENDED = {version!r}


def version(name):
    if name != "mcp":
        return real_version(name)
    if PRETENDED is None:
        raise importlib.metadata.PackageNotFoundError(name)
    return PRETENDED


importlib.metadata.version = version
sys.argv = ["archdoc", "mcp"]
from archdoc.cli import main

main()
"""


@pytest.mark.parametrize(("module", "version", "says"), [
    ("mcp", None, "needs the MCP SDK (the Python package `mcp`), which is not installed"),
    ("mcp.server.mcpserver", "1.27.0", "needs the MCP SDK (the Python package `mcp`), "
     "mcp 1.27.0 is installed, archdoc needs 2.x"),
])
def test_without_the_sdk_it_says_how_to_install_it(
    tmp_path: Path, module: str, version: str | None, says: str
) -> None:
    script = tmp_path / "run.py"
    script.write_text(SDK_HIDDEN.format(module=module, version=version), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr
    assert f"error: `archdoc mcp` {says}\n  hint: pip install 'archdoc[mcp]'\n" == proc.stderr
    assert proc.stdout == ""
