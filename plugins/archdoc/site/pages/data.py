"""The data ownership page."""

from __future__ import annotations

from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup, simple_page


def data_pages(context: SiteContext) -> list[Page]:
    return [simple_page(context, "data", "Data ownership", [
        "Each datastore, the container that owns it, and who else reads or writes it. "
        "With a database per service, only the owner touches its datastore.",
        "data-ownership"])]


GROUP = PageGroup("data", data_pages)
