"""``archdoc mcp``: the model for coding assistants, over the Model Context Protocol."""

from __future__ import annotations

import typer

from archdoc.cli.options import ConfigOption
from archdoc.errors import MissingDependency


def mcp(config: ConfigOption = None) -> None:
    """Serve the model and the ADRs to a coding assistant over MCP (stdio), read-only.

    Started by the assistant, not by hand: see the MCP guide for its configuration.
    """
    try:
        from archdoc.mcp.server import serve
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] != "mcp":
            raise
        raise MissingDependency(
            "`archdoc mcp` needs the MCP SDK (the Python package `mcp`), which is not installed",
            hint="pip install 'archdoc[mcp]'",
        ) from None
    serve(config)


def register(app: typer.Typer) -> None:
    app.command()(mcp)
