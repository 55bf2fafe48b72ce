"""The tests of `archdoc generate` (the plugin-free tree) and of building it with each engine."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: opens built sites in headless Chromium")
