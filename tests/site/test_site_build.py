"""The plugin in real MkDocs builds: pages, strict mode, embedding, themes, nav, offline,
determinism.

Material builds are slow (its templates compile for a few seconds), so one Material site is
built per module and the other cases use the plain ``mkdocs`` theme.
"""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from archdoc.project import load_project
from archdoc.site import Layout, SiteContext, generate_pages
from sitebuild import MODEL, Built, build_site, write_project
from sitehelpers import diagrams, drawings

ROOT = Path(__file__).resolve().parents[2]
ELEMENTS = ["customer", "shop", "stripe", "shop.web-app", "shop.order-api", "shop.orders-db"]


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The clean project on mkdocs-material, offline Mermaid, ``--strict``."""
    root = write_project(tmp_path_factory.mktemp("material") / "project",
                         options="offline_mermaid: true")
    built = build_site(root, root / "site")
    assert built.error is None, f"{built.error!r}: {built.messages()}"
    return built


# -- the pages ------------------------------------------------------------------------------------


def test_strict_build_of_a_clean_model_writes_every_generated_page(material: Built) -> None:
    assert material.messages() == []  # not one warning: --strict passed for a reason
    site = material.site
    expected = ["architecture/index.html", "architecture/dependencies/index.html",
                "architecture/matrix/index.html", "architecture/events/index.html",
                "architecture/data/index.html", "architecture/flows/index.html",
                "architecture/flows/checkout/index.html",
                "architecture/deployment/production/index.html",
                "architecture/decisions/index.html",
                "architecture/decisions/0001-use-mysql/index.html",
                "architecture/decisions/0002-use-postgresql/index.html"]
    expected += [f"architecture/elements/{id}/index.html" for id in ELEMENTS]
    missing = [p for p in expected if not (site / p).is_file()]
    assert not missing, missing
    home = material.html("architecture/index.html")
    assert '<h1 id="shop-architecture">Shop architecture' in home
    assert 'data-archdoc-view="landscape"' in home


def test_superseded_decision_has_a_banner_linking_its_successor(material: Built) -> None:
    old = material.html("architecture/decisions/0001-use-mysql/index.html")
    banner = re.search(
        r'<div class="archdoc-banner archdoc-banner--critical">\s*<p>(.*?)</p>', old, re.S
    )
    assert banner, "no banner on the superseded record"
    assert banner[1] == ('This decision is superseded by <a href="../0002-use-postgresql/">'
                         "ADR-0002: Use PostgreSQL for orders</a>.")
    new = material.html("architecture/decisions/0002-use-postgresql/index.html")
    assert "archdoc-banner" not in new
    assert re.search(r'<a href="../0001-use-mysql/">ADR-0001: Use MySQL for orders</a>', new)
    index = material.html("architecture/decisions/index.html")
    assert re.search(
        r'<a href="0001-use-mysql/">ADR-0001</a> → <a href="0002-use-postgresql/">ADR-0002</a>',
        index,
    ), "no supersede chain on the index"
    # the affected element lists both decisions
    db = material.html("architecture/elements/shop.orders-db/index.html")
    assert '<a href="../../decisions/0001-use-mysql/">ADR-0001: Use MySQL for orders</a>' in db
    assert (
        '<a href="../../decisions/0002-use-postgresql/">ADR-0002: Use PostgreSQL for orders</a>'
        in db
    )


def test_a_hand_written_page_embeds_blocks_with_links_relative_to_itself(material: Built) -> None:
    page = material.html("index.html")
    assert "```archdoc" not in page and "containers:shop\n" not in page
    sources = drawings(page)
    assert list(sources) == ["containers:shop"]
    assert 'xlink:href="architecture/elements/shop.web-app/"' in sources["containers:shop"]
    assert "<strong>3 dependency pairs:</strong> 1 critical path · 2 healthy · 0 async" in page


def test_diagram_sources_survive_markdown_intact(material: Built) -> None:
    """What Mermaid reads in the browser is exactly what the renderer wrote."""
    root = material.site.parent
    project = load_project(root / "mkdocs.yml")
    context = SiteContext(workspace=project.workspace, layout=Layout(), adrs=project.adrs)
    for page in generate_pages(context):
        built = material.site / Layout().url(page.path) / "index.html"
        text = built.read_text(encoding="utf-8")
        assert diagrams(text) == diagrams(page.markdown), page.path
        assert drawings(text) == drawings(page.markdown), page.path


def test_offline_mermaid_is_served_from_the_site(material: Built) -> None:
    site = material.site
    copied = site / "assets/archdoc/mermaid.min.js"
    assert copied.is_file()
    shipped = ROOT / "node_modules/mermaid/dist/mermaid.min.js"
    if shipped.is_file():
        assert (
            hashlib.sha256(copied.read_bytes()).digest()
            == hashlib.sha256(shipped.read_bytes()).digest()
        )
    script = (site / "assets/archdoc/archdoc.js").read_text(encoding="utf-8")
    assert script.startswith(
        'window.archdocConfig = {"mermaidUrl": "mermaid.min.js", "panzoomUrl": "panzoom.min.js"};')
    assert (site / "assets/archdoc/panzoom.min.js").is_file()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "cdn.jsdelivr.net" not in text and "unpkg.com" not in text, page
    assert 'src="../assets/archdoc/archdoc.js"' in material.html("architecture/index.html")


def test_without_offline_mermaid_the_cdn_is_used(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", theme="mkdocs", adrs={}, options="offline_mermaid: false")
    built = build_site(root, tmp_path / "site")
    assert built.error is None, built.messages()
    assert not (built.site / "assets/archdoc/mermaid.min.js").exists()
    script = (built.site / "assets/archdoc/archdoc.js").read_text(encoding="utf-8")
    assert "https://cdn.jsdelivr.net/npm/mermaid@" in script


# -- strict mode and errors ---------------------------------------------------------------------


def line_of(text: str, marker: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if marker in line)


def test_a_validation_error_fails_strict_and_names_the_model_line(tmp_path: Path) -> None:
    model = MODEL + 'web.uses("shop.nope", "Calls nothing")\n'
    root = write_project(tmp_path / "p", model=model, theme="mkdocs", adrs={})
    built = build_site(root, tmp_path / "site")
    assert built.error is not None and "strict" in str(built.error)
    line = line_of(model, "shop.nope")
    assert any(f"model/__init__.py:{line}:" in m and "dangling-reference" in m and "shop.nope" in m
               for m in built.messages()), built.messages()
    # without --strict the same site builds, and says the same
    lenient = build_site(root, tmp_path / "lenient", strict=False)
    assert lenient.error is None
    assert any(f"model/__init__.py:{line}:" in m for m in lenient.messages())


def test_the_mkdocs_command_fails_strict_with_the_place_to_fix(tmp_path: Path) -> None:
    model = MODEL + 'orders.uses("stripe.nothing-here", "Calls nothing")\n'
    root = write_project(tmp_path / "p", model=model, theme="mkdocs", adrs={})
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=root, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1, proc.stderr
    line = line_of(model, "stripe.nothing-here")
    assert f"model/__init__.py:{line}: error[dangling-reference]" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_model_that_raises_fails_the_build_naming_its_line(tmp_path: Path) -> None:
    model = MODEL + "raise ValueError('the model is wrong')\n"
    root = write_project(tmp_path / "p", model=model, theme="mkdocs", adrs={})
    built = build_site(root, tmp_path / "site")
    assert built.error is not None
    line = line_of(model, "raise ValueError")
    assert any(f"model/__init__.py:{line}: the model raised ValueError: the model is wrong" in m
               for m in built.messages()), built.messages()
    assert not any("Traceback" in m for m in built.messages())


@pytest.mark.parametrize(("front_matter", "key"), [
    ("", "contaners:shop"),
    ("---\ntitle: Home\ntags: [a, b]\n---\n\n", "flow:no-such-flow"),
])
def test_an_unknown_block_key_fails_strict_naming_page_and_line(
    tmp_path: Path, front_matter: str, key: str
) -> None:
    page = front_matter + f"# Home\n\nText.\n\n```archdoc\nlandscape\n\n{key}\n```\n"
    root = write_project(tmp_path / "p", theme="mkdocs", adrs={},
                         docs={"index.md": "# Home\n", "guide/page.md": page})
    built = build_site(root, tmp_path / "site")
    assert built.error is not None
    line = line_of(page, key)
    messages = built.messages()
    assert any(m.startswith(f"archdoc: docs/guide/page.md:{line}: ")
               and key.split(":")[-1] + "'" in m for m in messages), messages
    if key.startswith("contaners"):
        assert any("did you mean 'containers:shop'" in m for m in messages)


def test_an_example_fence_inside_another_fence_is_left_alone(tmp_path: Path) -> None:
    page = "# Syntax\n\n````markdown\n```archdoc\nnot-a-key\n```\n````\n"
    root = write_project(tmp_path / "p", theme="mkdocs", adrs={}, docs={"index.md": page})
    built = build_site(root, tmp_path / "site")
    assert built.error is None, built.messages()
    assert "not-a-key" in built.html("index.html")


def test_only_hand_written_pages_are_searched_for_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generated pages hold no fence to expand (and user text on them is escaped): MkDocs
    hands each one to the plugin, which passes it through without a scan."""
    from archdoc.site.build import SiteBuild

    expanded: list[str] = []
    original = SiteBuild.expand

    def spy(self: SiteBuild, markdown: str, source: str, **kwargs: Any) -> str:
        expanded.append(source)
        return original(self, markdown, source, **kwargs)

    monkeypatch.setattr(SiteBuild, "expand", spy)
    root = write_project(tmp_path / "p", theme="mkdocs", adrs={},
                         docs={"index.md": "# Home\n\n```archdoc\ncontainers:shop\n```\n",
                               "guide.md": "# Guide\n\nNo blocks, but the word archdoc.\n"})
    built = build_site(root, tmp_path / "site")
    assert built.error is None, built.messages()
    assert sorted(expanded) == ["guide.md", "index.md"]
    assert "Order API" in built.html("index.html")  # the block was drawn
    assert (tmp_path / "site" / "architecture" / "elements" / "shop.order-api" / "index.html") \
        .is_file()


