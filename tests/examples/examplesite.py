"""An example workspace loaded with its generated pages (shared by the example tests)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archdoc.config import load_config
from archdoc.project import Project, load_project
from archdoc.site import Page, SiteContext, generate_pages

__all__ = ["Site", "load_site", "ids_by_name"]


@dataclass
class Site:
    project: Project
    context: SiteContext
    pages: dict[str, Page]

    def page(self, path: str) -> str:
        return self.pages[path].markdown


def load_site(example: Path, options: dict[str, Any] | None = None) -> Site:
    """The example's project and every page archdoc generates for it (no MkDocs build)."""
    project = load_project(config=load_config(example / "mkdocs.yml"))
    context = SiteContext(workspace=project.workspace, adrs=project.adrs, options=options or {},
                          drift=project.drift)
    return Site(project, context, {p.path: p for p in generate_pages(context)})


def ids_by_name(site: Site) -> dict[str, str]:
    return {e.name: e.id for e in site.project.workspace.elements.values()}
