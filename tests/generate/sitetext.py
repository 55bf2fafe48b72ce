"""Reading built sites for comparison: their pages, each page's main content as visible text,
and the local links that point nowhere. Standard library only (html.parser)."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["pages", "main_text", "broken_links"]

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


def pages(site: Path) -> list[str]:
    """Every HTML page of ``site`` (without the engine's own 404 page), as a sorted list of
    paths."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html")


class _Main(HTMLParser):
    """The text of the page's ``<article>`` (the theme's main content), without the permalink
    anchors the toc extension adds to headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>: element depth, 0 outside
        self.skip = 0   # inside an element whose text is chrome (a headerlink)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth == 0:
            if tag == "article":
                self.depth = 1
            return
        self.depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if self.skip or "headerlink" in classes:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or self.depth == 0:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def main_text(html: str) -> str:
    """The visible text of the main content, whitespace collapsed."""
    parser = _Main()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("href", "src") or (name == "xlink:href" and tag == "a")):
                if tag != "link" or name == "href":
                    self.links.append(value)


def broken_links(site: Path) -> list[str]:
    """``page -> link`` for each local link of a page that names no file of the site."""
    broken = []
    for page in pages(site):
        parser = _Links()
        parser.feed((site / page).read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "data:")):
                continue
            if not parts.path:
                continue
            path = unquote(parts.path)  # "/x.html": from the site's root, where it is served
            base = "" if path.startswith("/") else posixpath.dirname(page)
            target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
            file = site / target
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{page} -> {link}")
    return sorted(set(broken))
