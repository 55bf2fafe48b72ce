"""Report formats: compiler-like text, JSON, GitHub workflow commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archdoc.source import SourceLocation
from archdoc.validation.diagnostics import Diagnostic
from archdoc.validation.report import format_report, summary_line


def diag(
    rule: str, severity: str, message: str, file: str | None, line: int = 1, hint: str = ""
) -> Diagnostic:
    location = SourceLocation(file, line) if file else None
    return Diagnostic(rule=rule, severity=severity, message=message, hint=hint, location=location,  # type: ignore[arg-type]
                      subject="x")


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sample(root: Path) -> list[Diagnostic]:
    return [
        diag("a-rule", "error", "first", str(root / "model" / "a.py"), 3, "fix it"),
        diag("b-rule", "warning", "second", str(root / "model" / "a.py"), 9),
        diag("c-rule", "error", "third", str(root / "model" / "b.py"), 1, "or this"),
        diag("d-rule", "warning", "nowhere", None),
    ]


@pytest.mark.parametrize(
    ("counts", "line"),
    [((0, 0), "archdoc: no problems found"), ((1, 0), "archdoc: 1 error, 0 warnings"),
     ((0, 1), "archdoc: 0 errors, 1 warning"), ((2, 3), "archdoc: 2 errors, 3 warnings")],
)
def test_summary_line(counts: tuple[int, int], line: str) -> None:
    found = [diag("r", "error", "m", None)] * counts[0] + [
        diag("r", "warning", "m", None)
    ] * counts[1]
    assert summary_line(found) == line


def test_text_is_grouped_by_file_with_relative_paths(cwd: Path) -> None:
    assert format_report(sample(cwd), "text") == (
        "model/a.py:3: error[a-rule] first\n"
        "    hint: fix it\n"
        "model/a.py:9: warning[b-rule] second\n"
        "\n"
        "model/b.py:1: error[c-rule] third\n"
        "    hint: or this\n"
        "\n"
        "(no file): warning[d-rule] nowhere\n"
        "\n"
        "archdoc: 2 errors, 2 warnings\n"
    )


def test_paths_outside_the_working_directory_stay_absolute(cwd: Path) -> None:
    text = format_report([diag("r", "error", "m", "/elsewhere/x.py", 2)], "text")
    assert text.startswith("/elsewhere/x.py:2: error[r] m\n")


def test_empty_reports() -> None:
    assert format_report([], "text") == "archdoc: no problems found\n"
    assert json.loads(format_report([], "json")) == {
        "diagnostics": [],
        "summary": {"errors": 0, "warnings": 0},
    }
    assert format_report([], "github") == "archdoc: no problems found\n"


def test_json(cwd: Path) -> None:
    payload = json.loads(format_report(sample(cwd), "json"))
    assert payload["summary"] == {"errors": 2, "warnings": 2}
    assert payload["diagnostics"][0] == {
        "rule": "a-rule", "severity": "error", "message": "first", "hint": "fix it",
        "file": "model/a.py", "line": 3, "subject": "x",
    }
    assert (payload["diagnostics"][3]["file"], payload["diagnostics"][3]["line"]) == (None, None)


def test_github_annotations(cwd: Path) -> None:
    lines = format_report(sample(cwd), "github").splitlines()
    assert lines == [
        "::error file=model/a.py,line=3,title=archdoc a-rule::first (hint: fix it)",
        "::warning file=model/a.py,line=9,title=archdoc b-rule::second",
        "::error file=model/b.py,line=1,title=archdoc c-rule::third (hint: or this)",
        "::warning title=archdoc d-rule::nowhere",
        "archdoc: 2 errors, 2 warnings",
    ]


def test_github_escapes_data_and_properties(cwd: Path) -> None:
    d = diag("r", "error", "100% broken\nsee: a, b", str(cwd / "dir,with:odd" / "f.py"), 4)
    [line, _] = format_report([d], "github").splitlines()
    assert (
        line
        == "::error file=dir%2Cwith%3Aodd/f.py,line=4,title=archdoc r::100%25 broken%0Asee: a, b"
    )


def test_unicode_is_kept_readable(cwd: Path) -> None:
    d = diag("r", "error", "注文 is not in the model", str(cwd / "model" / "注文.py"), 1)
    assert "注文 is not in the model" in format_report([d], "json")
    assert format_report([d], "text").startswith("model/注文.py:1: error[r] 注文")
