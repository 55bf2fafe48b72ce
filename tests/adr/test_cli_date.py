"""`archdoc new-adr --date`: records of decisions taken earlier keep their date."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from archdoc.cli import app


def test_new_adr_writes_the_given_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["new-adr", "Use PostgreSQL", "--date", "2021-03-04", "--dir", "adr"]
    )
    assert result.exit_code == 0, result.output
    assert "date: 2021-03-04" in (tmp_path / "adr/0001-use-postgresql.md").read_text()


def test_a_malformed_date_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from archdoc.errors import AdrError

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["new-adr", "X", "--date", "04/03/2021", "--dir", "adr"])
    assert isinstance(result.exception, AdrError)
    assert "YYYY-MM-DD" in str(result.exception)
    assert not list(tmp_path.glob("adr/*.md"))
