"""What archdoc is made of: two thin shells (the CLI and the MkDocs plugin) over one core,
and the files it reads and writes."""

from .context import (
    architect,
    archdoc,
    assistant,
    ci,
    engineer,
    git,
    graphviz,
    mermaid,
    mkdocs,
    npm,
    pypi,
    reader,
    web_host,
)

# -- containers ---------------------------------------------------------------------------------

cli = archdoc.container(
    "CLI",
    "The `archdoc` command: validate, show, impact, export, schema, new-adr and adr",
    technology="Python, Typer, Rich",
    tags=["shell"],
)
plugin = archdoc.container(
    "MkDocs plugin",
    "`plugins: [archdoc]`: adds the generated architecture pages to the site at build time",
    technology="Python, MkDocs plugin API",
    tags=["shell"],
)
mcp_server = archdoc.container(
    "MCP server",
    "`archdoc mcp`: serves the model and the ADR log to coding assistants over the Model Context "
    "Protocol, read-only, reloading after each edit",
    technology="Python, MCP SDK",
    tags=["shell"],
)
core = archdoc.container(
    "Core",
    "The library both shells call: model API, loading, validation, analysis, rendering, ADRs",
    technology="Python, pydantic, networkx",
    tags=["core"],
)

# The built site is a container rather than a datastore: besides its pages it holds the code that
# runs in the reader's browser (Mermaid, search, archdoc's own script).
built_site = archdoc.container(
    "Built site",
    "The static site in `site/`: hand-written pages, the generated architecture section, and the "
    "scripts that draw diagrams and search in the reader's browser",
    technology="HTML, JavaScript",
)

# -- the core's components, in the order data flows through them ----------------------------------

model_api = core.component(
    "Model API",
    "Workspace, person, system, container, uses, publishes, flow, environment...: "
    "typed builders that record the file and line of each call",
    technology="pydantic 2",
)
config = core.component(
    "Configuration",
    "Reads the `archdoc` entry under `plugins:` in mkdocs.yml; one set of options for both shells",
    technology="PyYAML, pydantic 2",
)
loader = core.component(
    "Loader",
    "Imports the model package from the project root and takes its one Workspace; "
    "reports the user's file and line when that fails",
    technology="importlib",
)
analysis = core.component(
    "Analysis",
    "Dependency graph with implied relationships: impact, sync cycles, startup layers, "
    "critical paths, dependency matrix; the verdicts every report shares (dependency status, "
    "data ownership)",
    technology="networkx",
)
validation = core.component(
    "Validation",
    "The rule registry: each rule with an id, a default severity and an explanation; "
    "text, JSON and GitHub reports",
)
adr_log = core.component(
    "ADR log",
    "Reads MADR, Nygard, Y-statement and log4brains records; writes new ones with the next "
    "free number and links them both ways, atomically",
    technology="Markdown, YAML front matter",
)
renderers = core.component(
    "Renderers",
    "C4 and sequence diagrams as Mermaid, deployment views with provider icons, dependency "
    "tables, the dependency matrix, impact and event tables",
    technology="Mermaid syntax, diagrams, Markdown",
)
site_generator = core.component(
    "Site generator",
    "Turns the workspace and the ADR log into pages: one per element, view, flow, "
    "environment and decision; a module per page group and per subject of blocks",
)
exporter = core.component(
    "JSON export",
    "The whole workspace as one JSON document in a stable order, and its JSON Schema",
    technology="pydantic 2, JSON Schema",
)

importers = core.component(
    "Importers",
    "Read a Structurizr DSL or JSON workspace or Backstage catalog files and write the model "
    "package a person would have written, noting at its line what is not carried over",
    technology="Python, PyYAML",
)

# -- datastores: the files of a documented repository -------------------------------------------

model_package = archdoc.database(
    "Model package",
    "The architecture as Python code: `model/*.py` building one Workspace",
    technology="Python files",
    owner=engineer,
)
adr_directory = archdoc.database(
    "ADR directory",
    "Architecture decision records, one Markdown file each: `adr/NNNN-slug.md`",
    technology="Markdown files",
    owner=core,
)

# -- people --------------------------------------------------------------------------------------

engineer.uses(model_package, "Describes services, dependencies, flows and deployments",
              technology="Python", access="write")
engineer.uses(cli, "Checks the model and explores an element or the impact of its failure",
              operation="archdoc validate / show / impact")
engineer.uses(mkdocs, "Previews the site while editing", operation="mkdocs serve")
engineer.uses(git, "Commits the model, the ADRs and the pages", technology="git")
architect.uses(cli, "Records, reviews and supersedes decisions",
               operation="archdoc new-adr --edit / adr list / adr status")
reader.uses(built_site, "Reads the architecture", technology="HTTPS, a browser")
engineer.uses(assistant, "Asks for a change to the code")

# -- the user's CI -------------------------------------------------------------------------------

ci.uses(git, "Checks out the pull request", technology="git")
ci.uses(pypi, "Installs archdoc and MkDocs", technology="pip")
ci.uses(npm, "Fetches Mermaid for a site that serves its own copy", technology="npm ci",
        criticality="low")
ci.uses(
    cli,
    "Blocks an inconsistent model or ADR log",
    operation="archdoc validate --format github",
    criticality="critical",
)
ci.uses(mkdocs, "Builds the site", operation="mkdocs build --strict", criticality="high")
ci.uses(web_host, "Publishes the built site", operation="upload site/")
web_host.uses(built_site, "Serves the pages", technology="HTTPS")

