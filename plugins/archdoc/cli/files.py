"""Writing command output to files: atomically, so a killed process leaves no half file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from archdoc.errors import ArchdocError
from archdoc.export.run import ExportResult

__all__ = ["write_atomic", "write_export"]


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_export(result: ExportResult, output: Path | None) -> None:
    """A document to stdout or ``output``; per-view files into the ``output`` directory (or the
    one view to stdout)."""
    if output is None:  # a full disk or a closed pipe is the command's business (cli.main)
        sys.stdout.write("".join(result.files.values()))
        return
    try:
        if "" in result.files:
            if output.is_dir():
                raise ArchdocError(f"{output} is a directory",
                                   hint="this format writes one file: pass -o FILE")
            write_atomic(output, "".join(result.files.values()))
            return
        if output.exists() and not output.is_dir():
            raise ArchdocError(f"{output} is a file",
                               hint="this format writes one file per view: pass -o DIR")
        for name, text in result.files.items():
            write_atomic(output / name, text)
    except OSError as exc:
        raise ArchdocError(f"could not write the export: {exc.strerror or exc}",
                           hint="check the path, its permissions and the free disk space") from None
