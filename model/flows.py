"""The main scenarios, drawn as sequence diagrams."""

from .containers import (
    adr_directory,
    adr_log,
    analysis,
    built_site,
    cli,
    config,
    loader,
    model_package,
    plugin,
    renderers,
    site_generator,
    validation,
)
from .context import architect, ci, engineer, graphviz, mkdocs, ws

with ws.flow(
    "archdoc validate in CI",
    "The check on every pull request: load the model and the ADRs, run the rules, "
    "annotate the diff",
) as f:
    f.step(ci, cli, "archdoc validate --format github")
    f.step(cli, config, "load_config(mkdocs.yml)")
    f.step(cli, loader, "load_project()")
    f.step(loader, model_package, "import model")
    with f.alt("the model raises, or builds no Workspace"):
        f.reply(cli, ci, "model/x.py:12: error: ... (exit code 2)")
    with f.otherwise("the model loads"):
        f.step(loader, adr_log, "read the ADR log")
        f.step(adr_log, adr_directory, "read every NNNN-slug.md")
        f.step(cli, validation, "validate_project()")
        f.step(validation, analysis, "dependency graph: sync cycles, chains")
        f.reply(validation, cli, "diagnostics, sorted by file and line")
        with f.alt("errors found"):
            f.reply(cli, ci, "::error file=...,line=... annotations (exit code 1)")
        with f.otherwise("clean"):
            f.reply(cli, ci, "archdoc: no problems found (exit code 0)")

with ws.flow(
    "mkdocs build",
    "Building the site: MkDocs runs the plugin, which adds the generated architecture section",
) as f:
    f.step(engineer, mkdocs, "mkdocs build")
    f.step(mkdocs, plugin, "configuration hook with the archdoc options")
    f.step(plugin, config, "config_from_options()")
    f.step(plugin, loader, "load_project()")
    f.step(loader, model_package, "import model")
    f.step(loader, adr_log, "read the ADR log")
    f.step(mkdocs, plugin, "files hook")
    f.step(plugin, site_generator, "generate the architecture section")
    with f.loop("each view, table and element page"):
        f.step(site_generator, renderers, "render Mermaid and Markdown")
        f.step(renderers, analysis, "dependencies, matrix, impact")
    with f.loop("each environment"):
        f.step(renderers, graphviz, "lay out the deployment view (diagrams, dot)")
    f.reply(plugin, mkdocs, "generated pages added to the navigation")
    f.step(mkdocs, built_site, "write site/")
    f.reply(mkdocs, engineer, "open site/index.html")

with ws.flow(
    "mkdocs serve reload",
    "Editing the model with the preview open: the site follows each saved change",
) as f:
    f.step(engineer, model_package, "save model/containers.py")
    f.note(mkdocs, "mkdocs serve watches the pages, the model package and the ADR directory")
    f.step(mkdocs, plugin, "source.changed")
    f.step(plugin, loader, "load_project() afresh")
    f.step(loader, model_package, "import model (a clean import, no stale modules)")
    with f.alt("the model raises"):
        f.reply(plugin, mkdocs, "file:line: error: ... (the previous build stays up)")
    with f.otherwise("the model loads"):
        f.step(plugin, site_generator, "regenerate the architecture section")
        f.reply(plugin, mkdocs, "pages")
        f.reply(mkdocs, engineer, "the browser reloads")

with ws.flow(
    "archdoc new-adr",
    "Recording a decision that replaces an earlier one",
) as f:
    f.step(architect, cli, 'archdoc new-adr "Use PostgreSQL" --supersedes 3 --edit')
    f.step(cli, config, "load_config(): adr_dir")
    f.step(cli, adr_log, "create_adr()")
    f.step(adr_log, adr_directory, "lock the directory, read the log")
    f.note(adr_log, "the next free number; a file is never overwritten")
    f.step(adr_log, adr_directory, "create 0007-use-postgresql.md exclusively")
    with f.opt("--supersedes 3"):
        f.step(adr_log, adr_directory, "mark 0003 superseded, link both ways (atomic replace)")
    f.reply(adr_log, cli, "the new record")
    f.reply(cli, architect, "adr/0007-use-postgresql.md, opened in $EDITOR")
