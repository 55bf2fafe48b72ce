"""Ids: slugs of names joined by dots, overridable with ``id=``, unique per workspace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archdoc import Workspace
from archdoc.model.ids import join_id, slugify
from archdoc_testing import diagnose


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Customer", "customer"),
        ("Order API", "order-api"),
        ("  Order   API  ", "order-api"),
        ("Checkout controller", "checkout-controller"),
        ("Web App (v2)", "web-app-v2"),
        ("AWS eu-west-1", "aws-eu-west-1"),
        ("payments_service", "payments-service"),
        ("api.gateway", "api-gateway"),  # a slug never holds the id separator
        ("Café Crème", "cafe-creme"),
        ("Über-Service v2", "uber-service-v2"),
        ("Straße", "strasse"),
        ("ﬁle store", "file-store"),
        ("注文", "注文"),
        ("注文 サービス", "注文-サービス"),
        ("Заказы API", "заказы-api"),
        ("Ørsted", "ørsted"),
        ("नमस्ते", "नमस्ते"),
        ("Order 注文", "order-注文"),
        ("🚀", "element"),
        ("---", "element"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("first", "second"),
    [("Order 注文", "Order 配送"), ("Straße", "Strae"), ("Ørsted", "Rsted")],
)
def test_names_that_differ_only_in_non_ascii_letters_get_distinct_ids(
    first: str, second: str
) -> None:
    assert slugify(first) != slugify(second)


@pytest.mark.parametrize(
    ("parent", "own", "joined"),
    [(None, "shop", "shop"), ("shop", "web", "shop.web"), ("shop.web", "c", "shop.web.c")],
)
def test_join_id(parent: str | None, own: str, joined: str) -> None:
    assert join_id(parent, own) == joined


def test_ids_join_the_slugs_of_ancestors() -> None:
    ws = Workspace("Shop")
    customer = ws.person("Customer")
    shop = ws.system("Shop")
    orders = shop.container("Order API")
    checkout = orders.component("Checkout controller")
    db = shop.database("Orders DB")
    bus = shop.queue("Event bus")
    assert [e.id for e in (customer, shop, orders, checkout, db, bus)] == [
        "customer", "shop", "shop.order-api", "shop.order-api.checkout-controller",
        "shop.orders-db", "shop.event-bus",
    ]
    assert list(ws.elements) == [e.id for e in (customer, shop, orders, checkout, db, bus)]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("orders", "shop.orders"),            # a plain id is relative to the parent
        ("billing.orders", "billing.orders"),  # a dotted id is taken as the whole id
    ],
)
def test_explicit_id_of_a_child(given: str, expected: str) -> None:
    ws = Workspace("Shop")
    shop = ws.system("Shop")
    assert shop.container("Order API", id=given).id == expected


def test_explicit_ids_of_top_level_elements_and_nodes() -> None:
    ws = Workspace("Shop", id="my-shop")
    assert ws.id == "my-shop"
    assert ws.person("Customer", id="buyer").id == "buyer"
    assert ws.system("Shop", id="store").id == "store"
    prod = ws.environment("Production", id="prod")
    assert prod.id == "prod"
    region = prod.node("AWS eu-west-1")
    assert region.id == "prod.aws-eu-west-1"
    assert region.node("ECS", id="prod.ecs").id == "prod.ecs"
    assert region.infrastructure("RDS").id == "prod.aws-eu-west-1.rds"


def test_workspace_id_defaults_to_the_slug_of_its_name() -> None:
    assert Workspace("Big Shop").id == "big-shop"


def test_non_latin_names_make_readable_ids() -> None:
    ws = Workspace("店")
    shop = ws.system("ショップ")
    orders = shop.container("注文 API")
    assert orders.id == "ショップ.注文-api"
    assert ws.find("ショップ.注文-api") is orders


def test_duplicate_name_under_one_parent_is_kept_with_a_suffix_and_reported() -> None:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "d")
    first = shop.container("Order API", "d")
    second = shop.container("Order  api", "d")  # same slug
    assert (first.id, second.id) == ("shop.order-api", "shop.order-api~2")
    assert ws.duplicates[0].id == "shop.order-api"
    [dup] = [d for d in diagnose(ws) if d.rule == "duplicate-id"]
    assert dup.severity == "error"
    assert dup.location == second.location
    assert str(first.location) in dup.message


def test_same_name_under_different_parents_is_fine() -> None:
    ws = Workspace("Shop")
    a = ws.system("A").container("API")
    b = ws.system("B").container("API")
    assert (a.id, b.id) == ("a.api", "b.api")
    assert not ws.duplicates


def test_relationship_ids_count_repeated_pairs() -> None:
    ws = Workspace("Shop")
    a, b = ws.system("A"), ws.system("B")
    assert [a.uses(b).id, a.uses(b).id, b.uses(a).id] == ["a->b", "a->b~2", "b->a"]


def test_flow_ids_are_unique() -> None:
    ws = Workspace("Shop")
    assert [ws.flow("Checkout").id, ws.flow("Checkout").id, ws.flow("X", id="x-flow").id] == [
        "checkout", "checkout-2", "x-flow",
    ]


_NON_WORD = re.compile(r"[^a-z0-9]+")


@given(st.text(alphabet="aZ09 -_.\t/", max_size=12))
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
def test_the_quick_slug_of_plain_names_is_the_slug_of_the_rule(name: str) -> None:
    """Plain ASCII names take a short way to their slug; it must give the rule's slug."""
    assert slugify(name) == (_NON_WORD.sub("-", name.lower()).strip("-") or "element")
