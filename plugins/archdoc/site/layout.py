"""Where each generated page lives, and links between pages."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Layout", "Page", "relative_path"]


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two paths relative to one root: the same answer
    without asking the operating system for the working directory (every link of the site is
    made this way, some hundred thousand at 1,000 services)."""
    path, start = posixpath.normpath(path), posixpath.normpath(start)
    if path.startswith(("/", "..")) or start.startswith(("/", "..")):
        return posixpath.relpath(path, start)
    to = [] if path == "." else path.split("/")
    here = [] if start == "." else start.split("/")
    common = 0
    for a, b in zip(to, here):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + to[common:]
    return "/".join(parts) if parts else "."


@lru_cache(maxsize=4096)
def _folder(page: str) -> str:
    return posixpath.dirname(page) or "."


@lru_cache(maxsize=1 << 16)
def _folder_link(to_page: str, folder: str) -> str:
    """The link from the pages of a folder to a page: the element pages share a folder and
    link to the same pages, so each answer is worked out once."""
    return relative_path(to_page, folder)


@dataclass(frozen=True)
class Page:
    """A generated page: its path below the docs directory, title and Markdown."""

    path: str
    title: str
    markdown: str
    in_nav: bool = True
    section: str = ""
    """The navigation group the page is listed in (``""``: directly in the generated section);
    the first page of a section is its index."""


@dataclass(frozen=True)
class Layout:
    """The URL scheme of the site: a prefix for generated pages and the MkDocs URL style."""

    prefix: str = "architecture"
    directory_urls: bool = True

    def _p(self, rest: str) -> str:
        return f"{self.prefix}/{rest}" if self.prefix else rest

    # -- page paths (relative to the docs directory) --------------------------------------------
    def home(self) -> str:
        return self._p("index.md")

    def element(self, id: str) -> str:
        return self._p(f"elements/{id}.md")

    def flows(self) -> str:
        return self._p("flows/index.md")

    def flow(self, id: str) -> str:
        return self._p(f"flows/{id}.md")

    def group(self, name: str) -> str:
        """``dependencies``, ``matrix``, ``events``...: one page each."""
        return self._p(f"{name}.md")

    def views(self) -> str:
        return self._p("views/index.md")

    def view(self, id: str) -> str:
        return self._p(f"views/{id}.md")

    def environment(self, id: str) -> str:
        return self._p(f"deployment/{id}.md")

    def decisions(self) -> str:
        return self._p("decisions/index.md")

    def decision(self, stem: str) -> str:
        return self._p(f"decisions/{stem}.md")

    # -- links ------------------------------------------------------------------------------------
    def md_link(self, from_page: str, to_page: str, anchor: str = "") -> str:
        """A relative link to a Markdown page, as MkDocs resolves them."""
        rel = _folder_link(to_page, _folder(from_page))
        return rel + (f"#{anchor}" if anchor else "")

    def url(self, page: str) -> str:
        """The URL of a page relative to the site root, as MkDocs builds it."""
        stem = page[:-3] if page.endswith(".md") else page
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def href(self, from_page: str, to_page: str) -> str:
        """A URL for HTML (e.g. a diagram's click target) from one page to another."""
        src, dst = self.url(from_page), self.url(to_page)
        base = src.rstrip("/") if src.endswith("/") else posixpath.dirname(src)
        rel = relative_path(dst.rstrip("/") or ".", base or ".")
        if dst.endswith("/") or not dst:
            rel = rel.rstrip("/") + "/"
        return rel
