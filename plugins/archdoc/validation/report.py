"""Reports of diagnostics: human text (like a compiler), JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby
from typing import Any, Literal

from archdoc.source import relative_to_cwd
from archdoc.validation.diagnostics import Diagnostic

__all__ = ["ReportFormat", "diagnostic_record", "format_report", "summary_line"]

ReportFormat = Literal["text", "json", "github"]


def summary_line(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return "archdoc: no problems found"
    return (
        f"archdoc: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )


def _file(d: Diagnostic) -> str:
    return relative_to_cwd(d.location.file) if d.location else "(no file)"


def format_text(diagnostics: Sequence[Diagnostic]) -> str:
    """``model/x.py:42: error[rule] message`` with a hint line, grouped by file, then a summary."""
    lines: list[str] = []
    for file, group in groupby(diagnostics, key=_file):
        for d in group:
            line = f":{d.location.line}" if d.location else ""
            lines.append(f"{file}{line}: {d.severity}[{d.rule}] {d.message}")
            if d.hint:
                lines.append(f"    hint: {d.hint}")
        lines.append("")
    lines.append(summary_line(diagnostics))
    return "\n".join(lines) + "\n"


def diagnostic_record(d: Diagnostic) -> dict[str, Any]:
    """One finding as ``--format json`` lists it (the file relative to the working directory)."""
    return {
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "hint": d.hint,
        "file": _file(d) if d.location else None,
        "line": d.location.line if d.location else None,
        "subject": d.subject,
    }


def format_json(diagnostics: Sequence[Diagnostic], *, extra: dict[str, Any] | None = None) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    payload: dict[str, Any] = {
        "diagnostics": [diagnostic_record(d) for d in diagnostics],
        "summary": {"errors": errors, "warnings": len(diagnostics) - errors},
        **(extra or {}),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning`` line each."""
    lines = []
    for d in diagnostics:
        props = [f"title={_escape_property('archdoc ' + d.rule)}"]
        if d.location:
            props.insert(0, f"file={_escape_property(_file(d))},line={d.location.line}")
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        lines.append(f"::{d.severity} {','.join(props)}::{_escape_data(message)}")
    lines.append(summary_line(diagnostics))
    return "\n".join(lines) + "\n"


def format_report(diagnostics: Sequence[Diagnostic], fmt: ReportFormat) -> str:
    return {"text": format_text, "json": format_json, "github": format_github}[fmt](diagnostics)
