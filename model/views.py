"""Views of archdoc's architecture cut for a reader of its documentation.

The guide on views (docs/guide/views.md) shows them: each is one `ws.view(...)` here.
"""

from .containers import built_site, cli, core, exporter, importers, plugin, renderers
from .context import architect, assistant, engineer, graphviz, mermaid, mkdocs, reader, ws

# The two shells and the MCP server over the one core: drawn in the colours of their role.
ws.style("shell", color="#0f766e", border="#115e59")
ws.style("core", color="#1d4ed8", border="#1e3a8a")

shells = ws.view(
    "Shells over one core",
    "The command line, the MkDocs plugin and the MCP server: thin shells over one core.",
    of="archdoc",
    include=["tag:shell", core, architect, engineer, assistant],
    direction="LR",
)

around_the_core = ws.view(
    "Around the core",
    "The core and everything one hop from it.",
    of="archdoc",
    around=core,
)

reading = ws.view(
    "From the model to the reader",
    "What turns the model into the pages a reader opens: the plugin, MkDocs, the layout engines.",
    include=[engineer, plugin, core, mkdocs, graphviz, mermaid, built_site, reader],
    direction="LR",
)

leaving_and_arriving = ws.view(
    "Leaving and arriving",
    "How a model moves between archdoc and the other tools: the exports, the importers, the "
    "renderers behind them.",
    of=core,
    include=[exporter, importers, renderers, cli],
)
