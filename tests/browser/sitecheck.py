"""Helpers of the browser test (a module name no other test directory uses).

``shot`` is ``scripts/screenshot.py``: serving, launching Chromium, waiting for diagrams.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("ARCHDOC_SCREENSHOTS") or ROOT / "tests" / ".screenshots")
SCREENSHOTS = SCREENSHOTS.resolve()


def _load_screenshot_module() -> ModuleType:
    path = ROOT / "scripts" / "screenshot.py"
    spec = importlib.util.spec_from_file_location("archdoc_screenshot", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


shot = sys.modules.get("archdoc_screenshot") or _load_screenshot_module()


class Screenshots:
    """Writes PNGs under ``SCREENSHOTS/<group>/`` and remembers them for the summary line."""

    written: list[Path] = []  # every file written in this session

    def __init__(self, root: Path) -> None:
        self.root = root

    def take(self, page: Any, group: str, page_path: str, **kwargs: Any) -> Path:
        target = self.root / group / shot.page_file_name(page_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=target, **kwargs)
        Screenshots.written.append(target)
        return target


class Watcher:
    """What one page did besides drawing: console errors, uncaught exceptions, failed requests."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.external_failures: list[str] = []  # reported, not fatal: "URL (reason)"
        self.requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught exception: {exc}"))
        page.on("request", lambda req: self.requests.append(req.url))
        page.on("response", self._response)
        page.on("requestfailed", self._failed)

    def reset(self) -> None:
        self.errors, self.external_failures, self.requests = [], [], []

    def _console(self, msg: Any) -> None:
        if msg.type != "error":
            return
        url = (msg.location or {}).get("url", "")
        if msg.text.startswith("Failed to load resource"):
            if url.endswith("/favicon.ico"):
                return
            if url:  # the failing response or request is reported with its URL below
                return
        self.errors.append(f"console error: {msg.text}" + (f" ({url})" if url else ""))

    def _response(self, response: Any) -> None:
        if response.status >= 400 and shot.is_local(response.url):
            if not response.url.endswith("/favicon.ico"):
                self.errors.append(f"HTTP {response.status} for {response.url}")

    def _failed(self, request: Any) -> None:
        if "net::ERR_ABORTED" in str(request.failure):
            return  # cancelled by leaving the page (favicon, search worker): not a failure
        if shot.is_local(request.url):
            self.errors.append(f"request failed: {request.url} ({request.failure})")
        else:
            self.external_failures.append(f"{request.url} ({request.failure})")


def site_file(site_dir: Path, base: str, url: str) -> Path | None:
    """The file of ``site_dir`` a local URL points to, or None for an external URL."""
    if not url.startswith(base):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return site_dir / path


def link_problems(site_dir: Path, base: str, page_url: str, states: dict[str, Any]) -> list[str]:
    problems = []
    for d in states["diagrams"]:
        for href in d["links"]:
            if not href or href.startswith(("#", "mailto:")):
                continue
            target = urljoin(page_url, href)
            file = site_file(site_dir, base, target)
            if file is not None and not (file.is_file() or (file / "index.html").is_file()):
                problems.append(f"diagram {d['key']!r} links to {href!r}, which is not in the site")
    return problems


def page_file(site_dir: Path, path: str) -> Path:
    """The HTML file of a page's URL path (``x/`` -> ``x/index.html``, ``x.html`` as is)."""
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)
