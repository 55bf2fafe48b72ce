"""Importing the user's model package and taking its Workspace."""

from __future__ import annotations

import contextlib
import gc
import importlib
import importlib.util
import os
import sys
import traceback
from collections.abc import Iterator

from pathlib import Path

from archdoc.config import CONFIG_FILES, ArchdocConfig
from archdoc.errors import ArchdocError, ModelLoadError
from archdoc.model.workspace import Workspace, created_workspaces
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["load_workspace"]

_ARCHDOC_DIR = str(Path(__file__).resolve().parent) + os.sep


def load_workspace(config: ArchdocConfig) -> Workspace:
    """Import ``config.model`` from ``config.root`` and return the one Workspace it builds.

    The package is imported afresh each time (``mkdocs serve`` reloads it after an edit).
    Whatever goes wrong is a :class:`ModelLoadError` naming the user's file and line.
    """
    root = str(config.root.resolve())
    package = config.model
    _forget(package)
    created_workspaces()  # drop leftovers of an earlier import
    sys.path.insert(0, root)  # first, so that nothing else on the path shadows the project
    try:
        importlib.invalidate_caches()
        _check_in_project(package, root, config)
        # What the model prints goes to stderr: stdout carries `--format json` and exports.
        with contextlib.redirect_stdout(sys.stderr), _collector_paused():
            module = importlib.import_module(package)
    except ArchdocError as exc:
        raise ModelLoadError(exc.message, location=exc.location or _user_frame(exc),
                             hint=exc.hint) from None
    except ModuleNotFoundError as exc:
        if exc.name is not None and (package == exc.name or package.startswith(exc.name + ".")):
            raise _not_found(package, root, config) from None
        raise _from_user_exception(exc, package) from None
    except SyntaxError as exc:
        location = SourceLocation(exc.filename or "<model>", exc.lineno or 1)
        raise ModelLoadError(
            f"syntax error in the model: {exc.msg}", location=location,
            hint="fix the Python syntax at this line",
        ) from None
    except SystemExit as exc:
        raise _from_exit(exc, package) from None
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the user's code may raise anything
        raise _from_user_exception(exc, package) from None
    finally:
        sys.path.remove(root)  # the first occurrence: the one inserted above
    workspaces = created_workspaces()
    if not workspaces and getattr(module, "__file__", None) is None:
        raise _namespace_package(package, module, config)
    if not workspaces:
        raise ModelLoadError(
            f"the model package {package!r} builds no Workspace",
            location=_package_location(package),
            hint="create one in the package: `ws = Workspace(\"My system\")`",
        )
    if len(workspaces) > 1:
        where = ", ".join(str(w.location) for w in workspaces)
        raise ModelLoadError(
            f"the model package {package!r} builds {len(workspaces)} Workspaces ({where}); "
            "archdoc documents exactly one",
            location=workspaces[1].location,
            hint="declare every element in one Workspace and import it where needed",
        )
    workspace = workspaces[0]
    workspace.root = config.root
    return workspace


def _not_found(
    package: str, root: str, config: ArchdocConfig, elsewhere: str = "",
) -> ModelLoadError:
    top = package.split(".")[0]
    also = f" (a different {top!r} is importable from {elsewhere})" if elsewhere else ""
    where = relative_to_cwd(root)
    where = "the working directory" if where == "." else where
    if config.config_file is None:
        also += (f"; no {' or '.join(CONFIG_FILES)} was found in {where} or a directory above it, "
                 "so the defaults apply with it as the project root")
    inside = Path(root).name == package.split(".")[-1] and (Path(root) / "__init__.py").is_file()
    return ModelLoadError(
        f"model package {package!r} not found in {where}{also}",
        location=config.location("model"),
        hint=(f"this directory is the package {package!r} itself: run archdoc from the project "
              "root above it (cd ..)") if inside else
        f"create {package.replace('.', '/')}/__init__.py building a Workspace, "
        "or set `model:` under the archdoc plugin in mkdocs.yml",
    )


def _check_in_project(package: str, root: str, config: ArchdocConfig) -> None:
    """The top-level package must come from the project, not from elsewhere on ``sys.path``."""
    directory = Path(root, *package.split("."))
    if directory.is_dir() and not (directory / "__init__.py").is_file() and not Path(
            str(directory) + ".py").is_file():
        raise _namespace_package(package, directory, config)
    top = package.split(".")[0]
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return  # let the import itself report it
    if spec is None:
        raise _not_found(package, root, config)
    places = list(spec.submodule_search_locations or []) or ([spec.origin] if spec.origin else [])
    inside = [p for p in places if os.path.realpath(p).startswith(os.path.realpath(root) + os.sep)]
    if places and not inside:
        raise _not_found(package, root, config, elsewhere=os.path.dirname(places[0]))


