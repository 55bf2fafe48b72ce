"""`archdoc validate` imports only what it uses: networkx, the site machinery, the drift and view
machinery stay out of a run that does not need them (each costs more than validating a small
model). Checked in a fresh interpreter, where nothing else has imported them yet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from archdoc_testing import ProjectFactory

MODEL = """
from archdoc import Workspace
ws = Workspace("W")
shop = ws.system("Shop", "Sells")
api = shop.container("API", "Orders")
db = shop.database("DB", owner=api)
api.uses(db, access="readwrite")
ws.person("Customer", "Buys").uses(api, "Orders")
"""
HEAVY = ("networkx", "archdoc.site", "archdoc.drift", "archdoc.views")
PROBE = f"""
import json, sys
from archdoc.project import load_project, validate_project
found = validate_project(load_project())
print(json.dumps({{"rules": [d.rule for d in found],
                  "imported": [m for m in {HEAVY!r} if m in sys.modules]}}))
"""


def _validate_in_a_fresh_process(root: Path) -> dict[str, list[str]]:
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True,
                          text=True, timeout=120, check=True)
    return json.loads(proc.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def test_a_plain_project_imports_none_of_the_heavy_parts(project: ProjectFactory) -> None:
    root = project({"model/__init__.py": MODEL, "docs/index.md": "# Home\n\nAll about archdoc.\n",
                    "docs/guide.md": "```python\nprint('archdoc')\n```\n"},
                   mkdocs="site_name: x\nplugins:\n  - archdoc\n")
    result = _validate_in_a_fresh_process(root)
    assert result == {"rules": [], "imported": []}


def test_a_page_with_a_block_is_still_checked(project: ProjectFactory) -> None:
    root = project({"model/__init__.py": MODEL,
                    "docs/index.md": "# Home\n\n```archdoc\nno-such-block\n```\n"},
                   mkdocs="site_name: x\nplugins:\n  - archdoc\n")
    result = _validate_in_a_fresh_process(root)
    assert len(result["rules"]) == 1
    assert "archdoc.site" in result["imported"]
