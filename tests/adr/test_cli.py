"""`archdoc new-adr` and `archdoc adr ...`: in process with CliRunner, and as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archdoc.adr import read_log
from archdoc.cli import app
from archdoc.errors import AdrError

ARCHDOC = [sys.executable, "-c", "from archdoc.cli import main; main()"]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), catch_exceptions=True)

    return run


def _archdoc(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*ARCHDOC, *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=120)


def test_new_adr_prints_only_the_path(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("new-adr", "Use PostgreSQL & JSONB")
    assert result.exit_code == 0, result.output
    assert result.stdout == os.path.join("adr", "0001-use-postgresql-jsonb.md") + "\n"
    result = cli("adr", "new", "Second", "--template", "nygard", "--status", "accepted",
                 "--deciders", "Ana, Bram", "--relates", "1")
    assert result.stdout.strip().endswith("0002-second.md")
    log = read_log(tmp_path / "adr")
    assert log.require(2).deciders == ["Ana", "Bram"]
    assert log.require(1).links_of("relates") == [2]


def test_list_show_status_link(cli) -> None:  # type: ignore[no-untyped-def]
    cli("new-adr", "First", "--status", "accepted")
    cli("new-adr", "Second", "--status", "accepted")
    assert cli("adr", "link", "2", "1", "--type", "supersedes").exit_code == 0
    text = cli("adr", "list").stdout.splitlines()
    assert text[0].startswith("0001  superseded") and text[0].endswith("First")
    data = json.loads(cli("adr", "list", "--format", "json", "--status", "accepted").stdout)
    assert [(d["number"], d["links"]) for d in data] == [
        (2, [{"type": "supersedes", "target": 1, "declared": True}]),
    ]
    shown = cli("adr", "show", "1").stdout
    assert "ADR-0001: First" in shown and "superseded by: ADR-0002 Second" in shown
    result = cli("adr", "status", "2", "deprecated")
    assert result.exit_code == 0 and "accepted -> deprecated" in result.stdout


def test_errors_are_archdoc_errors(cli) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(cli("adr", "show", "4").exception, AdrError)
    assert isinstance(cli("new-adr", "X", "--supersedes", "9").exception, AdrError)
    assert isinstance(cli("adr", "status", "1", "nope").exception, AdrError)


def test_error_output_names_file_and_line_without_traceback(tmp_path: Path) -> None:
    adr = tmp_path / "adr"
    adr.mkdir()
    (adr / "0001-a.md").write_text("# 1. A\n\n## Status\n\nAccepted\n", encoding="utf-8")
    result = _archdoc(tmp_path, "adr", "status", "1", "proposed")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ADR-0001 A cannot go from 'accepted' to 'proposed'")
    assert "hint:" in result.stderr and "Traceback" not in result.stderr
    (adr / "0002-b.md").write_text("---\nstatus: [\n---\n# B\n", encoding="utf-8")
    listed = _archdoc(tmp_path, "adr", "list")
    assert listed.returncode == 0
    assert os.path.join("adr", "0002-b.md") + ":2: warning:" in listed.stderr


def test_affects_must_name_model_elements(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "__init__.py").write_text(
        "from archdoc import Workspace\nws = Workspace('Shop')\n"
        "ws.system('Shop').container('Order API')\n",
        encoding="utf-8",
    )
    ok = _archdoc(tmp_path, "new-adr", "Split orders", "--affects", "shop.order-api")
    assert ok.returncode == 0, ok.stderr
    assert read_log(tmp_path / "adr").require(1).affects == ["shop.order-api"]
    bad = _archdoc(tmp_path, "new-adr", "Typo", "--affects", "shop.order-apy")
    assert bad.returncode == 2
    assert "shop.order-apy" in bad.stderr and "shop.order-api" in bad.stderr  # closest ids
    assert len(read_log(tmp_path / "adr")) == 1


def test_twenty_concurrent_processes_get_twenty_numbers(tmp_path: Path) -> None:
    """Real processes started together: twenty files, numbers 1-20, nothing overwritten."""
    (tmp_path / "adr").mkdir()
    titles = [f"Decision {i}" for i in range(10)] + ["Same title"] * 10
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda t: _archdoc(tmp_path, "new-adr", t), titles))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    printed = sorted(r.stdout.strip() for r in results)
    assert len(set(printed)) == 20
    log = read_log(tmp_path / "adr")
    assert sorted(r.number for r in log) == list(range(1, 21))
    assert sorted(r.title for r in log) == sorted(titles)
    assert not log.warnings
    assert sorted(p.name for p in (tmp_path / "adr").iterdir()) == sorted(r.file.name for r in log)
