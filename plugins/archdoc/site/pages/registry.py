"""The generated pages of the architecture site, group by group.

The groups are those of the modules listed in :data:`GROUPS`, in the order of the site (and of
the ``pages`` option's values): a new page group is one module declaring ``GROUP`` and one line
here.
"""

from __future__ import annotations

from archdoc.config import PAGE_GROUPS
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages import (
    changes,
    data,
    decisions,
    dependencies,
    deployment,
    elements,
    events,
    flows,
    home,
    observed,
    technologies,
    views,
)
from archdoc.site.pages.base import PageGroup

__all__ = ["GROUPS", "PAGE_GROUPS", "generate_pages"]

GROUPS: tuple[PageGroup, ...] = (
    home.GROUP,
    elements.GROUP,
    views.GROUP,
    dependencies.GROUP,
    events.GROUP,
    data.GROUP,
    flows.GROUP,
    technologies.GROUP,
    deployment.GROUP,
    decisions.GROUP,
    observed.GROUP,
    changes.GROUP,
)
"""Every page group, in the order of the site."""


def generate_pages(context: SiteContext, groups: list[str] | None = None) -> list[Page]:
    """Every generated page of the ``groups`` (all by default), in a stable order."""
    wanted = [group for group in GROUPS if group.name in set(groups or PAGE_GROUPS)]
    if any(group.draws_views for group in wanted):
        context.drawing.prepare(context.views[key] for key in context.views.keys()
                                if not key.startswith("flow:"))
    pages: list[Page] = []
    for group in wanted:
        pages.extend(group.build(context))
    return pages
