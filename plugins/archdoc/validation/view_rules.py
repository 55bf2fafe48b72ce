"""Rules over the views a model defines (``ws.view``) and its styles (``ws.style``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archdoc.model.selectors import parse_selector, technology_names
from archdoc.model.workspace import Workspace
from archdoc.validation.base import Finding, RuleContext, rule

if TYPE_CHECKING:
    from archdoc.views.computed import ComputedView
    from archdoc.views.index import ViewIndex

__all__ = ["view_references"]


def _known_tags(ws: Workspace) -> set[str]:
    return {t for e in ws.elements.values() for t in e.tags} | {
        t for r in ws.relationships for t in r.tags}


def _technology_hint(ws: Workspace, pattern: str) -> str:
    import difflib

    known = sorted({name for e in ws.elements.values() for name in technology_names(e.technology)},
                   key=str.casefold)
    if not known:
        return "no element has a technology yet: technology=... on an element"
    by_folded = {name.casefold(): name for name in known}
    close = difflib.get_close_matches(pattern.casefold(), list(by_folded), n=3)
    if close:
        return "did you mean " + ", ".join(f"'technology:{by_folded[c]}'" for c in close) + "?"
    return "technologies in the model: " + ", ".join(known)


def view_references(ws: Workspace) -> Iterator[Finding]:
    """For ``dangling-reference``: ``of=``, ``around=`` and selectors that name nothing."""
    from archdoc.views.static import select  # the view machinery, only for models with views

    tags: set[str] | None = None
    for view in ws.views:
        for argument, id in (("of", view.scope_id), ("around", view.around_id)):
            if id is not None and id not in ws.elements:
                yield Finding(f"view {view.id!r}: {argument}={id!r} is not in the model",
                              view.location, ws.suggest(id), view.key)
        for text in (*view.include, *view.exclude):
            selector = parse_selector(text)
            if selector.kind == "all" or select(ws, selector):
                continue
            if selector.kind == "tag":
                import difflib

                tags = _known_tags(ws) if tags is None else tags
                close = difflib.get_close_matches(selector.value, sorted(tags), n=3)
                hint = ("did you mean " + ", ".join(f"'tag:{t}'" for t in close) + "?" if close
                        else "tags in the model: " + ", ".join(sorted(tags)) if tags
                        else "no element has tags yet: tags=[...] on an element")
            elif selector.kind == "kind":
                hint = f"the model has no element of kind {selector.value}"
            elif selector.kind == "technology":
                hint = _technology_hint(ws, selector.value)
            else:
                hint = ws.suggest(selector.value)
            yield Finding(f"view {view.id!r}: selector {text!r} names nothing in the model",
                          view.location, hint, view.key)


@rule(
    "invalid-view", severity="error",
    summary="A view of something that has no level below it, or around an element it cannot draw.",
    explanation="""A view's `of=` sets the level it draws at: a software system (its
    containers) or a container (its components). Any other element has no level below it.
    `around=` must name an element that can be drawn at that level: the scope itself or something
    inside it, or an element outside it.""",
)
def invalid_view(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for view in ws.views:
        scope = ws.elements.get(view.scope_id or "")
        if scope is not None and scope.kind not in ("system", "container", "database", "queue"):
            yield Finding(
                f"view {view.id!r}: of={scope.id!r} is a {scope.kind_label.lower()}, which "
                "has no level below it",
                view.location,
                "pass a software system or a container, or leave of= out",
                view.key,
            )
        around = ws.elements.get(view.around_id or "")
        if scope is not None and around is not None and around.is_ancestor_of(scope):
            yield Finding(f"view {view.id!r}: around={around.id!r} contains the view's scope "
                          f"{scope.id!r}", view.location,
                          "draw around an element inside the scope, or leave of= out", view.key)


@rule(
    "empty-view", severity="error",
    summary="A view that draws no element.",
    explanation="""A view whose selectors, once `exclude` is applied, leave nothing to draw gives
    an empty diagram and page. Usually a selector or an `exclude` is wrong; the view's line is
    where to look.""",
)
def empty_view(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    if not ws.views:
        return
    from archdoc.views.index import ViewIndex

    index = ViewIndex(ws)
    for view in ws.views:
        scope = ws.elements.get(view.scope_id or "")
        if scope is not None and scope.kind not in ("system", "container", "database", "queue"):
            continue  # invalid-view says why
        computed = index.static(view.key)
        if computed is not None and not computed.nodes:
            yield Finding(f"view {view.id!r} draws no element", view.location,
                          "check its include= and exclude= selectors", view.key)


def _drawing(view: ComputedView) -> tuple[object, ...]:
    """What a static view looks like: its direction, boxes, frames, arrows and highlight."""
    return (view.direction, frozenset(view.element_ids), frozenset(b.id for b in view.boundaries),
            frozenset((e.source_id, e.destination_id) for e in view.edges),
            frozenset(n.id for n in view.nodes if n.focus))


@rule(
    "duplicate-view", severity="warning",
    summary="A view of the model's own that draws exactly what another view draws.",
    explanation="""A `ws.view` whose selectors end up drawing the same elements, boundaries and
    relationships, in the same direction, as a built-in view (`containers:shop`...) or an
    earlier view adds a page and a diagram that say nothing new. Remove it and embed the other
    view, or change its `include=`, `exclude=`, `around=` or `direction=` to show what it is
    for.""",
)
def duplicate_view(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    if not ws.views:
        return
    from archdoc.views.index import ViewIndex

    index = ViewIndex(ws, direction=ctx.config.diagrams.direction)
    seen: dict[tuple[object, ...], str] = {}
    for view in ws.views:
        scope = ws.elements.get(view.scope_id or "")
        around = ws.elements.get(view.around_id or "")
        if scope is not None and (scope.kind not in ("system", "container", "database", "queue")
                                  or (around is not None and around.is_ancestor_of(scope))):
            continue  # invalid-view says why
        computed = index.static(view.key)
        if computed is None or not computed.nodes:
            continue  # empty-view says so
        drawing = _drawing(computed)
        earlier = seen.get(drawing) or _same_built_in(ws, index, computed, drawing)
        if earlier is None:
            seen[drawing] = view.key
            continue
        what = (f"the view {earlier!r}" if earlier.startswith("view:")
                else f"the built-in view {earlier!r}")
        yield Finding(f"view {view.id!r} draws exactly what {what} draws", view.location,
                      f"embed {earlier!r} instead, or change this view's include=, exclude=, "
                      "around= or direction=", view.key)


def _same_built_in(ws: Workspace, index: ViewIndex, view: ComputedView,
                   drawing: tuple[object, ...]) -> str | None:
    """The built-in view that draws ``drawing``: one of the landscape, or the views of an element
    the view draws, contains or is about (no other can draw the same boxes)."""
    related = {view.subject_id} if view.subject_id else set()
    for id in view.element_ids:
        related.add(id)
        related.update(a.id for a in ws.elements[id].ancestors())
    for key in index.specs:
        if key.startswith("view:") or (key != "landscape" and key.partition(":")[2] not in related):
            continue
        built_in = index.static(key)
        if built_in is not None and _drawing(built_in) == drawing:
            return key
    return None


@rule(
    "unused-style", severity="warning",
    summary="A style for a tag that no element or relationship has.",
    explanation="""`ws.style(tag, ...)` changes how elements and relationships with the tag are
    drawn. A style whose tag nothing carries changes nothing: the tag is misspelt, or the
    elements lost it.""",
)
def unused_style(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    if not ws.styles:
        return
    tags = _known_tags(ws)
    for style in ws.styles:
        if style.tag not in tags:
            import difflib

            close = difflib.get_close_matches(style.tag, sorted(tags), n=1)
            yield Finding(
                f"style for tag {style.tag!r}: no element or relationship has this tag",
                style.location,
                f"did you mean {close[0]!r}?" if close else "tag elements with tags=[...]",
                f"style:{style.tag}",
            )
