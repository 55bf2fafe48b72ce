"""The production architecture of the service dependency map, described with archdoc.

``context`` declares the workspace, the platform and the external PayPal API; ``services`` the
twelve internal services; ``dependencies`` every dependency the map draws and the detailed
mapping lists, with its operation and criticality; ``events`` the tracked events; ``flows`` the
request flow; ``views`` the map's two diagrams and its orange critical services.
"""

from . import dependencies, events, flows, services, views  # noqa: F401 - each adds to the workspace
from .context import ws

__all__ = ["ws"]
