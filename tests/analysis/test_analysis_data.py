"""Data ownership: one analysis behind the site's table and the validation rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archdoc import Workspace
from archdoc.analysis import DependencyGraph, data_ownership
from archdoc.site import SiteContext, render_block
from archdoc_testing import diagnose

RULE_OF_BADGE = {"shared writes": "multiple-writers", "foreign reads": "foreign-datastore-access",
                 "no owner": "datastore-without-owner"}


def owned_by_a_component() -> Workspace:
    """The case from the field: the owner is a component, and only it writes."""
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    orders = shop.container("Orders", "Orders")
    repository = orders.component("Repository", "Stores orders")
    db = shop.database("Orders DB", owner=repository)
    repository.uses(db, "Writes orders")
    return ws


def owner_and_a_foreign_writer() -> Workspace:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    orders, stock = shop.container("Orders", "Orders"), shop.container("Stock", "Stock")
    db = shop.database("Orders DB", owner=orders)
    orders.uses(db, "Writes orders")
    stock.component("Sync", "Copies").uses(db, "Updates lines")  # a component of another container
    return ws


def owner_written_by_its_own_component_and_read_by_another() -> Workspace:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    orders, reports = shop.container("Orders", "Orders"), shop.container("Reports", "Reports")
    db = shop.database("Orders DB", owner=orders)
    orders.component("Repository", "Stores").uses(db, "Writes orders")
    reports.uses(db, "Reads orders", access="read")
    return ws


def two_writers_no_owner() -> Workspace:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    a, b = shop.container("A", "A"), shop.container("B", "B")
    db = shop.database("Shared DB")
    a.uses(db, "Writes")
    b.uses(db, "Writes")
    return ws


def one_writer_no_owner() -> Workspace:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    db = shop.database("Cache DB")
    shop.container("A", "A").uses(db, "Writes")
    return ws


def a_reader_that_also_writes() -> Workspace:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    orders, stock = shop.container("Orders", "Orders"), shop.container("Stock", "Stock")
    db = shop.database("Orders DB", owner=orders)
    stock.uses(db, "Reads lines", access="read")
    stock.uses(db, "Updates lines")
    return ws


MODELS: dict[str, Callable[[], Workspace]] = {f.__name__: f for f in (
    owned_by_a_component, owner_and_a_foreign_writer,
    owner_written_by_its_own_component_and_read_by_another, two_writers_no_owner,
    one_writer_no_owner, a_reader_that_also_writes)}


def table_verdicts(ws: Workspace) -> dict[str, set[str]]:
    """The badges of each row of the site's data-ownership table, by datastore id."""
    text = render_block(SiteContext(workspace=ws), "data-ownership", "architecture/data.md")
    verdicts = {}
    for db in (e for e in ws.elements.values() if e.kind == "database"):
        row = next(
            line for line in text.splitlines() if f"elements/{db.id}.md)" in line.split("|")[1]
        )
        verdicts[db.id] = {badge for badge in RULE_OF_BADGE if badge in row.split("|")[-2]}
    return verdicts


def rule_verdicts(ws: Workspace) -> dict[str, set[str]]:
    """The data-ownership findings of ``archdoc validate``, as the table's badges, by datastore."""
    found: dict[str, set[str]] = {e.id: set() for e in ws.elements.values() if e.kind == "database"}
    badge_of = {rule: badge for badge, rule in RULE_OF_BADGE.items()}
    for d in diagnose(ws):
        if d.rule in badge_of:
            db = d.subject if d.subject in found else next(k for k in found if k in d.message)
            found[db].add(badge_of[d.rule])
    return found


@pytest.mark.parametrize("name", MODELS)
def test_the_table_and_validate_give_the_same_verdicts(name: str) -> None:
    ws = MODELS[name]()
    assert table_verdicts(ws) == rule_verdicts(ws)


def test_a_datastore_owned_by_a_component_and_written_only_by_it_is_healthy() -> None:
    ws = owned_by_a_component()
    (verdict,) = data_ownership(DependencyGraph(ws))
    assert (verdict.owner, verdict.writers, dict(verdict.writes)) == (
        "shop.orders",
        ["shop.orders"],
        {},
    )
    assert not (verdict.shared_writes or verdict.foreign_reads or verdict.unowned)
    assert table_verdicts(ws) == {"shop.orders-db": set()}
    text = render_block(SiteContext(workspace=ws), "data-ownership", "architecture/data.md")
    assert "shared writes" not in text and "healthy" in text


def test_writers_and_readers_are_counted_in_containers() -> None:
    (verdict,) = data_ownership(DependencyGraph(owner_and_a_foreign_writer()))
    assert verdict.writers == ["shop.orders", "shop.stock"]
    assert verdict.shared_writes
    (verdict,) = data_ownership(DependencyGraph(a_reader_that_also_writes()))
    assert (list(verdict.writes), list(verdict.reads)) == (["shop.stock"], [])
    messages = [d.message for d in diagnose(a_reader_that_also_writes())
                if d.rule == "multiple-writers"]
    assert messages == [
        "datastore shop.orders-db is written by 2 containers: shop.orders, shop.stock"
    ]
