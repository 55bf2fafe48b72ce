"""Views a user defines: ``ws.view`` selectors, ``around``, scopes, groups, styles, their errors."""

from __future__ import annotations

import json

import pytest

from archdoc import ModelError, Workspace
from archdoc.config import ArchdocConfig
from archdoc.model.selectors import parse_selector
from archdoc.validation.registry import RuleContext, run_rules
from archdoc.views import ComputedView, ViewIndex
from archdoc_testing import ProjectFactory, diagnose, line_of, make_config, run_archdoc


def shop() -> Workspace:
    """Customer -> Web -> Orders -> (DB, Stripe); Orders publishes to a bus Inventory reads."""
    ws = Workspace("Shop")
    customer = ws.person("Customer", "Buys")
    shop = ws.system("Shop", "Sells")
    stripe = ws.system("Stripe", "Payments", external=True)
    monitoring = ws.system("Monitoring", "Watches", tags=["internal"])
    web = shop.container("Web", "Storefront", group="Edge")
    orders = shop.container("Orders", "Orders", tags=["critical"], group="Core/Checkout")
    shop.database("Orders DB", owner=orders, group="Core/Checkout")
    bus = shop.queue("Bus", group="Core")
    inventory = shop.container("Inventory", "Stock", group="Core")
    controller = orders.component("Controller", "HTTP")
    client = orders.component("Stripe client", "Calls Stripe")
    customer.uses(web, "Shops")
    web.uses(controller, "POST /orders", criticality="critical")
    controller.uses(client, "Charges")
    client.uses(stripe, "Charges cards", tags=["pci"])
    orders.publishes("order.created", via=bus)
    inventory.subscribes("order.created", "Reserve stock", via=bus)
    monitoring.uses(shop, "Scrapes metrics")
    return ws


def computed(ws: Workspace, key: str) -> ComputedView:
    view = ViewIndex(ws).static(key)
    assert view is not None, key
    return view


def findings(ws: Workspace, rule: str) -> list[str]:
    return [d.message for d in run_rules(RuleContext(config=ArchdocConfig(), workspace=ws))
            if d.rule == rule]


# -- selectors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("include", "drawn"), [
    (["*"], ["customer", "shop", "stripe", "monitoring"]),
    (["customer", "stripe"], ["customer", "stripe"]),
    (["shop.*"], ["shop.web", "shop.orders", "shop.orders-db", "shop.bus", "shop.inventory"]),
    (["shop.orders.*"], ["shop.orders.controller", "shop.orders.stripe-client"]),
    (["shop.**"], ["shop.web", "shop.orders-db", "shop.bus", "shop.inventory",
                   "shop.orders.controller", "shop.orders.stripe-client"]),
    (["tag:critical"], ["shop.orders"]),
    (["kind:database", "kind:queue"], ["shop.orders-db", "shop.bus"]),
    (["kind:person", "kind:system"], ["customer", "shop", "stripe", "monitoring"]),
])
def test_every_selector_at_the_landscape_level(include: list[str], drawn: list[str]) -> None:
    ws = shop()
    ws.view("V", include=include)
    assert computed(ws, "view:v").element_ids == drawn


def test_exclude_applies_after_include_with_elements_and_tags() -> None:
    ws = shop()
    monitoring = ws.get("monitoring")
    assert monitoring is not None
    ws.view("V", include=["*"], exclude=[monitoring, "tag:internal", "customer"])
    assert computed(ws, "view:v").element_ids == ["shop", "stripe"]


def test_star_is_what_the_built_in_view_of_the_scope_draws() -> None:
    ws = shop()
    shop_system = ws.get("shop")
    ws.view("Mine", of=shop_system)
    mine, builtin = computed(ws, "view:mine"), computed(ws, "containers:shop")
    assert mine.element_ids == builtin.element_ids
    assert [(e.source_id, e.destination_id) for e in mine.edges] == [
        (e.source_id, e.destination_id) for e in builtin.edges]


