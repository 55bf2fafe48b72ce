"""A project: its configuration, its model and its decision log, loaded together."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archdoc.config import ArchdocConfig, load_config
from archdoc.loader import load_workspace
from archdoc.model.workspace import Workspace
from archdoc.validation.diagnostics import Diagnostic
from archdoc.source import SourceLocation
from archdoc.validation.registry import Finding, PageSource, RuleContext, check_rule_ids, run_rules

if TYPE_CHECKING:
    from archdoc.adr.log import AdrLog
    from archdoc.drift import DriftReport, Observations

__all__ = ["Project", "has_blocks", "load_project", "observed_files", "validate_project"]


@dataclass
class Project:
    """Everything archdoc reads from a repository."""

    config: ArchdocConfig
    workspace: Workspace
    adrs: AdrLog | None = None
    """The ADR log, or None when the project keeps no ADRs."""
    load_diagnostics: list[Diagnostic] = field(default_factory=list)
    observations: Observations | None = None
    """What the observed sources of the configuration (``observed:``) show, when it names any."""

    @cached_property
    def drift(self) -> DriftReport | None:
        """The model compared with the observations (None without observed sources)."""
        if self.observations is None:
            return None
        from archdoc.drift import compare

        min_calls = self.config.observed.min_calls if self.config.observed else 0
        return compare(self.workspace, self.observations, min_calls=min_calls)


def load_project(
    config_path: str | Path | None = None, *, config: ArchdocConfig | None = None
) -> Project:
    """Read the configuration, import the model, read the ADRs and the observed sources."""
    config = config or load_config(config_path)
    check_rule_ids(config)
    workspace = load_workspace(config)
    return Project(config=config, workspace=workspace, adrs=_load_adrs(config),
                   observations=_load_observations(config))


def observed_files(config: ArchdocConfig) -> Any:
    """The configured observed sources as ``archdoc.drift.ObservedFiles`` (empty when none)."""
    from archdoc.drift import ObservedFiles

    observed = config.observed
    if observed is None:
        return ObservedFiles()
    return ObservedFiles.under(
        config.root,
        jaeger=observed.jaeger,
        servicegraph=observed.servicegraph,
        compose=observed.compose,
        declared_at=config.location("observed"),
    )


def _load_observations(config: ArchdocConfig) -> Observations | None:
    if config.observed is None:  # the drift package is imported only when it is needed
        return None
    files = observed_files(config)
    if not files:
        return None
    from archdoc.drift import read_observations

    return read_observations(files)


def _load_adrs(config: ArchdocConfig) -> AdrLog | None:
    try:
        from archdoc.adr import load_log
    except ImportError:
        return None
    return load_log(config)


def validate_project(project: Project, *, pages: bool = True) -> list[Diagnostic]:
    """Every finding of every enabled rule, sorted by file and line.

    With ``pages`` (and a docs directory in the configuration), the ```archdoc blocks of the
    hand-written pages are checked too; the MkDocs plugin checks them while rendering instead.
    """
    sources = read_pages(project.config.docs_dir) if pages and project.config.docs_dir else None
    context = RuleContext(config=project.config, workspace=project.workspace, adrs=project.adrs,
                          drift=project.drift, pages=sources,
                          block_problems=_block_checker(project) if sources is not None else None)
    return [*project.load_diagnostics, *run_rules(context)]


def read_pages(docs_dir: Path) -> list[PageSource] | None:
    """The Markdown pages below ``docs_dir`` (None when it does not exist); unreadable files are
    left to MkDocs, which reports them."""
    if not docs_dir.is_dir():
        return None
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        pages.append(PageSource(path=path, name=path.relative_to(docs_dir).as_posix(), text=text))
    return pages


_ARCHDOC_FENCE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})[ \t]*archdoc", re.MULTILINE)
"""What the opening of a ```archdoc block starts with (``site.embed`` reads them exactly)."""


def has_blocks(markdown: str) -> bool:
    """Whether a page may hold a ```archdoc block: what it shows then depends on the model."""
    return _ARCHDOC_FENCE.search(markdown) is not None


def _block_checker(project: Project) -> Callable[[PageSource], list[Finding]]:
    """Renders each block of a page as the site would, and collects the keys it refuses. The
    site machinery is imported only for a page that has a block (most have none)."""
    made: list[Any] = []

    def site_context() -> Any:
        if not made:
            from archdoc.site import Layout, SiteContext

            # The blocks are rendered only to learn whether they exist: the cheapest drawings do.
            options = {**project.config.diagrams.model_dump(), "deployment": "mermaid",
                       "max_view_elements": 1}
            made.append(SiteContext(workspace=project.workspace, adrs=project.adrs,
                                    options=options,
                                    layout=Layout(prefix=project.config.prefix.strip("/"))))
        return made[0]

    def check(page: PageSource) -> list[Finding]:
        if not has_blocks(page.text):
            return []
        from archdoc.site import UnknownBlock, render_block
        from archdoc.site.embed import embed_blocks

        context = site_context()
        found: list[Finding] = []

        def render(key: str, line: int) -> str:
            try:
                render_block(context, key, page.name)
            except UnknownBlock as exc:
                found.append(Finding(exc.message, SourceLocation(str(page.path), line),
                                     exc.hint or "", key))
            return ""

        embed_blocks(page.text, render)
        return found

    return check
