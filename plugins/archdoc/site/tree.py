"""A plugin-free docs tree: the site as files that any MkDocs-compatible engine publishes.

``DIR/mkdocs.yml`` is the user's configuration without the archdoc plugin (see
:mod:`archdoc.site.tree_config`); ``DIR/docs`` holds the user's pages with their ```archdoc
fences expanded, their other files, every generated page and every asset. MkDocs, ProperDocs
and Zensical build the same site from it as the plugin builds.

The tree is written into a hidden directory beside ``DIR`` and swapped in when complete, so a
killed run never leaves a half tree at ``DIR``. Nothing outside ``DIR`` is written, and ``DIR``
itself is replaced only when it is empty or a tree archdoc wrote before.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archdoc.errors import ArchdocError, ConfigError
from archdoc.site.blocks import UnknownBlock
from archdoc.site.build import EXTRA_CSS, EXTRA_JAVASCRIPT, SiteBuild
from archdoc.site.tree_config import (DOCS_DIR, TreeSettings, dump_yaml, hidden_patterns,
                                      read_config, setting, tree_config)
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["DEFAULT_DIR", "MARKER", "MARKDOWN_SUFFIXES", "StrictFailure", "Tree", "TreeSource",
           "UnknownBlocks", "read_tree_source", "write_tree"]

DEFAULT_DIR = "build/archdoc"
"""Where ``archdoc generate`` writes the tree by default, below the project root."""
MARKER = ".archdoc-tree"
"""The file that marks a directory as a tree archdoc wrote (and may replace)."""
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""The file names the engines read as Markdown pages."""


class UnknownBlocks(ArchdocError):
    """Hand-written pages name blocks the model does not give (each in ``errors``)."""

    def __init__(self, errors: list[UnknownBlock]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first.message + more, location=first.location, hint=first.hint)
        self.errors = errors


class StrictFailure(ArchdocError):
    """The build has warnings and strict mode is on."""


@dataclass(frozen=True)
class TreeSource:
    """The user's configuration as the tree needs it."""

    config_file: Path
    data: dict[str, Any]
    docs_dir: Path
    directory_urls: bool
    strict: bool
    """The configuration's ``strict``: warnings fail the build."""


@dataclass
class Tree:
    """What :func:`write_tree` wrote."""

    directory: Path
    config_file: Path
    pages: int = 0
    """Hand-written pages (Markdown files of the user's docs directory)."""
    generated: int = 0
    """Generated pages."""
    files: int = 0
    """Every file below ``docs/``."""


def read_tree_source(config_file: Path) -> TreeSource:
    """The configuration in ``config_file`` and the docs directory it names (ConfigError when
    that directory does not exist)."""
    data = read_config(config_file)
    docs = setting(data, "docs_dir", "docs")
    docs_dir = (config_file.parent / str(docs)).resolve()
    if not docs_dir.is_dir():
        raise ConfigError(f"docs_dir {docs} does not exist",
                          location=SourceLocation(str(config_file), 1),
                          hint="create the directory or set `docs_dir:` to where your pages are")
    return TreeSource(config_file.resolve(), data, docs_dir,
                      bool(setting(data, "use_directory_urls", True)),
                      bool(setting(data, "strict", False)))


def write_tree(
    build: SiteBuild, source: TreeSource, directory: Path, *, strict: bool = False
) -> Tree:
    """Write the tree of ``build`` to ``directory``, replacing the tree written there before.

    ConfigError when ``directory`` is not a place for it (inside the docs, around the project,
    or a directory of other files); :class:`UnknownBlocks` when a page names a block the model
    does not give; :class:`StrictFailure` when ``strict`` and the build has warnings. In each
    case nothing is written."""
    directory = directory.resolve()
    _check_place(directory, source)
    made = [p for p in (directory.parent, *directory.parent.parents) if not p.exists()]
    directory.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(directory)
    partial = directory.parent / f".{directory.name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    done = False
    try:
        tree = _write(build, source, partial, directory)
        warnings = build.warnings()
        if strict and warnings:
            raise StrictFailure(f"{len(warnings)} warning{'s' if len(warnings) > 1 else ''} in "
                                f"strict mode: {relative_to_cwd(str(directory))} left as it was",
                                hint="fix them, or build without --strict (and `strict: false`)")
        _swap(partial, directory)
        done = True
    except OSError as exc:
        raise ArchdocError(f"could not write {relative_to_cwd(str(directory))}: "
                           f"{exc.strerror or exc}",
                           hint="check the path, its permissions and the free disk space") from None
    finally:
        shutil.rmtree(partial, ignore_errors=True)
        if not done:
            for parent in made:  # innermost first: the directories this run created, if empty
                try:
                    parent.rmdir()
                except OSError:
                    break
    return tree


