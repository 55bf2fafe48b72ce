"""Diagrams a person can read: label sizes on every diagram of every site, the viewer, both
colour schemes and the plain theme, in a real browser at 1400 x 1000.

The root site is the session's ``site_dir``; the examples are built once here with
``mkdocs build --strict``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sitecheck import ROOT, Screenshots, Watcher, shot

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 1000}
MIN_LABEL_PX = 12.0
EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/mkdocs.yml"))

#: Per diagram on the page: the height of each element name as drawn, in CSS px.
LABELS_JS = """
() => [...document.querySelectorAll('.archdoc-diagram')].map(fig => {
  const key = fig.getAttribute('data-archdoc-view');
  const svg = fig.querySelector('.archdoc-diagram__canvas svg');
  if (!svg) return {key, error: fig.getAttribute('data-archdoc-error') || 'not drawn'};
  let names = fig.classList.contains('archdoc-diagram--graphviz')
    ? [...svg.querySelectorAll(
        'g.node text[font-weight="bold"], g.cluster text[font-weight="bold"]')]
    : [...svg.querySelectorAll('.nodeLabel b, .nodeLabel strong, text.actor > tspan, text.actor')];
  if (!names.length) {  // labels without a bold name: the first line of each
    names = [...svg.querySelectorAll('.nodeLabel')].map(label => {
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode();
      if (!first) return null;
      const range = document.createRange();
      range.selectNodeContents(first);
      return range;
    }).filter(Boolean);
  }
  const heights = names.map(t => t.getBoundingClientRect().height).filter(h => h > 0);
  return {key, names: names.length, min: heights.length ? Math.min(...heights) : null,
          width: svg.getBoundingClientRect().width};
})
"""


def _build(config: Path, out: Path, extra: dict[str, str] | None = None) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(config),
            "-d",
            str(out),
        ],
        cwd=config.parent,
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict -f {config} failed:\n{proc.stderr[-3000:]}", pytrace=False
        )
    return out


@pytest.fixture(scope="session")
def example_sites(
    chromium_executable: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Every example, built once."""
    base = tmp_path_factory.mktemp("examples")
    return {name: _build(ROOT / "examples" / name / "mkdocs.yml", base / name) for name in EXAMPLES}


def _pages_with_diagrams(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("*.html")):
        if "archdoc-diagram" in html.read_text(encoding="utf-8", errors="replace"):
            pages.append(html.relative_to(site).as_posix())
    return pages


def _measure(
    context: Any, site: Path, label: str, *, console: bool = True
) -> tuple[int, list[str]]:
    """Open every page of ``site`` that holds a diagram; the problems of each diagram (and the
    page's console errors, unless ``console`` is false)."""
    problems: list[str] = []
    drawn = 0
    page = context.new_page()
    watch = Watcher(page)
    with shot.serve(site) as base:
        for path in _pages_with_diagrams(site):
            watch.reset()
            page.goto(base + path, wait_until="domcontentloaded")
            states = shot.wait_for_diagrams(page, 20.0)
            problems += [f"{label}/{path}: {p}" for p in shot.diagram_problems(states)]
            for d in page.evaluate(LABELS_JS):
                drawn += 1
                if d.get("error"):
                    problems.append(f"{label}/{path} [{d['key']}]: {d['error']}")
                elif d["min"] is None:
                    problems.append(
                        f"{label}/{path} [{d['key']}]: no element name found to measure"
                    )
                elif d["min"] < MIN_LABEL_PX:
                    problems.append(f"{label}/{path} [{d['key']}]: element names {d['min']:.1f} px "
                                    f"high (at least {MIN_LABEL_PX:.0f} px)")
            if console:
                problems += [f"{label}/{path}: {e}" for e in watch.errors]
    page.close()
    return drawn, problems


@pytest.fixture(scope="module")
def wide(browser: Any) -> Any:
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


def test_every_diagram_of_the_root_site_is_readable(wide: Any, site_dir: Path) -> None:
    drawn, problems = _measure(wide, site_dir, "root")
    print(f"\nroot site: {drawn} diagrams measured")
    assert drawn > 20
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_diagram_of_each_example_is_readable(
        wide: Any, example_sites: dict[str, Path], name: str) -> None:
    drawn, problems = _measure(wide, example_sites[name], name)
    print(f"\n{name}: {drawn} diagrams measured")
    assert drawn > 5
    assert not problems, "\n".join(problems)


# -- the viewer --------------------------------------------------------------------------------

TRANSFORM_JS = """
() => { const c = document.querySelector('dialog.archdoc-viewer .archdoc-viewer__content');
        const m = new DOMMatrix(getComputedStyle(c).transform);
        return {scale: m.a, x: m.e, y: m.f}; }
"""


