"""The Weather architecture, imported from deployment.dsl by `archdoc import structurizr`."""

from . import (  # noqa: F401 - each module adds to the workspace
    weather, context_2, relationships, deployment,
)
from .context import ws

__all__ = ["ws"]
