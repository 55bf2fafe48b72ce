"""``archdoc init``."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the project commands to ``app``."""
