"""Loading the two sides of a diff, each in a process of its own, at the same time.

A revision's files are written to a temporary directory with ``git archive`` (the working tree
is read where it is); then ``python -m archdoc.diff.snapshot`` runs in that side's project
directory and writes the side's snapshot. A side whose model cannot load is a
:class:`~archdoc.errors.ModelLoadError` that names the side and the user's file and line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import archdoc
from archdoc.config import ArchdocConfig
from archdoc.git import Repository, Revision
from archdoc.diff.snapshot import Snapshot
from archdoc.errors import ArchdocError, ModelLoadError
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["Side", "load_sides"]

WORKING_TREE = "working tree"


@dataclass(frozen=True)
class Side:
    """What one side of the comparison is."""

    name: str
    """``BASE`` or ``HEAD``."""
    revision: Revision | None
    """The commit, or None for the working tree."""

    @property
    def label(self) -> str:
        return self.revision.label if self.revision else WORKING_TREE

    @property
    def ref(self) -> str:
        """The commit id, or ``working tree``: what the JSON document says."""
        return self.revision.sha if self.revision else WORKING_TREE


def load_sides(config: ArchdocConfig, repository: Repository, base: Side, head: Side,
               ) -> tuple[Snapshot, Snapshot]:
    """The snapshots of ``base`` and ``head`` of the project configured by ``config``."""
    root = config.root.resolve()
    project = repository.relative(root)
    config_file = (PurePosixPath(Path(config.config_file).resolve().relative_to(root).as_posix())
                   if config.config_file is not None else None)
    results: list[Snapshot | ArchdocError] = []
    with tempfile.TemporaryDirectory(prefix="archdoc-diff-") as temporary:
        work = Path(temporary)
        running: list[_Run] = []
        try:
            for side in (base, head):
                running.append(_start(side, config_file, repository, project, root, work))
            for run in running:
                try:
                    results.append(_finish(run, root, repository, project))
                except ArchdocError as exc:
                    results.append(exc)
        finally:
            for run in running:
                if run.process.poll() is None:
                    run.process.kill()
                    run.process.wait()
    for result in results:
        if isinstance(result, ArchdocError):
            raise result
    return results[0], results[1]  # type: ignore[return-value]


@dataclass
class _Run:
    side: Side
    process: subprocess.Popen[bytes]
    out: Path
    directory: Path


def _start(side: Side, config_file: PurePosixPath | None, repository: Repository,
           project: PurePosixPath, root: Path, work: Path) -> _Run:
    if side.revision is None:
        directory = root
    else:
        tree = work / side.name.lower()
        repository.extract(side.revision, project, tree)
        directory = tree / project
        directory.mkdir(parents=True, exist_ok=True)
    out = work / f"{side.name.lower()}.json"
    command = [sys.executable, "-m", "archdoc.diff.snapshot", "--out", str(out)]
    if config_file is not None and (directory / config_file).is_file():
        command += ["--config", str(config_file)]
    if side.revision is not None:
        command.append("--missing-is-empty")  # a base from before the model existed
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    # The same archdoc in the child, even when it is not installed but run from a checkout.
    package_parent = str(Path(archdoc.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
    if side.revision is not None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # a temporary copy: no cache worth writing
    process = subprocess.Popen(command, cwd=directory, env=env, stdin=subprocess.DEVNULL,  # noqa: S603
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return _Run(side, process, out, directory)


def _finish(run: _Run, root: Path, repository: Repository, project: PurePosixPath) -> Snapshot:
    _, stderr = run.process.communicate()
    if run.process.returncode != 0 or not run.out.is_file():
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise ArchdocError(
            f"reading {run.side.name} ({run.side.label}) failed: the snapshot process exited "
            f"with {run.process.returncode}" + ("".join(f"\n    {line}" for line in tail)),
            hint="this is a bug in archdoc; `archdoc validate` on that revision may say more",
        )
    data = json.loads(run.out.read_text(encoding="utf-8"))
    error = data.get("error")
    if error is not None:
        raise _load_error(run.side, error, root, repository, project)
    snapshot = Snapshot.from_data(data)
    for finding in snapshot.findings:  # relative to the side's directory -> to ours
        if finding.get("file"):
            finding["file"] = relative_to_cwd(str(root / finding["file"]))
    return snapshot


def _load_error(side: Side, error: dict[str, object], root: Path, repository: Repository,
                project: PurePosixPath) -> ModelLoadError:
    file, line = error.get("file"), error.get("line")
    location = None
    hint = str(error.get("hint") or "")
    if isinstance(file, str):
        location = SourceLocation(str(root / file) if not os.path.isabs(file) else file,
                                  int(line) if isinstance(line, int) else 1)
        if side.revision is not None and not os.path.isabs(file):
            shown = PurePosixPath(project, file) if str(project) != "." else PurePosixPath(file)
            hint += (
                "; " if hint else ""
            ) + f"the file as it is there: git show {side.revision.short}:{shown}"
    where = "the working tree" if side.revision is None else side.label
    return ModelLoadError(f"{side.name} ({where}) cannot be loaded: {error.get('message')}",
                          location=location, hint=hint or None)
