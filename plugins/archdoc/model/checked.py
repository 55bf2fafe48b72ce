"""Records made from values the builder API has already checked: each model call validates once.

Every argument of a model call (``ws.system(...)``, ``svc.uses(...)``) is checked by hand at the
user's call, with the messages of ``values.py``, and those checks return values of exactly the
record's field types. Validating them again in pydantic was most of the cost of declaring an
element, so the builders make their records with ``Record.from_checked(...)`` instead: a
constructor written for each record class (as ``dataclasses`` writes ``__init__``) that takes
every field as a keyword argument and sets the instance up the way pydantic's own
``model_construct`` does, without its per-field loop.

A record made this way is the one ``cls(**fields)`` gives: the same values, the same field order
in ``__dict__`` (which ``model_dump`` and the JSON export follow), the same
``model_fields_set`` (every field: the builders pass them all) and private attributes.
``tests/model/test_model_checked.py`` holds each builder's records to that. Records made by hand
(``Person(id=..., name=..., kind="person")``) are validated as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

__all__ = ["attach", "checked_constructor", "holder"]


def checked_constructor(cls: type[BaseModel]) -> Callable[..., Any]:
    """``cls.from_checked(**fields)``: every field of ``cls`` as a required keyword argument,
    its private attributes as optional ones (``_workspace=ws``)."""
    problem = _not_constructible(cls)
    if problem:
        def refuse(**_: Any) -> Any:
            raise TypeError(f"{cls.__name__} {problem}: build it with {cls.__name__}(...)")

        return refuse
    fields = list(cls.__pydantic_fields__)
    private = {name: attribute.default for name, attribute in cls.__private_attributes__.items()}
    parameters = [*fields, *(f"{name}=_private_{name}" for name in private)]
    values = ", ".join(f"{name!r}: {name}" for name in fields)
    private_values = ("{" + ", ".join(f"{name!r}: {name}" for name in private) + "}"
                      if private else "None")
    source = (
        f"def from_checked(*, {', '.join(parameters)}):\n"
        f"    record = _new(_cls)\n"
        f"    _set_dict(record, {{{values}}})\n"
        f"    _set_fields_set(record, _fields_set)\n"
        f"    _set_extra(record, None)\n"
        f"    _set_private(record, {private_values})\n"
        f"    return record\n"
    )
    namespace: dict[str, Any] = {
        "_new": object.__new__, "_cls": cls, **_SLOT_SETTERS,
        # One set shared by the class's checked records: every field is set, as validation of
        # the builders' calls (which pass every field) records. pydantic only ever adds to it
        # (a field assigned later, already in it) or copies it (model_copy).
        "_fields_set": set(fields),
        **{f"_private_{name}": default for name, default in private.items()},
    }
    exec(compile(source, f"<{cls.__qualname__}.from_checked>", "exec"), namespace)  # noqa: S102
    constructor: Callable[..., Any] = namespace["from_checked"]
    constructor.__qualname__ = f"{cls.__qualname__}.from_checked"
    constructor.__doc__ = (f"A {cls.__name__} of values the builder API has checked "
                           "(not validated again).")
    return constructor


# pydantic's model_construct sets these four slots of BaseModel with object.__setattr__; their
# descriptors' own setters do the same with less work (no attribute lookup on each call).
_SLOT_SETTERS = {
    "_set_dict": BaseModel.__dict__["__dict__"].__set__,
    "_set_fields_set": BaseModel.__dict__["__pydantic_fields_set__"].__set__,
    "_set_extra": BaseModel.__dict__["__pydantic_extra__"].__set__,
    "_set_private": BaseModel.__dict__["__pydantic_private__"].__set__,
}


def _not_constructible(cls: type[BaseModel]) -> str:
    """Why ``cls`` cannot skip validation ('' when it can)."""
    decorators = cls.__pydantic_decorators__
    if (decorators.validators or decorators.field_validators or decorators.root_validators
            or decorators.model_validators):
        return "has validators"
    hook = cls.model_post_init
    if hook is not BaseModel.model_post_init and not hook.__module__.startswith("pydantic."):
        return "completes itself in model_post_init"
    if cls.model_config.get("extra") == "allow":
        return "takes extra fields"
    for name, attribute in cls.__private_attributes__.items():
        mutable = isinstance(attribute.default, (list, dict, set))
        if attribute.default_factory is not None or mutable:
            return f"has a mutable default for {name}"
    return ""


_private_slot = BaseModel.__dict__["__pydantic_private__"].__get__


def holder(record: BaseModel) -> Any:
    """The workspace a model object belongs to (its ``_workspace``; None before it has one),
    read from pydantic's slot of private attributes: its ``__getattr__`` path is slow, and
    ``element.workspace`` is read on every ``uses()``."""
    return _private_slot(record)["_workspace"]


def attach(record: BaseModel, workspace: Any) -> None:
    """Make ``record`` belong to ``workspace`` (what :func:`holder` reads)."""
    _private_slot(record)["_workspace"] = workspace
