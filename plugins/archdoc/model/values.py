"""The closed vocabularies of the model, and their checks at the user's call site."""

from __future__ import annotations

import math
from typing import Literal, get_args

from archdoc.errors import ModelError
from archdoc.source import caller_location

__all__ = [
    "Interaction",
    "Criticality",
    "Access",
    "ElementKind",
    "CRITICALITY_ORDER",
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

PropertyValue = str | int | float | bool


_CHOICES: dict[int, tuple[object, ...]] = {}


def check_choice(value: object, argument: str, allowed: object, call: str) -> None:
    """Raise a ModelError at the user's call site when ``value`` is not one of ``allowed``."""
    choices = _CHOICES.get(id(allowed))
    if choices is None:
        choices = _CHOICES[id(allowed)] = get_args(allowed)
    if value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise ModelError(
            f"{call}(): {argument}={value!r} is not one of {listed}",
            location=caller_location(),
            hint=f"use one of {listed} for {argument}",
        )


def check_text(value: object, argument: str, call: str, *, optional: bool = True) -> str:
    """A string argument, or '' for None when optional."""
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise ModelError(
            f"{call}(): {argument} must be a string, not {type(value).__name__} ({value!r})",
            location=caller_location(),
            hint=f"pass {argument} as text, e.g. {argument}=\"...\"",
        )
    return value


def check_tags(value: object, call: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not all(isinstance(t, str) for t in value):  # type: ignore[attr-defined]
        raise ModelError(
            f"{call}(): tags must be a list of strings, not {value!r}",
            location=caller_location(),
            hint='write tags=["critical", "pci"]',
        )
    return list(value)  # type: ignore[arg-type]


def check_properties(value: object, call: str) -> dict[str, PropertyValue]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, (str, int, float, bool))
        and not (isinstance(v, float) and not math.isfinite(v))
        for k, v in value.items()
    ):
        raise ModelError(
            f"{call}(): properties must map strings to strings, finite numbers or booleans, not {value!r}",
            location=caller_location(),
            hint='write properties={"port": 8080, "team": "checkout"}',
        )
    return dict(value)