def _forget(package: str) -> None:
    """Remove ``package`` and its submodules from the import cache."""
    top = package.split(".")[0]
    for name in [m for m in sys.modules if m == top or m.startswith(top + ".")]:
        del sys.modules[name]


def _package_location(package: str) -> SourceLocation | None:
    module = sys.modules.get(package)
    file = getattr(module, "__file__", None)
    return SourceLocation(file, 1) if file else None


def _user_frame(exc: BaseException) -> SourceLocation | None:
    """The innermost frame of the traceback that is the user's code (not archdoc's, not
    Python's)."""
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        filename = frame.filename
        if filename.startswith(_ARCHDOC_DIR) or filename.startswith("<frozen"):
            continue
        if "importlib" in filename:
            continue
        return SourceLocation(filename, frame.lineno or 1)
    return None


def _text_of(exc: BaseException) -> str:
    """``str(exc)``, or what can be said of it when the user's ``__str__`` itself raises."""
    try:
        return str(exc)
    except Exception as inner:  # noqa: BLE001 - the user's __str__ may raise anything
        return f"<the message cannot be shown: its __str__ raised {type(inner).__name__}>"


def _from_exit(exc: SystemExit, package: str) -> ModelLoadError:
    """The model ended the process (``sys.exit()``, ``exit()``, ``raise SystemExit``)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_user_file(f.filename)]
    line = (frames[-1].line or "") if frames else ""
    try:
        code = "" if exc.code is None else repr(exc.code)
    except Exception:  # noqa: BLE001 - a code object whose __repr__ raises
        code = "..."
    what = (f"called sys.exit({code})" if "exit(" in line and "SystemExit" not in line
            else f"raised SystemExit({code})")
    return ModelLoadError(
        f"the model {what} while archdoc imported it",
        location=_user_frame(exc),
        hint=f"remove the call: archdoc imports the package {package!r} to read the model, "
        "and a model that exits builds nothing",
    )


def _namespace_package(package: str, found: object, config: ArchdocConfig) -> ModelLoadError:
    """``found``: the package's directory, or the module Python imported from it."""
    places = [str(found)] if isinstance(found, Path) else list(getattr(found, "__path__", []))
    where = relative_to_cwd(places[0]) if places else package.replace(".", "/")
    return ModelLoadError(
        f"the model directory {where}/ has no __init__.py: Python imports it as an empty "
        "namespace package and runs none of its files",
        location=config.location("model"),
        hint=f"create {where}/__init__.py building the Workspace (it may import the other "
        "modules of the directory)",
    )


def _is_user_file(filename: str) -> bool:
    return not (filename.startswith(_ARCHDOC_DIR) or filename.startswith("<frozen")
                or "importlib" in filename)


def _from_user_exception(exc: BaseException, package: str) -> ModelLoadError:
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__)
        if not f.filename.startswith(_ARCHDOC_DIR) and not f.filename.startswith("<frozen")
        and "importlib" not in f.filename
    ]
    location = _user_frame(exc)
    trail = "".join(
        f"\n    {SourceLocation(f.filename, f.lineno or 1)}: {(f.line or '').strip()}"
        for f in frames
    )
    return ModelLoadError(
        f"the model raised {type(exc).__name__}: {_text_of(exc)}"
        + (f"\n  in{trail}" if trail else ""),
        location=location,
        hint=f"fix the model code; archdoc imports the package {package!r} to read it",
    )


_frozen = False
"""Whether an earlier import froze its objects (``_collector_paused``)."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector is paused while the model is imported, and the first
    import of a process moves what it made out of the collector's reach (``gc.freeze``).

    A model is hundreds of thousands of objects that all live as long as the model: left to
    the collector, each of its passes walked all of them again, while they were being made (a
    quarter of the time of building a large model) and afterwards, while the rules ran or
    MkDocs rendered the pages. A process that imports the model once (every command, `mkdocs
    build`) keeps it to the end, so its objects are frozen. A later import (``mkdocs serve``,
    ``archdoc mcp`` after an edit) hands them back to the collector first, and freezes nothing,
    so that each old model is freed once its holder lets it go.
    """
    global _frozen
    enabled = gc.isenabled()
    if _frozen:
        gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not _frozen:
                gc.freeze()
                _frozen = True
            gc.enable()
