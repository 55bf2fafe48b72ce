#!/usr/bin/env python3
"""Screenshots of pages of a built archdoc site, taken in headless Chromium once Mermaid is done.

    python scripts/screenshot.py SITE_DIR PAGE [PAGE ...] [-o OUT_DIR] [--selector CSS] [--offline]

SITE_DIR is the output of ``mkdocs build``; each PAGE is a path inside it (``architecture/``,
``architecture/elements/shop/index.html``), optionally followed by ``=NAME.png`` to name its file.
The site is served on 127.0.0.1 (a free port, ``http.server`` in a thread) and each page is opened
in Debian's ``chromium`` through Playwright (``playwright install`` is never needed). The script
waits until every ``.archdoc-diagram`` has rendered, then saves a PNG; it exits 1 if a diagram
failed or did not render in time, 2 if Chromium is missing.

The browser test (``tests/browser/``) imports this file for the same serving, launching and
waiting logic, so the screenshots in the docs are taken exactly the way the test checks pages.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Chromium flags for a headless run as root in a container, with no background traffic.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MERMAID_ERROR_TEXT = "Syntax error in text"
DEFAULT_TIMEOUT_S = 20.0
VIEWPORT = {"width": 1280, "height": 900}


def find_chromium(explicit: str | None = None) -> str | None:
    """The Chromium executable to drive: ``explicit``, ``$ARCHDOC_CHROMIUM``, or on the PATH."""
    for candidate in (explicit, os.environ.get("ARCHDOC_CHROMIUM")):
        if candidate:
            return candidate if Path(candidate).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


# -- serving ----------------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # The site does not change while it is served: let the browser keep Mermaid's few MB
        # in its cache from one page to the next instead of asking again every time.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs; that is not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site_dir: str | os.PathLike[str]) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 and a free port; yields the base URL, ending in ``/``."""
    handler = functools.partial(_QuietHandler, directory=os.fspath(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="archdoc-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# -- the browser ------------------------------------------------------------------------------


def launch(playwright: Any, executable: str) -> Any:
    """A headless Chromium ``Browser`` on the system's binary (Playwright's own is never used)."""
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


def block_external(target: Any, blocked: list[str] | None = None) -> None:
    """Abort every request of ``target`` (a page or a context) that leaves 127.0.0.1.

    The URLs aborted are appended to ``blocked`` when it is given.
    """

    def handle(route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            if blocked is not None:
                blocked.append(url)
            route.abort("internetdisconnected")

    target.route("**/*", handle)


# In the page: is every archdoc diagram finished (rendered, failed, or a static image)?
DIAGRAMS_SETTLED_JS = """
() => [...document.querySelectorAll('.archdoc-diagram')].every(d => {
  if (d.hasAttribute('data-archdoc-error') || d.getAttribute('data-archdoc-rendered') === 'true')
    return true;
  if (d.querySelector('pre')) return false;
  const img = d.querySelector('img');
  if (img) return img.complete;
  return !!d.querySelector('svg');
})
"""

# In the page: the state of each archdoc diagram and of anything that looks like a Mermaid error.
DIAGRAM_STATES_JS = """
(errorText) => {
  const out = [...document.querySelectorAll('.archdoc-diagram')].map((d, i) => {
    const pre = d.querySelector('pre');
    const svg = d.querySelector('svg');
    const img = d.querySelector('img');
    const box = (svg || img) ? (svg || img).getBoundingClientRect() : null;
    return {
      index: i,
      key: d.getAttribute('data-archdoc-view') || '',
      rendered: d.getAttribute('data-archdoc-rendered') === 'true',
      error: d.getAttribute('data-archdoc-error'),
      has_pre: !!pre,
      has_svg: !!svg,
      svg_has_content: !!(svg && svg.querySelector('g, path, rect, text, image')),
      svg_is_error: !!(svg && svg.getAttribute('aria-roledescription') === 'error'),
      img_ok: !!(img && img.complete && img.naturalWidth > 0),
      has_img: !!img,
      width: box ? Math.round(box.width) : 0,
      height: box ? Math.round(box.height) : 0,
      error_text: (d.textContent || '').includes(errorText),
      links: [...d.querySelectorAll('svg a')].map(a =>
        a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || ''),
    };
  });
  // Mermaid leaves its error drawing in a <div id="d<id>"> at the end of <body> when
  // mermaid.render() throws; any SVG of the page showing the error text counts.
  const stray = [...document.querySelectorAll('svg')].filter(s =>
    !s.closest('.archdoc-diagram') &&
    (s.getAttribute('aria-roledescription') === 'error' ||
     (s.textContent || '').includes(errorText))).length;
  return {diagrams: out, stray_errors: stray};
}
"""


def wait_for_diagrams(page: Any, timeout_s: float = DEFAULT_TIMEOUT_S) -> dict[str, Any]:
    """Wait until every diagram of ``page`` settled; returns their states (``DIAGRAM_STATES_JS``).

    ``timed_out`` is set instead of raising when they did not settle within ``timeout_s``.
    """
    timed_out = False
    try:
        page.wait_for_function(DIAGRAMS_SETTLED_JS, timeout=timeout_s * 1000)
    except Exception as exc:  # playwright's TimeoutError; the states below say what is missing
        if "Timeout" not in type(exc).__name__:
            raise
        timed_out = True
    states = page.evaluate(DIAGRAM_STATES_JS, MERMAID_ERROR_TEXT)
    states["timed_out"] = timed_out
    return states


def diagram_problems(states: dict[str, Any]) -> list[str]:
    """What is wrong with the diagrams of one page, one line each; empty when all rendered."""
    problems: list[str] = []
    for d in states["diagrams"]:
        name = f"diagram #{d['index']} ({d['key'] or 'no data-archdoc-view'})"
        if d["error"] is not None:
            problems.append(f"{name}: data-archdoc-error={d['error']!r}")
        elif d["svg_is_error"] or d["error_text"]:
            problems.append(f"{name}: shows Mermaid's {MERMAID_ERROR_TEXT!r}")
        elif d["has_pre"] and not d["rendered"]:
            why = " in time" if states.get("timed_out") else ""
            if d["has_svg"]:
                why += " (an <svg> is there but data-archdoc-rendered is not set)"
            problems.append(f"{name}: not rendered{why}")
        elif d["has_img"] and not d["has_svg"] and not d["img_ok"]:
            problems.append(f"{name}: its <img> did not load")
        elif not d["has_img"] and not d["svg_has_content"]:
            problems.append(f"{name}: no SVG drawing in it")
    if states["stray_errors"]:
        problems.append(
            f"{states['stray_errors']} Mermaid error drawing(s) outside the diagrams "
            "(a failed mermaid.render() leaves one at the end of <body>)"
        )
    return problems


# -- the command ------------------------------------------------------------------------------


def page_file_name(page: str) -> str:
    """``architecture/elements/shop/`` -> ``architecture-elements-shop.png``."""
    path = re.sub(r"(^|/)index\.html$", "", page.strip("/")).strip("/")
    path = re.sub(r"\.html$", "", path)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", path).strip("-.")
    return f"{slug or 'index'}.png"


def _parse_page(arg: str) -> tuple[str, str]:
    page, _, name = arg.partition("=")
    if name and not name.endswith(".png"):
        name += ".png"
    return page.lstrip("/"), name or page_file_name(page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site (mkdocs build -d SITE)")
    parser.add_argument("pages", nargs="+", metavar="PAGE[=NAME.png]", help="page paths in SITE")
    parser.add_argument("-o", "--out", type=Path, default=Path("screenshots"), help="output dir")
    parser.add_argument("--selector", help="shoot only the first element matching this CSS")
    parser.add_argument("--viewport-only", action="store_true", help="not the full page")
    parser.add_argument("--width", type=int, default=VIEWPORT["width"])
    parser.add_argument("--height", type=int, default=VIEWPORT["height"])
    parser.add_argument("--scale", type=float, default=1.0, help="device scale factor")
    parser.add_argument("--dark", action="store_true", help="prefers-color-scheme: dark")
    parser.add_argument("--offline", action="store_true", help="block every non-local request")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="s per page")
    parser.add_argument("--chromium", help="Chromium executable (default: chromium on PATH)")
    args = parser.parse_args(argv)

    if not args.site.is_dir():
        parser.error(f"{args.site} is not a directory (build the site first)")
    executable = find_chromium(args.chromium)
    if executable is None:
        print("screenshot: Chromium not found; run scripts/setup-system.sh", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    failed = False
    with serve(args.site) as base, sync_playwright() as pw:
        browser = launch(pw, executable)
        context = browser.new_context(
            viewport={"width": args.width, "height": args.height},
            device_scale_factor=args.scale,
            color_scheme="dark" if args.dark else "light",
        )
        if args.offline:
            block_external(context)
        page = context.new_page()
        for page_arg in args.pages:
            path, name = _parse_page(page_arg)
            response = page.goto(base + path, wait_until="domcontentloaded")
            if response is not None and response.status >= 400:
                print(f"{path}: HTTP {response.status}", file=sys.stderr)
                failed = True
                continue
            problems = diagram_problems(wait_for_diagrams(page, args.timeout))
            for problem in problems:
                print(f"{path}: {problem}", file=sys.stderr)
            failed |= bool(problems)
            target = args.out / name
            if args.selector:
                page.locator(args.selector).first.screenshot(path=target)
            else:
                page.screenshot(path=target, full_page=not args.viewport_only)
            print(target)
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
