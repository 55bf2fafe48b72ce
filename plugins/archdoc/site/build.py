"""One build of the architecture site, as every publishing path sees it.

The MkDocs plugin and ``archdoc generate`` both start here, so they cannot drift apart: the
same pages, the same navigation section, the same assets and stylesheets, the same expansion
of the ```archdoc fences of hand-written pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archdoc.config import ArchdocConfig
from archdoc.site.assets import ASSET_DIR, SiteAssets, site_assets
from archdoc.site.blocks import UnknownBlock, render_block
from archdoc.site.context import SiteContext
from archdoc.site.embed import embed_blocks
from archdoc.site.pages import generate_pages
from archdoc.site.layout import Layout, Page
from archdoc.site.nav import navigation
from archdoc.source import SourceLocation
from archdoc.validation.diagnostics import Diagnostic, at_or_above

if TYPE_CHECKING:
    from archdoc.project import Project

__all__ = ["EXTRA_CSS", "EXTRA_JAVASCRIPT", "SiteBuild", "start_build"]

EXTRA_CSS = (f"{ASSET_DIR}/archdoc.css",)
"""The stylesheets every page of the site links, relative to the docs directory."""
EXTRA_JAVASCRIPT = (f"{ASSET_DIR}/archdoc.js",)
"""The scripts every page of the site loads, relative to the docs directory."""


@dataclass
class SiteBuild:
    """The generated pages and assets of one site, and how hand-written pages embed blocks."""

    settings: ArchdocConfig
    context: SiteContext
    pages: list[Page]
    assets: SiteAssets
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def nav_section(self) -> dict[str, list[Any]]:
        """The generated section, appended to a configured ``nav``."""
        return {self.settings.section: navigation(self.pages)}

    def hidden_pages(self) -> list[str]:
        """Generated pages that are reachable by links only, not listed in the navigation."""
        return [page.path for page in self.pages if not page.in_nav]

    def loud_findings(self) -> list[Diagnostic]:
        """The findings the build reports as warnings (``fail_on``); the rest are informational."""
        loud = at_or_above(self.settings.fail_on)
        return [d for d in self.diagnostics if d.severity in loud]

    def warnings(self) -> list[str]:
        """What the build says as warnings (MkDocs' ``--strict`` fails on them): the loud
        findings, then each notice of the assets and the drawings."""
        return ([d.log_line() for d in self.loud_findings()] + list(self.assets.notices)
                + list(self.context.notices))

    def expand(self, markdown: str, source: str, *, unknown: Callable[[UnknownBlock], None],
               first_line: int = 1, file: str | None = None) -> str:
        """``markdown`` (the page ``source``, a path below the docs directory) with each
        ```archdoc fence replaced by its blocks. An unknown key is given to ``unknown`` with
        its place (in ``file``, default ``docs/<source>``; ``first_line`` is the file's line of
        the markdown's first line) and leaves a visible mark on the page."""
        if "archdoc" not in markdown:
            return markdown
        context = self.context
        file = file or f"docs/{source}"

        def render(key: str, line: int) -> str:
            try:
                return render_block(context, key, source)
            except UnknownBlock as exc:
                exc.location = SourceLocation(file, line + first_line - 1)
                unknown(exc)
                return f"\n**archdoc: unknown block `{key}`**\n"

        return embed_blocks(markdown, render)

    def asset_texts(self) -> dict[str, str]:
        """``archdoc.js``, ``archdoc.css`` and the files drawn so far (deployment SVGs), by
        path below the docs directory."""
        return {**self.assets.texts(), **dict(sorted(self.context.assets.items()))}


def model_path(settings: ArchdocConfig) -> Path | None:
    """The model package's directory (or module file)."""
    package = settings.root / settings.model.replace(".", "/")
    if package.is_dir() or not package.with_suffix(".py").is_file():
        return package
    return package.with_suffix(".py")


def start_build(project: Project, settings: ArchdocConfig, *, directory_urls: bool,
                diagnostics: list[Diagnostic]) -> SiteBuild:
    """Generate the pages of ``project`` and find the assets they need (ConfigError when a
    configured asset is missing)."""
    layout = Layout(prefix=settings.prefix.strip("/"), directory_urls=directory_urls)
    context = SiteContext(
        workspace=project.workspace, layout=layout, adrs=project.adrs,
        diagnostics=diagnostics, options=settings.diagrams.model_dump(), drift=project.drift,
        model_dir=model_path(settings),
    )
    pages = generate_pages(context, list(settings.pages) or None)
    assets = site_assets(settings.root, offline=settings.offline_mermaid,
                         mermaid_js=settings.mermaid_js, mermaid_url=settings.mermaid_url)
    return SiteBuild(settings, context, pages, assets, diagnostics)

