"""Which revisions ``archdoc diff`` compares, and its errors: not a repository, an unknown
revision, a shallow clone lacking the base, a side whose model cannot load."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from archdoc_testing import ARCHDOC_EXE, Result
from gitrepo import GitRepo

Run = Callable[..., Result]

MKDOCS = "site_name: T\nplugins:\n  - archdoc\n"
MODEL = '''from archdoc import Workspace

ws = Workspace("T")
shop = ws.system("Shop", "Sells")
web = shop.container("Web", "Storefront")
api = shop.container("API", "Orders")
web.uses(api, "Calls")
'''


def repo_with(tmp_path: Path, *models: str, name: str = "repo") -> GitRepo:
    """A repository with one commit per model on ``main``."""
    repo = GitRepo(tmp_path / name)
    for n, model in enumerate(models):
        repo.write({"mkdocs.yml": MKDOCS, "model/__init__.py": model})
        repo.commit(f"model {n}")
    return repo


def diff_json(archdoc_cmd: Run, cwd: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = archdoc_cmd("diff", "--format", "json", *args, cwd=cwd)
    assert result.code in (0, 1), result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_default_base_is_the_merge_base_with_the_default_branch(
    tmp_path: Path, archdoc_cmd: Run
) -> None:
    repo = repo_with(tmp_path, MODEL)
    repo.git("checkout", "-q", "-b", "feature")
    repo.write(
        {"model/__init__.py": MODEL + 'shop.container("Mailer", "Sends mail").uses(api, "Reads")\n'}
    )
    repo.commit("a mailer")
    repo.git("checkout", "-q", "main")
    repo.write({"model/__init__.py": MODEL + 'shop.container("Search", "Finds")\n'})
    repo.commit("search, on main after the branch")
    repo.git("checkout", "-q", "feature")
    document = diff_json(archdoc_cmd, repo.root)
    assert document["base"] == repo.git("rev-parse", "main~1")
    assert [e["id"] for e in document["elements"]["added"]] == ["shop.mailer"]
    assert document["elements"]["removed"] == []  # main's new Search is not this change's doing
    text = archdoc_cmd("diff", cwd=repo.root).stdout
    assert text.startswith(
        f"archdoc diff: BASE merge base with main ({document['base'][:7]}) -> HEAD working tree\n"
    )


def test_the_working_tree_is_compared_by_default_and_head_names_a_commit(
    tmp_path: Path, archdoc_cmd: Run
) -> None:
    repo = repo_with(tmp_path, MODEL, MODEL.replace('"Orders"', '"Orders and payments"'))
    repo.write({"model/__init__.py": MODEL + 'shop.container("Uncommitted", "Only here")\n'})
    working = diff_json(archdoc_cmd, repo.root, "HEAD~1")
    assert working["head"] == "working tree"
    assert [e["id"] for e in working["elements"]["added"]] == ["shop.uncommitted"]
    committed = diff_json(archdoc_cmd, repo.root, "HEAD~1", "--head", "HEAD")
    assert committed["head"] == repo.git("rev-parse", "HEAD")
    assert committed["elements"]["added"] == []
    assert committed["elements"]["changed"] == [{"id": "shop.api", "changes": {
        "description": {"from": "Orders", "to": "Orders and payments"}}}]


def test_moving_declarations_to_other_files_changes_nothing(
    tmp_path: Path, archdoc_cmd: Run
) -> None:
    repo = repo_with(tmp_path, MODEL + 'shop.container("Mailer")\n')  # a finding: no description
    repo.remove("model/__init__.py")
    repo.write(
        {
            "model/__init__.py": (
                "from archdoc import Workspace\n\nws = Workspace(\"T\")\n\n"
                "from . import shop  # noqa\n"
            ),
            "model/shop.py": (
                "from . import ws\n\n\n# The shop, moved here.\n"
                "shop = ws.system(\"Shop\", \"Sells\")\n"
                "web = shop.container(\"Web\", \"Storefront\")\n"
                "api = shop.container(\"API\", \"Orders\")\n"
                "web.uses(api, \"Calls\")\nshop.container(\"Mailer\")\n"
            ),
        }
    )
    repo.commit("split the model")
    result = archdoc_cmd("diff", "HEAD~1", cwd=repo.root)
    assert (result.code, result.stdout.splitlines()[1:]) == (0, ["No architecture changes."]), (
        result.output
    )
    document = diff_json(archdoc_cmd, repo.root, "HEAD~1")
    assert document["findings"] == {"new": [], "fixed": []}  # the warning moved lines and files


def test_a_base_without_the_model_makes_everything_new(tmp_path: Path, archdoc_cmd: Run) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write({"README.md": "# T\n"})
    repo.commit("start")
    repo.write({"mkdocs.yml": MKDOCS, "model/__init__.py": MODEL})
    result = archdoc_cmd("diff", "HEAD", cwd=repo.root)
    assert result.code == 0, result.output
    assert "BASE has no model package 'model': everything at HEAD is new." in result.stdout
    assert "3 elements added; 1 relationship added" in result.stdout


def test_a_project_in_a_subdirectory_of_the_repository(tmp_path: Path, archdoc_cmd: Run) -> None:
    repo = GitRepo(tmp_path / "mono")
    repo.write({"services/app.py": "print('hi')\n", "architecture/mkdocs.yml": MKDOCS,
                "architecture/model/__init__.py": MODEL})
    repo.commit("one")
    repo.write({"architecture/model/__init__.py": MODEL + 'shop.container("Cache", "Keeps")\n'})
    project = repo.root / "architecture"
    document = diff_json(archdoc_cmd, project, "HEAD")
    assert [e["id"] for e in document["elements"]["added"]] == ["shop.cache"]
    from_top = archdoc_cmd(
        "diff", "HEAD", "--format", "json", "-f", "architecture/mkdocs.yml", cwd=repo.root
    )
    assert json.loads(from_top.stdout)["elements"] == document["elements"]


# -- errors -------------------------------------------------------------------------------------


def test_outside_a_git_repository(tmp_path: Path, archdoc_cmd: Run) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model/__init__.py").write_text(MODEL)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    result = archdoc_cmd("diff", cwd=tmp_path)
    assert result.code == 2
    assert "is not in a git repository" in result.stderr
    assert "hint: archdoc diff compares git revisions" in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_revision(tmp_path: Path, archdoc_cmd: Run) -> None:
    repo = repo_with(tmp_path, MODEL)
    result = archdoc_cmd("diff", "no-such-branch", cwd=repo.root)
    assert result.code == 2
    assert "error: unknown revision 'no-such-branch'" in result.stderr
    assert "hint: name a branch, a tag or a commit" in result.stderr
    assert archdoc_cmd("diff", "HEAD", "--head", "--oops", cwd=repo.root).code == 2


def test_a_shallow_clone_lacking_the_base_says_fetch_depth_0(
    tmp_path: Path, archdoc_cmd: Run
) -> None:
    repo = repo_with(tmp_path, MODEL, MODEL + 'shop.container("Cache", "Keeps")\n')
    repo.git("checkout", "-q", "-b", "feature")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo.root}",
                    str(clone)], check=True, capture_output=True, env=repo.env())
    explicit = archdoc_cmd("diff", "HEAD~1", cwd=clone)
    assert explicit.code == 2
    assert "error: revision 'HEAD~1' is not in this clone" in explicit.stderr
    assert "fetch-depth: 0" in explicit.stderr
    in_ci = subprocess.run([str(ARCHDOC_EXE), "diff"], cwd=clone, capture_output=True, text=True,
                           env={**os.environ, "GITHUB_BASE_REF": "main"}, check=False)
    assert in_ci.returncode == 2
    assert "the base branch 'main' ($GITHUB_BASE_REF) is not in this clone" in in_ci.stderr
    assert "fetch-depth: 0" in in_ci.stderr


@pytest.mark.parametrize("side", ["BASE", "HEAD"])
def test_a_side_whose_model_cannot_load(tmp_path: Path, archdoc_cmd: Run, side: str) -> None:
    broken = MODEL.replace(
        'web.uses(api, "Calls")', 'web.uses(api, "Calls")\nTEAMS = {}\nowner = TEAMS["web"]'
    )
    repo = repo_with(tmp_path, broken if side == "BASE" else MODEL)
    if side == "HEAD":
        repo.write({"model/__init__.py": broken})
    result = archdoc_cmd("diff", "HEAD", cwd=repo.root)
    assert result.code == 2, result.output
    assert result.stdout == ""
    line = broken.splitlines().index('owner = TEAMS["web"]') + 1
    where = (
        "the working tree"
        if side == "HEAD"
        else f"HEAD ({repo.git('rev-parse', '--short=7', 'HEAD')})"
    )
    assert result.stderr.startswith(
        f"model/__init__.py:{line}: error: {side} ({where}) cannot be loaded: "
        "the model raised KeyError: 'web'"
    )
    assert "archdoc-diff-" not in result.stderr  # no temporary paths
    if side == "BASE":
        assert (
            f"git show {repo.git('rev-parse', '--short=7', 'HEAD')}:model/__init__.py"
            in result.stderr
        )
