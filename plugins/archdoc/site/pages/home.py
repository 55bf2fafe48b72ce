"""The home page: the model's figures, the landscape, the systems, where to go next."""

from __future__ import annotations

from archdoc.analysis.dependencies import critical_services, status_counts
from archdoc.render.tables import table
from archdoc.render.text import md_cell, md_text
from archdoc.site.blocks import render_block
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup
from archdoc.site.pages.observed import PAGE_NAME as OBSERVED_PAGE


def home_page(context: SiteContext) -> Page:
    ws, layout = context.workspace, context.layout
    path = layout.home()
    services = [c for c in ws.containers() if c.kind == "container" and not c.external]
    critical = critical_services(ws)
    c = status_counts(context.graph)
    lines = [f"# {md_text(ws.name)} architecture", ""]
    if ws.description:
        lines += [md_text(ws.description), ""]
    lines += [
        '<div class="archdoc-figures">'
        + _figure(len(services), "internal services")
        + _figure(len(critical), "critical")
        + _figure(len([e for e in ws.containers() if e.kind == "database"]), "datastores")
        + _figure(len([s for s in ws.systems() if s.external]), "external systems")
        + _figure(len(ws.events), "events")
        + _figure(len(ws.flows), "flows")
        + _figure(len(context.adr_records()), "decisions")
        + "</div>",
        "",
        f"**{len(services)} internal services · {len(critical)} critical** — "
        f"{c['pairs']} dependency pairs: {c['critical']} critical path · {c['healthy']} healthy · "
        f"{c['async']} async.",
        "",
        "## System landscape",
        render_block(context, "landscape", path),
        "## Software systems",
        "",
        table(["System", "Kind", "Description"], [
            [context.element_link(path, s.id), "external" if s.external else "internal",
             md_cell(s.description)] for s in ws.systems()]) or "_No software systems yet._\n",
        "## Explore",
        "",
        f"- [Dependencies]({layout.md_link(path, layout.group('dependencies'))}): pairs, "
        f"[matrix]({layout.md_link(path, layout.group('matrix'))}), "
        f"[critical paths]({layout.md_link(path, layout.group('critical-paths'))}), "
        f"[startup order]({layout.md_link(path, layout.group('startup-order'))}), "
        f"[failure modes and impact]({layout.md_link(path, layout.group('failure-modes'))})",
        f"- [Events]({layout.md_link(path, layout.group('events'))}) and "
        f"[data ownership]({layout.md_link(path, layout.group('data'))})",
    ]
    if ws.flows:
        lines.append(f"- [Flows]({layout.md_link(path, layout.flows())}): "
                     + ", ".join(f"[{md_text(f.name)}]({layout.md_link(path, layout.flow(f.id))})"
                                 for f in ws.flows[:12]) + (" …" if len(ws.flows) > 12 else ""))
    for env in ws.environments:
        lines.append(
            f"- Deployment: [{md_text(env.name)}]"
            f"({layout.md_link(path, layout.environment(env.id))})"
        )
    if context.adrs is not None:
        lines.append(f"- [Decisions]({layout.md_link(path, layout.decisions())})")
    if context.drift is not None:
        lines.append(
            f"- [Model vs. observed]({layout.md_link(path, layout.group(OBSERVED_PAGE))}): "
            "the model against traces, metrics and compose files"
        )
    if context.diagnostics:
        errors = sum(d.severity == "error" for d in context.diagnostics)
        lines += ["", "## Validation", "",
                  f"`archdoc validate` reports {errors} error(s) and "
                  f"{len(context.diagnostics) - errors} warning(s):", "",
                  render_block(context, "validation", path)]
    return Page(path, "Overview", "\n".join(lines) + "\n")


def _figure(value: int, label: str) -> str:
    return (f'<div class="archdoc-figure"><span class="archdoc-figure__value">{value}</span>'
            f'<span class="archdoc-figure__label">{label}</span></div>')


GROUP = PageGroup("home", lambda context: [home_page(context)], draws_views=True)
