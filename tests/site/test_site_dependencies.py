"""Dependency pages: pair statuses and summary counts, the matrix with its cycle blocks."""

from __future__ import annotations

import re

import pytest

import sitemodels
from archdoc import Workspace
from archdoc.analysis.structure import dependency_matrix
from archdoc.site import Layout, SiteContext, render_block
from archdoc.analysis.dependencies import status_counts
from archdoc.site.pages.home import home_page

PAGE = Layout().group("dependencies")
ROW = re.compile(r"^\| \[(?P<up>[^\]]+)\]\([^)]*\) \| \[(?P<down>[^\]]+)\]\([^)]*\) \|.*"
                 r'archdoc-badge--\w+">(?P<status>[^<]+)</span> \|$')


def statuses(context: SiteContext) -> dict[tuple[str, str], str]:
    """``{(upstream name, downstream name): status}`` from the dependencies table."""
    found = {}
    for line in render_block(context, "dependencies", PAGE).splitlines():
        m = ROW.match(line)
        if m:
            found[(m["up"], m["down"])] = m["status"]
    return found


def test_shop_pairs_and_their_statuses(shop_context: SiteContext) -> None:
    assert statuses(shop_context) == {
        ("Web App", "Order API"): "Critical Path",      # critical, declared on a component
        ("Web App", "Inventory"): "Asynchronous",       # consumes stock.low from Inventory
        ("Order API", "Stripe"): "Critical Path",
        ("Order API", "Orders DB"): "Healthy",          # owns its data
        ("Order API", "Event bus"): "Asynchronous",     # publishes to the queue
        ("Inventory", "Warehouse"): "Asynchronous",     # async wins over criticality
        ("Inventory", "Order API"): "Asynchronous",     # consumes order.created
        ("Inventory", "Orders DB"): "Healthy",
    }
    assert status_counts(shop_context.graph) == {
        "pairs": 8,
        "critical": 2,
        "healthy": 2,
        "async": 4,
    }
    summary = "**8 dependency pairs:** 2 critical path · 2 healthy · 4 async\n"
    assert render_block(shop_context, "dependency-summary", PAGE) == summary
    assert render_block(shop_context, "dependencies", PAGE).startswith(summary)


def test_the_home_page_repeats_the_headline_figures(shop_context: SiteContext) -> None:
    text = home_page(shop_context).markdown
    assert ("**3 internal services · 1 critical** — 8 dependency pairs: 2 critical path · "
            "2 healthy · 4 async.") in text


def two(kind: str) -> Workspace:
    """``a`` -> ``b`` related in one way, named by ``kind``."""
    ws = Workspace("Two")
    s = ws.system("S")
    a, b = s.container("A"), s.container("B")
    if kind == "sync":
        a.uses(b, "calls")
    elif kind == "sync-high":
        a.uses(b, "calls", criticality="high")
    elif kind == "sync-critical":
        a.uses(b, "calls", criticality="critical")
    elif kind == "async-critical":
        a.uses(b, "sends", interaction="async", criticality="critical")
    elif kind == "event":
        b.publishes("thing.done")
        a.subscribes("thing.done", "reacts")
    elif kind == "event-via-queue":
        q = s.queue("Q")
        b.publishes("thing.done", via=q)
        a.subscribes("thing.done", "reacts", via=q)
    elif kind == "owner":
        s.database("DB", owner=a)
    elif kind == "person":
        ws.person("P").uses(a, "uses")
        a.uses(b, "calls")
    return ws


@pytest.mark.parametrize(("kind", "expected", "summary"), [
    ("sync", {("A", "B"): "Healthy"}, (1, 0, 1, 0)),
    ("sync-high", {("A", "B"): "Healthy"}, (1, 0, 1, 0)),
    ("sync-critical", {("A", "B"): "Critical Path"}, (1, 1, 0, 0)),
    ("async-critical", {("A", "B"): "Asynchronous"}, (1, 0, 0, 1)),
    ("event", {("A", "B"): "Asynchronous"}, (1, 0, 0, 1)),
    ("event-via-queue", {("A", "Q"): "Asynchronous", ("B", "Q"): "Asynchronous",
                         ("A", "B"): "Asynchronous"}, (3, 0, 0, 3)),
    ("owner", {("A", "DB"): "Healthy"}, (1, 0, 1, 0)),
    ("person", {("A", "B"): "Healthy"}, (1, 0, 1, 0)),  # people are not dependency pairs
])
def test_status_of_a_pair(kind: str, expected: dict[tuple[str, str], str],
                          summary: tuple[int, int, int, int]) -> None:
    context = SiteContext(workspace=two(kind))
    assert statuses(context) == expected
    pairs, critical, healthy, asynchronous = summary
    assert render_block(context, "dependency-summary", PAGE) == (
        f"**{pairs} dependency pairs:** {critical} critical path · {healthy} healthy · "
        f"{asynchronous} async\n")