def test_a_container_drawn_at_the_landscape_level_sits_in_its_system_and_groups() -> None:
    ws = shop()
    ws.view("V", include=["customer", "shop.orders", "stripe"])
    view = computed(ws, "view:v")
    orders = view.node("shop.orders")
    frames = {b.id: b for b in view.boundaries}
    assert orders.boundary == "group:shop:Core/Checkout"
    assert frames["group:shop:Core/Checkout"].parent == "group:shop:Core"
    assert frames["group:shop:Core"].parent == "shop"
    assert frames["shop"].kind == "element" and frames["shop"].parent is None
    # the component's relationships are lifted onto the container drawn
    assert {(e.source_id, e.destination_id) for e in view.edges} == {("shop.orders", "stripe")}


def test_an_element_drawn_with_its_parts_becomes_their_boundary() -> None:
    ws = shop()
    ws.view("V", include=["shop", "shop.web", "customer"])
    view = computed(ws, "view:v")
    assert view.element_ids == ["customer", "shop.web"]
    assert view.node("shop.web").boundary == "group:shop:Edge"
    assert [b.id for b in view.boundaries] == ["shop", "group:shop:Edge"]


def test_around_draws_the_neighbourhood_to_the_depth_asked() -> None:
    ws = shop()
    ws.view("One", of="shop", around="shop.orders")
    ws.view("Two", of="shop", around="shop.orders", depth=2)
    one, two = computed(ws, "view:one"), computed(ws, "view:two")
    assert set(one.element_ids) == {"shop.orders", "shop.web", "shop.orders-db", "shop.bus",
                                    "stripe"}
    assert set(two.element_ids) == set(one.element_ids) | {"customer", "shop.inventory"}
    assert one.node("shop.orders").focus


def test_direction_and_title_and_key() -> None:
    ws = shop()
    ws.view("Checkout path", "Everything a purchase touches", include=["*"], direction="LR")
    view = computed(ws, "view:checkout-path")
    assert (view.key, view.title, view.description, view.direction) == (
        "view:checkout-path", "Checkout path", "Everything a purchase touches", "LR")
    assert ViewIndex(ws, direction="BT").static("landscape").direction == "BT"  # type: ignore[union-attr]


# -- styles ---------------------------------------------------------------------------------------


def test_styles_by_tag_colour_elements_and_relationships() -> None:
    ws = shop()
    ws.style("critical", color="#fb923c", border="#c2410c")
    ws.style("critical", text="#000000")  # a later style of the tag adds to it
    ws.style("pci", color="#7c3aed", line="dotted", width=2)
    view = computed(ws, "containers:shop")
    style = view.node("shop.orders").style
    assert (style.fill, style.border, style.text, style.tags) == (
        "#fb923c", "#c2410c", "#000000", ("critical",))
    assert view.node("shop.web").style.fill == "#438dd5"
    edge = next(e for e in view.edges if e.destination_id == "stripe")
    assert edge.style is not None
    assert (edge.style.color, edge.style.line, edge.style.width) == ("#7c3aed", "dotted", 2)


@pytest.mark.parametrize(("call", "message"), [
    (lambda ws: ws.style("x", colour="#ffffff"), "unknown style key 'colour'"),
    (lambda ws: ws.style("x", color="orange"), "color='orange' is not a colour"),
    (lambda ws: ws.style("x", shape="blob"), "shape='blob' is not one of"),
    (lambda ws: ws.style("x", line="wavy"), "line='wavy' is not one of"),
    (lambda ws: ws.style("", color="#fff"), "the tag is empty"),
    (lambda ws: ws.view("V", direction="XY"), "direction='XY' is not one of"),
    (lambda ws: ws.view("V", depth=0), "depth=0 is not a whole number"),
    (lambda ws: ws.view("V", include="shop.*"), "include must be a list of selectors"),
    (lambda ws: ws.view("V", include=["kind:db"]), "names no kind of element"),
    (lambda ws: ws.view("V", include=["tag:"]), "names no tag"),
    (lambda ws: ws.view("V", include=["shop.*.x"]), "is not an id"),
    (lambda ws: ws.view("V", of=ws.get("customer")), "a view is of a software system"),
    (lambda ws: ws.view(""), "the name is empty"),
    (lambda ws: (ws.view("Same"), ws.view("Same")), "a view with id 'same' exists already"),
    (lambda ws: ws.system("X", group="a//b"), "has an empty part"),
])
def test_mistakes_are_model_errors_at_the_users_line(call: object, message: str) -> None:
    ws = shop()
    with pytest.raises(ModelError) as caught:
        call(ws)  # type: ignore[operator]
    assert message in caught.value.message
    assert caught.value.location is not None and caught.value.location.file == __file__


