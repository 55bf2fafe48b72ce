"""The ``archdoc`` command: a thin shell over the core."""

from __future__ import annotations

import sys

import typer

from archdoc.cli import (adr_commands, diff_commands, drift_command, generate_command,
                         mcp_command, model_commands, project_commands, view_commands)
from archdoc.cli.output import fail

__all__ = ["app", "main"]

app = typer.Typer(
    name="archdoc",
    help="Architecture docs as code: validate the model and ADRs, write decisions, explore.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
model_commands.register(app)
view_commands.register(app)
adr_commands.register(app)
project_commands.register(app)
drift_command.register(app)
generate_command.register(app)
mcp_command.register(app)
diff_commands.register(app)


def main() -> None:
    """Entry point of the console script: archdoc errors are messages, never tracebacks."""
    from archdoc.errors import ArchdocError

    try:
        app()
    except ArchdocError as exc:
        fail(exc, code=2)
    except KeyboardInterrupt:
        sys.exit(130)
