"""`make bench`: every benchmark, one after the other; tables go to bench/out/*.md.

- validate_bench.py: `archdoc validate` against `likec4 validate` on twin models (N = 100, 1000, 5000)
- site_bench.py: the site with the plugin against the same Markdown without it (N = 250, 1000)
- deployment_bench.py: a deployment view of 200 nodes and 400 container instances
- drift_bench.py: `archdoc drift` reading a 10,000-pair servicegraph file against 1,000 services
- export_bench.py: `archdoc export` in every format, of every view of 1,000 services
- diff_bench.py: `archdoc diff` between two revisions of a 1,000-service model
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = 0
    for script in ("validate_bench.py", "deployment_bench.py", "drift_bench.py", "export_bench.py",
                   "diff_bench.py", "site_bench.py"):
        print(f"== {script}", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / script)], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