def stack() -> Workspace:
    """Elements with technologies: one, several (comma-separated), in another case, none."""
    ws = Workspace("Stack")
    shop = ws.system("Shop", "Sells")
    api = shop.container("API", "Orders", technology="Python, FastAPI")
    api.component("Broker", "Publishes", technology="Kubernetes")
    shop.container("Web", "Storefront", technology="TypeScript, React")
    db = shop.database("Orders DB", technology="PostgreSQL 16", owner=api)
    shop.database("Reports DB", technology="postgresql 15")
    shop.queue("Bus", technology="RabbitMQ")
    shop.container("Batch", "Nightly jobs")
    api.uses(db, "Stores orders", technology="SQL")
    return ws


@pytest.mark.parametrize(("include", "drawn"), [
    (["technology:FastAPI"], ["shop.api"]),
    (["technology:python"], ["shop.api"]),
    (["technology:PostgreSQL*"], ["shop.orders-db", "shop.reports-db"]),
    (["technology:*Script"], ["shop.web"]),
    (["technology:Kubernetes"], ["shop.api.broker"]),
    (["technology:SQL"], []),  # a relationship's technology, not an element's
    (["technology:Postgre"], []),  # a whole technology, or a glob
])
def test_technology_selects_by_each_comma_separated_technology_in_any_case(
        include: list[str], drawn: list[str]) -> None:
    ws = stack()
    ws.view("V", include=include)
    assert computed(ws, "view:v").element_ids == drawn


def test_technology_selector_with_exclude_and_its_text() -> None:
    ws = stack()
    ws.view("V", of="shop", include=["shop.*"], exclude=["technology:postgres*"])
    assert computed(ws, "view:v").element_ids == ["shop.api", "shop.web", "shop.bus", "shop.batch"]
    assert str(parse_selector(" technology: React ")) == "technology:React"
    with pytest.raises(ModelError) as caught:
        ws.view("W", include=["technology:"])
    assert "names no technology" in caught.value.message
    assert "technology:NAME" in caught.value.hint


def test_a_technology_selector_that_names_nothing_hints_at_the_closest_technologies() -> None:
    ws = stack()
    ws.view("V", include=["technology:Postgres 16", "technology:Cobol"])
    diagnostics = {d.message: d.hint for d in run_rules(RuleContext(config=ArchdocConfig(),
                                                                    workspace=ws))
                   if d.rule == "dangling-reference"}
    assert diagnostics["view 'v': selector 'technology:Postgres 16' names nothing in the model"] \
        == "did you mean 'technology:PostgreSQL 16', 'technology:postgresql 15'?"
    assert diagnostics["view 'v': selector 'technology:Cobol' names nothing in the model"] == (
        "technologies in the model: FastAPI, Kubernetes, postgresql 15, PostgreSQL 16, Python, "
        "RabbitMQ, React, TypeScript")
    bare = shop()
    bare.view("W", include=["technology:Go"])
    hints = [d.hint for d in run_rules(RuleContext(config=ArchdocConfig(), workspace=bare))
             if d.rule == "dangling-reference"]
    assert hints == ["no element has a technology yet: technology=... on an element"]


# -- rules ----------------------------------------------------------------------------------------


