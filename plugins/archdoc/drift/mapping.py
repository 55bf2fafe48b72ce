"""Which element an observed service name stands for.

An element stands for the observed service named by its ``properties={"service.name": ...}``;
else for the one named like its id's last part (``shop.order-api``: ``order-api``); else like
the slug of its name (``Order API``: ``order-api``). Names are compared as written, then as
slugs (``Order_API`` is ``order-api``), then with hyphens left out (``OrderAPI``).

The servicegraph connector names a database call's server after the database
(``connection_type="database"``) and pairs a producer with its consumer through a messaging
system (``messaging_system``): a database call's server is looked for among the datastores
first, a messaging server among the queues first.

When several elements match at the same step, a container (service, database, queue) wins over
a software system, which wins over a component, then a person; several of the same rank are
ambiguous, and the service stays unmapped with the candidates in its hint.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from archdoc.drift.observed import ConnectionType
from archdoc.model.ids import slugify
from archdoc.model.workspace import Workspace

__all__ = ["Match", "ServiceMap", "SERVICE_NAME", "role_of"]

SERVICE_NAME = "service.name"
"""The element property that names the observed service an element stands for."""

Role = Literal["service", "database", "queue"]
"""What an observed name is expected to be (from the connection type of its calls)."""

_RANK = {"container": 0, "database": 0, "queue": 0, "system": 1, "component": 2, "person": 3}


def role_of(connection: ConnectionType, *, server: bool) -> Role:
    """The role of a client or server name of a call of this connection type."""
    if server and connection == "database":
        return "database"
    if server and connection == "messaging_system":
        return "queue"
    return "service"


@dataclass(frozen=True)
class Match:
    """The element an observed name stands for, and how it was found."""

    name: str
    role: Role
    element_id: str | None
    how: str = ""
    """``service.name``, ``id``, ``name`` (the slug of the element's name), or ``""``."""
    candidates: tuple[str, ...] = ()
    """Several elements matched equally (ambiguous), or the closest ids (unmatched)."""

    @property
    def ambiguous(self) -> bool:
        """Several elements matched equally: no element, the candidates to choose from."""
        return self.how == "ambiguous"


def _compact(text: str) -> str:
    return text.replace("-", "")


class ServiceMap:
    """Looks observed names up in a workspace, each name once."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._property: dict[str, list[str]] = {}
        self._last: dict[str, list[str]] = {}
        self._slug: dict[str, list[str]] = {}
        self._compact: dict[str, list[str]] = {}
        for element in workspace.elements.values():
            if "~" in element.id:
                continue  # a duplicate declaration, reported by the model rules
            value = element.properties.get(SERVICE_NAME)
            if isinstance(value, str) and value:
                self._property.setdefault(value, []).append(element.id)
            last = element.id.rsplit(".", 1)[-1]
            slug = slugify(element.name)
            self._last.setdefault(last, []).append(element.id)
            self._slug.setdefault(slug, []).append(element.id)
            self._compact.setdefault(_compact(last), []).append(element.id)
            if _compact(slug) != _compact(last):
                self._compact.setdefault(_compact(slug), []).append(element.id)
        self._cache: dict[tuple[str, Role], Match] = {}

    def match(self, name: str, role: Role = "service") -> Match:
        key = (name, role)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._match(name, role)
        return found

    def _steps(self, name: str) -> list[tuple[str, list[str]]]:
        slug = slugify(name)
        return [
            ("service.name", self._property.get(name, [])),
            ("id", self._last.get(name, []) or self._last.get(slug, [])),
            ("name", self._slug.get(slug, [])),
            ("name", self._compact.get(_compact(slug), [])),
        ]

    def _match(self, name: str, role: Role) -> Match:
        steps = self._steps(name)
        wanted = {"database": "database", "queue": "queue"}.get(role)
        if wanted is not None:  # a datastore or a queue at any step first
            for how, ids in steps:
                kinds = [i for i in ids if self.workspace.elements[i].kind == wanted]
                if kinds:
                    return self._pick(name, role, how, kinds)
        for how, ids in steps:
            if ids:
                return self._pick(name, role, how, ids)
        close = difflib.get_close_matches(slugify(name), list(self._last), n=3, cutoff=0.6)
        ids = [i for c in close for i in self._last[c]][:3]
        return Match(name, role, None, "", tuple(ids))

    def _pick(self, name: str, role: Role, how: str, ids: list[str]) -> Match:
        unique = list(dict.fromkeys(ids))
        if len(unique) == 1:
            return Match(name, role, unique[0], how)
        best = min(_RANK[self.workspace.elements[i].kind] for i in unique)
        top = [i for i in unique if _RANK[self.workspace.elements[i].kind] == best]
        if len(top) == 1:
            return Match(name, role, top[0], how)
        return Match(name, role, None, "ambiguous", tuple(top))
