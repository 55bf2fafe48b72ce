"""The small project the MCP tests serve, and an MCP client session on ``archdoc mcp``."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TextIO

from archdoc_testing import ARCHDOC_EXE, ProjectFactory

MODEL = """
import os

from archdoc import Workspace

print("printed by the model")
os.write(1, b"written to file descriptor 1 by the model\\n")

ws = Workspace("Shop", "A shop")
user = ws.person("User", "Buys things")
shop = ws.system("Shop", "Sells online")
stripe = ws.system("Stripe", "Card payments", external=True)
web = shop.container("Web", "Storefront", technology="React", tags=["edge"])
api = shop.container("API", "Takes orders", technology="Go", owner="team-orders",
                     properties={"port": 8080})
db = shop.database("DB", "Orders data", technology="PostgreSQL", owner=api)
handler = api.component("Handler", "HTTP handlers")
user.uses(web, "Browses", technology="HTTPS")
web.uses(api, "Places orders", operation="POST /orders", criticality="critical")
handler.uses(db, "Reads and writes", technology="SQL")
api.uses(stripe, "Charges cards", criticality="critical")
api.publishes("order.created", "After checkout")
web.subscribes("order.created", "Refreshes the cart")
stripe.failure_mode("No payments", "Retry later", fallback="Queue the charge")

with ws.flow("Checkout", "Paying for the cart") as f:
    f.step(user, web, "Pays")
    f.step(web, api, "POST /orders")
    f.reply(api, web, "201 Created")

prod = ws.environment("Production")
cluster = prod.node("Cluster", technology="Kubernetes")
cluster.deploy(web, instances=2)
cluster.deploy(api)
"""

ADR_GO = """
---
status: accepted
date: 2026-01-10
affects: [shop.api]
---

# Write the order API in Go

## Context and Problem Statement

The order API must answer fast.

## Decision Outcome

Chosen option: Go.
"""

ADR_SSR = """
---
status: proposed
date: 2026-02-01
affects: [shop.web]
---

# Render the storefront on the server

## Context and Problem Statement

Pages load slowly.

## Decision Outcome

Chosen option: server rendering.
"""

QUIET_MODEL = MODEL.replace('print("printed by the model")', "").replace(
    'os.write(1, b"written to file descriptor 1 by the model\\n")', "")
"""The model without its output."""

MKDOCS = "site_name: Shop\nplugins:\n  - archdoc\n"


def shop_project(project: ProjectFactory) -> Path:
    return project({
        "model/__init__.py": MODEL,
        "adr/0001-write-the-order-api-in-go.md": ADR_GO,
        "adr/0002-render-the-storefront-on-the-server.md": ADR_SSR,
    }, mkdocs=MKDOCS)


class ToolFailed(Exception):
    """A tool answered with ``isError``; the message is its text."""


class Session:
    """A client session on a running ``archdoc mcp``, as an assistant holds one."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.transport_errors: list[Exception] = []
        """Lines of the server's stdout that were not protocol messages, and other faults."""

    async def call(self, tool: str, **arguments: Any) -> dict[str, Any]:
        """The structured result of a tool; ToolFailed with its text on a tool error."""
        result = await self.session.call_tool(tool, arguments)
        text = "".join(c.text for c in result.content if c.type == "text")
        if result.is_error:
            raise ToolFailed(text)
        # The text content carries the same JSON, for clients that read only text.
        assert json.loads(text) == result.structured_content
        return result.structured_content  # type: ignore[no-any-return]


@asynccontextmanager
async def mcp_session(*args: str, cwd: Path, errlog: TextIO) -> AsyncIterator[Session]:
    """Start ``archdoc mcp ARGS`` in ``cwd`` over stdio with the SDK's client, and initialize."""
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    # Unbuffered, as assistants often start servers: a stray print would reach the pipe at once
    # instead of waiting in a buffer.
    params = StdioServerParameters(command=str(ARCHDOC_EXE), args=["mcp", *args], cwd=cwd,
                                   env={"PYTHONUNBUFFERED": "1"})
    holder: list[Session] = []

    async def on_message(message: Any) -> None:
        if isinstance(message, Exception):
            holder[0].transport_errors.append(message)

    async with stdio_client(params, errlog=errlog) as (read, write):
        async with ClientSession(read, write, message_handler=on_message) as client:
            session = Session(client)
            holder.append(session)
            session.initialize_result = await client.initialize()  # type: ignore[attr-defined]
            yield session