def _check_place(directory: Path, source: TreeSource) -> None:
    project = source.config_file.parent
    shown = relative_to_cwd(str(directory))
    where = SourceLocation(str(source.config_file), 1)
    if directory == source.docs_dir or directory.is_relative_to(source.docs_dir):
        raise ConfigError(f"{shown} is inside the docs directory", location=where,
                          hint="write the tree elsewhere, e.g. -o build/archdoc")
    if project.is_relative_to(directory) or source.docs_dir.is_relative_to(directory):
        raise ConfigError(f"{shown} holds the project itself", location=where,
                          hint="write the tree into a directory of its own, e.g. -o build/archdoc")
    if directory.exists() and not directory.is_dir():
        raise ConfigError(f"{shown} is a file", hint="pass a directory with -o")
    if directory.is_dir() and any(directory.iterdir()) and not (directory / MARKER).is_file():
        raise ConfigError(f"{shown} is not empty and is not a tree archdoc wrote",
                          hint="archdoc replaces only its own trees: pass another -o, or remove it")


def _remove_leftovers(directory: Path) -> None:
    """Partial or old trees of runs that were killed (their process is gone)."""
    for path in directory.parent.glob(f".{directory.name}.*-*"):
        kind, _, pid = path.name[len(directory.name) + 2:].rpartition("-")
        if kind in ("partial", "old") and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(partial: Path, directory: Path) -> None:
    if not directory.exists():
        partial.rename(directory)
        return
    old = directory.parent / f".{directory.name}.old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    directory.rename(old)
    partial.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def _write(build: SiteBuild, source: TreeSource, root: Path, final: Path) -> Tree:
    docs = root / DOCS_DIR
    docs.mkdir(parents=True)
    tree = Tree(final, final / "mkdocs.yml")
    generated = {page.path: page for page in build.pages}
    unknown: list[UnknownBlock] = []
    for path in _docs_files(source.docs_dir):
        rel = path.relative_to(source.docs_dir).as_posix()
        if rel in generated:
            raise ConfigError(f"{relative_to_cwd(str(path))} is generated by archdoc",
                              hint="rename your file or change the plugin's `prefix`")
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            tree.pages += 1
            data = path.read_bytes()
            text = _decoded(data, path) if b"archdoc" in data else ""
            if text:
                expanded = build.expand(text, rel, unknown=unknown.append,
                                        file=str(path))
                if expanded != text:
                    target.write_text(expanded, encoding="utf-8", newline="")
                    continue
            target.write_bytes(data)
        else:
            shutil.copyfile(path, target)
    if unknown:
        raise UnknownBlocks(unknown)
    for page in build.pages:
        # Expanded like a hand-written page, as the plugin does (a no-op unless a model text
        # writes a fence).
        _write_text(
            docs / page.path, build.expand(page.markdown, page.path, unknown=unknown.append)
        )
        tree.generated += 1
    if unknown:
        raise UnknownBlocks(unknown)
    taken = set(generated) | {p.relative_to(source.docs_dir).as_posix()
                              for p in _docs_files(source.docs_dir)}
    for rel, file in sorted(build.assets.files.items()):
        _check_free(rel, taken, source)
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, docs / rel)
    for rel, content in build.asset_texts().items():
        _check_free(rel, taken, source)
        _write_text(docs / rel, content)
    settings = TreeSettings(
        source_dir=source.config_file.parent, tree_dir=final, nav_section=build.nav_section(),
        extra_css=EXTRA_CSS, extra_javascript=EXTRA_JAVASCRIPT,
        not_in_nav=hidden_patterns(build.hidden_pages(), taken))
    origin = os.path.relpath(source.config_file, final)
    header = (
        f"# Written by `archdoc generate` from {Path(origin).as_posix()}, without the archdoc\n"
        f"# plugin: build it with MkDocs, ProperDocs or Zensical. Do not edit: each run\n"
        f"# replaces this directory.\n"
    )
    _write_text(root / "mkdocs.yml", header + dump_yaml(tree_config(source.data, settings)))
    tree.files = sum(1 for p in docs.rglob("*") if p.is_file())
    # Last, so that a directory with the marker is a complete tree.
    _write_text(root / MARKER, "Written by `archdoc generate`; replaced as a whole by each run.\n")
    return tree


def _decoded(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path.name} is not UTF-8", location=SourceLocation(str(path), line),
                          hint="save the page as UTF-8, as the engines read it") from None


def _docs_files(docs_dir: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(docs_dir, followlinks=True):
        dirnames.sort()
        found += [Path(dirpath) / name for name in sorted(filenames)]
    return found


def _check_free(rel: str, taken: set[str], source: TreeSource) -> None:
    if rel in taken:
        raise ConfigError(f"{relative_to_cwd(str(source.docs_dir / rel))} is a file archdoc "
                          f"serves itself", hint="rename or move your file")
    taken.add(rel)


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