def test_the_viewer_zooms_pans_and_follows_a_link(
        wide: Any, example_sites: dict[str, Path], screenshots: Screenshots) -> None:
    site = example_sites["myshop"]
    page = wide.new_page()
    watch = Watcher(page)
    with shot.serve(site) as base:
        page.goto(base + "architecture/elements/myshop.html", wait_until="domcontentloaded")
        shot.wait_for_diagrams(page, 20.0)
        figure = page.locator('.archdoc-diagram[data-archdoc-view="containers:myshop"]')
        figure.locator('[data-archdoc-action="open"]').click()
        dialog = page.locator("dialog.archdoc-viewer[open]")
        dialog.wait_for()
        page.wait_for_selector('dialog.archdoc-viewer[data-archdoc-zoom="ready"]', timeout=10_000)
        fitted = page.evaluate(TRANSFORM_JS)
        assert 0 < fitted["scale"] <= 1, fitted  # a large view opens fitted to the screen
        screenshots.take(page, "viewer", "fitted")

        page.keyboard.press("NumpadAdd")  # "+"
        page.wait_for_timeout(350)  # zooming is animated
        after_key = page.evaluate(TRANSFORM_JS)
        assert after_key["scale"] > fitted["scale"], (fitted, after_key)
        dialog.locator('[data-archdoc-action="zoom-in"]').click()
        page.wait_for_timeout(350)
        after_button = page.evaluate(TRANSFORM_JS)
        assert after_button["scale"] > after_key["scale"]
        stage = dialog.locator(".archdoc-viewer__stage").bounding_box()
        assert stage is not None
        x, y = stage["x"] + stage["width"] / 2, stage["y"] + stage["height"] / 2
        page.mouse.move(x, y)
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(300)
        after_wheel = page.evaluate(TRANSFORM_JS)
        assert after_wheel["scale"] > after_button["scale"], (after_button, after_wheel)
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + 160, y + 90, steps=8)
        page.mouse.up()
        page.wait_for_timeout(350)
        dragged = page.evaluate(TRANSFORM_JS)
        assert (dragged["x"], dragged["y"]) != (after_wheel["x"], after_wheel["y"]), dragged
        page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(250)
        keyed = page.evaluate(TRANSFORM_JS)
        assert keyed["x"] != dragged["x"]
        dialog.locator('[data-archdoc-action="fit"]').click()
        page.wait_for_timeout(300)
        screenshots.take(page, "viewer", "zoomed")

        # drill-down keeps working inside the viewer
        link = dialog.locator('svg a[*|href$="myshop.order-service.html"]').first
        link.click()
        page.wait_for_url("**/architecture/elements/myshop.order-service.html", timeout=10_000)
        assert "Order Service" in page.title()
    assert not watch.errors, watch.errors
    page.close()


def test_escape_closes_the_viewer(wide: Any, site_dir: Path) -> None:
    page = wide.new_page()
    with shot.serve(site_dir) as base:
        page.goto(base + "architecture/index.html", wait_until="domcontentloaded")
        shot.wait_for_diagrams(page, 20.0)
        page.locator('.archdoc-diagram [data-archdoc-action="open"]').first.click()
        page.wait_for_selector("dialog.archdoc-viewer[open]")
        page.keyboard.press("Escape")
        page.wait_for_selector("dialog.archdoc-viewer", state="detached")
    page.close()


# -- colour schemes and themes ------------------------------------------------------------------

CONTRAST_JS = """
() => {
  const rgb = s => s.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = c.map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const fig = document.querySelector('.archdoc-diagram--graphviz');
  const card = rgb(getComputedStyle(fig).backgroundColor);
  const page = rgb(getComputedStyle(document.body).backgroundColor);
  const edgeText = fig.querySelector('g.edge text');
  const legend = fig.querySelector('.archdoc-legend');
  return {card, page,
          edgeText: edgeText ? ratio(rgb(getComputedStyle(edgeText).fill), card) : null,
          legend: ratio(rgb(getComputedStyle(legend).color), card)};
}
"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_diagrams_are_legible_on_both_material_schemes(
        wide: Any, site_dir: Path, screenshots: Screenshots, scheme: str) -> None:
    page = wide.new_page()
    with shot.serve(site_dir) as base:
        page.goto(base + "architecture/elements/archdoc.html", wait_until="domcontentloaded")
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        shot.wait_for_diagrams(page, 20.0)
        found = page.evaluate(CONTRAST_JS)
        screenshots.take(page, "schemes", scheme)
    assert found["edgeText"] is not None and found["edgeText"] >= 4.5, found
    assert found["legend"] >= 4.5, found
    if scheme == "slate":
        assert sum(found["page"]) < 200, found  # the page is dark...
        assert sum(found["card"]) > 600, found  # ...and the diagram keeps its light card
    page.close()


def test_diagrams_are_legible_on_the_plain_mkdocs_theme(
        wide: Any, tmp_path: Path, screenshots: Screenshots) -> None:
    example = ROOT / "examples" / "myshop"
    project = tmp_path / "myshop"
    shutil.copytree(example, project, ignore=shutil.ignore_patterns("site", "__pycache__"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("theme:")
    end = text.index("\n", text.index("name: material", start))
    rest = text[end + 1:]
    while rest.startswith((" ", "\t")):  # the theme's other settings
        rest = rest[rest.index("\n") + 1:] if "\n" in rest else ""
    config.write_text(text[:start] + "theme:\n  name: mkdocs\n  highlightjs: false\n" + rest,
                      encoding="utf-8")
    site = _build(config, tmp_path / "site")
    # The theme's own scripts fail on headings that start with a digit: only diagrams count here.
    drawn, problems = _measure(wide, site, "myshop (mkdocs theme)", console=False)
    assert drawn > 5
    assert not problems, "\n".join(problems)
