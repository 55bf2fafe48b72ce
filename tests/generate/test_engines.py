"""`archdoc generate`'s tree, published by MkDocs, ProperDocs and Zensical, is the plugin's site.

For archdoc's own site and the MyShop example: the plugin's build (MkDocs) is the reference;
the tree is built by MkDocs and ProperDocs (``.venv``) and by Zensical (``.venv-zensical``, made
by ``scripts/setup-zensical.sh``, where archdoc is installed without its MkDocs extra). Each must
have the same pages with the same main content as visible text, no link into nothing, and
every diagram drawn in Chromium.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sitetext import broken_links, main_text, pages

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ZENSICAL_VENV = ROOT / ".venv-zensical"
ENGINES = ("mkdocs", "properdocs", "zensical")
PROJECTS = {"root": ROOT, "myshop": ROOT / "examples" / "myshop"}
ELSEWHERE = {"root": ("examples/",)}
"""Links into sites built beside this one (`make docs` builds the examples into the root's)."""
PAGE_TIMEOUT_S = 30.0


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["NO_MKDOCS_2_WARNING"] = "1"
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
                          check=False)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(args)} (in {cwd}) failed with {proc.returncode}:\n"
                    f"{(proc.stdout + proc.stderr)[-4000:]}", pytrace=False)
    return proc


@pytest.fixture(scope="session")
def zensical_venv() -> Path:
    """``.venv-zensical``, made (once, idempotently) by the project's script."""
    if not (ZENSICAL_VENV / "bin" / "zensical").exists():
        proc = subprocess.run(["bash", str(ROOT / "scripts" / "setup-zensical.sh")],
                              capture_output=True, text=True, timeout=900, check=False)
        if proc.returncode != 0:
            pytest.skip(f"Zensical is not installed and scripts/setup-zensical.sh failed "
                        f"(run `make setup`): {proc.stderr.strip()[-500:]}")
    return ZENSICAL_VENV


@dataclass
class Built:
    project: Path
    tree: Path
    sites: dict[str, Path]
    """``plugin`` and each engine -> the built site."""
    writer: Path
    """The ``bin`` of the venv whose archdoc wrote the tree."""
    elsewhere: tuple[str, ...] = ()


@pytest.fixture(scope="module", params=sorted(PROJECTS))
def built(request: pytest.FixtureRequest, zensical_venv: Path,
          tmp_path_factory: pytest.TempPathFactory) -> Built:
    name = request.param
    project = PROJECTS[name]
    out = tmp_path_factory.mktemp(f"engines-{name}")
    plugin = out / "plugin"
    _run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(plugin)], cwd=project)
    # The example's tree comes from the Zensical venv, where MkDocs is not installed.
    venv_bin = zensical_venv / "bin" if name == "myshop" else BIN
    tree = out / "tree"
    _run([str(venv_bin / "archdoc"), "generate", "-o", str(tree)], cwd=project)
    sites = {"plugin": plugin}
    for engine in ("mkdocs", "properdocs"):
        sites[engine] = out / engine
        _run([str(BIN / engine), "build", "--strict", "-q", "-f", str(tree / "mkdocs.yml"),
              "-d", str(sites[engine])], cwd=project)
    zensical_tree = out / "zensical-tree"  # Zensical writes into the tree: build a copy
    shutil.copytree(tree, zensical_tree)
    _run([str(zensical_venv / "bin" / "zensical"), "build", "--strict", "-f",
          str(zensical_tree / "mkdocs.yml")], cwd=project)
    sites["zensical"] = zensical_tree / "site"
    return Built(project, tree, sites, venv_bin, ELSEWHERE.get(name, ()))


def _differences(built: Built, engine: str) -> list[str]:
    reference, site = built.sites["plugin"], built.sites[engine]
    out = []
    for page in pages(reference):
        expected = main_text((reference / page).read_text(encoding="utf-8"))
        actual = main_text((site / page).read_text(encoding="utf-8"))
        if expected != actual:
            at = next(i for i, (a, b) in enumerate(zip(expected + "\0", actual + "\1")) if a != b)
            out.append(f"{page}: ...{expected[max(0, at - 60):at + 60]!r}\n"
                       f"    {engine}: ...{actual[max(0, at - 60):at + 60]!r}")
    return out


