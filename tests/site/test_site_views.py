"""How the C4 views and their Mermaid sources behave: implied edges, drill-down links, styles."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

import sitemodels
from archdoc import Workspace
from archdoc.site import Layout, SiteContext, render_block
from archdoc.views import ComputedView as View
from sitehelpers import diagrams, page_of_view

NODE = re.compile(r"^\s*(n\d+)[\[(]")
EDGE = re.compile(r"^    (n\d+) (-->|==>|-\.->)(?:\|\"(.*)\"\|)? (n\d+)$")
CLICK = re.compile(r'^    click (n\d+) href "([^"]*)" "([^"]*)"$')
LINK_STYLE = re.compile(r"^    linkStyle ([\d,]+) ")


def edges_of(source: str, view: View) -> dict[tuple[str, str], str]:
    """``{(source id, destination id): arrow}`` of a flowchart drawn for ``view``."""
    ids = {f"n{i}": id for i, id in enumerate(view.element_ids)}
    found = {}
    for line in source.splitlines():
        m = EDGE.match(line)
        if m:
            found[(ids[m[1]], ids[m[4]])] = m[2]
    return found


def draw(context: SiteContext, key: str) -> str:
    """The Mermaid source of view ``key`` on the page that shows it."""
    context.options.setdefault("engine", "mermaid")
    page = page_of_view(context.layout, key)
    return diagrams(render_block(context, key, page))[key]


def layered() -> Workspace:
    """Two systems whose only relationship is declared between a component and a container."""
    ws = Workspace("Layers")
    a, b = ws.system("A"), ws.system("B")
    a1, a2 = a.container("A1"), a.container("A2")
    b1 = b.container("B1")
    part = a1.component("Part")
    helper = a1.component("Helper")
    part.uses(b1, "Calls B1", technology="gRPC")
    part.uses(helper, "Uses the helper")
    helper.uses(a2, "Reads A2", interaction="async")
    return ws


# -- implied (lifted) edges -----------------------------------------------------------------


def test_a_component_dependency_shows_between_containers_and_between_systems() -> None:
    context = SiteContext(workspace=layered(), layout=Layout())
    views = context.views
    assert [(e.source_id, e.destination_id) for e in views["landscape"].edges] == [("a", "b")]
    assert [(e.source_id, e.destination_id) for e in views["context:a"].edges] == [("a", "b")]
    assert [(e.source_id, e.destination_id) for e in views["context:b"].edges] == [("a", "b")]
    # On A's container view B is a system (its containers are not shown); A1 stands for Part.
    containers_a = views["containers:a"]
    assert edges_of(draw(context, "containers:a"), containers_a) == {
        ("a.a1", "b"): "-->", ("a.a1", "a.a2"): "-.->"}
    # On B's container view the caller is system A, drawn outside B's boundary.
    containers_b = views["containers:b"]
    assert containers_b.element_ids == ["a", "b.b1"]
    assert [(n.id, n.boundary) for n in containers_b.nodes] == [("a", None), ("b.b1", "b")]
    assert [(b.id, b.kind) for b in containers_b.boundaries] == [("b", "element")]
    assert edges_of(draw(context, "containers:b"), containers_b) == {("a", "b.b1"): "-->"}
    # The component view keeps the components and shows A2 (a sibling) and B (a system).
    components = views["components:a.a1"]
    assert edges_of(draw(context, "components:a.a1"), components) == {
        ("a.a1.part", "b"): "-->", ("a.a1.part", "a.a1.helper"): "-->",
        ("a.a1.helper", "a.a2"): "-.->"}


def test_an_implied_edge_carries_the_label_and_technology_of_what_it_stands_for() -> None:
    context = SiteContext(workspace=layered(), layout=Layout())
    source = draw(context, "context:a")
    assert '-->|"Calls B1<br/><small>[gRPC]</small>"| ' in source


def test_several_relationships_lifted_onto_one_edge_are_one_arrow() -> None:
    ws = Workspace("Merge")
    a, b = ws.system("A"), ws.system("B", external=True)
    x, y = a.container("X"), a.container("Y")
    x.uses(b, "Charges", technology="REST")
    y.uses(b, "Refunds", technology="REST", interaction="async", criticality="critical")
    view = SiteContext(workspace=ws).views["context:a"]
    assert len(view.edges) == 1
    edge = view.edges[0]
    assert (edge.label, edge.technology) == ("Charges (+1 more)", "REST")
    assert edge.interaction == "sync"  # one synchronous call makes the arrow solid
    assert edge.criticality == "critical"


# -- styles -----------------------------------------------------------------------------------


def test_async_is_dashed_and_critical_is_thick_and_highlighted(shop_context: SiteContext) -> None:
    view = shop_context.views["containers:shop"]
    source = draw(shop_context, "containers:shop")
    edges = edges_of(source, view)
    assert edges[("shop.web-app", "shop.order-api")] == "==>"  # critical, lifted from a component
    assert edges[("shop.order-api", "stripe")] == "==>"
    assert edges[("shop.inventory", "warehouse")] == "-.->"
    assert edges[("customer", "shop.web-app")] == "-->"
    styled = [int(i) for line in source.splitlines() if (m := LINK_STYLE.match(line))
              for i in m[1].split(",")]
    order = [(e.source_id, e.destination_id) for e in view.edges]
    assert sorted(order[i] for i in styled) == sorted(
        [("shop.web-app", "shop.order-api"), ("shop.order-api", "stripe")])


def test_shapes_and_classes_follow_the_kind(shop_context: SiteContext) -> None:
    view = shop_context.views["containers:shop"]
    source = draw(shop_context, "containers:shop")
    node = {id: f"n{i}" for i, id in enumerate(view.element_ids)}
    lines = source.splitlines()

    def declaration(id: str) -> str:
        return next(line.strip() for line in lines if (m := NODE.match(line)) and m[1] == node[id])

    assert declaration("customer").startswith(f'{node["customer"]}(["')
    assert declaration("shop.orders-db").startswith(f'{node["shop.orders-db"]}[("')
    assert declaration("shop.event-bus").startswith(f'{node["shop.event-bus"]}[["')
    classes = dict(line.split()[1:3] for line in lines if line.startswith("    class "))
    definitions = dict(line.split()[1:3] for line in lines if line.startswith("    classDef "))
    assert definitions[classes[node["stripe"]]].startswith("fill:#8c8496,")  # external: grey
    assert definitions[classes[node["shop.orders-db"]]].startswith("fill:#438dd5,")  # a container
    assert "External Software System" in declaration("stripe")
    # the containers sit inside the system's boundary, the rest outside it
    start, end = (
        lines.index('    subgraph b0["Shop #91;Software System#93;"]'),
        lines.index("    end"),
    )
    inside = {NODE.match(line)[1] for line in lines[start + 1:end]}  # type: ignore[index]
    assert [(b.id, b.kind) for b in view.boundaries] == [("shop", "element")]
    assert inside == {node[n.id] for n in view.nodes if n.boundary == "shop"}


def test_the_subject_of_a_context_view_is_focused_and_not_linked(shop_context: SiteContext) -> None:
    view = shop_context.views["context:shop"]
    source = draw(shop_context, "context:shop")
    subject = f"n{view.element_ids.index('shop')}"
    assert f"    class {subject} focus" in source.splitlines()
    assert not re.search(rf"click {subject} ", source)


# -- edges the model states in other words -----------------------------------------------------


def test_a_data_owner_reads_and_writes_its_datastore(shop_context: SiteContext) -> None:
    view = shop_context.views["containers:shop"]
    edges = {(e.source_id, e.destination_id): e for e in view.edges}
    owner = edges[("shop.order-api", "shop.orders-db")]
    assert owner.label == "Reads and writes" and owner.interaction == "sync"
    assert '|"Reads and writes"| ' in draw(shop_context, "containers:shop")


def test_a_declared_relationship_to_the_datastore_replaces_the_owner_edge() -> None:
    ws = Workspace("Own")
    s = ws.system("S")
    api = s.container("API")
    db = s.database("DB", owner=api)
    api.component("Repo").uses(db, "Stores rows", technology="SQL")
    view = SiteContext(workspace=ws).views["containers:s"]
    assert [(e.source_id, e.destination_id, e.label) for e in view.edges] == [
        ("s.api", "s.db", "Stores rows")]


def test_events_become_async_edges(shop_context: SiteContext) -> None:
    view = shop_context.views["containers:shop"]
    edges = {(e.source_id, e.destination_id): e for e in view.edges}
    # through the queue the producer publishes to...
    consumes = edges[("shop.inventory", "shop.event-bus")]
    assert (consumes.label, consumes.interaction) == ("Consumes order.created", "async")
    publishes = edges[("shop.order-api", "shop.event-bus")]
    assert (publishes.label, publishes.interaction) == ("Publishes order.created", "async")
    # ...and from the producer when no queue is named
    direct = edges[("shop.inventory", "shop.web-app")]
    assert (direct.label, direct.interaction) == ("stock.low", "async")
    assert edges_of(draw(shop_context, "containers:shop"), view)[
        ("shop.inventory", "shop.event-bus")] == "-.->"


def test_a_consumer_with_its_own_queue_gets_no_derived_edge() -> None:
    ws = Workspace("Via")
    s = ws.system("S")
    p, c, q = s.container("P"), s.container("C"), s.queue("Q")
    p.publishes("e", via=q)
    c.subscribes("e", "needs it", via=q)
    view = SiteContext(workspace=ws).views["containers:s"]
    assert sorted((e.source_id, e.destination_id, e.label) for e in view.edges) == [
        ("s.c", "s.q", "Consumes e"), ("s.p", "s.q", "Publishes e")]


# -- drill-down links -----------------------------------------------------------------------------

LAYOUTS = [
    pytest.param(Layout(), id="directory-urls"),
    pytest.param(Layout(directory_urls=False), id="html-urls"),
    pytest.param(Layout(prefix=""), id="no-prefix"),
    pytest.param(Layout(prefix="docs/arch", directory_urls=False), id="deep-prefix-html"),
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_element_of_every_view_links_to_its_own_page(layout: Layout) -> None:
    context = SiteContext(workspace=sitemodels.shop(), layout=layout)
    base = "http://site.test/"
    static = {k: v for k in context.views if (v := context.views.static(k)) is not None}
    pages = {page_of_view(layout, k) for k in static}
    assert pages  # the landscape, the element pages
    for key, view in static.items():
        page = page_of_view(layout, key)
        source = draw(context, key)
        links = {}
        for line in source.splitlines():
            m = CLICK.match(line)
            if m:
                links[view.element_ids[int(m[1][1:])]] = (m[2], m[3])
        expected = [id for id in view.element_ids if layout.element(id) != page]
        assert sorted(links) == sorted(expected), key
        for id, (href, tooltip) in links.items():
            landed = urljoin(base + layout.url(page), href)
            assert landed == base + layout.url(layout.element(id)), (key, id, href)
            assert tooltip == context.workspace.elements[id].name


# -- Layout ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("directory_urls", "from_page", "to_page", "href"), [
    (True, "architecture/index.md", "architecture/elements/shop.md", "elements/shop/"),
    (True, "architecture/elements/a.md", "architecture/elements/b.md", "../b/"),
    (True, "architecture/elements/a.md", "architecture/index.md", "../../"),
    (True, "architecture/elements/a.md", "architecture/elements/a.md", "./"),
    (True, "architecture/flows/index.md", "architecture/flows/checkout.md", "checkout/"),
    (True, "architecture/flows/checkout.md", "architecture/flows/index.md", "../"),
    (True, "architecture/matrix.md", "architecture/elements/shop.order-api.md",
     "../elements/shop.order-api/"),
    (True, "index.md", "architecture/index.md", "architecture/"),
    (True, "index.md", "index.md", "./"),
    (True, "guide/site.md", "architecture/elements/shop.md", "../../architecture/elements/shop/"),
    (False, "architecture/index.md", "architecture/elements/shop.md", "elements/shop.html"),
    (False, "architecture/elements/a.md", "architecture/index.md", "../index.html"),
    (False, "architecture/elements/a.md", "architecture/elements/a.md", "a.html"),
    (False, "architecture/flows/index.md", "architecture/elements/a.md", "../elements/a.html"),
    (False, "index.md", "architecture/elements/a.md", "architecture/elements/a.html"),
    (False, "guide/site.md", "architecture/index.md", "../architecture/index.html"),
])
def test_href(directory_urls: bool, from_page: str, to_page: str, href: str) -> None:
    layout = Layout(directory_urls=directory_urls)
    assert layout.href(from_page, to_page) == href
    base = "http://site.test/"
    assert urljoin(base + layout.url(from_page), href) == base + layout.url(to_page)


@pytest.mark.parametrize(
    ("from_page", "to_page", "anchor", "link"),
    [
        ("architecture/index.md", "architecture/elements/shop.md", "", "elements/shop.md"),
        ("architecture/elements/a.md", "architecture/elements/b.md", "", "b.md"),
        ("architecture/elements/a.md", "architecture/flows/f.md", "", "../flows/f.md"),
        ("architecture/elements/a.md", "architecture/index.md", "impact", "../index.md#impact"),
        ("index.md", "architecture/index.md", "", "architecture/index.md"),
        (
            "guide/site.md",
            "architecture/decisions/0001-x.md",
            "",
            "../architecture/decisions/0001-x.md",
        ),
    ],
)
def test_md_link(from_page: str, to_page: str, anchor: str, link: str) -> None:
    assert Layout().md_link(from_page, to_page, anchor) == link


@pytest.mark.parametrize(("layout", "page", "url"), [
    (Layout(), "architecture/index.md", "architecture/"),
    (Layout(), "architecture/elements/shop.md", "architecture/elements/shop/"),
    (Layout(), "index.md", ""),
    (Layout(directory_urls=False), "architecture/index.md", "architecture/index.html"),
    (Layout(directory_urls=False), "architecture/flows/x.md", "architecture/flows/x.html"),
    (Layout(prefix=""), "index.md", ""),
])
def test_url(layout: Layout, page: str, url: str) -> None:
    assert layout.url(page) == url


@pytest.mark.parametrize(
    ("layout", "paths"),
    [
        (
            Layout(),
            [
                "architecture/index.md",
                "architecture/elements/x.md",
                "architecture/flows/index.md",
                "architecture/flows/f.md",
                "architecture/matrix.md",
                "architecture/deployment/prod.md",
                "architecture/decisions/index.md",
                "architecture/decisions/0001-a.md",
            ],
        ),
        (
            Layout(prefix=""),
            [
                "index.md",
                "elements/x.md",
                "flows/index.md",
                "flows/f.md",
                "matrix.md",
                "deployment/prod.md",
                "decisions/index.md",
                "decisions/0001-a.md",
            ],
        ),
    ],
)
def test_page_paths(layout: Layout, paths: list[str]) -> None:
    assert [layout.home(), layout.element("x"), layout.flows(), layout.flow("f"),
            layout.group("matrix"), layout.environment("prod"), layout.decisions(),
            layout.decision("0001-a")] == paths


def test_properties_block_lists_elements_with_those_properties() -> None:
    from archdoc import Workspace
    from archdoc.site import SiteContext, UnknownBlock, render_block

    ws = Workspace("Ports")
    system = ws.system("Shop", "Sells")
    system.container("API", "Orders", properties={"port": 8001, "team": "orders"})
    system.container("Web", "Storefront", properties={"port": 3000})
    system.container("Worker", "Jobs")
    markdown = render_block(SiteContext(workspace=ws), "properties:port,team", "docs/ports.md")
    assert markdown.splitlines()[0] == "| Element | Kind | port | team |"
    assert "| [API](../architecture/elements/shop.api.md) | Container | 8001 | orders |" in markdown
    assert "| [Web](../architecture/elements/shop.web.md) | Container | 3000 |  |" in markdown
    assert "Worker" not in markdown
    import pytest

    with pytest.raises(UnknownBlock):
        render_block(SiteContext(workspace=ws), "properties:nothing", "docs/ports.md")
