"""Laying out DOT sources with Graphviz: one ``dot`` process per drawing, results cached.

A ``dot`` process that lays out graph after graph carries state from one to the next (the
Graphviz of Debian 12, 2.42/2.43, lays the same clustered graph out differently the second
time), so each drawing gets a fresh process: the same source always gives the same drawing.
The processes run side by side (:meth:`GraphvizLayout.prefetch`), one per core, and finished
drawings are kept in memory and in a cache directory keyed by the Graphviz version and the
source, so ``mkdocs serve`` lays out only the diagrams that changed.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from archdoc.errors import ArchdocError

__all__ = ["GraphvizLayout", "GraphvizError", "graphviz_available", "embed_images"]

_FORMAT = "4"
"""Bumped when the post-processing of cached drawings changes."""
TIMEOUT_S = 600
"""A layout that takes longer is abandoned (the view is drawn with Mermaid instead)."""


class GraphvizError(ArchdocError):
    """Graphviz could not lay out a diagram."""


def graphviz_available() -> bool:
    return shutil.which("dot") is not None


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "archdoc" / "graphviz"


class GraphvizLayout:
    """SVG drawings of DOT sources. Use as a context manager, or call :meth:`close`."""

    def __init__(self, *, cache_dir: Path | None = None, use_disk_cache: bool = True,
                 workers: int | None = None) -> None:
        self._dot = shutil.which("dot")
        if self._dot is None:
            raise GraphvizError("Graphviz `dot` is not installed",
                                hint="install the `graphviz` package of your system")
        self._memory: dict[str, str] = {}
        self._version = self._read_version()
        self._cache = (cache_dir or _cache_root()) / self._version if use_disk_cache else None
        self._workers = workers or os.cpu_count() or 2

    def __enter__(self) -> GraphvizLayout:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing runs between calls; kept so that a layout can be used as a context manager."""

    def _read_version(self) -> str:
        assert self._dot is not None
        result = subprocess.run([self._dot, "-V"], capture_output=True, text=True, check=False)
        match = re.search(r"version\s+([0-9][^\s]*)", result.stderr + result.stdout)
        return (match[1] if match else "unknown") + "-" + _FORMAT

    @staticmethod
    def _key(source: str) -> str:
        return hashlib.sha256(source.encode("utf-8")).hexdigest()

    def _cached(self, key: str) -> str | None:
        found = self._memory.get(key)
        if found is None and self._cache is not None:
            file = self._cache / key[:2] / f"{key}.svg"
            if file.is_file():
                try:
                    found = self._memory[key] = file.read_text(encoding="utf-8")
                except OSError:
                    found = None
        return found

    def _store(self, key: str, drawing: str) -> None:
        self._memory[key] = drawing
        if self._cache is None:
            return
        file = self._cache / key[:2] / f"{key}.svg"
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            partial = file.with_suffix(f".{os.getpid()}.{id(drawing)}.partial")
            partial.write_text(drawing, encoding="utf-8")
            partial.replace(file)
        except OSError:
            pass  # a read-only cache only costs time

    def svg(self, source: str) -> str:
        """The SVG of a DOT source (GraphvizError when Graphviz rejects it)."""
        key = self._key(source)
        found = self._cached(key)
        if found is None:
            found = embed_images(self._layout(source))
            self._store(key, found)
        return found

    def prefetch(self, sources: Iterable[str]) -> None:
        """Lay out, side by side, the sources not drawn yet; a failure is left for :meth:`svg`
        to report when the drawing is asked for."""
        todo: dict[str, str] = {}
        for source in sources:
            key = self._key(source)
            if key not in todo and self._cached(key) is None:
                todo[key] = source
        if not todo:
            return

        def draw(item: tuple[str, str]) -> tuple[str, str | None]:
            try:
                return item[0], embed_images(self._layout(item[1]))
            except GraphvizError:
                return item[0], None

        with ThreadPoolExecutor(max_workers=self._workers) as pool:
            for key, drawing in pool.map(draw, sorted(todo.items())):
                if drawing is not None:
                    self._store(key, drawing)

    def _layout(self, source: str) -> str:
        assert self._dot is not None
        try:
            result = subprocess.run([self._dot, "-Tsvg"], input=source, capture_output=True,
                                    text=True, encoding="utf-8", check=False, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise GraphvizError(f"Graphviz took more than {TIMEOUT_S} s to lay out a diagram",
                                hint="cut the view down with ws.view(include=..., exclude=...)") \
                from None
        except OSError as exc:
            raise GraphvizError(f"Graphviz `dot` could not run: {exc}") from None
        if result.returncode != 0 or "</svg>" not in result.stdout:
            raise GraphvizError("Graphviz could not lay out a diagram: "
                                + result.stderr.strip()[-500:])
        return result.stdout


_IMAGE = re.compile(r'<image\b([^>]*?)xlink:href="([^"]+)"([^>]*)/>')
_NUM = re.compile(r'\b(width|height|x|y)="(-?[0-9.]+)(?:px)?"')


def embed_images(svg: str) -> str:
    """Each referenced image file once, as a ``<symbol>`` holding a data URI, used where it was
    drawn: the drawing stands alone (moved, offline, inlined in a page)."""
    symbols: dict[str, str] = {}
    defs: list[str] = []

    def replace(match: re.Match[str]) -> str:
        attrs = dict(_NUM.findall(match[1] + match[3]))
        href = match[2]
        if href not in symbols:
            try:
                data = base64.b64encode(Path(href).read_bytes()).decode("ascii")
            except OSError:
                return ""
            symbol = f"icon{len(symbols)}"
            symbols[href] = symbol
            w, h = attrs.get("width", "100"), attrs.get("height", "100")
            defs.append(
                f'<symbol id="{symbol}" viewBox="0 0 {w} {h}"><image width="{w}" height="{h}" '
                f'xlink:href="data:image/png;base64,{data}"/></symbol>'
            )
        return (
            f'<use xlink:href="#{symbols[href]}" x="{attrs.get("x", "0")}" '
            f'y="{attrs.get("y", "0")}" '
            f'width="{attrs.get("width", "100")}" height="{attrs.get("height", "100")}"/>'
        )

    body = _IMAGE.sub(replace, svg)
    if defs:
        body = re.sub(
            r"(<svg\b[^>]*>)",
            lambda m: m[1] + "\n<defs>\n" + "\n".join(defs) + "\n</defs>",
            body,
            count=1,
        )
    return body
