"""`archdoc new-adr` killed at every step of its writing: a record appears complete or not at
all, a temporary file left behind is reported and then removed, and a half-done supersede is an
error of `archdoc validate`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archdoc.adr import NewAdr, create_adr, read_log
from archdoc.adr.parse import read_adr
from archdoc.adr.write import temp_files
from archdoc.config import ArchdocConfig
from archdoc.validation.registry import RuleContext, run_rules

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked process")

OLD = "---\nstatus: accepted\ndate: 2024-01-01\n---\n\n# Use MySQL\n\nBody.\n"
STEPS = ("open", "fdopen", "fsync", "link", "replace", "unlink", "close", "rename", "mkdir")
"""The file-system calls a kill may interrupt (the n-th of them, for each n in turn)."""


def _killed_at(n: int, root: Path, request: NewAdr) -> bool:
    """Run ``create_adr`` in a child process that dies at the n-th file-system call; True if it
    died (False: it finished before the n-th call)."""
    pid = os.fork()
    if pid == 0:  # the child: count the calls, die at the n-th, as `kill -9` would
        try:
            count = [0]

            def hooked(real):  # type: ignore[no-untyped-def]
                def call(*args, **kwargs):  # type: ignore[no-untyped-def]
                    count[0] += 1
                    if count[0] == n:
                        os._exit(137)
                    return real(*args, **kwargs)
                return call

            for name in STEPS:
                setattr(os, name, hooked(getattr(os, name)))
            create_adr(ArchdocConfig(root=root), request)
            os._exit(0)
        except BaseException:  # noqa: BLE001 - the child must never return into pytest
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, 137), f"the command failed at step {n} (exit {code})"
    return code == 137


def _findings(root: Path) -> list[tuple[str, str, str]]:
    context = RuleContext(config=ArchdocConfig(root=root), adrs=read_log(root / "adr"))
    return [(d.rule, d.severity, Path(d.location.file).name if d.location else "")
            for d in run_rules(context)]


@pytest.mark.parametrize("status", ["accepted", "proposed"])
def test_killed_at_every_step(tmp_path: Path, status: str) -> None:
    request = NewAdr("Use PostgreSQL", status=status, supersedes=[1])
    outcomes = []
    for n in range(1, 200):
        root = tmp_path / f"kill-{n}"
        (root / "adr").mkdir(parents=True)
        (root / "adr" / "0001-use-mysql.md").write_text(OLD, encoding="utf-8")
        died = _killed_at(n, root, request)
        records = sorted(p.name for p in (root / "adr").glob("*.md"))
        for path in (root / "adr").glob("*.md"):  # complete or absent: never empty, never cut
            record, problem = read_adr(path)
            assert problem is None and record.title, (n, path.name, path.read_text())
        findings = _findings(root)
        new = "0002-use-postgresql.md" in records
        old = read_adr(root / "adr" / "0001-use-mysql.md")[0]
        half_done = new and status == "accepted" and old.status != "superseded"
        if half_done:
            assert ("adr-incomplete-supersede", "error", "0002-use-postgresql.md") in findings, (
                n,
                findings,
            )
        if temp_files(root / "adr"):
            assert ("adr-stray-temp-file", "warning", temp_files(root / "adr")[0].name) in findings
        # the next command in the directory removes what the killed one left
        create_adr(ArchdocConfig(root=root), NewAdr("Next"))
        assert temp_files(root / "adr") == []
        outcomes.append((died, new, half_done))
        if not died:
            break
    else:
        pytest.fail("create_adr never finished")
    assert outcomes[-1] == (False, True, False), "the uninterrupted run supersedes completely"
    assert any(died and not new for died, new, _ in outcomes), "no kill before the record appeared"
    if status == "accepted":
        assert any(half for _, _, half in outcomes), "no kill between the two files"
    else:
        assert not any(half for _, _, half in outcomes)
