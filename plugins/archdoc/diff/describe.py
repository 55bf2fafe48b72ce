"""Words for changes, shared by the text and the Markdown reports."""

from __future__ import annotations

import json
from typing import Any

from archdoc.diff.document import DiffDocument, FieldChange, ListChange

__all__ = ["KINDS", "count_words", "field_words", "list_delta", "summary_parts", "value_words"]

KINDS: tuple[tuple[str, str, str], ...] = (
    ("elements", "element", "elements"),
    ("relationships", "relationship", "relationships"),
    ("events", "event", "events"),
    ("flows", "flow", "flows"),
    ("views", "view", "views"),
    ("deployment", "deployment item", "deployment items"),
    ("decisions", "decision", "decisions"),
)
"""(attribute of the document, singular, plural) of each kind compared, in report order."""


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def count_words(document: DiffDocument, kind: str) -> str:
    """``2 elements added, 1 removed, 3 changed`` (empty when nothing of the kind changed)."""
    _, one, many = next(k for k in KINDS if k[0] == kind)
    changes = getattr(document, kind)
    counts = [(len(changes.added), "added"), (len(changes.removed), "removed"),
              (len(changes.changed), "changed")]
    parts = [f"{n} {word}" for n, word in counts if n]
    if not parts:
        return ""
    first = next(n for n, _ in counts if n)
    return parts[0].replace(str(first), _plural(first, one, many), 1) + "".join(
        f", {p}" for p in parts[1:]
    )


def finding_words(document: DiffDocument) -> str:
    """``2 new findings (1 error), 1 fixed``."""
    new, fixed = document.findings.new, document.findings.fixed
    parts = []
    if new:
        errors = sum(f.severity == "error" for f in new)
        parts.append(_plural(len(new), "new finding", "new findings")
                     + (f" ({_plural(errors, 'error', 'errors')})" if errors else ""))
    if fixed:
        parts.append(
            f"{len(fixed)} fixed" if new else _plural(len(fixed), "finding fixed", "findings fixed")
        )
    return ", ".join(parts)


def summary_parts(document: DiffDocument) -> list[str]:
    """One phrase per kind that changed, then the findings."""
    parts = [words for kind, _, _ in KINDS if (words := count_words(document, kind))]
    if (findings := finding_words(document)):
        parts.append(findings)
    return parts


def value_words(value: Any) -> str:
    """A field value as the reports quote it: text in double quotes, nothing as ``(none)``."""
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _show(value: Any) -> str:
    """An id, or a pair as ``a -> b``."""
    return " -> ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def list_delta(before: list[Any], after: list[Any]) -> tuple[list[str], list[str]]:
    """(added, removed) between two lists of ids or pairs, as text, in their order."""
    old, new = [_show(v) for v in before], [_show(v) for v in after]
    return [v for v in new if v not in old], [v for v in old if v not in new]


def field_words(name: str, change: FieldChange | ListChange, *, arrow: str = "->") -> str:
    """``description: "Orders" -> "Orders and checkout"``; lists as ``tags: +pci, -legacy``;
    mappings key by key."""
    if isinstance(change, ListChange):
        items = [f"+{_show(v)}" for v in change.added] + [f"-{_show(v)}" for v in change.removed]
        return f"{name}: {', '.join(items)}"
    before, after = change.from_, change.to
    if isinstance(before, list) and isinstance(after, list):
        added, removed = list_delta(before, after)
        items = [f"+{v}" for v in added] + [f"-{v}" for v in removed]
        return f"{name}: {', '.join(items) if items else 'reordered'}"
    if isinstance(before, dict) and isinstance(after, dict):
        items = []
        for key in dict.fromkeys([*before, *after]):
            if key not in before:
                items.append(f"+{key} {value_words(after[key])}")
            elif key not in after:
                items.append(f"-{key}")
            elif before[key] != after[key]:
                items.append(f"{key} {value_words(before[key])} {arrow} {value_words(after[key])}")
        return f"{name}: {', '.join(items)}"
    return f"{name}: {value_words(before)} {arrow} {value_words(after)}"