@pytest.mark.parametrize("engine", ENGINES)
def test_the_engine_publishes_the_same_pages_with_the_same_text(built: Built, engine: str) -> None:
    reference = pages(built.sites["plugin"])
    assert len(reference) > 30, reference
    assert pages(built.sites[engine]) == reference
    assert any(p.startswith("architecture/elements/") for p in reference)
    differences = _differences(built, engine)
    assert not differences, f"{len(differences)} pages differ:\n" + "\n".join(differences[:10])


def test_mkdocs_builds_the_tree_into_the_plugins_html(built: Built) -> None:
    """Not only the text: MkDocs turns the tree into the very pages the plugin builds."""
    reference, site = built.sites["plugin"], built.sites["mkdocs"]
    different = [
        p for p in pages(reference) if not filecmp.cmp(reference / p, site / p, shallow=False)
    ]
    assert not different, different[:10]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_engine_serves_archdocs_assets(built: Built, engine: str) -> None:
    reference = built.sites["plugin"] / "assets" / "archdoc"
    names = sorted(p.name for p in reference.iterdir())
    assert {"archdoc.js", "archdoc.css", "mermaid.min.js", "panzoom.min.js"} <= set(names)
    for name in names:
        assert filecmp.cmp(reference / name, built.sites[engine] / "assets" / "archdoc" / name,
                           shallow=False), name


@pytest.mark.parametrize("engine", ("plugin", *ENGINES))
def test_no_link_of_the_site_points_nowhere(built: Built, engine: str) -> None:
    broken = broken_links(built.sites[engine])
    assert [b for b in broken if not b.split(" -> ")[1].startswith(built.elsewhere)] == []


def test_the_tree_is_the_same_whichever_archdoc_install_wrote_it(built: Built, zensical_venv: Path,
                                                                  tmp_path: Path) -> None:
    """archdoc without MkDocs (the Zensical venv) writes the tree archdoc with MkDocs writes."""
    other = tmp_path / "tree"
    other_bin = BIN if built.writer != BIN else zensical_venv / "bin"
    _run([str(other_bin / "archdoc"), "generate", "-o", str(other)], cwd=built.project)
    comparison = filecmp.dircmp(built.tree, other)
    assert _all_same(comparison), "the trees differ"


def _all_same(comparison: filecmp.dircmp[str]) -> bool:
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right,
                                           comparison.common_files, shallow=False)
    return not mismatch and not errors and all(_all_same(c) for c in comparison.subdirs.values())


@pytest.mark.browser
@pytest.mark.parametrize("engine", ("properdocs", "zensical"))
def test_every_diagram_is_drawn_in_chromium(built: Built, engine: str, browser: Any) -> None:
    shot = sys.modules["archdoc_screenshot"]
    site = built.sites[engine]
    with_diagrams = [
        p for p in pages(site) if "archdoc-diagram" in (site / p).read_text(encoding="utf-8")
    ]
    assert with_diagrams
    failures: dict[str, list[str]] = {}
    drawn = 0
    context = browser.new_context(viewport=shot.VIEWPORT)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(f"uncaught exception: {exc}"))
        with shot.serve(site) as base:
            for path in with_diagrams:
                errors.clear()
                page.goto(base + path, wait_until="domcontentloaded", timeout=30_000)
                states = shot.wait_for_diagrams(page, PAGE_TIMEOUT_S)
                problems = shot.diagram_problems(states) + list(errors)
                if not states["diagrams"]:
                    problems.append("no .archdoc-diagram in the rendered page")
                drawn += sum(1 for d in states["diagrams"] if d["has_svg"] or d["has_img"])
                if problems:
                    failures[path] = problems
    finally:
        context.close()
    assert not failures, "\n".join(f"{p}: {'; '.join(v)}" for p, v in failures.items())
    assert drawn > 0
