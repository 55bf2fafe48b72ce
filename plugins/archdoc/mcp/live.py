"""The project as a long-running server sees it: loaded once, reloaded after an edit.

An assistant edits ``model/`` and ``adr/`` while its session goes on. Before answering, the
server compares the modification times and sizes of the configuration file, the model package
and the ADR directory with those of the last load (a few ``stat`` calls) and loads the project
again only when one of them changed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from archdoc.config import ArchdocConfig, load_config
from archdoc.errors import ArchdocError
from archdoc.project import Project, load_project

if TYPE_CHECKING:
    from archdoc.analysis.graph import DependencyGraph

__all__ = ["LiveProject", "Snapshot"]

T = TypeVar("T")

Signature = tuple[tuple[str, int, int], ...]
"""``(path, mtime_ns, size)`` of every watched file, sorted."""

_SKIPPED_DIRS = frozenset({"__pycache__", ".git", ".hg", ".svn", ".mypy_cache", ".pytest_cache"})


class Snapshot:
    """One load of the project, and what is derived from it (computed on first use)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._memo: dict[str, Any] = {}

    @property
    def config(self) -> ArchdocConfig:
        return self.project.config

    @property
    def root(self) -> Path:
        return self.project.config.root

    @cached_property
    def graph(self) -> DependencyGraph:
        from archdoc.analysis.graph import DependencyGraph

        return DependencyGraph(self.project.workspace)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per snapshot."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]


class LiveProject:
    """The project of one configuration file, kept up to date with the files on disk.

    The configuration is read at construction (a bad ``mkdocs.yml`` is an error at once); the
    model and the ADRs are loaded by :meth:`current`, again whenever a watched file changed. A
    model that cannot load is not fatal: :meth:`current` raises its error until it is fixed.
    Thread-safe: the SDK runs each tool call in a worker thread, and importing the model touches
    process-wide state (``sys.modules``).
    """

    def __init__(self, config_path: str | Path | None = None) -> None:
        self._config = load_config(config_path)
        self._lock = threading.Lock()
        self._signature: Signature | None = None
        self._snapshot: Snapshot | None = None
        self._error: ArchdocError | None = None
        self.loads = 0
        """How many times the project was loaded (the first load counts)."""

    @property
    def config(self) -> ArchdocConfig:
        """The configuration of the last load."""
        return self._config

    def current(self) -> Snapshot:
        """The project as it is on disk now; the load error if it does not load."""
        with self._lock:
            signature = self._watched()
            if signature != self._signature:
                self._signature = signature  # taken before loading: an edit made meanwhile reloads
                self._load()
            if self._error is not None:
                raise self._error
            assert self._snapshot is not None
            return self._snapshot

    def _load(self) -> None:
        self.loads += 1
        self._snapshot, self._error = None, None
        with _stdout_to_stderr():
            try:
                if self._config.config_file is not None:
                    self._config = load_config(self._config.config_file)
                self._snapshot = Snapshot(load_project(config=self._config))
            except ArchdocError as exc:
                self._error = exc

    def _watched(self) -> Signature:
        config = self._config
        paths: list[Path] = []
        if config.config_file is not None:
            paths.append(Path(config.config_file))
        top = config.root / config.model.split(".")[0]
        paths += [top, top.with_name(top.name + ".py")]
        paths += [_adr_dir(config), config.root / ".adr-dir"]
        found: dict[str, tuple[int, int]] = {}
        for path in paths:
            _stat_tree(path, found)
        return tuple(sorted((p, m, s) for p, (m, s) in found.items()))


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """The model is imported in this process, and stdout carries the protocol: whatever the
    model writes there (``print``, or a subprocess it runs) goes to stderr instead."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no file descriptor 1 at all
        saved = None
    try:
        if saved is not None:
            os.dup2(2, 1)
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)


def _adr_dir(config: ArchdocConfig) -> Path:
    from archdoc.adr import find_adr_dir

    return find_adr_dir(config)


def _stat_tree(path: Path, found: dict[str, tuple[int, int]]) -> None:
    """Record ``path`` (a file, or every file below a directory) into ``found``."""
    try:
        info = os.stat(path)
    except OSError:
        return
    if not os.path.isdir(path):
        found[str(path)] = (info.st_mtime_ns, info.st_size)
        return
    for directory, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        for name in files:
            file = os.path.join(directory, name)
            try:
                info = os.stat(file)
            except OSError:
                continue
            found[file] = (info.st_mtime_ns, info.st_size)
