"""The MCP server: the tools of :mod:`archdoc.mcp.queries`, declared on the ``mcp`` SDK.

Read-only: no tool writes a file. Each answer is structured content (with the output schema
of its :mod:`archdoc.mcp.results` record) and the same JSON as text. A user's mistake — an
unknown id, a model that does not load — is a tool error whose text says what to do, never a
crash of the server.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field

from archdoc import __version__
from archdoc.errors import ArchdocError
from archdoc.mcp import queries
from archdoc.mcp.live import LiveProject, Snapshot
from archdoc.mcp.results import (
    DecisionList,
    Dependencies,
    ElementDetail,
    FindResult,
    ImpactResult,
    ValidationResult,
    ViewList,
)

__all__ = ["build_server", "serve"]

R = TypeVar("R")

INSTRUCTIONS = """\
The software architecture of this repository, as its archdoc model (model/) and decision
records (adr/) declare it. Elements are people, software systems, containers (services,
databases, queues) and components; their ids are dotted slugs such as `shop.order-api`.
Find ids with find_elements, then ask get_element, dependencies or impact about one; check a
change with validate. Answers follow the files on disk: after editing model/ or adr/, call
again.
"""

ElementId = Annotated[
    str, Field(description="An element id, e.g. `shop.order-api` (find_elements lists them).")
]

_READ_ONLY = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)


def build_server(live: LiveProject) -> MCPServer:
    """An MCP server answering from ``live``."""
    server = MCPServer(
        name="archdoc", title="archdoc architecture model", version=__version__,
        instructions=INSTRUCTIONS, log_level="WARNING",
    )

    def answer(query: Callable[[Snapshot], R]) -> R:
        try:
            snapshot = live.current()
        except ArchdocError as exc:
            raise ToolError(f"the project could not be loaded: {exc}") from None
        try:
            return query(snapshot)
        except ArchdocError as exc:
            raise ToolError(str(exc)) from None

    @server.tool(title="Find elements", annotations=_READ_ONLY)
    def find_elements(
        query: Annotated[str, Field(description=(
            "Words to look for in ids, names, descriptions, technologies, owners, tags and "
            "properties (case-insensitive; every word must match). `tag:NAME`, `kind:KIND` "
            "(person, system, container, database, queue, component), `external` and id globs "
            "such as `shop.*` select instead. Empty: every element."))],
        limit: Annotated[int, Field(ge=1, le=1000, description="At most this many results.")] = 50,
    ) -> FindResult:
        """Find the elements of the architecture model matching a query, best match first."""
        return answer(lambda s: queries.find_elements(s, query, limit))

    @server.tool(title="Get element", annotations=_READ_ONLY)
    def get_element(id: ElementId) -> ElementDetail:
        """Everything the model says about one element: what it is, where it is declared, its
        children, relationships in and out, events, failure modes, deployments, the decisions
        that affect it and the views and flows that show it."""
        return answer(lambda s: queries.get_element(s, id))

    @server.tool(title="Impact of a failure", annotations=_READ_ONLY)
    def impact(
        id: ElementId,
        limit: Annotated[
            int,
            Field(
                ge=1,
                le=10000,
                description=(
                    "At most this many affected elements, the nearest first "
                    "(the counts are of all)."
                ),
            ),
        ] = 100,
    ) -> ImpactResult:
        """What breaks, or degrades, if this element fails or changes incompatibly: every
        element that depends on it directly or through a chain, with the chain."""
        return answer(lambda s: queries.impact(s, id, limit))

    @server.tool(title="Dependencies", annotations=_READ_ONLY)
    def dependencies(id: ElementId) -> Dependencies:
        """What the element depends on and what depends on it, directly (relationships, events
        and data ownership, lifted to containers and systems)."""
        return answer(lambda s: queries.dependencies(s, id))

    @server.tool(title="List decisions", annotations=_READ_ONLY)
    def list_decisions(
        element_id: Annotated[str | None, Field(description=(
            "Only the decisions whose `affects` names this element or one inside it."))] = None,
        status: Annotated[str | None, Field(description=(
            "Only the decisions of this status: proposed, accepted, superseded, ..."))] = None,
    ) -> DecisionList:
        """The architecture decision records (ADRs): number, title, status, date, the elements
        each affects, links between them and the file to read."""
        return answer(lambda s: queries.list_decisions(s, element_id, status))

    @server.tool(title="Validate", annotations=_READ_ONLY)
    def validate() -> ValidationResult:
        """Check the model and the ADRs as `archdoc validate` does: every finding with its file,
        line and a hint. Run it after editing model/ or adr/."""
        return answer(queries.validate)

    @server.tool(title="Views", annotations=_READ_ONLY)
    def views() -> ViewList:
        """Every view (diagram) of the model: key, title, kind, and how many elements and
        relationships it draws."""
        return answer(queries.views)

    return server


def serve(config: str | Path | None = None) -> None:
    """Serve the project of ``config`` (default ``./mkdocs.yml``) over stdio until stdin closes.

    A bad configuration is an :class:`ArchdocError` before serving; a model that does not load
    is reported on stderr and by every tool until it is fixed.
    """
    # Every reload imports the model afresh; bytecode the server wrote for an earlier version
    # could pass Python's check (same second, same size) and shadow an edit.
    sys.dont_write_bytecode = True
    live = LiveProject(config)
    try:
        live.current()
    except ArchdocError as exc:
        print(f"archdoc mcp: the project could not be loaded: {exc}", file=sys.stderr)
    if sys.stdin.isatty():
        print("archdoc mcp: serving the model over MCP on stdin and stdout; a coding assistant "
              "starts this command itself (see the MCP guide). Ctrl-D stops it.", file=sys.stderr)
    build_server(live).run("stdio")
