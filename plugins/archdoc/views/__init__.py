"""The views of the model: which elements and relationships each diagram shows."""

from archdoc.views.c4 import View, ViewEdge, all_views, component_view, container_view, context_view, landscape_view

__all__ = [
    "View",
    "ViewEdge",
    "all_views",
    "component_view",
    "container_view",
    "context_view",
    "landscape_view",
]
