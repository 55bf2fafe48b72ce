"""Writing ADR files safely: slugs, numbers, exclusive creation and atomic edits.

- A new record is created with ``O_CREAT | O_EXCL`` while the ADR directory is locked (``flock``
  on the directory itself where the platform has it, a lock file otherwise), so twenty people or
  CI jobs running ``archdoc new-adr`` at once get twenty files with twenty numbers, and a file is
  never overwritten.
- A new record is written to a temporary file and then linked to its name, so it appears
  complete or not at all, even when the command is killed.
- An existing record is changed by writing a temporary file beside it and renaming it over the
  original (``os.replace``), so a reader sees the old or the new file, never half of one; a
  symbolic link is written through to its target.
- A temporary file left by a killed command is removed by the next command that holds the lock
  (and reported by ``archdoc validate`` until then).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archdoc.adr.discover import adr_files, parse_file_name
from archdoc.errors import AdrError
from archdoc.source import SourceLocation

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "MAX_SLUG",
    "adr_file_name",
    "create_exclusive",
    "directory_lock",
    "NamingStyle",
    "naming_style",
    "read_for_edit",
    "remove_temp_files",
    "replace_atomically",
    "slugify",
    "temp_files",
]

MAX_SLUG = 60
"""Longest slug, in ASCII characters: the name stays far below every filesystem's limit."""
LOCK_TIMEOUT = 30.0
"""Seconds to wait for another ``new-adr`` in the same directory before giving up."""
_LOCK_FILE = ".archdoc-adr.lock"
_BOM = "\ufeff"


