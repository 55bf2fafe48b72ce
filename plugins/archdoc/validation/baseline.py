"""Validation baselines: today's findings, recorded so that only new ones fail.

A team adopting archdoc on a large model meets all its findings at once. ``archdoc validate
--write-baseline FILE`` records them; ``archdoc validate --baseline FILE`` then reports and
fails only on findings that are not in it. A finding is matched by its rule, its subject (the
id it is about) and its message, never by its line: lines move with every edit. File and line
references inside a message (``first declared at model/shop.py:12``) are left out for the same
reason.

The file is JSON, sorted by rule, subject and message, one finding per entry, so that its diff
in a review says exactly which findings were accepted or fixed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.errors import ArchdocError
from archdoc.source import SourceLocation
from archdoc.validation.diagnostics import Diagnostic

__all__ = [
    "BASELINE_FORMAT",
    "Baseline",
    "BaselineError",
    "BaselineResult",
    "apply_baseline",
    "finding_key",
    "read_baseline",
    "write_baseline",
]

BASELINE_FORMAT = "archdoc.baseline/1"

_LOCATION = re.compile(r"(\S+?\.(?:py|md|markdown|ya?ml|json|dsl)):\d+(?::\d+)?")
"""``model/shop.py:12`` in a message: the file is kept, the line is not."""


class BaselineError(ArchdocError):
    """The baseline file is missing, unreadable or not a baseline."""


Key = tuple[str, str, str]


def finding_key(rule: str, subject: str, message: str) -> Key:
    """What identifies a finding across edits: rule, subject, message without line numbers."""
    return (rule, subject, _LOCATION.sub(r"\1", " ".join(message.split())))


def _key(d: Diagnostic) -> Key:
    return finding_key(d.rule, d.subject, d.message)


@dataclass
class Baseline:
    """The findings a baseline file accepts (a finding recorded twice is accepted twice)."""

    path: Path
    entries: Counter[Key] = field(default_factory=Counter)


@dataclass
class BaselineResult:
    """Findings split by a baseline."""

    new: list[Diagnostic]
    """Not in the baseline: these are reported and fail the run."""
    known: int
    """How many findings the baseline accepted."""
    fixed: list[Key]
    """Baseline entries no finding matched any more (the baseline can be rewritten)."""


def apply_baseline(diagnostics: Sequence[Diagnostic], baseline: Baseline) -> BaselineResult:
    """Split ``diagnostics`` into the new ones and those the baseline knows."""
    available = Counter(baseline.entries)
    new: list[Diagnostic] = []
    known = 0
    for d in diagnostics:
        key = _key(d)
        if available[key] > 0:
            available[key] -= 1
            known += 1
        else:
            new.append(d)
    fixed = sorted(k for k, n in available.items() for _ in range(n))
    return BaselineResult(new=new, known=known, fixed=fixed)


def baseline_text(diagnostics: Sequence[Diagnostic]) -> str:
    """The baseline file's content: sorted, stable, one entry per finding."""
    keys = sorted(_key(d) for d in diagnostics)
    payload = {
        "format": BASELINE_FORMAT,
        "findings": [{"rule": r, "subject": s, "message": m} for r, s, m in keys],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, diagnostics: Sequence[Diagnostic]) -> int:
    """Record ``diagnostics`` in ``path`` atomically (temporary file, then rename); the count."""
    text = baseline_text(diagnostics)
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise BaselineError(
            f"cannot write the baseline {path}: the directory {directory} does not exist",
            hint="create the directory, or give another path to --write-baseline",
        )
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise BaselineError(f"cannot write the baseline {path}: {exc.strerror}",
                            hint="check the permissions of the file and its directory") from None
    return len(diagnostics)


def read_baseline(path: Path) -> Baseline:
    """The baseline recorded in ``path``; a clear error at the file's line when it is not one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(
            f"baseline file {path} does not exist",
            hint=f"record today's findings first: archdoc validate --write-baseline {path}",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(
            f"cannot read the baseline {path}: {exc}",
            hint="the baseline is a UTF-8 JSON file written by --write-baseline",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path.name} is not valid JSON: {exc.msg}",
                            location=SourceLocation(str(path), exc.lineno),
                            hint="fix the file, or record it again with --write-baseline") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("format") != BASELINE_FORMAT
        or not isinstance(findings, list)
    ):
        raise BaselineError(
            f"{path} is not an archdoc baseline (no \"format\": \"{BASELINE_FORMAT}\" "
            "with a list of \"findings\")",
            location=SourceLocation(str(path), 1),
            hint="record it with archdoc validate --write-baseline FILE",
        )
    entries: Counter[Key] = Counter()
    for n, entry in enumerate(findings):
        if not (
            isinstance(entry, dict)
            and all(isinstance(entry.get(k), str) for k in ("rule", "message"))
            and isinstance(entry.get("subject", ""), str)
        ):
            raise BaselineError(
                f"baseline {path.name}: finding {n + 1} needs string \"rule\", "
                "\"subject\" and \"message\"",
                location=SourceLocation(str(path), _line_of_entry(text, n)),
                hint="fix the entry, or record the baseline again with --write-baseline",
            )
        entries[finding_key(entry["rule"], entry.get("subject", ""), entry["message"])] += 1
    return Baseline(path=path, entries=entries)


def _line_of_entry(text: str, index: int) -> int:
    """The line where the ``index``-th object of the findings list starts (as written by
    --write-baseline: one ``{`` per line); the ``"findings"`` line otherwise."""
    start = max(text.find('"findings"'), 0)
    first = text.count("\n", 0, start) + 1
    opening = [n for n, row in enumerate(text[start:].splitlines()) if row.strip().startswith("{")]
    return first + opening[index] if index < len(opening) else first
