"""``archdoc mcp``: the model for coding assistants, over the Model Context Protocol."""


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
        raise _missing_sdk() from None
    serve(config)


def _missing_sdk() -> MissingDependency:
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = f"mcp {version('mcp')} is installed, archdoc needs 2.x"
    except PackageNotFoundError:
        installed = "which is not installed"
    return MissingDependency(
        f"`archdoc mcp` needs the MCP SDK (the Python package `mcp`), {installed}",
        hint="pip install 'archdoc[mcp]'",
    )


def register(app: typer.Typer) -> None:
    app.command()(mcp)
