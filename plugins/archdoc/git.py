"""Git access for ``archdoc diff`` and the "Architecture changes" page: the repository, its
revisions, and a revision's files.

Everything goes through the ``git`` command a user has (no library), so that a revision means
what it means to them: a branch, a tag, ``HEAD~2``, a commit. Failures are
:class:`~archdoc.errors.RevisionError` with a hint: not a repository, an unknown revision, a
shallow clone that lacks the base (the CI hint: ``fetch-depth: 0``).
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from archdoc.errors import RevisionError

__all__ = ["Repository", "Revision", "SHALLOW_HINT"]

SHALLOW_HINT = (
    "this is a shallow clone: fetch the history first (GitHub Actions: actions/checkout with "
    "`fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`; by hand: `git fetch --unshallow`)"
)

_DEFAULT_BRANCH_VARIABLES = (
    "GITHUB_BASE_REF",
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
    "CI_DEFAULT_BRANCH",
)
"""Where CI systems name the branch a change goes into (GitHub, GitLab merge requests, GitLab)."""


@dataclass(frozen=True)
class Revision:
    """A commit, with the words a reader knows it by."""

    sha: str
    """The full commit id."""
    label: str
    """How to name it to a reader: ``main (1a2b3c4)``, ``merge base with origin/main (1a2b3c4)``."""

    @property
    def short(self) -> str:
        return self.sha[:7]


class Repository:
    """The git repository holding a directory."""

    def __init__(self, top: Path) -> None:
        self.top = top
        """The top-level directory of the working tree."""

    # -- finding it -----------------------------------------------------------------------------

    @classmethod
    def containing(cls, directory: Path) -> Repository:
        """The repository whose working tree holds ``directory``."""
        try:
            proc = _git(["rev-parse", "--show-toplevel"], cwd=directory)
        except FileNotFoundError:
            raise RevisionError(
                "git is not installed: archdoc diff reads the revisions with git",
                hint="install git (e.g. `apt-get install git`) and run it again",
            ) from None
        if proc.returncode != 0:
            raise RevisionError(
                f"{directory} is not in a git repository",
                hint="archdoc diff compares git revisions: run it in a clone of the repository",
            )
        return cls(Path(proc.stdout.strip()))

    # -- revisions ------------------------------------------------------------------------------

    def is_shallow(self) -> bool:
        proc = self._run(["rev-parse", "--is-shallow-repository"])
        return proc.stdout.strip() == "true"

    def resolve(self, rev: str) -> Revision:
        """The commit ``rev`` names, or a RevisionError saying why there is none."""
        sha = self._commit(rev)
        if sha is None:
            if self.is_shallow():
                raise RevisionError(f"revision {rev!r} is not in this clone", hint=SHALLOW_HINT)
            raise RevisionError(
                f"unknown revision {rev!r}",
                hint=(
                    "name a branch, a tag or a commit "
                    "(`git branch -a` and `git log --oneline` list them)"
                ),
            )
        return Revision(sha, f"{rev} ({sha[:7]})")

    def default_base(self, head: str = "HEAD") -> Revision:
        """The merge base of ``head`` with the default branch (where the change will be merged)."""
        branch = self._default_branch()
        if branch is None:
            hint = SHALLOW_HINT if self.is_shallow() else "name the base: `archdoc diff main`"
            raise RevisionError("cannot tell the default branch to compare with "
                                "(no origin/HEAD, main or master)", hint=hint)
        proc = self._run(["merge-base", branch, head])
        if proc.returncode != 0:
            if self.is_shallow():
                raise RevisionError(f"the merge base of {head} and {branch} is not in this clone",
                                    hint=SHALLOW_HINT)
            raise RevisionError(f"{head} and {branch} have no common history",
                                hint="name the base to compare with: `archdoc diff REV`")
        sha = proc.stdout.strip()
        return Revision(sha, f"merge base with {branch} ({sha[:7]})")

    def _default_branch(self) -> str | None:
        for variable in _DEFAULT_BRANCH_VARIABLES:
            name = os.environ.get(variable, "").strip()
            if name:  # the CI names the target branch: that one, or an error
                found = next(
                    (c for c in (f"origin/{name}", name) if self._commit(c) is not None), None
                )
                if found is None:
                    raise RevisionError(
                        f"the base branch {name!r} (${variable}) is not in this clone",
                        hint=SHALLOW_HINT
                        if self.is_shallow()
                        else f"fetch it: git fetch origin {name}",
                    )
                return found
        candidates: list[str] = []
        origin_head = self._run(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"])
        if origin_head.returncode == 0 and origin_head.stdout.strip():
            candidates.append(origin_head.stdout.strip())
        candidates += ["origin/main", "origin/master", "main", "master"]
        return next((c for c in candidates if self._commit(c) is not None), None)

    def _commit(self, rev: str) -> str | None:
        if not rev or rev.startswith("-"):
            return None
        proc = self._run(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"])
        return proc.stdout.strip() if proc.returncode == 0 and proc.stdout.strip() else None

    # -- files ----------------------------------------------------------------------------------

    def relative(self, path: Path) -> PurePosixPath:
        """``path`` relative to the top of the working tree, with ``/`` separators."""
        try:
            rel = path.resolve().relative_to(self.top.resolve())
        except ValueError:
            raise RevisionError(f"{path} is outside the git working tree {self.top}",
                                hint="run archdoc diff inside the repository") from None
        return PurePosixPath(rel.as_posix())

    def extract(self, revision: Revision, subdirectory: PurePosixPath, target: Path) -> bool:
        """Write the files of ``subdirectory`` at ``revision`` below ``target`` (as in the
        repository: ``target/<subdirectory>/...``). False when the directory does not exist
        there."""
        spec = [] if str(subdirectory) in ("", ".") else ["--", str(subdirectory)]
        listed = (
            self._run(["ls-tree", "-d", "--name-only", revision.sha, str(subdirectory)])
            if spec
            else None
        )
        if listed is not None and not listed.stdout.strip():
            return False
        target.mkdir(parents=True, exist_ok=True)
        with subprocess.Popen(["git", "archive", "--format=tar", revision.sha, *spec],  # noqa: S603,S607
                              cwd=self.top, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            assert proc.stdout is not None
            try:
                with tarfile.open(fileobj=proc.stdout, mode="r|") as archive:
                    archive.extractall(target, **_data_filter())
            except (tarfile.TarError, OSError) as exc:
                proc.kill()
                raise RevisionError(
                    f"cannot extract {revision.label}: {exc}",
                    hint="check that `git archive` works in this repository",
                ) from None
            stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        if proc.returncode != 0:
            raise RevisionError(
                f"git archive {revision.short} failed: {stderr.strip()}",
                hint=SHALLOW_HINT if self.is_shallow() else "check the repository with `git fsck`",
            )
        return True

    def log(self, paths: list[PurePosixPath], *, limit: int) -> str:
        """``git log`` of the commits that changed ``paths``: one record per commit, fields
        separated by US (0x1f), then the ``--name-status`` lines (records separated by RS, 0x1e)."""
        proc = self._run(
            [
                "log",
                f"-n{limit}",
                "--no-merges",
                "--format=%x1e%H%x1f%h%x1f%cs%x1f%an%x1f%s",
                "--name-status",
                "--",
                *map(str, paths),
            ]
        )
        return proc.stdout if proc.returncode == 0 else ""

    def _run(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        return _git(args, cwd=self.top)


def _git(args: list[str], *, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,  # noqa: S603,S607
                          encoding="utf-8", errors="replace", check=False)


def _data_filter() -> dict[str, Any]:
    """``filter="data"`` where tarfile has it (3.11.4+, 3.10.12+): no absolute or escaping paths."""
    return {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
