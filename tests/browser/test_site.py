"""The generated site in a real browser: every diagram renders, drill-down works, and offline too.

Needs Debian's ``chromium`` (``scripts/setup-system.sh``); skipped only when it is missing.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sitecheck import Screenshots, Watcher, link_problems, page_file, shot, site_file

pytestmark = pytest.mark.browser

PAGE_TIMEOUT_S = 20.0
GOTO_TIMEOUT_MS = 30_000
#: Stop after this many pages in a row where nothing rendered in time (Mermaid not loading at
#: all would otherwise cost 20 s for each of ~100 pages).
GIVE_UP_AFTER = 3
MERMAID_ASSET = "assets/archdoc/mermaid.min.js"


def _open(page: Any, url: str) -> list[str]:
    response = page.goto(url, wait_until="domcontentloaded", timeout=GOTO_TIMEOUT_MS)
    if response is not None and response.status >= 400:
        return [f"HTTP {response.status}"]
    return []


def _report(failures: dict[str, list[str]]) -> str:
    return "\n".join(
        f"{page}:\n" + "\n".join(f"    {p}" for p in problems)
        for page, problems in failures.items()
    )


def test_every_generated_page_renders_its_diagrams(
    context: Any,
    site_dir: Path,
    site_url: str,
    generated_pages: list[str],
    screenshots: Screenshots,
) -> None:
    page = context.new_page()
    watch = Watcher(page)
    failures: dict[str, list[str]] = {}
    external: Counter[str] = Counter()
    timings = {"open": 0.0, "render": 0.0, "screenshot": 0.0}
    diagrams = stalled = 0
    kinds: dict[str, int] = {}
    started = time.monotonic()

    for path in generated_pages:
        watch.reset()
        t0 = time.monotonic()
        problems = _open(page, site_url + path)
        t1 = time.monotonic()
        states = shot.wait_for_diagrams(page, PAGE_TIMEOUT_S)
        t2 = time.monotonic()
        problems += shot.diagram_problems(states)
        problems += link_problems(site_dir, site_url, page.url, states)
        problems += watch.errors
        diagrams += len(states["diagrams"])
        for d in states["diagrams"]:
            kind = d["key"].split(":", 1)[0] or "?"
            kinds[kind] = kinds.get(kind, 0) + 1
        screenshots.take(page, "pages", path)  # the viewport: a full page costs ~5x more
        timings["open"] += t1 - t0
        timings["render"] += t2 - t1
        timings["screenshot"] += time.monotonic() - t2
        if problems:
            failures[path] = problems
        external.update(watch.external_failures)
        nothing_rendered = states["timed_out"] and not any(
            d["rendered"] for d in states["diagrams"]
        )
        stalled = stalled + 1 if nothing_rendered else 0
        if stalled >= GIVE_UP_AFTER:
            failures["(gave up)"] = [
                f"no diagram rendered within {PAGE_TIMEOUT_S:.0f} s on {stalled} pages in a row; "
                "the remaining pages were not opened"
            ]
            break
    page.close()

    elapsed = time.monotonic() - started
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    phases = ", ".join(f"{name} {s:.1f} s" for name, s in timings.items())
    print(
        f"\n{len(generated_pages)} pages, {diagrams} diagrams ({summary}) "
        f"in {elapsed:.1f} s ({phases})"
    )
    for resource, pages in sorted(external.items()):
        print(f"  not fatal: an external resource failed to load on {pages} pages: {resource}")
    if failures:
        pytest.fail(
            f"{len(failures)} of {len(generated_pages)} generated pages have problems "
            f"(screenshots in {screenshots.root / 'pages'}):\n{_report(failures)}",
            pytrace=False,
        )
    assert diagrams > 0, "the generated pages contain no .archdoc-diagram at all"


# In the page: the links of one container view's nodes, as the browser resolves them.
NODE_LINKS_JS = """
(key) => {
  const div = document.querySelector(`.archdoc-diagram[data-archdoc-view="${CSS.escape(key)}"]`);
  return [...div.querySelectorAll('svg a')].map((a, i) => {
    const href = a.getAttribute('href') ||
      a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '';
    // htmlLabels: <foreignObject><div><span class="nodeLabel"><p>Name<br>…; else <text><tspan>…
    const html = a.querySelector('.nodeLabel');
    const svgText = a.querySelector('text tspan.row') || a.querySelector('text');
    const text = html ? html.innerText : (svgText ? svgText.textContent : '');
    a.setAttribute('data-archdoc-test-link', String(i));
    return {index: i, href, url: href ? new URL(href, location.href).href : '',
            target: a.getAttribute('target') || '',
            name: text.split('\\n').map(s => s.trim()).filter(Boolean)[0] || ''};
  });
}
"""

HEADING_JS = "() => (document.querySelector('article h1, main h1, h1') || {}).textContent || ''"


def test_clicking_an_element_on_a_container_view_opens_its_page(
    context: Any,
    site_dir: Path,
    site_url: str,
    generated_pages: list[str],
    screenshots: Screenshots,
) -> None:
    views: list[tuple[str, str]] = []
    for path in generated_pages:
        if not path.startswith("architecture/elements/"):
            continue
        html = page_file(site_dir, path).read_text(encoding="utf-8")
        keys = re.findall(r'data-archdoc-view="(containers:[^"]+)"', html)
        views += [(path, key) for key in keys]
    assert views, 'no element page has a container view (data-archdoc-view="containers:...")'

    page = context.new_page()
    watch = Watcher(page)
    choice = None
    for path, key in views:
        assert not _open(page, site_url + path), f"{path} could not be opened"
        problems = shot.diagram_problems(shot.wait_for_diagrams(page, PAGE_TIMEOUT_S))
        assert not problems, f"{path}: {problems}"
        here = page.url
        # Nodes leading to another page of the site; the system's own containers first
        # (their ids, hence their pages, start with the system's id and a dot).
        system = key.split(":", 1)[1]
        links = [
            link
            for link in page.evaluate(NODE_LINKS_JS, key)
            if link["url"].startswith(site_url + "architecture/") and link["url"] != here
        ]
        links.sort(key=lambda link: f"/elements/{system}." not in link["url"])
        if links:
            choice = (path, key, links[0])
            break
    assert choice, f"no container view has a node linking to another generated page: {views}"
    path, key, link = choice

    page.evaluate("window.__archdocBeforeClick = true")
    view = f'.archdoc-diagram[data-archdoc-view="{key}"]'
    node = page.locator(f'{view} svg a[data-archdoc-test-link="{link["index"]}"]')
    watch.reset()
    if link["target"] == "_blank":
        pytest.fail(f"{path}: the node {link['name']!r} opens its page in a new tab ({link})")
    node.click()
    try:
        page.wait_for_url(link["url"], timeout=10_000)
    except Exception:
        pytest.fail(
            f"{path}: clicking {link['name']!r} on {key!r} did not lead to {link['url']} "
            f"(the browser is at {page.url})",
            pytrace=False,
        )
    page.wait_for_load_state("domcontentloaded")
    spa = page.evaluate("window.__archdocBeforeClick === true")
    states = shot.wait_for_diagrams(page, PAGE_TIMEOUT_S)
    landed = link["url"][len(site_url) :]
    screenshots.take(page, "click", landed, full_page=True)

    file = site_file(site_dir, site_url, link["url"])
    assert file is not None and file.is_file(), f"{link['url']} is not a page of the site"
    heading = page.evaluate(HEADING_JS).replace("\u00b6", "").strip()  # no permalink sign
    title = page.title()
    print(
        f"\nclicked {link['name']!r} on {key!r} of {path} -> {landed}"
        f" ({'instant navigation' if spa else 'full page load'}; h1 {heading!r})"
    )
    if link["name"]:
        assert link["name"] in heading or link["name"] in title, (
            f"clicking {link['name']!r} on {key!r} landed on {landed}, whose heading is "
            f"{heading!r} and title {title!r}"
        )
    problems = shot.diagram_problems(states) + watch.errors
    assert not problems, f"after the click, {landed}: {problems}"
    page.close()


def test_diagrams_render_with_the_network_off(
    browser: Any,
    site_dir: Path,
    site_url: str,
    generated_pages: list[str],
    screenshots: Screenshots,
) -> None:
    asset = site_dir / MERMAID_ASSET
    assert asset.is_file(), (
        f"{MERMAID_ASSET} is not in the built site: the root mkdocs.yml must enable archdoc's "
        "offline option"
    )
    # The architecture home and the first page showing each kind of view.
    sample: dict[str, str] = {}
    for path in generated_pages:
        html = page_file(site_dir, path).read_text(encoding="utf-8")
        for key in re.findall(r'data-archdoc-view="([^"]*)"', html):
            sample.setdefault(key.split(":", 1)[0], path)
    pages = sorted({generated_pages[0], *sample.values()})

    blocked: list[str] = []
    context = browser.new_context(viewport=shot.VIEWPORT)
    shot.block_external(context, blocked)
    page = context.new_page()
    watch = Watcher(page)
    failures: dict[str, list[str]] = {}
    mermaid_loaded = False
    for path in pages:
        watch.reset()
        problems = _open(page, site_url + path)
        problems += shot.diagram_problems(shot.wait_for_diagrams(page, PAGE_TIMEOUT_S))
        problems += watch.errors
        mermaid_loaded |= any(u == site_url + MERMAID_ASSET for u in watch.requests)
        screenshots.take(page, "offline", path)
        if problems:
            failures[path] = problems
    context.close()

    print(f"\noffline: {len(pages)} pages; {len(blocked)} external requests blocked")
    for url in sorted(set(blocked)):
        print(f"  blocked {url}")
    if failures:
        pytest.fail(
            f"with every non-local request blocked ({len(set(blocked))} URLs: "
            f"{sorted(set(blocked))}):\n{_report(failures)}",
            pytrace=False,
        )
    assert mermaid_loaded, f"no page loaded Mermaid from {site_url}{MERMAID_ASSET}"
