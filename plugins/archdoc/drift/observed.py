"""What running systems show: services and the calls between them, with where each was read."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from archdoc.source import SourceLocation, relative_to_cwd

__all__ = [
    "ConnectionType",
    "ObservedCall",
    "ObservedPair",
    "ObservedSource",
    "Observations",
    "SourceKind",
    "connection_type",
]

SourceKind = Literal["jaeger", "servicegraph", "compose"]
ConnectionType = Literal["", "database", "messaging_system"]
"""How the server was reached: directly (``""``), as a database or through a messaging system
(the servicegraph connector's ``connection_type``; ``virtual_node`` counts as direct)."""


def connection_type(value: str) -> ConnectionType:
    """The servicegraph connector's ``connection_type`` label, reduced to what mapping uses."""
    if value == "database":
        return "database"
    if value == "messaging_system":
        return "messaging_system"
    return ""


@dataclass(frozen=True, slots=True)
class ObservedSource:
    """Where an observation was read: a file and a line, or a JSON path in it."""

    kind: SourceKind
    file: str
    line: int = 0
    """1-based; 0 when the format has no useful line (JSON is often a single line)."""
    path: str = ""
    """The JSON path of the entry (``data[3]``), for JSON sources."""

    def __str__(self) -> str:
        text = relative_to_cwd(self.file)
        if self.line:
            text += f":{self.line}"
        if self.path:
            text += f" {self.path}"
        return text

    def location(self, name: str | None = None) -> SourceLocation:
        """A file and line for a report. Without a line of its own, the line where ``name`` first
        appears as a JSON string (what a reader looks for), else 1."""
        if self.line or name is None:
            return SourceLocation(self.file, self.line or 1)
        return SourceLocation(self.file, _first_line_with(self.file, json.dumps(name)) or 1)


def _first_line_with(file: str, needle: str) -> int:
    try:
        with open(file, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if needle in line:
                    return number
    except OSError:
        return 0
    return 0


@dataclass(frozen=True, slots=True)
class ObservedCall:
    """One record of a source: ``client`` called (or depends on) ``server``."""

    client: str
    server: str
    calls: int | None
    """How many calls the source counted; None for a source that counts nothing (compose)."""
    connection_type: ConnectionType
    source: ObservedSource


@dataclass
class ObservedPair:
    """Every record of one client, server and connection type, over all sources."""

    client: str
    server: str
    connection_type: ConnectionType
    counts: dict[SourceKind, int | None] = field(default_factory=dict)
    """Calls per kind of source, summed over its records (None: the source counts nothing)."""
    sources: list[ObservedSource] = field(default_factory=list)
    """The first record of each file that shows the pair."""

    @property
    def calls(self) -> int | None:
        """The largest count of any source (sources that count see the same traffic), or None."""
        known = [c for c in self.counts.values() if c is not None]
        return max(known) if known else None

    @property
    def key(self) -> tuple[str, str, ConnectionType]:
        return (self.client, self.server, self.connection_type)


class Observations:
    """Everything read from the observed sources, in the order it was read."""

    def __init__(self) -> None:
        self.pairs: dict[tuple[str, str, ConnectionType], ObservedPair] = {}
        self.services: dict[str, ObservedSource] = {}
        """Every observed service name, with the first place it was seen."""
        self.standalone: dict[str, None] = {}
        """Services that a source lists on their own (compose), observed with or without calls,
        in the order they were read."""
        self.files: list[tuple[SourceKind, str]] = []
        """Every file read, with its kind."""

    def add_file(self, kind: SourceKind, file: str | Path) -> None:
        self.files.append((kind, str(file)))

    def add_service(self, name: str, source: ObservedSource) -> None:
        self.services.setdefault(name, source)
        self.standalone.setdefault(name)

    def add_call(self, call: ObservedCall) -> None:
        if call.client == call.server:
            return  # a service calling itself says nothing about dependencies
        key = (call.client, call.server, call.connection_type)
        pair = self.pairs.get(key)
        if pair is None:
            pair = self.pairs[key] = ObservedPair(call.client, call.server, call.connection_type)
        kind = call.source.kind
        if call.calls is None:
            pair.counts.setdefault(kind, None)
        else:
            pair.counts[kind] = (pair.counts.get(kind) or 0) + call.calls
        if not any(s.file == call.source.file for s in pair.sources):
            pair.sources.append(call.source)
        self.services.setdefault(call.client, call.source)
        self.services.setdefault(call.server, call.source)

    def add_calls(self, calls: Iterable[ObservedCall]) -> None:
        for call in calls:
            self.add_call(call)

    def __repr__(self) -> str:
        return f"<Observations: {len(self.services)} services, {len(self.pairs)} pairs>"