def test_no_pairs_says_so() -> None:
    ws = Workspace("Alone")
    ws.system("S").container("A")
    assert render_block(SiteContext(workspace=ws), "dependencies", PAGE) == (
        "_No dependencies between services in the model._\n")


# -- the dependency structure matrix -------------------------------------------------------------


def test_matrix_order_puts_providers_first_and_a_cycle_in_one_block() -> None:
    context = SiteContext(workspace=sitemodels.cycle())
    m = dependency_matrix(context.graph)
    assert m.order == ["s.d", "s.b", "s.c", "s.a"]
    assert m.blocks == [(1, 2)]
    assert sorted(m.cells) == [(1, 2), (2, 0), (2, 1), (3, 1)]
    above = [cell for cell in m.cells if cell[1] > cell[0]]
    assert above == [m.blocks[0]]  # the only mark above the diagonal is the cycle's block


def test_matrix_block_draws_the_cycle() -> None:
    context = SiteContext(workspace=sitemodels.cycle())
    text = render_block(context, "matrix", Layout().group("matrix"))
    assert text.startswith("4 elements, 4 dependencies; rows depend on columns.")
    assert "the 1 mark(s) above it belong to 1 synchronous cycle(s), outlined in red." in text
    cycle_rects = [dict(re.findall(r'(?<![\w-])([\w-]+)="([^"]*)"', tag))
                   for tag in re.findall(r"<rect [^>]*archdoc-matrix-cycle[^>]*>", text)]
    assert [(r["x"], r["y"], r["width"], r["height"]) for r in cycle_rects] == [
        ("14", "14", "28", "28")]  # rows and columns 2..3, 14 px cells
    labels = re.findall(r'<a href="([^"]+)"><text [^>]*>(\d+)\. ([^<]+)</text></a>', text)
    assert labels == [("../elements/s.d/", "1", "D"), ("../elements/s.b/", "2", "B"),
                      ("../elements/s.c/", "3", "C"), ("../elements/s.a/", "4", "A")]
    # the mark above the diagonal (B -> C, row 2, column 3) is red
    assert (
        '<rect x="29" y="15" width="12" height="12" fill="#dc2626"><title>B → C</title></rect>'
        in text
    )


def test_a_clean_graph_has_no_block(shop_context: SiteContext) -> None:
    m = dependency_matrix(shop_context.graph)
    assert m.blocks == []
    assert all(col < row for row, col in m.cells)
    text = render_block(shop_context, "matrix", Layout().group("matrix"))
    assert "none lies above it: the graph has no cycle." in text
    assert "archdoc-matrix-cycle" not in text


def test_an_async_loop_is_not_a_startup_cycle_but_a_sync_one_is() -> None:
    context = SiteContext(workspace=sitemodels.cycle())
    text = render_block(context, "startup-order", Layout().group("startup-order"))
    rows = [line for line in text.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert rows == [
        "| 1 | [D](elements/s.d.md) |",
        "| 2 | [B](elements/s.b.md) ⟳, [C](elements/s.c.md) ⟳ |",
        "| 3 | [A](elements/s.a.md) |",
    ]
    assert "⟳ marks members of a synchronous cycle" in text


def test_matrix_labels_and_tooltips_are_escaped() -> None:
    ws = Workspace("Escape")
    s = ws.system("S")
    a = s.container('<script>alert("a")</script> & co')
    a.uses(s.container("<img src=x onerror=alert(1)>"))
    text = render_block(SiteContext(workspace=ws), "matrix", Layout().group("matrix"))
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt; &amp; co" in text
    assert (
        "<title>&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt; &amp; co → &lt;img src=x" in text
    )
