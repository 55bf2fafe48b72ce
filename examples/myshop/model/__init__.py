"""The MyShop microservices, described with archdoc.

``context`` declares the workspace, the people and the MyShop system; ``services`` the API
gateway, the seven services and their datastores and event bus; ``interactions`` the gateway's
routes and the calls between services; ``events`` the event-driven updates and the order
saga's events; ``flows`` the order flow, the saga, the product update and the authentication
flows; ``operations`` the failure modes; ``views`` the interaction diagrams and their colours.
"""

from . import events, flows, interactions, operations, services, views  # noqa: F401 - each adds to the workspace
from .context import ws

__all__ = ["ws"]
