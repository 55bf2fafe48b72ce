"""The ``archdoc`` command: a thin shell over the core."""

from __future__ import annotations

import errno
import os
import sys

import typer

from archdoc.cli import (
    adr_commands,
    diff_commands,
    drift_command,
    generate_command,
    import_commands,
    mcp_command,
    model_commands,
    project_commands,
    view_commands,
)
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
import_commands.register(app)
drift_command.register(app)
generate_command.register(app)
mcp_command.register(app)
diff_commands.register(app)


def main() -> None:
    """Entry point of the console script: archdoc errors are messages, never tracebacks."""
    from archdoc.errors import ArchdocError

    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at interpreter exit
    except ArchdocError as exc:
        fail(exc, code=2)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:
        if not _is_stdout_error(exc):
            raise
        _discard_stdout()
        if exc.errno == errno.EPIPE:  # the reader stopped reading (`archdoc export | head`)
            sys.exit(141)
        fail(ArchdocError(f"cannot write the output: {exc.strerror or exc}",
                          hint="check the disk or file the output goes to"), code=2)


def _is_stdout_error(exc: OSError) -> bool:
    """A failed write to stdout: no file name (a file archdoc opens is named in the error)."""
    return exc.filename is None and exc.errno in (errno.EPIPE, errno.ENOSPC, errno.EIO,
                                                  errno.EDQUOT, errno.EFBIG, errno.EBADF)


def _discard_stdout() -> None:
    """Point stdout at the null device, so Python's own flush at exit does not fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass
