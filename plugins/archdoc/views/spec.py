"""View specifications: what a view asks for, before it is computed.

Built-in views are default specifications on the same path as the views a user defines with
``ws.view(...)``:

| key | scope | draws |
| --- | --- | --- |
| ``landscape`` | none | ``*``: every person and software system |
| ``context:<system>`` | none | the system and everything one hop from it |
| ``containers:<system>`` | the system | ``*``: its containers and what they relate to |
| ``components:<container>`` | the container | ``*``: its components and what they relate to |
| ``neighbourhood:<element>`` | its parent | the element and everything one hop from it |
| ``view:<id>`` | ``of=`` | the user's selectors |
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from archdoc.model.elements import Element
from archdoc.model.views import View
from archdoc.model.workspace import Workspace
from archdoc.source import SourceLocation
from archdoc.views.computed import StaticKind

__all__ = ["ViewSpec", "builtin_specs", "user_spec", "static_specs"]


@dataclass(frozen=True)
class ViewSpec:
    """What a static view asks for."""

    key: str
    kind: StaticKind
    title: str
    description: str
    scope_id: str | None = None
    include: tuple[str, ...] = ("*",)
    exclude: tuple[str, ...] = ()
    around_id: str | None = None
    depth: int = 1
    direction: str | None = None
    """None: the site's default direction."""
    location: SourceLocation | None = None


def _has_children(workspace: Workspace, element: Element) -> bool:
    return bool(workspace.children_of(element.id))


def builtin_specs(workspace: Workspace) -> Iterator[ViewSpec]:
    """The views every model has, in a stable order."""
    name = workspace.name
    yield ViewSpec("landscape", "landscape", "System landscape",
                   f"Every person and software system of {name}.")
    for system in workspace.systems():
        yield ViewSpec(
            f"context:{system.id}", "context", f"{system.name}: system context",
            f"{system.name} and the people and software systems around it.",
            include=(), around_id=system.id)
        if _has_children(workspace, system):
            yield ViewSpec(
                f"containers:{system.id}", "containers", f"{system.name}: containers",
                f"The applications, services and datastores that make up {system.name}.",
                scope_id=system.id)
    for container in workspace.containers():
        if _has_children(workspace, container):
            yield ViewSpec(
                f"components:{container.id}", "components", f"{container.name}: components",
                f"The parts of {container.name} and what they talk to.", scope_id=container.id)
    for element in workspace.elements.values():
        if element.kind in ("system",) or _has_children(workspace, element):
            continue
        yield ViewSpec(
            f"neighbourhood:{element.id}", "neighbourhood", f"{element.name}: neighbourhood",
            f"{element.name} and what it uses or is used by.",
            scope_id=element.parent_id, include=(), around_id=element.id)


def user_spec(view: View) -> ViewSpec:
    return ViewSpec(
        view.key, "custom", view.name, view.description, scope_id=view.scope_id,
        include=tuple(view.include), exclude=tuple(view.exclude), around_id=view.around_id,
        depth=view.depth, direction=view.direction, location=view.location)


def static_specs(workspace: Workspace) -> Iterator[ViewSpec]:
    """Built-in views, then the user's."""
    yield from builtin_specs(workspace)
    for view in workspace.views:
        yield user_spec(view)
