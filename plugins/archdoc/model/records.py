"""Plain records of the model: relationships, events, failure modes.

They are pydantic models, so the JSON export and its schema come from the same classes the
model is built from.

The builder API checks every argument itself and makes its records with
``Record.from_checked``, which does not validate them a second time (``archdoc.model.checked``);
a record made by hand, ``Person(id=..., name=..., kind="person")``, is validated as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from archdoc.model.checked import checked_constructor
from archdoc.model.values import Access, Criticality, Interaction, PropertyValue
from archdoc.source import SourceLocation

__all__ = ["Record", "Relationship", "FailureMode", "EventLink", "Event"]


class Record(BaseModel):
    """Base of every model record: strict fields, a source location."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=False, defer_build=True)

    location: SourceLocation | None = None
    """The file and line of the user's call that declared it."""

    from_checked: ClassVar[Callable[..., Any]]
    """``Relationship.from_checked(id=..., source_id=..., ...)``: the record of values the builder
    API has already checked, not validated again; every field must be given (see
    ``archdoc.model.checked``)."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.from_checked = staticmethod(checked_constructor(cls))


class Relationship(Record):
    """``source`` uses ``destination``: ``source`` depends on ``destination``."""

    id: str
    """``"<source id>-><destination id>"``, with ``~2``, ``~3`` for further ones of a pair."""
    source_id: str
    """The id of the element that depends."""
    destination_id: str
    """The id of the element depended on."""
    description: str = ""
    technology: str = ""
    operation: str = ""
    """An endpoint, topic or method, e.g. ``"POST /orders"``."""
    interaction: Interaction = "sync"
    criticality: Criticality | None = None
    access: Access | None = None
    """For a datastore: whether the source reads it, writes it or both."""
    tags: list[str] = []
    properties: dict[str, PropertyValue] = {}

    @property
    def is_async(self) -> bool:
        return self.interaction == "async"


class FailureMode(Record):
    """What happens when an element goes down, and what softens it."""

    element_id: str
    impact: str
    mitigation: str = ""
    fallback: str = ""
    detection: str = ""
    recovery: str = ""


class EventLink(Record):
    """One producer or consumer of an event, with its reason."""

    element_id: str
    reason: str = ""
    via_id: str | None = None
    """The queue or topic the event travels through, if declared."""


class Event(BaseModel):
    """A named event with its producers and consumers."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    description: str = ""
    producers: list[EventLink] = []
    consumers: list[EventLink] = []

