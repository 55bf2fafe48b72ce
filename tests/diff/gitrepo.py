"""Real git repositories in temporary directories, with reproducible commit ids.

Author, committer and dates are fixed (each commit a day after the last), and the user's git
configuration is not read, so the same files always give the same commit ids: the golden
files of ``archdoc diff`` can name them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

PROJECTS = Path(__file__).resolve().parent / "projects"


class GitRepo:
    """A working tree at ``root`` with its repository."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.day = 0
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def env(self) -> dict[str, str]:
        date = f"2024-05-{1 + self.day:02d}T10:00:00+0000"
        return {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_AUTHOR_NAME": "Ada Architect", "GIT_AUTHOR_EMAIL": "ada@example.test",
                "GIT_COMMITTER_NAME": "Ada Architect", "GIT_COMMITTER_EMAIL": "ada@example.test",
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}

    def git(self, *args: str, cwd: Path | None = None) -> str:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd or self.root,
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
        return proc.stdout.strip()

    def write(self, files: dict[str, str]) -> None:
        for rel, text in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def remove(self, *paths: str) -> None:
        for rel in paths:
            path = self.root / rel
            shutil.rmtree(path) if path.is_dir() else path.unlink()

    def replace_with(self, project: str) -> None:
        """Make the working tree the files of ``tests/diff/projects/<project>`` (.git kept)."""
        for child in self.root.iterdir():
            if child.name != ".git":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        shutil.copytree(PROJECTS / project, self.root, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))

    def commit(self, message: str) -> str:
        """Commit everything; the new commit's id."""
        self.git("add", "-A")
        self.git("commit", "-q", "--no-gpg-sign", "-m", message)
        self.day += 1
        return self.git("rev-parse", "HEAD")
