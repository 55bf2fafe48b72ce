"""Rules of the model against observed dependencies (traces, service-graph metrics, compose files).

They run when observed sources are given (``archdoc drift``, or ``observed:`` in the
configuration for ``archdoc validate`` and the site) and read the comparison of
:mod:`archdoc.drift.compare`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archdoc.validation.base import Finding, RuleContext, rule

if TYPE_CHECKING:  # the drift package is imported only when observed sources are read
    from archdoc.drift.compare import DriftEdge

__all__ = ["observed_as"]


def observed_as(edge: DriftEdge) -> str:
    """The observed names behind an edge when they differ from the ids' last parts."""
    names = []
    for e in edge.evidence:
        client, server = e.pair.client, e.pair.server
        if (
            client != edge.source_id.rsplit(".", 1)[-1]
            or server != edge.destination_id.rsplit(".", 1)[-1]
        ):
            names.append(f"{client!r} -> {server!r}")
    return ", ".join(dict.fromkeys(names))


@rule(
    "undeclared-dependency", severity="error", scope="observed",
    summary="An observed call between two elements that the model does not declare.",
    explanation="""Traces, service-graph metrics or a compose file show one service calling (or
    depending on) another, and the model has no such dependency: not declared between the two
    elements, nor implied by a relationship of their components or systems, nor routed through
    a modelled gateway that no source observes, nor an event or a queue between them. It is
    reported at the calling element, with the observed source. Declare the dependency
    (`archdoc drift --suggest` prints the model code in the model's own variable names), or
    remove the call; `min_calls` ignores rare calls.""",
)
def undeclared_dependency(ctx: RuleContext) -> Iterator[Finding]:
    from archdoc.drift.compare import calls_text, seen_in

    ws, drift = ctx.workspace, ctx.drift
    assert ws is not None and drift is not None
    for edge in drift.with_status("undeclared"):
        source = ws.elements[edge.source_id]
        calls = calls_text(edge.calls)
        names = observed_as(edge)
        verb = (
            f"calls {edge.destination_id} ({calls})"
            if calls
            else f"depends on {edge.destination_id}"
        )
        detail = "; ".join(p for p in (f"observed as {names}" if names else "",
                                       f"seen in {seen_in(edge)}") if p)
        location = source.location or (edge.sources[0].location() if edge.sources else None)
        yield Finding(
            f"{edge.source_id} {verb} but the model declares no such dependency ({detail})",
            location,
            "declare it (`archdoc drift --suggest` prints the code) or remove the call",
            f"{edge.source_id}->{edge.destination_id}",
        )


@rule(
    "unobserved-dependency", severity="warning", scope="observed",
    summary="A declared synchronous dependency between two observed services that no source shows.",
    explanation="""Both services appear in the observed sources, the model says one calls the
    other synchronously, and no trace, metric or compose file shows that call. The dependency
    may be gone from the code (remove it from the model), rare enough to fall under
    `min_calls`, or go through a path the sources do not see. It is reported at the
    relationship that declares it. Asynchronous dependencies, and dependencies with an end that
    no source observes, are not judged.""",
)
def unobserved_dependency(ctx: RuleContext) -> Iterator[Finding]:
    ws, drift = ctx.workspace, ctx.drift
    assert ws is not None and drift is not None
    files = ", ".join(dict.fromkeys(_name(f) for _, f in drift.files))
    for edge in drift.with_status("unseen"):
        dep = edge.dependency
        assert dep is not None
        sync = [r for r in dep.relationships if r.interaction == "sync"]
        relationship = sync[0] if sync else None
        location = (
            relationship.location if relationship else ws.elements[edge.destination_id].location
        )
        implied = (
            ""
            if relationship is None
            or (relationship.source_id, relationship.destination_id)
            == (edge.source_id, edge.destination_id)
            else f" (declared as {relationship.id})"
        )
        yield Finding(
            f"{edge.source_id} depends on {edge.destination_id}{implied} but no observed source "
            f"shows the call ({files})",
            location,
            "remove the dependency if it is gone; else check that the call is traced, "
            "or lower min_calls",
            relationship.id if relationship else f"{edge.source_id}->{edge.destination_id}",
        )


@rule(
    "unmapped-service", severity="warning", scope="observed",
    summary="An observed service that matches no element of the model.",
    explanation="""An element stands for an observed service through
    `properties={"service.name": "..."}`, else when the service is named like the last part of
    the element's id, else like the slug of its name. A service that matches no element (or
    several equally) is reported at the place the source first shows it; its calls cannot be
    compared. Give its element the `service.name` property, or model the service.""",
)
def unmapped_service(ctx: RuleContext) -> Iterator[Finding]:
    from archdoc.drift.compare import calls_text
    from archdoc.drift.mapping import SERVICE_NAME

    drift = ctx.drift
    assert drift is not None
    for service in drift.unmapped:
        match = service.match
        details = [d for d in (service.source.path, calls_text(service.calls)) if d]
        counted = f" ({', '.join(details)})" if details else ""
        if match.ambiguous:
            problem = "matches several elements equally: " + ", ".join(match.candidates)
            hint = (f"give one of them properties={{{SERVICE_NAME!r}: {service.name!r}}}")
        else:
            problem = "matches no element of the model"
            hint = f"give its element properties={{{SERVICE_NAME!r}: {service.name!r}}}"
            if match.candidates:
                hint += " (closest ids: " + ", ".join(match.candidates) + ")"
            else:
                hint += ", or model it"
        yield Finding(
            f"observed service {service.name!r} {problem}{counted}",
            service.source.location(service.name), hint, service.name,
        )


def _name(file: str) -> str:
    from archdoc.source import relative_to_cwd

    return relative_to_cwd(file)
