"""Dynamic views: flows drawn as sequence diagrams.

A flow is a list of items: messages (``step`` and ``reply``), notes, and blocks (``alt`` with
``otherwise`` branches, ``opt``, ``loop``, ``parallel`` with ``also`` branches), which nest.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import ConfigDict, Field, PrivateAttr

from archdoc.errors import ModelError
from archdoc.model.records import Record
from archdoc.model.values import check_text
from archdoc.source import caller_location

if TYPE_CHECKING:
    from archdoc.model.elements import ElementRef
    from archdoc.model.workspace import Workspace

__all__ = ["Flow", "FlowMessage", "FlowNote", "FlowBlock", "FlowBranch", "FlowItem"]

BlockKind = Literal["alt", "opt", "loop", "par"]


class FlowMessage(Record):
    """A call (``step``) or its answer (``reply``) from one participant to another."""

    kind: Literal["step", "reply"]
    source_id: str
    destination_id: str
    description: str = ""
    technology: str = ""


class FlowNote(Record):
    """A note over one or more participants."""

    kind: Literal["note"] = "note"
    over_ids: list[str]
    text: str


class FlowBranch(Record):
    # The docstring is the description of the JSON schema (archdoc schema): one line.
    """One branch of a block: the ``alt`` itself or an ``otherwise``, a ``parallel`` or an ``also``."""  # noqa: E501

    label: str = ""
    items: list[FlowItem] = []


class FlowBlock(Record):
    # The docstring is the description of the JSON schema (archdoc schema): one line.
    """``alt``/``opt``/``loop``/``par`` with its branches (only ``alt`` and ``par`` have several)."""  # noqa: E501

    kind: BlockKind
    branches: list[FlowBranch]


FlowItem = Annotated[Union[FlowMessage, FlowNote, FlowBlock], Field(discriminator="kind")]
# FlowBranch and FlowBlock name FlowItem before it exists: pydantic resolves it when either is
# first validated or described (defer_build), not on import.


class Flow(Record):
    """A named scenario: who calls whom, in which order (a C4 dynamic view)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    name: str
    description: str = ""
    items: list[FlowItem] = []

    _workspace: Workspace | None = PrivateAttr(default=None)
    _stack: list[list[FlowItem]] = PrivateAttr(default_factory=list)

    # -- reading ---------------------------------------------------------------------------

    def messages(self) -> Iterator[FlowMessage]:
        """Every step and reply, in order, through all blocks."""
        yield from _messages(self.items)

    def participant_ids(self) -> list[str]:
        """Ids of every participant, in order of first appearance."""
        seen: dict[str, None] = {}
        for item in _walk(self.items):
            if isinstance(item, FlowMessage):
                seen.setdefault(item.source_id)
                seen.setdefault(item.destination_id)
            elif isinstance(item, FlowNote):
                for over in item.over_ids:
                    seen.setdefault(over)
        return list(seen)

    # -- building --------------------------------------------------------------------------

    def __enter__(self) -> Flow:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _current(self) -> list[FlowItem]:
        return self._stack[-1] if self._stack else self.items

    def _ref(self, ref: ElementRef, argument: str, call: str) -> str:
        assert self._workspace is not None
        return self._workspace.builder.reference_id(ref, argument, f"{self.id}.{call}")

    def step(
        self, source: ElementRef, destination: ElementRef, description: str = "", *,
        technology: str = "",
    ) -> FlowMessage:
        """``source`` calls ``destination``."""
        return self._message("step", source, destination, description, technology)

    def reply(
        self, source: ElementRef, destination: ElementRef, description: str = "", *,
        technology: str = "",
    ) -> FlowMessage:
        """``source`` answers ``destination`` (drawn as a dashed arrow)."""
        return self._message("reply", source, destination, description, technology)

    def _message(
        self, kind: Literal["step", "reply"], source: ElementRef, destination: ElementRef,
        description: str, technology: str,
    ) -> FlowMessage:
        message = FlowMessage(
            kind=kind,
            source_id=self._ref(source, "source", kind),
            destination_id=self._ref(destination, "destination", kind),
            description=check_text(description, "description", kind),
            technology=check_text(technology, "technology", kind),
            location=caller_location(),
        )
        self._current().append(message)
        return message

    def note(self, over: ElementRef | list[ElementRef], text: str) -> FlowNote:
        """A note over one participant, or spanning several."""
        refs = over if isinstance(over, list) else [over]
        note = FlowNote(
            over_ids=[self._ref(r, "over", "note") for r in refs],
            text=check_text(text, "text", "note", optional=False),
            location=caller_location(),
        )
        self._current().append(note)
        return note

    @contextmanager
    def _block(self, kind: BlockKind, label: str) -> Iterator[Flow]:
        branch = FlowBranch(label=check_text(label, "label", kind), location=caller_location())
        self._current().append(FlowBlock(kind=kind, branches=[branch], location=branch.location))
        with self._inside(branch):
            yield self

    @contextmanager
    def _inside(self, branch: FlowBranch) -> Iterator[Flow]:
        self._stack.append(branch.items)
        try:
            yield self
        finally:
            self._stack.pop()

    @contextmanager
    def _next_branch(self, kind: BlockKind, call: str, opener: str, label: str) -> Iterator[Flow]:
        items = self._current()
        last = items[-1] if items else None
        if not isinstance(last, FlowBlock) or last.kind != kind:
            raise ModelError(
                f"{call}() must directly follow a `with flow.{opener}(...)` block",
                location=caller_location(),
                hint=f"write `with f.{opener}(\"...\"):` ... then `with f.{call}(\"...\"):`",
            )
        branch = FlowBranch(label=check_text(label, "label", call), location=caller_location())
        last.branches.append(branch)
        with self._inside(branch):
            yield self

    def alt(self, label: str = "") -> AbstractContextManager[Flow]:
        """The first branch of alternatives; follow it with ``otherwise`` blocks."""
        return self._block("alt", label)

    def otherwise(self, label: str = "") -> AbstractContextManager[Flow]:
        """Another branch of the ``alt`` block just before it (Mermaid ``else``)."""
        return self._next_branch("alt", "otherwise", "alt", label)

    def opt(self, label: str = "") -> AbstractContextManager[Flow]:
        """Steps that happen only under a condition."""
        return self._block("opt", label)

    def loop(self, label: str = "") -> AbstractContextManager[Flow]:
        """Steps that repeat."""
        return self._block("loop", label)

    def parallel(self, label: str = "") -> AbstractContextManager[Flow]:
        """The first of parallel branches; follow it with ``also`` blocks."""
        return self._block("par", label)

    def also(self, label: str = "") -> AbstractContextManager[Flow]:
        """Another branch of the ``parallel`` block just before it (Mermaid ``and``)."""
        return self._next_branch("par", "also", "parallel", label)


def _walk(items: list[FlowItem]) -> Iterator[FlowMessage | FlowNote | FlowBlock]:
    for item in items:
        yield item
        if isinstance(item, FlowBlock):
            for branch in item.branches:
                yield from _walk(branch.items)


def _messages(items: list[FlowItem]) -> Iterator[FlowMessage]:
    for item in _walk(items):
        if isinstance(item, FlowMessage):
            yield item


def walk(items: list[FlowItem]) -> Iterator[FlowMessage | FlowNote | FlowBlock]:
    """Every item of a flow, depth first, in order."""
    return _walk(items)
