"""The steps of a LikeC4 dynamic view, from a flow's messages, notes and blocks.

LikeC4 forbids a step between an element and its own part, has no notes over participants,
no branches in a ``parallel`` block, no ``parallel`` directly inside another and no empty
block; each is said once (``Writer.drop``) and carried as closely as LikeC4 allows.
"""

from __future__ import annotations

from typing import Protocol

from archdoc.model.flows import FlowBlock, FlowItem, FlowMessage, FlowNote, walk
from archdoc.render.likec4_names import c4_string
from archdoc.views import SequenceView

__all__ = ["Steps", "Writer"]


class _Out(Protocol):
    lines: list[str]

    def add(self, text: str = "") -> None: ...

    def open(self, text: str) -> None: ...

    def close(self) -> None: ...


class Writer(Protocol):
    """What the steps need of the document's writer."""

    fqn: dict[str, str]

    @property
    def out(self) -> _Out: ...

    def drop(self, what: str, example: str | None = None) -> None: ...


_NOTES = ("notes over participants: LikeC4 has none; each is kept in the `notes` of the step "
          "after it")


class Steps:
    """The steps of a dynamic view: messages, with notes kept as the notes of the next step."""

    def __init__(self, writer: Writer, view: SequenceView) -> None:
        self.w = writer
        self.view = view
        self.names = {p.id: p.name for p in view.participants}
        self.pending: list[str] = []
        self.last_step_line: int | None = None
        """Index in the output of the last step written, for notes that follow every step."""

    def emit(self, items: list[FlowItem], *, parallel: bool) -> None:
        for item in items:
            if isinstance(item, FlowMessage):
                self.message(item)
            elif isinstance(item, FlowNote):
                over = ", ".join(self.names.get(o, o) for o in item.over_ids)
                self.pending.append(f"{over}: {item.text}")
                self.w.drop(_NOTES, self.view.key)
            elif isinstance(item, FlowBlock):
                self.block(item, parallel=parallel)

    def _has_steps(self, items: list[FlowItem]) -> bool:
        return any(isinstance(m, FlowMessage) and self._ok(m) for m in walk(items))

    def _ok(self, m: FlowMessage) -> bool:
        fqn = self.w.fqn
        if m.source_id not in fqn or m.destination_id not in fqn:
            return False
        a, b = fqn[m.source_id], fqn[m.destination_id]
        return a == b or not (b.startswith(a + ".") or a.startswith(b + "."))

    def message(self, m: FlowMessage) -> None:
        out = self.w.out
        fqn = self.w.fqn
        if m.source_id not in fqn or m.destination_id not in fqn:
            self.w.drop("steps of flows with an element the model lacks", self.view.key)
            return
        if not self._ok(m):
            self.w.drop("steps between an element and its own part: LikeC4 forbids them; each "
                        "is kept in the `notes` of the step after it", self.view.key)
            text = f"{self.names[m.source_id]} -> {self.names[m.destination_id]}"
            self.pending.append(text + (f": {m.description}" if m.description else ""))
            return
        if m.kind == "reply":
            head = f"{fqn[m.destination_id]} <- {fqn[m.source_id]}"
        else:
            head = f"{fqn[m.source_id]} -> {fqn[m.destination_id]}"
        if m.description:
            head += " " + c4_string(m.description)
        props = []
        if m.technology:
            props.append(f"technology {c4_string(m.technology)}")
        if self.pending:
            props.append(f"notes {c4_string(chr(10).join(self.pending))}")
            self.pending = []
        if props:
            out.open(head)
            for line in props:
                out.add(line)
            out.close()
        else:
            out.add(head)
        self.last_step_line = len(out.lines) - 1

    def block(self, block: FlowBlock, *, parallel: bool) -> None:
        out = self.w.out
        branches = [b for b in block.branches if self._has_steps(b.items)]
        if len(branches) < len(block.branches):
            self.w.drop("branches of flow blocks without a step: LikeC4 needs a step in "
                        "every block", self.view.key)
        if not branches:
            for branch in block.branches:
                self.emit(branch.items, parallel=parallel)
            return
        if block.kind == "alt":
            out.open("alt")
            for n, branch in enumerate(branches):
                word = "when" if n == 0 else "else"
                label = f" {c4_string(branch.label)}" if branch.label else ""
                out.open(f"{word}{label}")
                self.emit(branch.items, parallel=False)
                out.close()
            out.close()
            return
        if block.kind == "par":
            if parallel:
                self.w.drop("parallel blocks directly inside parallel blocks: LikeC4 forbids "
                            "them; their steps join the outer block", self.view.key)
                for branch in branches:
                    self.emit(branch.items, parallel=True)
                return
            if len(branches) > 1:
                self.w.drop("branches of parallel blocks: LikeC4's `parallel` has none; they "
                            "are merged into one block", self.view.key)
            labels = " | ".join(b.label for b in branches if b.label)
            out.open("parallel" + (f" {c4_string(labels)}" if labels else ""))
            for branch in branches:
                self.emit(branch.items, parallel=True)
            out.close()
            return
        branch = branches[0]
        label = f" {c4_string(branch.label)}" if branch.label else ""
        out.open(f"{block.kind}{label}")
        self.emit(branch.items, parallel=False)
        out.close()

    def flush_notes(self) -> None:
        """Notes after the last step: appended to it."""
        if not self.pending:
            return
        if self.last_step_line is None:
            self.w.drop("notes of flows without a step", self.view.key)
            return
        out = self.w.out
        line = out.lines[self.last_step_line]
        indent = line[: len(line) - len(line.lstrip())]
        note = f"{indent}  notes {c4_string(chr(10).join(self.pending))}"
        if line.endswith(" {"):
            out.lines.insert(self.last_step_line + 1, note)
        else:
            out.lines[self.last_step_line: self.last_step_line + 1] = [
                line + " {", note, indent + "}"]
        self.pending = []
