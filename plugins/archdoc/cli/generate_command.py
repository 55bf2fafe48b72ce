"""``archdoc generate``: the site as a plugin-free docs tree, for any MkDocs-compatible engine."""


from pathlib import Path
from typing import Annotated, Optional

import typer

from archdoc.cli.options import ConfigOption
from archdoc.cli.output import fail, print_error
from archdoc.errors import ArchdocError


def generate(
    config: ConfigOption = None,
    output: Annotated[
        Optional[Path],  # noqa: UP007 - typer reads the annotation at run time
        typer.Option("--output", "-o", help="The directory of the tree (default: build/archdoc "
                     "below the project root); replaced as a whole on each run."),
    ] = None,
    strict: Annotated[
        Optional[bool],  # noqa: UP007
        typer.Option("--strict/--no-strict", help="Write nothing when the build has warnings "
                     "(default: the configuration's `strict`)."),
    ] = None,
) -> None:
    """Write DIR/mkdocs.yml and DIR/docs: the site without the archdoc plugin, with every
    generated page and asset, for `mkdocs build`, `properdocs build` or `zensical build` -f
    DIR/mkdocs.yml. Exit code 0: written; 1: warnings in strict mode; 2: the configuration,
    the model or a page is wrong (nothing written)."""
    from archdoc.project import load_project, validate_project
    from archdoc.site.build import start_build
    from archdoc.site.tree import (
        DEFAULT_DIR,
        StrictFailure,
        UnknownBlocks,
        read_tree_source,
        write_tree,
    )

    try:
        project = load_project(config)
        assert project.config.config_file is not None  # load_config always names its file
        source = read_tree_source(Path(project.config.config_file))
        build = start_build(project, project.config, directory_urls=source.directory_urls,
                            diagnostics=validate_project(project))
    except ArchdocError as exc:
        fail(exc, code=2)
    directory = output if output is not None else project.config.root / DEFAULT_DIR
    try:
        tree = write_tree(
            build, source, directory, strict=source.strict if strict is None else strict
        )
    except UnknownBlocks as exc:
        for error in exc.errors:
            print_error(error)
        raise typer.Exit(2) from None
    except StrictFailure as exc:
        _warn(build.warnings())
        fail(exc, code=1)
    except ArchdocError as exc:
        fail(exc, code=2)
    finally:
        build.context.close()
    _warn(build.warnings())
    from archdoc.source import relative_to_cwd

    shown = relative_to_cwd(str(tree.directory))
    typer.echo(f"wrote {shown}: {tree.pages} pages of yours, {tree.generated} generated, "
               f"{tree.files} files in docs/")
    typer.echo(f"build it with: mkdocs build -f {shown}/mkdocs.yml (or properdocs, zensical)")


def _warn(warnings: list[str]) -> None:
    for text in warnings:
        typer.echo(f"warning: {text}", err=True)


def register(app: typer.Typer) -> None:
    app.command()(generate)
