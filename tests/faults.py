"""Permission errors on demand, for tests that must also pass when run as root.

``deny(path, "read")`` makes listing and opening anything at or below ``path`` fail with
``PermissionError`` (errno 13), as a directory without read permission does for an ordinary
user; ``deny(path, "write")`` makes creating, renaming onto or opening for writing there fail.
Root ignores file modes, so ``chmod`` cannot make these errors in a container; these patches do,
at the calls archdoc (and pathlib, tempfile) make. ``install_from_env()`` applies what
``ARCHDOC_TEST_DENY`` (``read:/path`` or ``write:/path``) asks, for a subprocess.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

Setter = Callable[[Any, str, Any], None]

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _under(path: Any, root: str) -> bool:
    try:
        target = os.path.abspath(os.fsdecode(path))
    except TypeError:  # a file descriptor
        return False
    return target == root or target.startswith(root + os.sep)


def _denied(path: Any) -> PermissionError:
    return PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))


def deny(path: Path | str, access: str, setattr_: Setter = setattr) -> None:
    """Install the failures; ``setattr_`` is ``monkeypatch.setattr`` in a test (undone after it)."""
    root = os.path.abspath(path)
    real_open, real_os_open = io.open, os.open
    real_listdir, real_scandir = os.listdir, os.scandir
    real_mkdir, real_link, real_replace, real_rename = os.mkdir, os.link, os.replace, os.rename

    if access == "read":
        def listdir(p: Any = ".") -> Any:
            if _under(p, root):
                raise _denied(p)
            return real_listdir(p)

        def scandir(p: Any = ".") -> Any:
            if _under(p, root):
                raise _denied(p)
            return real_scandir(p)

        def os_open(p: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if _under(p, root) and not flags & _WRITE_FLAGS:
                raise _denied(p)
            return real_os_open(p, flags, *args, **kwargs)

        def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if _under(file, root) and not set(mode) & set("wax+"):
                raise _denied(file)
            return real_open(file, mode, *args, **kwargs)

        setattr_(os, "listdir", listdir)
        setattr_(os, "scandir", scandir)
        setattr_(os, "open", os_open)
        setattr_(io, "open", open_)
        setattr_(builtins, "open", open_)
        return

    def os_open_w(p: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if _under(p, root) and flags & _WRITE_FLAGS:
            raise _denied(p)
        return real_os_open(p, flags, *args, **kwargs)

    def open_w(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if _under(file, root) and set(mode) & set("wax+"):
            raise _denied(file)
        return real_open(file, mode, *args, **kwargs)

    def guard(real: Callable[..., Any], *positions: int) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            for i in positions:
                if i < len(args) and _under(args[i], root):
                    raise _denied(args[i])
            return real(*args, **kwargs)
        return call

    setattr_(os, "open", os_open_w)
    setattr_(io, "open", open_w)
    setattr_(builtins, "open", open_w)
    setattr_(os, "mkdir", guard(real_mkdir, 0))
    setattr_(os, "link", guard(real_link, 1))
    setattr_(os, "replace", guard(real_replace, 1))
    setattr_(os, "rename", guard(real_rename, 1))


def install_from_env() -> None:
    spec = os.environ.get("ARCHDOC_TEST_DENY", "")
    if spec:
        access, _, path = spec.partition(":")
        deny(path, access)
