"""Fixtures of the ``archdoc diff`` tests: the shop repository, before and after its change."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitrepo import GitRepo


@pytest.fixture
def shop_repo(tmp_path: Path) -> GitRepo:
    """``main`` holds the shop before the payments service (``projects/shop-base``); the
    checked-out branch ``payments`` adds it (``projects/shop-head``), committed."""
    repo = GitRepo(tmp_path / "shop")
    repo.replace_with("shop-base")
    repo.commit("The shop")
    repo.git("checkout", "-q", "-b", "payments")
    repo.replace_with("shop-head")
    repo.commit("A payments service of its own")
    return repo
