"""``archdoc new-adr`` and ``archdoc adr ...`` (being written)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ADR commands to ``app``."""
