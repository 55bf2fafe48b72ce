"""Writing the imported package: nothing is ever overwritten, and no half package is left."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from archdoc.errors import ArchdocError

__all__ = ["WouldOverwrite", "write_files"]


class WouldOverwrite(ArchdocError):
    """A file the import would write already exists."""


def write_files(directory: Path, files: dict[str, str]) -> list[Path]:
    """Write ``files`` (name -> text) into ``directory``; refuse if any of them exists.

    Each file is written to a temporary file beside it and linked into place, which fails if
    the name was taken meanwhile; on any failure the files already written are removed again.
    """
    targets = [directory / name for name in files]
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing:
        raise WouldOverwrite(
            f"{existing[0]} already exists; archdoc import never overwrites a file"
            + (f" ({len(existing) - 1} more would be overwritten)" if len(existing) > 1 else ""),
            hint="import into a new directory with -o, or move the existing model away",
        )
    if directory.exists() and not directory.is_dir():
        raise WouldOverwrite(f"{directory} exists and is not a directory",
                             hint="choose another output with -o")
    created_dir = not directory.exists()
    written: list[Path] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for target, text in zip(targets, files.values()):
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
                os.link(temp, target)  # atomic, and fails if the name exists
            finally:
                os.unlink(temp)
            written.append(target)
    except FileExistsError as exc:
        _undo(written, directory if created_dir else None)
        raise WouldOverwrite(f"{exc.filename} appeared while importing; nothing was written",
                             hint="run the import again") from None
    except OSError as exc:
        _undo(written, directory if created_dir else None)
        raise WouldOverwrite(f"cannot write {directory}: {exc.strerror or exc}",
                             hint="check the permissions of the output directory") from None
    return written


def _undo(written: list[Path], directory: Path | None) -> None:
    for path in written:
        path.unlink(missing_ok=True)
    if directory is not None:
        try:
            directory.rmdir()
        except OSError:
            pass
