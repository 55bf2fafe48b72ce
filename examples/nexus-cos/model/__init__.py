"""The Nexus COS platform, as its service dependency document describes it.

Modules follow the sections of that document: the foundation layer, the authentication and
API gateway layers, the domain sections, the external dependencies by category, the critical
path flows and the failure modes.
"""

from .context import ws
from . import external, foundation, auth, platform, content, ai  # noqa: F401
from . import business, entertainment, specialized, gateway, flows, failures  # noqa: F401

__all__ = ["ws"]