def slugify(title: str) -> str:
    """A file-name slug for ``title``: lowercase ASCII letters, digits and single dashes.

    Accents are folded (``Café`` -> ``cafe``), everything else becomes a dash, and the slug is
    cut at a dash near :data:`MAX_SLUG`. A title with no ASCII letter or digit at all (emoji,
    Arabic, Chinese) gives ``decision``. The result never holds ``/``, ``\\``, ``..``, a dot, a
    space or a character Windows forbids, and never starts or ends with a dash.
    """
    folded = unicodedata.normalize("NFKD", title)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug.rfind("-", 0, MAX_SLUG + 1)
        slug = slug[: cut if cut >= MAX_SLUG // 2 else MAX_SLUG].strip("-")
    return slug or "decision"


@dataclass(frozen=True)
class NamingStyle:
    """How the directory names its records, so a new one fits in."""

    prefix: str = ""
    """``ADR-`` in ``ADR-0007-x.md``."""
    width: int = 4
    dated: bool = False
    """log4brains style: ``20240131-x.md``, numbered by position in the directory."""


def naming_style(directory: Path) -> NamingStyle:
    """The style of the highest-numbered file; dated when every record has a dated name."""
    best: tuple[int, str, int] | None = None
    dated = 0
    for path in adr_files(directory):
        info = parse_file_name(path.name)
        dated += info.dated is not None
        if info.number is not None and (best is None or info.number > best[0]):
            best = (info.number, info.prefix, info.width)
    if best is None:
        return NamingStyle(dated=dated > 0)
    return NamingStyle(best[1], max(4, best[2]))


def adr_file_name(
    number: int, title: str, style: NamingStyle | None = None, *,
    day: dt.date | None = None, attempt: int = 0,
) -> str:
    """``0007-use-postgresql.md``; ``20240131-use-postgresql.md`` in a dated directory (with
    ``-2``, ``-3``... on later ``attempt`` s, since there the number is not in the name)."""
    style = style or NamingStyle()
    if style.dated:
        suffix = f"-{attempt + 1}" if attempt else ""
        return f"{(day or dt.date.today()):%Y%m%d}-{slugify(title)}{suffix}.md"
    return f"{style.prefix}{number:0{style.width}d}-{slugify(title)}.md"


@contextlib.contextmanager
def directory_lock(directory: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``directory`` for archdoc's writers (released on exit or crash)."""
    deadline = time.monotonic() + timeout
    if fcntl is not None:
        fd = os.open(directory, os.O_RDONLY)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    _wait(deadline, directory)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
        return
    lock = directory / _LOCK_FILE  # pragma: no cover - platforms without flock
    while True:
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            break
        except FileExistsError:
            with contextlib.suppress(OSError):
                if time.time() - lock.stat().st_mtime > timeout:  # left by a killed process
                    lock.unlink()
                    continue
            _wait(deadline, directory)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()


def _wait(deadline: float, directory: Path) -> None:
    if time.monotonic() > deadline:
        raise AdrError(f"another archdoc command is writing in {directory}",
                       hint="wait for it to finish and run the command again")
    time.sleep(random.uniform(0.005, 0.03))


_TEMP = re.compile(r"^\.(?P<target>.+\.(?:md|markdown))\.(?:archdoc-)?[A-Za-z0-9_]{6,}\.tmp$")
"""The temporary files archdoc writes beside a record (``.0007-x.md.archdoc-k2j4h1.tmp``)."""


def temp_files(directory: Path) -> list[Path]:
    """archdoc's temporary files in ``directory``: left by a command that was killed mid-write
    (while a command runs, it holds the directory lock)."""
    if not directory.is_dir():
        return []
    try:
        return sorted(p for p in directory.iterdir() if _TEMP.match(p.name) and p.is_file())
    except OSError:
        return []


def remove_temp_files(directory: Path) -> list[Path]:
    """Delete the temporary files an interrupted command left; call it holding the lock."""
    removed = []
    for path in temp_files(directory):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _temp_file(directory: Path, name: str) -> tuple[int, str]:
    return tempfile.mkstemp(dir=directory, prefix=f".{name}.archdoc-", suffix=".tmp")


def _write_fd(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def create_exclusive(
    directory: Path, first: int, name: Callable[[int], str], content: Callable[[int], str],
    *, attempts: int = 1000,
) -> tuple[Path, int]:
    """Create ``directory / name(n)`` holding ``content(n)`` for the first free ``n >= first``.

    The text is written to a temporary file first and then hard-linked to its name, which fails
    if the name exists (someone else took it: the next number is tried). A reader, or a command
    killed half-way, never sees a record that is empty or cut short: it is complete or absent.
    Returns the path and the number used.
    """
    number = first
    for _ in range(attempts):
        path = directory / name(number)
        if path.resolve().parent != directory.resolve():  # defence in depth: slugify prevents it
            raise AdrError(f"refusing to write outside the ADR directory: {path}")
        fd, tmp = _temp_file(directory, path.name)
        try:
            _write_fd(fd, content(number).encode("utf-8"))
            try:
                _link_into_place(tmp, path)
            except FileExistsError:
                number += 1
                continue
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _sync_directory(directory)
        return path, number
    raise AdrError(f"could not find a free ADR number in {directory}")


def _link_into_place(tmp: str, path: Path) -> None:
    """Give the complete temporary file its final name, failing if that name exists."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: claim the name, then rename over it
        os.close(
            os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        )
        os.replace(tmp, path)


def _sync_directory(directory: Path) -> None:
    """Make a new name durable (POSIX); harmless where directories cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_for_edit(path: Path) -> tuple[str, bool]:
    """The text of a record and whether it starts with a byte order mark."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AdrError("ADR file is not UTF-8 text; archdoc will not change it",
                       location=SourceLocation(str(path), line),
                       hint="re-save the file as UTF-8") from None
    if text.startswith(_BOM):
        return text[1:], True
    return text, False


def replace_atomically(path: Path, text: str, *, bom: bool = False) -> None:
    """Replace ``path`` with ``text`` through a temporary file and a rename, keeping its mode.

    A symbolic link is written through: its target is replaced and the link stays a link.
    """
    data = ((_BOM if bom else "") + text).encode("utf-8")
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    fd, tmp = _temp_file(target.parent, target.name)
    try:
        _write_fd(fd, data)
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
