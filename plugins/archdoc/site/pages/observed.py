"""The "Model vs. observed" page: the model's dependencies against what running systems show.

Generated only when the project has observed sources (``observed:``); its tables are also the
``observed`` block, for a hand-written page.
"""

from __future__ import annotations

from archdoc.render.text import md_code
from archdoc.site.blocks.observed import render_observed, source_path
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup

__all__ = ["GROUP", "PAGE_NAME", "TITLE", "drift_pages"]

PAGE_NAME = "observed"
"""The page's name in the layout: ``architecture/observed.md``."""
TITLE = "Model vs. observed"

_KINDS = {"jaeger": "Jaeger", "servicegraph": "servicegraph", "compose": "compose"}


def drift_pages(context: SiteContext) -> list[Page]:
    """The page, when the project has observed sources."""
    if context.drift is None:
        return []
    path = context.layout.group(PAGE_NAME)
    report = context.drift
    files = ", ".join(f"{md_code(source_path(context, f))} ({_KINDS[k]})" for k, f in report.files)
    lines = [
        f"# {TITLE}",
        "",
        f"The dependencies of the model compared with what running systems show, read from "
        f"{files or 'no file'}. The rules `undeclared-dependency`, `unobserved-dependency` and "
        f"`unmapped-service` report the differences in `archdoc validate` and `archdoc drift`.",
        "",
    ]
    if report.min_calls:
        left_out = (f" ({report.ignored_pairs} observed pair{'s' * (report.ignored_pairs != 1)} "
                    "left out)") if report.ignored_pairs else ""
        lines += [f"Pairs with fewer than {report.min_calls:,} calls are ignored{left_out}.", ""]
    lines.append(render_observed(context, path, drawings=True))
    return [Page(path, TITLE, "\n".join(lines) + "\n")]


GROUP = PageGroup(PAGE_NAME, drift_pages)
