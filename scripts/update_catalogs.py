"""Write the rule and block catalogs into docs/reference/rules.md and blocks.md.

Run after adding or changing a validation rule or an embeddable block; the test
tests/site/test_catalogs.py fails until the pages match the registries.
"""

from __future__ import annotations

from pathlib import Path

from archdoc.site.catalogs import update_catalogs

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for path in update_catalogs(ROOT / "docs"):
        print(f"updated {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
