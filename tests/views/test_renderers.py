"""Renderers of computed views: Graphviz DOT (golden files, the real `dot`), SVG for pages, the key.

Golden DOT sources live in ``tests/views/golden/`` (``ARCHDOC_UPDATE_GOLDEN=1`` rewrites them).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

import sitemodels  # noqa: E402
from archdoc import Workspace  # noqa: E402
from archdoc.layout.graphviz import GraphvizLayout  # noqa: E402
from archdoc.render import dot  # noqa: E402
from archdoc.render.legend import legend  # noqa: E402
from archdoc.render.svg import clean_svg, link_elements  # noqa: E402
from archdoc.site import Layout, SiteContext, render_block  # noqa: E402
from archdoc.views import ComputedView, DeploymentView, ViewIndex  # noqa: E402
from archdoc_testing import Golden  # noqa: E402

GOLDEN = Golden(Path(__file__).resolve().parent / "golden")
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz `dot` is not installed"
)


def shop_with_views() -> Workspace:
    ws = sitemodels.shop()
    ws.view("Checkout path", "What a purchase touches", of="shop",
            include=["customer", "shop.web-app", "shop.order-api", "shop.orders-db", "stripe"],
            direction="LR")
    ws.style("critical", color="#fb923c", border="#c2410c")
    return ws


KEYS = ["landscape", "containers:shop", "components:shop.order-api", "neighbourhood:shop.inventory",
        "view:checkout-path", "deployment:production", "flow:order-checkout"]


@pytest.mark.parametrize("key", KEYS)
def test_dot_sources_match_the_golden_files(key: str) -> None:
    view = ViewIndex(shop_with_views())[key]
    GOLDEN.check(f"{key.replace(':', '-')}.dot", dot.render(view))


@needs_dot
def test_dot_lays_out_every_view_of_the_nasty_model_and_shows_every_name_as_written() -> None:
    ws = sitemodels.nasty()
    index = ViewIndex(ws)
    with GraphvizLayout(use_disk_cache=False) as layout:
        for key in index:
            view = index[key]
            svg = clean_svg(layout.svg(dot.render(view)), prefix="t-", label=view.title)
            text = " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg))
            names = ([n.name for n in view.nodes] if isinstance(view, ComputedView)
                     else [b.name for b in view.boxes()] if isinstance(view, DeploymentView)
                     else [p.name for p in view.participants])
            for name in names:
                # wrapped at word boundaries: every word of the name is drawn, in order
                words = " ".join(name.split()).split(" ")
                assert all(w in text for w in words), (key, name)
            assert "<script" not in svg.lower()


@needs_dot
def test_a_drawing_links_each_element_to_its_page_from_the_page_that_shows_it() -> None:
    context = SiteContext(workspace=shop_with_views(), layout=Layout(directory_urls=False))
    block = render_block(context, "containers:shop", "guide/architecture.md")
    links = dict(re.findall(r'<a xlink:href="([^"]+)" xlink:title="([^"]+)"', block))
    assert links["../architecture/elements/shop.order-api.html"] == "Order API"
    assert "archdoc:element:" not in block
    assert 'class="archdoc-diagram archdoc-diagram--graphviz"' in block
    assert 'aria-label="Shop: containers"' in block
    # on the element's own page, the element is drawn without a link to itself
    own = render_block(
        context, "neighbourhood:shop.inventory", "architecture/elements/shop.inventory.md"
    )
    assert re.search(r'<a xlink:title="Inventory"', own)  # a tooltip, no link to itself
    assert re.search(r'<a xlink:href="shop.event-bus.html" xlink:title="Event bus"', own)


def test_placeholders_become_links_or_nothing() -> None:
    svg = (
        '<a xlink:href="archdoc:element:shop.a&amp;b" xlink:title="A">x</a>'
        '<a xlink:href="archdoc:element:gone">'
    )
    out = link_elements(svg, lambda id: "p/a&b.html" if id == "shop.a&b" else None)
    assert out == '<a xlink:href="p/a&amp;b.html" xlink:title="A">x</a><a>'


@needs_dot
def test_a_relationship_between_deployment_nodes_that_hold_others_is_drawn() -> None:
    ws = Workspace("Net")
    s = ws.system("S")
    api = s.container("API")
    env = ws.environment("Prod")
    lb = env.node("Load balancer", technology="AWS ALB")
    edge = env.node("Edge")
    cluster = env.node("Cluster", technology="Kubernetes")
    cluster.node("Pod").deploy(api)
    lb.uses(edge, "Routes to")
    edge.uses(cluster, "Forwards to")
    view = ViewIndex(ws)["deployment:prod"]
    assert isinstance(view, DeploymentView)
    assert [(e.source_id, e.destination_id, e.between) for e in view.edges] == [
        ("prod.load-balancer", "prod.edge", "nodes"), ("prod.edge", "prod.cluster", "nodes")]
    source = dot.render(view)
    assert re.search(r"-> c\d+ \[lhead=cluster_d\d+", source), source  # into the cluster's box
    with GraphvizLayout(use_disk_cache=False) as layout:
        svg = layout.svg(source)
    assert svg.count('class="edge') == 2
    # the diagrams script draws them too, to the node that stands for each cluster
    from archdoc.render.diagrams_script import diagrams_script

    script = diagrams_script(view)
    assert sum(" >> Edge(label=" in line for line in script.source.splitlines()) == 2
    assert script.unreachable == []


def test_the_key_lists_what_the_view_uses() -> None:
    view = ViewIndex(shop_with_views()).static("view:checkout-path")
    assert view is not None
    labels = [e.label for e in legend(view)]
    assert labels[0] == "Person"
    assert "Container" in labels and "Database" in labels
    assert "Container · tagged critical" in labels
    assert "External Software System" in labels
    assert "Boundary: the parts of a system or container" in labels
    assert "Critical dependency" in labels and "Synchronous call" in labels
    assert "Group" not in labels


@needs_dot
def test_a_drawing_is_the_same_laid_out_alone_or_among_others(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One dot process per drawing: a long-running dot carries one graph's state into the
    next and lays a clustered graph out differently the second time."""
    run, layouts = subprocess.run, []

    def counted(args: list[str], *rest: Any, **options: Any) -> Any:
        if args[1:] == ["-Tsvg"]:
            layouts.append(options.get("input"))
        return run(args, *rest, **options)

    ws = shop_with_views()
    for name in ("A", "B", "C"):
        ws.system(f"Extra {name}", group="Outer/Inner").uses("shop", "Calls")
    index = ViewIndex(ws)
    sources = {key: dot.render(index[key]) for key in index.keys() if not key.startswith("flow:")}
    with GraphvizLayout(use_disk_cache=False) as together:
        monkeypatch.setattr(subprocess, "run", counted)
        together.prefetch(reversed(list(sources.values())))
        drawn = {key: together.svg(source) for key, source in sources.items()}
        monkeypatch.undo()
    assert sorted(layouts) == sorted(set(sources.values()))  # each once, by prefetch
    for key, source in sources.items():
        with GraphvizLayout(use_disk_cache=False) as alone:
            assert alone.svg(source) == alone.svg(source) == drawn[key], key
