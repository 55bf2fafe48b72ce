"""The "Model vs. observed" page: its Markdown (golden), its place in a real MkDocs build."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from archdoc.config import load_config
from archdoc.project import load_project, validate_project
from archdoc.site import SiteContext, UnknownBlock, generate_pages, render_block
from archdoc_testing import Golden

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Golden(Path(__file__).resolve().parent / "golden")
PAGE = "architecture/observed.md"


def pages(config: Path = FIXTURES / "mkdocs.yml") -> dict[str, str]:
    project = load_project(config=load_config(config))
    # Mermaid sources, not Graphviz drawings, in the golden page: the same whoever builds it
    context = SiteContext(workspace=project.workspace, adrs=project.adrs, drift=project.drift,
                          diagnostics=validate_project(project), options={"engine": "mermaid"})
    return {p.path: p.markdown for p in generate_pages(context)}


def test_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    generated = pages()
    GOLDEN.check("observed.md", generated[PAGE])
    assert "[Model vs. observed](observed.md)" in generated["architecture/index.md"]


def test_no_page_without_observed_sources(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "model", tmp_path / "model")
    (tmp_path / "mkdocs.yml").write_text("site_name: Shop\nplugins:\n  - archdoc\n")
    generated = pages(tmp_path / "mkdocs.yml")
    assert PAGE not in generated
    assert "Model vs. observed" not in generated["architecture/index.md"]


def test_the_observed_block_needs_observed_sources() -> None:
    from archdoc import Workspace

    context = SiteContext(workspace=Workspace("W"))
    with pytest.raises(UnknownBlock, match="no observed sources"):
        render_block(context, "observed", "index.md")


def test_a_real_build_puts_the_page_in_the_navigation(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as mkdocs_config

    project = tmp_path / "shop"
    shutil.copytree(FIXTURES, project)
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Shop\n\n```archdoc\nobserved\n```\n")
    cwd, logger = os.getcwd(), logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the fixture's findings are logged: not this test's subject
    try:
        os.chdir(project)
        build(mkdocs_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    finally:
        os.chdir(cwd)
        logger.setLevel(level)
    html = (tmp_path / "site" / "architecture" / "observed" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<h1 id=\"model-vs-observed\">Model vs. observed" in html
    assert "Declared, never seen" in html
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Model vs. observed" in home  # in the navigation
    assert "Seen, not declared" in home  # the block on a hand-written page
