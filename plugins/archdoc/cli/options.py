"""Options shared by the commands."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

__all__ = ["ConfigOption"]

ConfigOption = Annotated[
    Optional[str],  # noqa: UP007 - typer reads the annotation at run time
    typer.Option("--config", "-f", help="The mkdocs.yml (or properdocs.yml) holding the archdoc "
                 "options (default: the one in the working directory)."),
]