# -- theme, nav, URLs ----------------------------------------------------------------------------


def test_plain_theme_explicit_nav_and_html_urls(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "p", theme="mkdocs", options="section: Our architecture",
        extra="use_directory_urls: false\nnav:\n  - Home: index.md\n  - Guide: guide.md\n",
        docs={"index.md": "# Home\n", "guide.md": "# Guide\n\n```archdoc\ncontext:shop\n```\n"})
    built = build_site(root, tmp_path / "site")
    assert built.error is None, built.messages()
    site = built.site
    for path in ["architecture/index.html", "architecture/elements/shop.html",
                 "architecture/decisions/0001-use-mysql.html", "architecture/flows/checkout.html"]:
        assert (site / path).is_file(), path
    home = built.html("index.html")
    # the generated section follows the explicit entries, titled as configured
    nav = home[home.index('<ul class="nav navbar-nav'):]
    nav = nav[:nav.index("</ul>\n")] if "</ul>\n" in nav else nav
    assert nav.index("Guide") < nav.index("Our architecture")
    assert (
        'href="architecture/index.html"' in home and 'href="architecture/dependencies.html"' in home
    )
    # drill-down links use .html URLs, relative to the page that embeds the view
    guide = drawings(built.html("guide.html"))["context:shop"]
    assert 'xlink:href="architecture/elements/customer.html"' in guide
    shop = drawings(built.html("architecture/elements/shop.html"))["containers:shop"]
    assert 'xlink:href="shop.web-app.html"' in shop
    # Markdown links between generated pages resolve to the .html files
    for href in re.findall(r'href="([^"#:]+\.html)"', built.html("architecture/dependencies.html")):
        assert (site / "architecture" / href).resolve().is_file(), href


