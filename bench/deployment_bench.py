"""Benchmark: a deployment view of 200 nodes and 400 container instances, drawn as the site
draws it: the computed view, its DOT with provider icons, laid out by Graphviz (uncached), the
SVG cleaned and its icons embedded.

Run: `python bench/deployment_bench.py` (also part of `make bench`). Prints a Markdown table and
writes it to bench/out/deployment.md. Target on a 2-core machine: under 5 s.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from archdoc import Workspace
from archdoc.layout.graphviz import GraphvizLayout
from archdoc.render import dot
from archdoc.render.svg import clean_svg
from archdoc.site.diagrams import deployment_icon
from archdoc.views import DeploymentView, ViewIndex

OUT = Path(__file__).resolve().parent / "out"


def synthetic_environment(
    clusters: int = 10, hosts_per_cluster: int = 19, per_host: int = 2
) -> Workspace:
    """1 region, 10 clusters, 180 hosts and 10 managed databases (201 nodes); 2 containers per
    host and 4 datastores per cluster (400 container instances)."""
    ws = Workspace("Deployment benchmark")
    system = ws.system("Platform", "Synthetic system")
    prod = ws.environment("Production")
    region = prod.node("Region", technology="AWS")
    services = []
    for c in range(clusters):
        cluster = region.node(f"Cluster {c}", technology="ECS")
        db = system.database(f"DB {c}", technology="PostgreSQL")
        for h in range(hosts_per_cluster - 1):
            host = cluster.node(f"Host {c}-{h}", technology="EC2", instances=2)
            for k in range(per_host):
                svc = system.container(f"Service {c}-{h}-{k}", technology="Python")
                if services:
                    svc.uses(services[-1], "Calls", technology="HTTP")
                svc.uses(db, "Reads", technology="SQL")
                services.append(svc)
                host.deploy(svc, instances=2)
        rds = cluster.infrastructure(f"RDS {c}", technology="Amazon RDS")
        rds.deploy(db)
        rds.deploy(system.database(f"Replica {c}", technology="PostgreSQL"))
        rds.deploy(system.database(f"Cache {c}", technology="Redis"))
        rds.deploy(system.database(f"Search {c}", technology="OpenSearch"))
    return ws


def main() -> None:
    ws = synthetic_environment()
    nodes = len(ws.nodes)
    instances = len(ws.instances)
    times = []
    size = 0
    for _ in range(3):
        started = time.perf_counter()
        view = ViewIndex(ws).get("deployment:production")
        assert isinstance(view, DeploymentView)
        layout = GraphvizLayout(use_disk_cache=False)
        svg = clean_svg(layout.svg(dot.render(view, deployment_icon)), prefix="deployment",
                        label=view.title)
        times.append(time.perf_counter() - started)
        size = len(svg.encode())
    table = (
        "Computed, laid out by Graphviz (uncached) and cleaned, median of 3 runs.\n\n"
        "| nodes | container instances | render time | SVG size |\n"
        "| --: | --: | --: | --: |\n"
        f"| {nodes} | {instances} | {statistics.median(times):.2f} s | {size / 1024:.0f} KB |\n"
    )
    print(table)
    OUT.mkdir(exist_ok=True)
    (OUT / "deployment.md").write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
