"""The ADR status lifecycle: which statuses exist and which changes are allowed.

Built in (MADR's statuses, plus log4brains' ``draft``)::

    draft    -> proposed | accepted | rejected
    proposed -> accepted | rejected | superseded
    accepted -> deprecated | superseded
    deprecated -> superseded

``adr_statuses`` and ``adr_transitions`` in the configuration replace it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from archdoc.errors import AdrError

if TYPE_CHECKING:
    from archdoc.config import ArchdocConfig

__all__ = ["Lifecycle", "DEFAULT_STATUSES", "DEFAULT_TRANSITIONS", "PENDING_STATUSES", "in_force",
           "normalise_status"]

DEFAULT_STATUSES: tuple[str, ...] = (
    "draft", "proposed", "accepted", "rejected", "deprecated", "superseded",
)
DEFAULT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("proposed", "accepted", "rejected"),
    "proposed": ("accepted", "rejected", "superseded"),
    "accepted": ("deprecated", "superseded"),
    "deprecated": ("superseded",),
}
PENDING_STATUSES: frozenset[str] = frozenset({"draft", "proposed", "rejected", "unknown"})
"""Statuses of a decision that does not hold (yet): a successor with one of them does not
supersede its predecessor until it is accepted."""

_SUPERSEDED = re.compile(r"^super[sc]eded\b", re.IGNORECASE)


def normalise_status(text: str) -> str:
    """The status word of a status line: ``Superceded by [3. X](...)`` -> ``superseded``.

    Case and the adr-tools "Superceded" spelling are normalised; a status with no link keeps its
    words (``In review`` -> ``in review``) so the validator can name it.
    """
    text = text.strip().strip("*_`").strip()
    if not text:
        return ""
    if _SUPERSEDED.match(text):
        return "superseded"
    lowered = text.lower()
    for status in DEFAULT_STATUSES:
        if lowered == status or re.match(rf"^{status}\b", lowered):
            return status
    if lowered.startswith("amended by") or lowered.startswith("amends"):
        return "accepted"
    # Drop a trailing Markdown link or "by ADR-0001" part of custom statuses.
    lowered = re.split(r"\s+(?:by\s+)?(?:\[|adr-?\d)", lowered, maxsplit=1)[0]
    return lowered.strip(" .:")


@dataclass(frozen=True)
class Lifecycle:
    """Allowed statuses and transitions."""

    statuses: tuple[str, ...] = DEFAULT_STATUSES
    transitions: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_TRANSITIONS)
    )

    @classmethod
    def from_config(cls, config: ArchdocConfig) -> Lifecycle:
        """The configured lifecycle, or the built-in one."""
        statuses = tuple(s.lower() for s in config.adr_statuses) or DEFAULT_STATUSES
        if config.adr_transitions:
            transitions = {
                k.lower(): tuple(v.lower() for v in vs) for k, vs in config.adr_transitions.items()
            }
        elif config.adr_statuses:
            # Custom statuses without transitions: any change between them is allowed.
            transitions = {s: tuple(t for t in statuses if t != s) for s in statuses}
        else:
            transitions = dict(DEFAULT_TRANSITIONS)
        return cls(statuses=statuses, transitions=transitions)

    def is_known(self, status: str) -> bool:
        return status.lower() in self.statuses

    def allowed_from(self, status: str) -> tuple[str, ...]:
        return self.transitions.get(status.lower(), ())

    def check_status(self, status: str) -> str:
        """``status`` normalised; an AdrError naming the allowed ones if it is not one of them."""
        wanted = normalise_status(status)
        if wanted not in self.statuses:
            raise AdrError(
                f"unknown ADR status {status!r}",
                hint="allowed statuses: " + ", ".join(self.statuses),
            )
        return wanted

    def check_transition(self, current: str, new: str, *, label: str) -> None:
        """Raise an AdrError unless ``current -> new`` is allowed."""
        if new in self.allowed_from(current):
            return
        allowed = self.allowed_from(current)
        raise AdrError(
            f"{label} cannot go from {current or 'no status'!r} to {new!r}",
            hint=(f"from {current!r} it can become: " + ", ".join(allowed)) if allowed
            else f"{current!r} is final; write a new ADR that supersedes it",
        )


def in_force(status: str) -> bool:
    """A decision that holds (not a draft, a proposal, rejected or unreadable): a successor with
    such a status supersedes its predecessor; a pending one does not yet."""
    return status not in PENDING_STATUSES