def test_a_file_in_the_way_of_a_generated_page_is_an_error(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", theme="mkdocs", adrs={},
                         docs={"index.md": "# Home\n", "architecture/index.md": "# Mine\n"})
    built = build_site(root, tmp_path / "site")
    assert built.error is not None
    assert any("docs/architecture/index.md is generated by archdoc" in m for m in built.messages())


# -- determinism ---------------------------------------------------------------------------------


def test_generated_markdown_is_byte_identical_across_loads(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", theme="mkdocs")
    runs = []
    for _ in range(2):
        project = load_project(root / "mkdocs.yml")
        context = SiteContext(workspace=project.workspace, layout=Layout(), adrs=project.adrs)
        runs.append([(p.path, p.title, p.markdown) for p in generate_pages(context)])
    assert runs[0] == runs[1]
    assert len(runs[0]) > 15


#: Files MkDocs itself writes that may change from one build to the next (gzip stamps a time).
STAMPED = {"sitemap.xml.gz"}


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_give_byte_identical_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # MkDocs stamps the build date
    root = write_project(tmp_path / "p", theme="mkdocs")
    first = build_site(root, tmp_path / "one")
    second = build_site(root, tmp_path / "two")
    assert first.error is None and second.error is None, first.messages()
    a, b = _tree(first.site), _tree(second.site)
    assert sorted(a) == sorted(b)
    generated = [p for p in a if p.startswith(("architecture/", "assets/archdoc/"))]
    assert len(generated) > 15
    differ = [p for p in a if a[p] != b[p] and p not in STAMPED]
    assert not differ, differ


def test_the_generated_html_carries_no_raw_user_markup(material: Built) -> None:
    for page in material.site.joinpath("architecture").rglob("*.html"):
        text = html.unescape(page.read_text(encoding="utf-8"))
        assert "```archdoc" not in text, page


def test_a_record_that_cannot_be_read_is_still_published_with_a_warning(tmp_path: Path) -> None:
    adrs = {
        "0001-use-mysql.md": (
            "---\nstatus: accepted\ndate: 2024-01-15\n---\n\n# Use MySQL\n\nWhy.\n"
        ),
        "0002-use-redis.md": (
            "---\nstatus: accepted\ndecision-makers: [Ana\n---\n\n# Use Redis\n\nWhy.\n"
        ),
        "0003-cache.md": (
            "---\nstatus: accepted\ndate: 2024-03-01\nrelates: [2]\n---\n\n# Cache\n\nWhy.\n"
        ),
    }
    root = write_project(tmp_path / "p", theme="mkdocs", adrs=adrs)
    built = build_site(root, root / "site", strict=False)
    assert built.error is None, built.messages()
    page = built.html("architecture/decisions/0002-use-redis/index.html")
    assert "archdoc could not read this record completely (front matter is not valid YAML" in page
    assert "adr/0002-use-redis.md:3" in page
    assert not any("adr-dangling-link" in m for m in built.messages())
    cache = built.html("architecture/decisions/0003-cache/index.html")
    assert 'href="../0002-use-redis/"' in cache  # the neighbour still links to it
