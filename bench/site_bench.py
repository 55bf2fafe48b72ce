"""Benchmark: the architecture site of a synthetic model, with and without the plugin.

For each N, the synthetic workspace of `synthetic.py` is built twice with MkDocs Material:
(a) with the archdoc plugin, which loads the model and generates the pages at build time;
(b) without it, from the very same generated Markdown written out as plain files.
The difference is the plugin's share of the build. Also measured: the HTML size of the
dependency matrix page. Run: `python bench/site_bench.py [--n 250 1000] [--runs 1]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_twins  # noqa: E402

OUT = HERE / "out" / "site"
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d"]

CONFIG = """\
site_name: Bench
theme:
  name: material
plugins:
  - search
{plugin}
not_in_nav: |
  /architecture/elements/*
  /architecture/decisions/0*
"""
PLUGIN = "  - archdoc:\n      offline_mermaid: true\n"


def _build(project: Path, site: Path) -> float:
    started = time.perf_counter()
    subprocess.run([*MKDOCS, str(site)], cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def prepare(n: int) -> tuple[Path, Path]:
    """The plugin twin and the plain twin of the synthetic model of size ``n``."""
    from archdoc.config import config_from_options
    from archdoc.project import load_project
    from archdoc.site import SiteContext, generate_pages
    from archdoc.site.assets import asset_text, find_mermaid

    base = OUT / f"n{n}"
    if base.exists():
        shutil.rmtree(base)
    write_twins(n, base)
    with_plugin = base / "archdoc"
    (with_plugin / "docs").mkdir(exist_ok=True)
    (with_plugin / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
    (with_plugin / "mkdocs.yml").write_text(CONFIG.format(plugin=PLUGIN), encoding="utf-8")

    plain = base / "plain"
    docs = plain / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Bench\n", encoding="utf-8")
    config = config_from_options({}, root=with_plugin)
    project = load_project(config=config)
    context = SiteContext(workspace=project.workspace, adrs=project.adrs)
    for page in generate_pages(context):
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    assets = docs / "assets" / "archdoc"
    assets.mkdir(parents=True)
    (assets / "archdoc.js").write_text(asset_text("archdoc.js"), encoding="utf-8")
    (assets / "archdoc.css").write_text(asset_text("archdoc.css"), encoding="utf-8")
    shutil.copy(find_mermaid(with_plugin), assets / "mermaid.min.js")
    extra = "extra_css: [assets/archdoc/archdoc.css]\nextra_javascript: [assets/archdoc/archdoc.js]\n"
    (plain / "mkdocs.yml").write_text(CONFIG.format(plugin="") + extra, encoding="utf-8")
    return with_plugin, plain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[250, 1000])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    rows = []
    for n in args.n:
        with_plugin, plain = prepare(n)
        plugin_times = [_build(with_plugin, with_plugin.parent / "site-plugin") for _ in range(args.runs)]
        plain_times = [_build(plain, plain.parent / "site-plain") for _ in range(args.runs)]
        matrix = with_plugin.parent / "site-plugin" / "architecture" / "matrix" / "index.html"
        pages = sum(1 for _ in (with_plugin.parent / "site-plugin").rglob("index.html"))
        t_plugin, t_plain = statistics.median(plugin_times), statistics.median(plain_times)
        rows.append((n, pages, t_plugin, t_plain, matrix.stat().st_size))
        print(f"N={n}: {pages} pages, with plugin {t_plugin:.1f} s, plain {t_plain:.1f} s", flush=True)
    lines = [
        "| N services | pages | build with plugin | same Markdown, no plugin | plugin's share | matrix page |",
        "| --: | --: | --: | --: | --: | --: |",
    ]
    for n, pages, t_plugin, t_plain, matrix in rows:
        share = max(0.0, (t_plugin - t_plain) / t_plugin)
        lines.append(f"| {n} | {pages} | {t_plugin:.1f} s | {t_plain:.1f} s | {share:.0%} | "
                     f"{matrix / 1024 / 1024:.2f} MB |")
    if len(rows) >= 2:
        (n0, _, t0, _, _), (n1, _, t1, _, _) = rows[0], rows[-1]
        lines.append("")
        lines.append(f"Growth: N × {n1 / n0:.0f} costs × {t1 / t0:.1f} in build time "
                     f"({'linear or better' if t1 / t0 <= n1 / n0 * 1.05 else 'worse than linear'}).")
    table = "\n".join(lines) + "\n"
    print(table)
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "site.md").write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
