"""Printing errors and tables on the terminal."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from archdoc.errors import ArchdocError

__all__ = ["fail", "print_error"]


def print_error(exc: ArchdocError) -> None:
    """``file:line: error: message`` then the hint, on stderr."""
    where = f"{exc.location}: " if exc.location else ""
    typer.echo(f"{where}error: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"  hint: {exc.hint}", err=True)


def fail(exc: ArchdocError, *, code: int) -> NoReturn:
    print_error(exc)
    sys.exit(code)
