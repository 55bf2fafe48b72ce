"""A do-nothing stand-in of archdoc's public API: the floor under building a model.

It exposes every name of ``archdoc.__all__``. Every builder call (``Workspace(...)``,
``ws.system(...)``, ``bench.container(...)``, ``svc.uses(...)``, ``with ws.flow(...) as f``...)
returns at once, with one shared object that answers every further call the same way. Running
a model package against it (``bench/validate_bench.py`` puts this directory first on
``sys.path``) measures what the user's own code costs — Python compiling and executing the
model files — with none of archdoc's work: the floor that building the model through the real
API is compared with.

The builder methods are real methods (one call, as in archdoc), not ``__getattr__`` tricks,
so that the floor is not inflated by the stand-in itself; ``__getattr__`` only answers the
rest (an attribute read such as ``svc.id``). ``tests/bench/test_standin.py`` checks that every
public method of the real API has a method here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__version__ = "0.1.0"


class _Anything:
    """Whatever a model asks for: every call returns the one shared instance at once."""

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> _Anything:
        return _ANYTHING

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __call__(self, *args: Any, **kwargs: Any) -> _Anything:
        return self

    def __getattr__(self, name: str) -> _Anything:
        return self

    def __enter__(self) -> _Anything:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __getitem__(self, key: object) -> _Anything:
        return self

    def __bool__(self) -> bool:  # an element, a relationship... (not an empty collection)
        return True


METHODS = (
    "person", "system", "container", "database", "queue", "component", "uses", "publishes",
    "subscribes", "failure_mode", "view", "style", "flow", "step", "reply", "note", "alt",
    "otherwise", "opt", "loop", "parallel", "also", "environment", "node", "infrastructure",
    "deploy", "get", "find", "suggest", "nearest", "children_of", "children_ids", "people",
    "systems", "containers", "relationships_of", "nodes_of", "ancestors", "is_ancestor_of",
    "messages", "participant_ids",
)
"""The public methods of the real API's classes (builders and readers)."""


def _returns_at_once(self: _Anything, *args: Any, **kwargs: Any) -> _Anything:
    return self


for _name in METHODS:
    setattr(_Anything, _name, _returns_at_once)

_ANYTHING = object.__new__(_Anything)


class ArchdocError(Exception):
    """Stand-in of archdoc's error base (so that ``except ModelError`` in a model still works)."""


class ConfigError(ArchdocError):
    pass


class ModelError(ArchdocError):
    pass


class ModelLoadError(ArchdocError):
    pass


class ReferenceNotFound(ArchdocError):
    pass


class AdrError(ArchdocError):
    pass


class ObservedError(ArchdocError):
    pass


Workspace = Element = Person = SoftwareSystem = Container = Database = Queue = Component = \
    Relationship = Event = EventLink = FailureMode = Flow = Style = View = Environment = \
    DeploymentNode = ContainerInstance = SourceLocation = _Anything

__all__ = [
    "AdrError", "ArchdocError", "Component", "ConfigError", "Container", "ContainerInstance",
    "Database", "DeploymentNode", "Element", "Environment", "Event", "EventLink", "FailureMode",
    "Flow", "ModelError", "ModelLoadError", "ObservedError", "Person", "Queue",
    "ReferenceNotFound", "Relationship", "SoftwareSystem", "SourceLocation", "Style", "View",
    "Workspace", "__version__",
]
