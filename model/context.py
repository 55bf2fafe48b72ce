"""System context: who uses archdoc, and the systems it works with."""

from archdoc import Workspace

ws = Workspace(
    "archdoc",
    "Architecture docs as code: one Python model and an ADR log, validated in CI and "
    "published as an MkDocs site",
)

# -- people -------------------------------------------------------------------------------------

architect = ws.person(
    "Architect",
    "Architect or tech lead: records architecture decisions and keeps the model true",
)
engineer = ws.person(
    "Engineer",
    "Adds services and dependencies to the model and checks them before pushing",
)
reader = ws.person(
    "Reader",
    "Anyone who reads the architecture: engineers, reviewers, newcomers, operators",
)

# -- the system this repository builds -----------------------------------------------------------

archdoc = ws.system(
    "archdoc",
    "Validates an architecture model and its decision records and publishes both as a "
    "documentation site",
    owner="archdoc maintainers",
)

# -- systems archdoc works with ------------------------------------------------------------------

ci = ws.system(
    "CI",
    "The team's continuous integration, e.g. GitHub Actions: checks every pull request and "
    "publishes the site",
    external=True,
    properties={"example": "GitHub Actions"},
)
mkdocs = ws.system(
    "MkDocs",
    "Static site generator: builds the site from Markdown; archdoc runs inside it as a plugin",
    external=True,
    properties={"version": ">=1.6,<2", "theme": "Material for MkDocs"},
)
mermaid = ws.system(
    "Mermaid",
    "JavaScript library that draws the diagrams from text, in the reader's browser",
    external=True,
)
graphviz = ws.system(
    "Graphviz",
    "Graph layout (the `dot` program) under the diagrams package, for deployment views",
    external=True,
)
git = ws.system(
    "Git",
    "Version control: the model, the ADRs and the pages are reviewed and merged as code",
    external=True,
)
pypi = ws.system(
    "PyPI",
    "The Python package index: archdoc, MkDocs and their dependencies",
    external=True,
)
npm = ws.system(
    "npm registry",
    "JavaScript package registry: Mermaid, for a site that serves its own copy",
    external=True,
)
assistant = ws.system(
    "Coding assistant",
    "An AI assistant in the editor or the terminal that changes code: asks the architecture what "
    "a change affects and checks its own edits of the model",
    external=True,
    properties={"example": "Claude Code, GitHub Copilot, Cursor"},
)
web_host = ws.system(
    "Web host",
    "Serves the built site: GitHub Pages, an S3 bucket, any web server",
    external=True,
)
