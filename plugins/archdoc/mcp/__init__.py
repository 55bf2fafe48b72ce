"""The model for coding assistants: ``archdoc mcp``, a read-only Model Context Protocol server.

:mod:`archdoc.mcp.live` keeps the project loaded and reloads it after an edit,
:mod:`archdoc.mcp.queries` answers each tool from the core (plain functions, no MCP), and
:mod:`archdoc.mcp.server` declares the tools on the ``mcp`` SDK and serves them over stdio.
Only the last one needs the optional ``mcp`` package (``pip install 'archdoc[mcp]'``).
"""

__all__: list[str] = []
