"""Laying out DOT sources with Graphviz: one long-running ``dot`` process, results cached.

``dot -Tsvg`` reads graph after graph from its input and answers each at once, so one process
lays out every diagram of a build (starting one per diagram costs ~20 ms each). Each graph is
followed by an empty sentinel graph: the answer ends with the sentinel's SVG, so a graph that
Graphviz rejects is noticed instead of waited for. Finished drawings are kept in memory and in
a cache directory keyed by the Graphviz version and the source, so ``mkdocs serve`` re-lays out
only the diagrams that changed.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

from archdoc.errors import ArchdocError

__all__ = ["GraphvizLayout", "GraphvizError", "graphviz_available", "embed_images"]

_SENTINEL = "digraph archdoc_sentinel {}\n"
_SENTINEL_MARK = "archdoc_sentinel"
_FORMAT = "2"
"""Bumped when the post-processing of cached drawings changes."""


class GraphvizError(ArchdocError):
    """Graphviz could not lay out a diagram."""


def graphviz_available() -> bool:
    return shutil.which("dot") is not None


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "archdoc" / "graphviz"


class GraphvizLayout:
    """SVG drawings of DOT sources. Use as a context manager, or call :meth:`close`."""

    def __init__(self, *, cache_dir: Path | None = None, use_disk_cache: bool = True) -> None:
        self._dot = shutil.which("dot")
        if self._dot is None:
            raise GraphvizError("Graphviz `dot` is not installed",
                                hint="install the `graphviz` package of your system")
        self._process: subprocess.Popen[str] | None = None
        self._stderr: list[str] = []
        self._memory: dict[str, str] = {}
        self._version = self._read_version()
        self._cache = (cache_dir or _cache_root()) / self._version if use_disk_cache else None
        self.laid_out = 0
        """Drawings made by Graphviz (not taken from a cache) since this object was made."""

    def __enter__(self) -> GraphvizLayout:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read_version(self) -> str:
        assert self._dot is not None
        result = subprocess.run([self._dot, "-V"], capture_output=True, text=True, check=False)
        match = re.search(r"version\s+([0-9][^\s]*)", result.stderr + result.stdout)
        return (match[1] if match else "unknown") + "-" + _FORMAT

    def _start(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            assert self._dot is not None
            self._stderr = []
            self._process = subprocess.Popen(
                [self._dot, "-Tsvg"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
            stderr = self._process.stderr
            assert stderr is not None
            threading.Thread(target=self._drain, args=(stderr,), daemon=True).start()
        return self._process

    def _drain(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self._stderr.append(line)

    def close(self) -> None:
        if self._process is not None:
            if self._process.stdin:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
            self._process = None

    def svg(self, source: str) -> str:
        """The SVG of a DOT source (GraphvizError when Graphviz rejects it)."""
        key = hashlib.sha256(source.encode("utf-8")).hexdigest()
        found = self._memory.get(key)
        if found is not None:
            return found
        cached = self._cache / f"{key[:2]}/{key}.svg" if self._cache else None
        if cached is not None and cached.is_file():
            found = cached.read_text(encoding="utf-8")
        else:
            found = embed_images(self._layout(source))
            self.laid_out += 1
            if cached is not None:
                try:
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    partial = cached.with_suffix(f".{os.getpid()}.partial")
                    partial.write_text(found, encoding="utf-8")
                    partial.replace(cached)
                except OSError:
                    pass  # a read-only cache only costs time
        self._memory[key] = found
        return found

    def _layout(self, source: str) -> str:
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(source)
            process.stdin.write("\n" + _SENTINEL)
            process.stdin.flush()
        except BrokenPipeError:
            raise GraphvizError("Graphviz `dot` stopped: " + "".join(self._stderr).strip()) from None
        drawings: list[str] = []
        current: list[str] = []
        while True:
            line = process.stdout.readline()
            if not line:
                raise GraphvizError("Graphviz `dot` stopped: " + "".join(self._stderr).strip())
            current.append(line)
            if line.startswith("</svg>"):
                drawing = "".join(current)
                current = []
                if _SENTINEL_MARK in drawing[:600]:
                    break
                drawings.append(drawing)
        if not drawings:
            raise GraphvizError("Graphviz could not lay out a diagram: "
                                + "".join(self._stderr).strip()[-500:])
        return drawings[-1]


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
            defs.append(f'<symbol id="{symbol}" viewBox="0 0 {w} {h}"><image width="{w}" height="{h}" '
                        f'xlink:href="data:image/png;base64,{data}"/></symbol>')
        return (f'<use xlink:href="#{symbols[href]}" x="{attrs.get("x", "0")}" y="{attrs.get("y", "0")}" '
                f'width="{attrs.get("width", "100")}" height="{attrs.get("height", "100")}"/>')

    body = _IMAGE.sub(replace, svg)
    if defs:
        body = re.sub(r"(<svg\b[^>]*>)", lambda m: m[1] + "\n<defs>\n" + "\n".join(defs) + "\n</defs>",
                      body, count=1)
    return body
