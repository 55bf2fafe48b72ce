"""The closed vocabularies of the model, and their checks at the user's call site."""

from __future__ import annotations

import math
from typing import Any, Literal, get_args

from archdoc.errors import ModelError
from archdoc.source import caller_location

__all__ = [
    "Interaction",
    "Criticality",
    "Access",
    "ElementKind",
    "CRITICALITY_ORDER",
    "INTERACTIONS",
    "ACCESSES",
    "check_choice",
    "check_text",
    "check_tags",
    "check_properties",
]

Interaction = Literal["sync", "async"]
Criticality = Literal["critical", "high", "medium", "low"]
Access = Literal["read", "write", "readwrite"]
ElementKind = Literal["person", "system", "container", "database", "queue", "component"]

CRITICALITY_ORDER: dict[str, int] = {"critical": 0, "high": 1, "medium": 2, "low": 3}
"""Lower is more critical."""
INTERACTIONS: frozenset[str] = frozenset(get_args(Interaction))
ACCESSES: frozenset[str] = frozenset(get_args(Access))

PropertyValue = str | int | float | bool


# The checks return values of exactly the records' field types, as pydantic's validation would
# make them (a ``str`` subclass such as a ``StrEnum`` member becomes its ``str``), because the
# builder API makes its records from them without validating again (``Record.from_checked``).
# Each has a fast path for the common exact types and keeps its message for everything else.

_CHOICES: dict[int, dict[object, object]] = {}


def check_choice(value: object, argument: str, allowed: object, call: str) -> Any:
    """``value`` as the member of ``allowed`` it equals; a ModelError at the user's call site
    when it is none of them."""
    choices = _CHOICES.get(id(allowed))
    if choices is None:
        choices = _CHOICES[id(allowed)] = {c: c for c in get_args(allowed)}
    try:
        member = choices.get(value)
    except TypeError:  # unhashable: not a choice
        member = None
    if member is None:
        member = next((c for c in choices if value == c), None)
    if member is None:
        listed = ", ".join(repr(c) for c in choices)
        raise ModelError(
            f"{call}(): {argument}={value!r} is not one of {listed}",
            location=caller_location(),
            hint=f"use one of {listed} for {argument}",
        )
    return member


def check_text(value: object, argument: str, call: str, *, optional: bool = True) -> str:
    """A string argument, or '' for None when optional."""
    if type(value) is str:
        return value
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise ModelError(
            f"{call}(): {argument} must be a string, not {type(value).__name__} ({value!r})",
            location=caller_location(),
            hint=f"pass {argument} as text, e.g. {argument}=\"...\"",
        )
    return str.__str__(value)


def check_tags(value: object, call: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not all(isinstance(t, str) for t in value):  # type: ignore[attr-defined]
        raise ModelError(
            f"{call}(): tags must be a list of strings, not {value!r}",
            location=caller_location(),
            hint='write tags=["critical", "pci"]',
        )
    return [t if type(t) is str else str.__str__(t) for t in value]  # type: ignore[attr-defined]


_PROPERTY_TYPES = (str, int, float, bool)


def check_properties(value: object, call: str) -> dict[str, PropertyValue]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, _PROPERTY_TYPES)
        and not (isinstance(v, float) and not math.isfinite(v))
        for k, v in value.items()
    ):
        raise ModelError(
            f"{call}(): properties must map strings to strings, finite numbers or booleans, "
            f"not {value!r}",
            location=caller_location(),
            hint='write properties={"port": 8080, "team": "checkout"}',
        )
    if all(type(k) is str and type(v) in _PROPERTY_TYPES for k, v in value.items()):
        return dict(value)
    return {_exact(k): _exact(v) for k, v in value.items()}  # type: ignore[misc]


def _exact(value: str | int | float | bool) -> PropertyValue:
    """A ``str``, ``int`` or ``float`` subclass's value as that type (``IntEnum`` -> ``int``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    return float.__float__(value)