def test_selectors_that_name_nothing_are_dangling_references_with_the_closest_ids() -> None:
    ws = shop()
    ws.view("V", of="shop", include=["shop.ordrs", "tag:critcal", "shop.nothing.*"])
    ws.view("W", of="shp", around="shop.ordres")
    messages = findings(ws, "dangling-reference")
    assert "view 'v': selector 'shop.ordrs' names nothing in the model" in messages
    assert "view 'v': selector 'tag:critcal' names nothing in the model" in messages
    assert "view 'v': selector 'shop.nothing.*' names nothing in the model" in messages
    assert "view 'w': of='shp' is not in the model" in messages
    assert "view 'w': around='shop.ordres' is not in the model" in messages
    diagnostics = [d for d in run_rules(RuleContext(config=ArchdocConfig(), workspace=ws))
                   if d.rule == "dangling-reference"]
    hints = {d.message: d.hint for d in diagnostics}
    assert "shop.orders" in hints["view 'v': selector 'shop.ordrs' names nothing in the model"]
    assert "tag:critical" in hints["view 'v': selector 'tag:critcal' names nothing in the model"]
    assert all(d.location is not None and d.location.file == __file__ for d in diagnostics)


def test_an_empty_view_an_invalid_scope_and_an_unused_style_are_reported() -> None:
    ws = shop()
    ws.view("Nothing", include=["tag:critical"], exclude=["shop.**"])
    ws.view("Of a component", of="shop.orders.controller")
    ws.style("critcal", color="#ff0000")
    assert findings(ws, "empty-view") == ["view 'nothing' draws no element"]
    assert findings(ws, "invalid-view") == [
        "view 'of-a-component': of='shop.orders.controller' is a component, which has no level "
        "below it"]
    assert findings(ws, "unused-style") == [
        "style for tag 'critcal': no element or relationship has this tag"]


def test_a_view_that_draws_what_another_view_draws_is_a_duplicate() -> None:
    ws = shop()
    ws.view("All containers", of="shop")  # include=["*"]: the built-in container view
    ws.view("Sideways", of="shop", direction="LR")  # the same boxes, drawn otherwise
    ws.view("Edge", include=["shop.web", "customer"])
    ws.view("Edge again", include=["customer", "shop.web"], exclude=["stripe"])
    ws.view("Around the bus", of="shop", around="shop.bus")  # its built-in neighbourhood
    ws.view("Two hops from the bus", of="shop", around="shop.bus", depth=2)
    ws.view("Everyone", include=["kind:person", "kind:system"])  # the landscape
    diagnostics = [d for d in run_rules(RuleContext(config=ArchdocConfig(), workspace=ws))
                   if d.rule == "duplicate-view"]
    assert [d.message for d in diagnostics] == [
        "view 'all-containers' draws exactly what the built-in view 'containers:shop' draws",
        "view 'edge-again' draws exactly what the view 'view:edge' draws",
        "view 'around-the-bus' draws exactly what the built-in view 'neighbourhood:shop.bus' "
        "draws",
        "view 'everyone' draws exactly what the built-in view 'landscape' draws",
    ]
    assert diagnostics[0].severity == "warning"
    assert diagnostics[0].hint == ("embed 'containers:shop' instead, or change this view's "
                                   "include=, exclude=, around= or direction=")
    assert all(d.location is not None and d.location.file == __file__ for d in diagnostics)
    assert diagnostics[0].location.line < diagnostics[1].location.line  # type: ignore[union-attr]


def test_duplicate_views_follow_the_sites_direction_and_the_rules_option() -> None:
    ws = shop()
    ws.view("All containers", of="shop")
    ws.view("Sideways", of="shop", direction="LR")
    lr = make_config(diagrams={"direction": "LR"})
    assert [d.message for d in diagnose(ws, lr) if d.rule == "duplicate-view"] == [
        "view 'all-containers' draws exactly what the built-in view 'containers:shop' draws",
        "view 'sideways' draws exactly what the built-in view 'containers:shop' draws"]
    assert [d.severity for d in diagnose(ws, make_config(rules={"duplicate-view": "error"}))
            if d.rule == "duplicate-view"] == ["error"]  # TB: only the first one
    assert "duplicate-view" not in [d.rule for d in diagnose(
        ws, make_config(rules={"duplicate-view": "off"}))]


