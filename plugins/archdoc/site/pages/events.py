"""The events page: each event with its producers and consumers, and every call."""

from __future__ import annotations

from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup, simple_page


def events_pages(context: SiteContext) -> list[Page]:
    return [simple_page(context, "events", "Events", [
        "Each event with its producers and consumers, and the reason each consumer has.",
        "## Events", "events", "## Synchronous calls", "sync-calls",
        "## Asynchronous interactions", "async-calls"])]


GROUP = PageGroup("events", events_pages)