# -- MkDocs and the plugin -----------------------------------------------------------------------

mkdocs.uses(plugin, "Calls the plugin's event hooks during a build",
            technology="MkDocs plugin API", criticality="critical")
mkdocs.uses(built_site, "Writes the pages and copies the assets", technology="file system")
mkdocs.publishes("source.changed", "`mkdocs serve` saw a watched file change")
plugin.subscribes("source.changed",
                  "Re-imports the model and rereads the ADRs, so the rebuilt pages show the edit")

plugin.uses(config, "Validates the plugin options", operation="config_from_options")
plugin.uses(loader, "Loads the model and the ADR log", operation="load_project",
            criticality="critical")
plugin.uses(site_generator, "Generates the architecture section", criticality="critical")

# -- the CLI -------------------------------------------------------------------------------------

cli.uses(config, "Reads the options from mkdocs.yml (or -f FILE)", operation="load_config")
cli.uses(loader, "Loads the model and the ADR log", operation="load_project",
         criticality="critical")
cli.uses(validation, "Runs every enabled rule", operation="validate_project",
         criticality="critical")
cli.uses(analysis, "Finds what breaks when an element fails", operation="impact_of")
cli.uses(exporter, "Exports the workspace, its schema, or a deployment view's script",
         operation="archdoc export / schema")
cli.uses(adr_log, "Creates, lists, links and changes the status of records",
         operation="create_adr / change_status / link_adrs")
cli.uses(
    importers, "Imports another tool's model", operation="archdoc import structurizr / backstage"
)

# -- the MCP server ------------------------------------------------------------------------------

assistant.uses(mcp_server, "Finds elements, reads one, asks what a change affects, validates its "
               "edits", technology="MCP over stdio", operation="archdoc mcp")
mcp_server.uses(loader, "Loads the model and the ADR log; again when their files changed",
                operation="load_project", criticality="critical")
mcp_server.uses(analysis, "Dependencies, and what breaks when an element fails",
                operation="impact_of")
mcp_server.uses(validation, "Runs every enabled rule", operation="validate_project")
mcp_server.uses(renderers, "Lists the views and what each draws", operation="all_views")

# -- inside the core -----------------------------------------------------------------------------

# The engineer owns the model package and the loader only reads it. `foreign-datastore-access`
# reports this, once, as a warning: the rule is about services sharing a database, and here a
# person writes files that a tool reads.
loader.uses(model_package, "Imports the package; the model code runs the Model API",
            technology="importlib", access="read", criticality="critical")
loader.uses(model_api, "Takes the one Workspace the import built")
loader.uses(adr_log, "Reads the decision log")
adr_log.uses(adr_directory, "Reads every record; creates the next one under a directory lock "
             "and rewrites linked records atomically", access="readwrite")
analysis.uses(model_api, "Reads elements, relationships and events")
validation.uses(model_api, "Checks ids, references, flows, events, datastores and deployments")
validation.uses(analysis, "Synchronous cycles and transitive forbidden dependencies")
validation.uses(adr_log, "Checks numbering, statuses and links of the decisions")
renderers.uses(model_api, "Reads views, flows and environments")
renderers.uses(analysis, "Dependency pairs, matrix, impact, startup layers")
renderers.uses(graphviz, "Lays out deployment views drawn with the diagrams package; without "
               "`dot`, they are drawn with Mermaid", technology="diagrams, dot", criticality="low")
site_generator.uses(renderers, "Renders each view and table", criticality="critical")
site_generator.uses(adr_log, "ADR index and the decisions that affect each element")
site_generator.uses(mermaid, "Writes diagrams as Mermaid source; with offline_mermaid, ships "
                    "mermaid.js in the site", technology="Mermaid syntax")
built_site.uses(mermaid, "Draws the diagrams in the reader's browser", technology="JavaScript",
                criticality="medium")
importers.uses(model_package, "Writes the imported package, never over an existing file",
               technology="Python files", access="write")
exporter.uses(model_api, "Dumps the records in declaration order")
exporter.uses(renderers, "The diagrams script of a deployment view",
              operation="archdoc export --format diagrams")

# -- failure modes -------------------------------------------------------------------------------

model_package.failure_mode(
    impact="Nothing can be validated or built: `archdoc validate` exits 2, `mkdocs build` stops",
    mitigation="The error names the file and line of the model code that raised, not a traceback",
    detection="`archdoc validate` in a pre-commit hook and in CI",
    recovery="Fix the line the error names",
)
mermaid.failure_mode(
    impact="Diagrams show as their Mermaid source instead of pictures",
    mitigation="offline_mermaid serves mermaid.js from the site itself: no CDN, works air-gapped",
    fallback="The tables carry the same facts as the diagrams",
)
graphviz.failure_mode(
    impact="Deployment views lose their provider icons",
    mitigation="`make docs` installs Graphviz where it is missing",
    fallback="archdoc draws the deployment views with Mermaid and warns once",
)
ci.failure_mode(
    impact="An inconsistent model or ADR log can be merged unchecked",
    mitigation="The same `archdoc validate` runs as a pre-commit hook",
    detection="The next pipeline run, or `archdoc validate` on any machine",
)
pypi.failure_mode(
    impact="A fresh CI runner cannot install archdoc",
    mitigation="Cache pip downloads in CI, or install from an internal mirror",
)
