"""Build the whole site: the root documentation into site/, each example into site/examples/NAME/.

Run by `make docs`. Every build is `mkdocs build --strict`: a warning fails it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def mkdocs_env() -> dict[str, str]:
    """The environment of each build: Material 9.8's banner about MkDocs 2 switched off, so the
    log holds only what MkDocs and archdoc find."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(config: Path, out: Path) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--quiet", "-f", str(config), "-d", str(out)],
        cwd=config.parent,
        env=mkdocs_env(),
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"make docs: building {config.relative_to(ROOT)} failed")
    print(f"built {config.relative_to(ROOT)} -> {out.relative_to(ROOT)}/ "
          f"in {time.perf_counter() - started:.1f} s")


def main() -> None:
    site = ROOT / "site"
    build(ROOT / "mkdocs.yml", site)
    for config in sorted((ROOT / "examples").glob("*/mkdocs.yml")):
        build(config, site / "examples" / config.parent.name)
    print(f"open {site / 'index.html'}")


if __name__ == "__main__":
    main()
