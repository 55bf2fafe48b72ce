"""The "Architecture changes" page: built from ``git log`` of the model and the decisions when
the site is built in a git checkout, absent otherwise."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import sitebuild
from archdoc_testing import Golden
from sitebuild import build_site, write_project

ROOT = Path(__file__).resolve().parents[2]


def _gitrepo() -> ModuleType:
    if "gitrepo" not in sys.modules:
        spec = importlib.util.spec_from_file_location("gitrepo", ROOT / "tests/diff/gitrepo.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["gitrepo"] = module
        spec.loader.exec_module(module)
    return sys.modules["gitrepo"]


EXPLICIT_NAV = "nav:\n  - Home: index.md\n"


def history(tmp_path: Path) -> Path:
    """A project with four commits: the model and ADRs, a docs-only change, a model change, an
    ADR."""
    repo = _gitrepo().GitRepo(tmp_path / "shop")
    write_project(repo.root, extra=EXPLICIT_NAV)
    repo.commit("The shop, with two decisions")
    repo.write({"docs/index.md": "# Home\n\nNo architecture here.\n"})
    repo.commit("Reword the home page")
    repo.write({"model/payments.py": "from . import ws\n",
                "model/__init__.py": sitebuild.MODEL.replace(
                    '"Orders", technology="Node.js"', '"Orders | checkout", technology="Node.js"')
                + "from . import payments  # noqa\n"})
    repo.commit("Payments: a module of their own | and *more*")
    repo.write(
        {
            "adr/0003-use-a-queue.md": (
                "---\nstatus: proposed\ndate: 2024-06-01\n---\n\n# Use a queue\n"
            )
        }
    )
    repo.git("mv", "model/payments.py", "model/billing.py")
    init = repo.root / "model/__init__.py"
    init.write_text(init.read_text().replace("import payments", "import billing"))
    adr = repo.root / "adr/0001-use-mysql.md"
    adr.write_text(adr.read_text() + "\nWe learnt a lot.\n")
    repo.commit("Propose a queue; payments are billing now")
    return repo.root


def test_the_page_lists_the_commits_that_changed_the_architecture(
    tmp_path: Path, site_golden: Golden
) -> None:
    root = history(tmp_path)
    built = build_site(root, tmp_path / "site")
    assert built.error is None, built.messages()
    from archdoc.config import load_config
    from archdoc.project import load_project
    from archdoc.site import Layout, SiteContext
    from archdoc.site.pages.changes import changes_page

    project = load_project(config=load_config(root / "mkdocs.yml"))
    page = changes_page(SiteContext(workspace=project.workspace, layout=Layout(), adrs=project.adrs,
                                    model_dir=root / "model"))
    assert page is not None
    site_golden.check("changes.md", page.markdown)
    assert "Reword the home page" not in page.markdown  # docs/ only: not an architecture change
    html = built.html("architecture/changes/index.html")
    assert "Payments: a module of their own | and *more*" in _text(html)
    assert 'href="../decisions/0003-use-a-queue/"' in html
    home = built.html("index.html")
    assert "Architecture changes" in home  # in the navigation of the generated section


def _text(html: str) -> str:
    import re

    return (
        re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )


def test_no_page_outside_a_git_checkout(tmp_path: Path) -> None:
    root = write_project(tmp_path / "plain")
    built = build_site(root, tmp_path / "site")
    assert built.error is None, built.messages()
    assert not (tmp_path / "site/architecture/changes/index.html").exists()
    assert "Architecture changes" not in built.html("index.html")