def test_a_clean_model_with_views_has_no_view_findings() -> None:
    ws = shop()
    ws.view("Checkout", of="shop", include=["*"], exclude=["tag:internal"])
    ws.style("critical", color="#fb923c")
    for rule in ("dangling-reference", "empty-view", "invalid-view", "unused-style"):
        assert findings(ws, rule) == [], rule


# -- built-in views -----------------------------------------------------------------------------


def test_every_view_has_a_key_and_built_in_views_are_default_specifications() -> None:
    ws = shop()
    ws.view("Mine", include=["*"])
    with ws.flow("Buy") as f:
        f.step("customer", "shop.web", "Shops")
    ws.environment("Prod").node("Cloud").deploy("shop.web")
    keys = ViewIndex(ws).keys()
    assert keys[:6] == ["landscape", "context:shop", "containers:shop", "context:stripe",
                        "context:monitoring", "components:shop.orders"]
    assert "neighbourhood:shop.web" in keys and "neighbourhood:customer" in keys
    assert "neighbourhood:shop.orders" not in keys  # it has a component view
    assert keys[-3:] == ["view:mine", "flow:buy", "deployment:prod"]


def test_a_container_without_components_has_a_neighbourhood_inside_its_system() -> None:
    ws = shop()
    view = computed(ws, "neighbourhood:shop.inventory")
    assert view.element_ids == ["shop.bus", "shop.inventory"]
    assert view.node("shop.inventory").focus
    assert {b.id for b in view.boundaries} == {"shop", "group:shop:Core"}


def test_a_technology_view_through_the_command_line(project: ProjectFactory) -> None:
    root = project('''
        from archdoc import Workspace

        ws = Workspace("Stack")
        shop = ws.system("Shop", "Sells")
        api = shop.container("API", "Orders", technology="Python, FastAPI")
        db = shop.database("Orders DB", technology="PostgreSQL 16", owner=api)
        reports = shop.database("Reports DB", technology="PostgreSQL 15", owner=api)
        api.uses(db, "Stores orders")
        api.uses(reports, "Writes reports")
        ws.view("Databases", of=shop, include=["technology:postgresql*"])
        ws.view("Typo", include=["technology:postgress 16"])  # the typo's line
    ''', mkdocs="site_name: Stack\nplugins: [archdoc]\n")
    exported = run_archdoc("export", "--format", "json", cwd=root)
    assert exported.code == 0, exported.output
    views = {v["key"]: v for v in json.loads(exported.stdout)["views"]}
    assert views["view:databases"]["elements"] == ["shop.orders-db", "shop.reports-db"]
    checked = run_archdoc("validate", "--format", "json", cwd=root)
    assert checked.code == 1, checked.output
    found = [d for d in json.loads(checked.stdout)["diagnostics"]
             if d["rule"] == "dangling-reference"]
    assert len(found) == 1
    assert found[0]["message"] == ("view 'typo': selector 'technology:postgress 16' names nothing "
                                   "in the model")
    assert found[0]["hint"] == ("did you mean 'technology:PostgreSQL 16', "
                                "'technology:PostgreSQL 15'?")
    assert found[0]["line"] == line_of("the typo's line", root / "model" / "__init__.py")


def test_a_duplicate_view_through_the_command_line(project: ProjectFactory) -> None:
    root = project('''
        from archdoc import Workspace

        ws = Workspace("Shop")
        shop = ws.system("Shop", "Sells")
        api = shop.container("API", "Orders")
        api.uses(shop.database("DB"), "Stores orders")
        ws.view("Inside the shop", of=shop, include=["shop.*"])  # the duplicate's line
    ''', mkdocs="site_name: Shop\nplugins: [archdoc]\n")
    checked = run_archdoc("validate", cwd=root)
    assert checked.code == 0, checked.output  # a warning
    line = line_of("the duplicate's line", root / "model" / "__init__.py")
    assert f"model/__init__.py:{line}" in checked.output
    assert "duplicate-view" in checked.output
    assert "view 'inside-the-shop' draws exactly what the built-in view 'containers:shop'" \
        in checked.output
    assert "embed 'containers:shop' instead" in checked.output
    strict = run_archdoc("validate", "--strict", cwd=root)
    assert strict.code == 1, strict.output
