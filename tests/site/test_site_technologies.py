"""The Technologies page: each technology of the model, what is built on it, talks with it, runs
on it (the shop model's page is a golden file of test_site_golden.py)."""

from __future__ import annotations

import html
from pathlib import Path

from archdoc import Workspace
from archdoc.site import Layout, SiteContext, generate_pages
from archdoc.site.pages.technologies import by_technology
from sitebuild import build_site, write_project


def test_technologies_are_split_at_commas_and_merged_across_case() -> None:
    assert by_technology([
        ("Python, FastAPI", "api"), ("python", "jobs"), ("", "web"), ("FastAPI", "api"),
        ("PostgreSQL 16 , ", "db"), ("Python", "api"),
    ]) == [("FastAPI", ["api"]), ("PostgreSQL 16", ["db"]), ("Python", ["api", "jobs"])]


def _pages(ws: Workspace) -> dict[str, str]:
    context = SiteContext(workspace=ws, layout=Layout())
    return {p.path: p.markdown for p in generate_pages(context, ["technologies"])}


def test_a_model_without_technologies_has_no_technologies_page() -> None:
    ws = Workspace("Bare")
    shop = ws.system("Shop", "Sells")
    shop.container("API", "Orders").uses(shop.database("DB"), "Stores")
    assert _pages(ws) == {}


def test_only_the_sections_the_model_has_and_hostile_names_escaped() -> None:
    ws = Workspace("Odd")
    shop = ws.system("Shop", "Sells")
    shop.container("A | B", "Pipes", technology="C++ [legacy] | *nix")
    page = _pages(ws)["architecture/technologies.md"]
    assert "## Elements" in page and "## Relationships" not in page and "## Deployment" not in page
    row = next(line for line in page.splitlines() if "legacy" in line)
    # The cells are escaped for a table; the selector, a code span (which tables leave alone),
    # names the technology literally, glob characters escaped.
    assert row.startswith("| C++ \\[legacy\\] \\| \\*nix | [A \\| B](elements/shop.a-b.md) | "), row
    assert row.endswith(" | `technology:C++ [[]legacy] | [*]nix` |"), row


def test_the_page_in_a_strict_build(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", theme="mkdocs", adrs={})
    built = build_site(root, root / "site")
    assert built.error is None, f"{built.error!r}: {built.messages()}"
    assert built.messages() == []
    page = html.unescape(built.html("architecture/technologies/index.html"))
    assert "<h1 id=\"technologies\">Technologies</h1>" in page
    assert '<a href="../elements/shop.orders-db/">Orders DB</a>' in page
    assert "<code>technology:PostgreSQL</code>" in page
    assert '<a href="../deployment/production/">Production</a>' in page
    assert 'href="technologies/"' in built.html("architecture/index.html")  # in the navigation


def test_the_pages_option_leaves_the_page_out_or_builds_it_alone() -> None:
    from sitemodels import shop

    context = SiteContext(workspace=shop(), layout=Layout())
    assert [p.path for p in generate_pages(context, ["technologies"])] == [
        "architecture/technologies.md"]
    assert "architecture/technologies.md" not in [
        p.path for p in generate_pages(context, ["home", "events"])]
