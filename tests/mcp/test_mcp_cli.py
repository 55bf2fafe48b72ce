"""``archdoc mcp`` as a command: its help, a bad configuration, and the SDK missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

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


def test_without_the_sdk_it_says_how_to_install_it(tmp_path: Path) -> None:
    # ``None`` in sys.modules makes ``import mcp`` fail as if the package were not installed.
    script = "import sys; sys.modules['mcp'] = None; sys.argv = ['archdoc', 'mcp']; " \
             "from archdoc.cli import main; main()"
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert "needs the MCP SDK" in proc.stderr
    assert "hint: pip install 'archdoc[mcp]'" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
