"""The dependency pages: the pairs, the matrix, critical paths, startup order, failure modes."""

from __future__ import annotations

from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup, simple_page


def dependency_pages(context: SiteContext) -> list[Page]:
    return [
        simple_page(context, "dependencies", "Dependencies", [
            "Every pair of services where the upstream one calls, or consumes events of, the "
            "downstream one. Relationships declared between components are counted at their "
            "containers.", "dependencies"]),
        simple_page(context, "matrix", "Dependency matrix", ["matrix"]),
        simple_page(context, "critical-paths", "Critical paths", [
            "Chains of dependencies marked `criticality=\"critical\"`: a failure anywhere along "
            "one breaks the start of the chain.", "critical-paths"]),
        simple_page(context, "startup-order", "Startup order", [
            "The order in which services can start: each layer depends only on layers above it.",
            "startup-order"]),
        simple_page(context, "failure-modes", "Failure modes and impact", [
            "## Failure modes", "failure-modes", "## Blast radius",
            "How many elements break (through synchronous dependencies) or degrade (through an "
            "asynchronous one) when each service fails.", "blast-radius"]),
    ]


GROUP = PageGroup("dependencies", dependency_pages)
