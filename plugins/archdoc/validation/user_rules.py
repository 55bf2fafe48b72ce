"""Rules the user declares in the configuration: layers and forbidden dependencies."""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.model.elements import Element
from archdoc.validation.patterns import matches_any
from archdoc.validation.base import Finding, RuleContext, rule


def _self_or_ancestors(element: Element) -> list[Element]:
    return [element, *element.ancestors()]


@rule(
    "layer-violation", severity="error",
    summary="A lower layer depends on a higher one (configured `layers`).",
    explanation="""`layers:` in the configuration lists layers from the top down, each selecting
    elements by id glob, `tag:` or `kind:`. An element belongs to the first layer that matches
    it or its closest ancestor. Higher layers may depend on lower ones, never the other way
    round: a repository calling a controller, or a core service calling the web app, is
    reported at the relationship that does it. Elements in no layer are not constrained.""",
)
def layer_violation(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    layers = ctx.config.layers
    if not layers:
        return
    cache: dict[str, int | None] = {}

    def layer_of(element: Element) -> int | None:
        if element.id not in cache:
            cache[element.id] = next(
                (i for candidate in _self_or_ancestors(element)
                 for i, layer in enumerate(layers) if matches_any(candidate, layer.match)),
                None,
            )
        return cache[element.id]

    for r in ws.relationships:
        src, dst = ws.elements.get(r.source_id), ws.elements.get(r.destination_id)
        if src is None or dst is None:
            continue
        a, b = layer_of(src), layer_of(dst)
        if a is not None and b is not None and a > b:
            yield Finding(
                f"{src.id} (layer {layers[a].name!r}) depends on {dst.id} "
                f"(layer {layers[b].name!r}, above it)",
                r.location, "invert the dependency, e.g. with an event or an interface below", r.id,
            )


@rule(
    "forbidden-dependency", severity="error",
    summary="A dependency the configuration forbids (configured `forbidden`).",
    explanation="""Each entry of `forbidden:` names sources (`from`) and targets (`to`) by id
    glob, `tag:` or `kind:`, as import-linter's forbidden contracts do for modules. A direct
    relationship between them is reported where it is declared; with `transitive: true` a chain
    through other elements is reported too, with the chain.""",
)
def forbidden_dependency(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for contract in ctx.config.forbidden:
        why = f" ({contract.message})" if contract.message else ""
        for r in ws.relationships:
            src, dst = ws.elements.get(r.source_id), ws.elements.get(r.destination_id)
            if src is None or dst is None:
                continue
            if matches_any(src, contract.from_) and matches_any(dst, contract.to):
                yield Finding(f"{src.id} must not depend on {dst.id}{why}", r.location,
                              "remove the dependency or go through an allowed element", r.id)
        if not contract.transitive:
            continue
        import networkx as nx

        graph = ctx.graph
        sources = [u for u in graph.graph.nodes if matches_any(ws.elements[u], contract.from_)]
        targets = {u for u in graph.graph.nodes if matches_any(ws.elements[u], contract.to)}
        for source in sources:
            paths = nx.single_source_shortest_path(graph.graph, source)
            for target in graph.sort([t for t in paths if t in targets]):
                chain = paths[target]
                if len(chain) <= 2:
                    continue  # direct: reported above
                first = graph.graph[chain[0]][chain[1]]["dep"]
                location = first.relationships[0].location if first.relationships else \
                    ws.elements[source].location
                yield Finding(
                    f"{source} depends on {target} through {' -> '.join(chain)}{why}",
                    location, "break the chain or allow the dependency", source,
                )
