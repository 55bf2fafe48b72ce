"""Diagram blocks: every view by its key (C4 views, the user's views, flows, deployments)."""

from __future__ import annotations

import difflib

from archdoc.site.blocks.base import Block, UnknownBlock, block
from archdoc.site.context import SiteContext
from archdoc.views.computed import AnyView


def draw_view(context: SiteContext, page: str, key: str) -> str:
    """The diagram of view ``key`` as it appears on ``page``."""
    view = context.views.get(key)
    if view is None:
        raise UnknownBlock(f"the model has no view {key!r}", hint=_hint(context, key))
    return draw_computed(context, page, view)


def draw_computed(context: SiteContext, page: str, view: AnyView) -> str:
    """Any computed view drawn on ``page``, its elements linked to their pages."""
    layout = context.layout

    def link_for(id: str) -> str | None:
        if id not in context.workspace.elements:
            return None
        target = layout.element(id)
        return None if target == page else layout.href(page, target)

    return context.drawing.draw(view, link_for)


def _hint(context: SiteContext, key: str) -> str:
    close = difflib.get_close_matches(key, context.views.keys(), n=3, cutoff=0.5)
    if close:
        return "did you mean " + ", ".join(repr(c) for c in close) + "?"
    return "`archdoc views` lists every view key"


@block("landscape", "System landscape: every person and software system.")
def landscape(context: SiteContext, page: str, _: str) -> str:
    return draw_view(context, page, "landscape")


@block("context", "System context view of a software system.", "system id")
def context_block(context: SiteContext, page: str, arg: str) -> str:
    return draw_view(context, page, f"context:{arg}")


@block("containers", "Container view of a software system.", "system id")
def containers_block(context: SiteContext, page: str, arg: str) -> str:
    return draw_view(context, page, f"containers:{arg}")


@block("components", "Component view of a container.", "container id")
def components_block(context: SiteContext, page: str, arg: str) -> str:
    return draw_view(context, page, f"components:{arg}")


@block("neighbourhood", "An element and everything one hop from it.", "element id")
def neighbourhood_block(context: SiteContext, page: str, arg: str) -> str:
    return draw_view(context, page, f"neighbourhood:{arg}")


@block("view", "A view the model defines with `ws.view(...)`.", "view id")
def user_view_block(context: SiteContext, page: str, arg: str) -> str:
    return draw_view(context, page, f"view:{arg}")


@block("flow", "Sequence diagram of a flow.", "flow id")
def flow_block(context: SiteContext, page: str, arg: str) -> str:
    if not any(f.id == arg for f in context.workspace.flows):
        raise UnknownBlock(f"the model has no flow {arg!r}")
    return draw_view(context, page, f"flow:{arg}")


@block("deployment", "Deployment view of an environment.", "environment id")
def deployment_block(context: SiteContext, page: str, arg: str) -> str:
    if not any(e.id == arg for e in context.workspace.environments):
        raise UnknownBlock(f"the model has no environment {arg!r}")
    return draw_view(context, page, f"deployment:{arg}")


BLOCKS: tuple[Block, ...] = (landscape, context_block, containers_block, components_block,
                             neighbourhood_block, user_view_block, flow_block, deployment_block)
