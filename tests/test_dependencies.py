"""The releases archdoc supports: Material 9.8 with pymdown-extensions 11+, and quiet builds."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def _requirements() -> dict[str, Requirement]:
    """The core dependencies and those of the ``mkdocs`` extra (the plugin and its theme)."""
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["mkdocs"]
    return {Requirement(r).name: Requirement(r) for r in wanted}


@pytest.mark.parametrize(("name", "minimum"), [("mkdocs-material", "9.8"),
                                               ("pymdown-extensions", "11.0.1")])
def test_the_current_releases_are_required_and_installed(name: str, minimum: str) -> None:
    requirement = _requirements()[name]
    assert not requirement.specifier.contains(str(Version(minimum).release[0]) + ".0"), (
        f"{requirement} still admits releases before {minimum}")
    installed = importlib.metadata.version(name)
    assert Version(installed) >= Version(minimum), f"{name} {installed} is installed"
    assert requirement.specifier.contains(installed), (
        f"{requirement} refuses the installed {installed}"
    )


def test_pip_check_is_clean() -> None:
    proc = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True,
                          check=False, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_makefile_switches_the_mkdocs_2_banner_off() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^export NO_MKDOCS_2_WARNING\s*:?=\s*1$", makefile, re.M), makefile


def test_the_site_builds_run_without_the_mkdocs_2_banner(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The command and environment of scripts/build_sites.py on a Material site: no banner."""
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    spec = importlib.util.spec_from_file_location(
        "build_sites", ROOT / "scripts" / "build_sites.py"
    )
    assert spec is not None and spec.loader is not None
    build_sites = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_sites)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ntheme:\n  name: material\n", encoding="utf-8"
    )
    command = [*build_sites.MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")]
    quiet = subprocess.run(command, cwd=tmp_path, env=build_sites.mkdocs_env(),
                           capture_output=True, text=True, check=False, timeout=120)
    assert quiet.returncode == 0, quiet.stderr
    assert "NO_MKDOCS_2_WARNING" not in quiet.stderr, quiet.stderr
    loud = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False,
                          timeout=120)  # the same build without it: Material prints its banner
    assert "NO_MKDOCS_2_WARNING" in loud.stderr, "the banner is gone: this test checks nothing"
