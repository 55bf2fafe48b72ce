"""``archdoc diff``: a thin shell over archdoc.diff."""


import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from archdoc.cli.options import ConfigOption
from archdoc.cli.output import fail
from archdoc.errors import ArchdocError
from archdoc.validation.diagnostics import at_or_above

__all__ = ["register"]


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


def diff(
    base: Annotated[
        Optional[str],  # noqa: UP007
        typer.Argument(
            help="The revision to compare with (default: the merge base with the default branch).",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        Optional[str],  # noqa: UP007
        typer.Option(
            "--head",
            help="The revision to compare (default: the working tree).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        DiffFormat,
        typer.Option("--format", help="text, markdown (a pull-request comment) or json."),
    ] = DiffFormat.text,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 when the change brings new findings of this severity or above.",
        ),
    ] = FailOn.error,
    config: ConfigOption = None,
) -> None:
    """What a change does to the architecture: elements, relationships, events, flows, views,
    deployment, decisions and findings, with the impact. Exit code 0: no new findings at or
    above --fail-on; 1: some; 2: a side could not be loaded."""
    from archdoc.config import load_config
    from archdoc.diff.review import review

    try:
        result = review(load_config(config), base=base, head=head)
    except ArchdocError as exc:
        fail(exc, code=2)
    if format is DiffFormat.json:
        sys.stdout.write(result.document.to_json())
    elif format is DiffFormat.markdown:
        from archdoc.diff.markdown import diff_markdown

        sys.stdout.write(diff_markdown(result))
    else:
        from archdoc.diff.text import diff_text

        sys.stdout.write(diff_text(result))
    raise typer.Exit(1 if result.new_findings(at_or_above(fail_on.value)) else 0)


def register(app: typer.Typer) -> None:
    """Add ``diff`` to ``app``."""
    app.command()(diff)
