"""The architecture review of a change: both sides loaded, compared, and the impact measured."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from archdoc.config import ArchdocConfig
from archdoc.diff.compare import compare_snapshots
from archdoc.diff.document import DiffDocument
from archdoc.git import Repository
from archdoc.diff.impact import change_impact
from archdoc.diff.sides import Side, load_sides
from archdoc.diff.snapshot import Snapshot

__all__ = ["Review", "review", "review_snapshots"]


@dataclass
class Review:
    """The differences between two sides, with what the reports need to name things."""

    document: DiffDocument
    base: Side
    head: Side
    base_snapshot: Snapshot
    head_snapshot: Snapshot
    notes: list[str] = field(default_factory=list)
    """Things the reader should know (a side without a model...)."""

    def __post_init__(self) -> None:
        self._elements = {e["id"]: e for e in self.base_snapshot.export.get("elements", [])}
        self._elements.update({e["id"]: e for e in self.head_snapshot.export.get("elements", [])})
        self._decisions = {d["number"]: d for d in self.base_snapshot.decisions}
        self._decisions.update({d["number"]: d for d in self.head_snapshot.decisions})
        self._flows = {f["id"]: f for f in self.base_snapshot.export.get("flows", [])}
        self._flows.update({f["id"]: f for f in self.head_snapshot.export.get("flows", [])})

    def element(self, id: str) -> dict[str, Any] | None:
        """The element as exported (at HEAD, or at BASE for one that was removed)."""
        return self._elements.get(id)

    def name(self, id: str) -> str:
        element = self._elements.get(id)
        return element["name"] if element else id

    def decision(self, number: int) -> dict[str, Any] | None:
        return self._decisions.get(number)

    def flow(self, id: str) -> dict[str, Any] | None:
        return self._flows.get(id)

    def new_findings(self, levels: AbstractSet[str]) -> list[Any]:
        return [f for f in self.document.findings.new if f.severity in levels]


def review_snapshots(
    base: Side, head: Side, base_snapshot: Snapshot, head_snapshot: Snapshot
) -> Review:
    """Compare two loaded sides."""
    document = compare_snapshots(base_snapshot, head_snapshot, base_rev=base.ref, head_rev=head.ref)
    document.impact = change_impact(base_snapshot, head_snapshot, document)
    notes = []
    if base_snapshot.missing:
        notes.append(
            f"BASE has no model package {base_snapshot.missing!r}: everything at HEAD is new."
        )
    return Review(document, base, head, base_snapshot, head_snapshot, notes)


def review(config: ArchdocConfig, *, base: str | None = None, head: str | None = None) -> Review:
    """Compare the project of ``config`` at ``base`` (default: the merge base with the default
    branch) with ``head`` (default: the working tree)."""
    repository = Repository.containing(config.root)
    head_side = Side("HEAD", repository.resolve(head) if head else None)
    base_revision = (
        repository.resolve(base)
        if base
        else repository.default_base(head_side.revision.sha if head_side.revision else "HEAD")
    )
    base_side = Side("BASE", base_revision)
    base_snapshot, head_snapshot = load_sides(config, repository, base_side, head_side)
    return review_snapshots(base_side, head_side, base_snapshot, head_snapshot)
