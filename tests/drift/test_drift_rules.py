"""The comparison and its three rules on small models built in memory."""

from __future__ import annotations

import sys

import pytest

from archdoc import Workspace
from archdoc.drift import DriftReport, ObservedCall, Observations, ObservedSource, compare
from archdoc.drift.observed import ConnectionType
from archdoc.validation.registry import RULES, RuleContext, run_rules
from archdoc_testing import make_config

HERE = __file__


def here() -> int:
    return sys._getframe(1).f_lineno


def observe(*pairs: tuple, kind: str = "jaeger") -> Observations:  # type: ignore[type-arg]
    """``("a", "b", 12)`` or ``("a", "b", 12, "database")``: one record each, in a file
    deps.json."""
    observed = Observations()
    observed.add_file(kind, "deps.json")  # type: ignore[arg-type]
    for i, (client, server, calls, *rest) in enumerate(pairs):
        connection: ConnectionType = rest[0] if rest else ""
        source = ObservedSource(kind, "deps.json", path=f"data[{i}]")  # type: ignore[arg-type]
        observed.add_call(ObservedCall(client, server, calls, connection, source))
    return observed


def base() -> tuple[Workspace, dict[str, int]]:
    """web -> gateway -> orders -> db (owned); orders publishes an event inventory consumes."""
    lines: dict[str, int] = {}
    ws = Workspace("W")
    s = ws.system("Shop", "Sells")
    web = s.container("Web", "UI")
    lines["web"] = here() - 1
    gateway = s.container("Gateway", "Routes")
    orders = s.container("Orders", "Orders")
    checkout = orders.component("Checkout", "Endpoints")
    inventory = s.container("Inventory", "Stock")
    db = s.database("Orders DB", "Data", owner=orders, properties={"service.name": "ordersdb"})
    bus = s.queue("Bus", "Events")
    stripe = ws.system("Stripe", "Cards", external=True)
    web.uses(gateway, "Calls")
    lines["web->gateway"] = here() - 1
    gateway.uses(orders, "Routes")
    orders.uses(db, "Stores")
    checkout.uses(stripe, "Charges")
    lines["checkout->stripe"] = here() - 1
    orders.publishes("order.created", via=bus)
    inventory.subscribes("order.created", via=bus)
    inventory.uses(orders, "Reads orders")
    lines["inventory->orders"] = here() - 1
    return ws, lines


def status(ws: Workspace, observed: Observations, **kw: int) -> dict[tuple[str, str], str]:
    return statuses(compare(ws, observed, **kw))


def statuses(report: DriftReport) -> dict[tuple[str, str], str]:
    """``{(source unit, destination unit): status}`` of every dependency, as `archdoc drift
    --format json` lists them."""
    return {(e.source_id, e.destination_id): e.status for e in report.edges}


def diagnose(ws: Workspace, observed: Observations, **options: object) -> list:  # type: ignore[type-arg]
    report = compare(ws, observed, min_calls=int(options.pop("min_calls", 0)))  # type: ignore[call-overload]
    context = RuleContext(config=make_config(**options), workspace=ws, drift=report)
    return run_rules(context, scopes=["observed"])


# -- the comparison --------------------------------------------------------------------------


def test_a_direct_observed_call_is_seen() -> None:
    ws, _ = base()
    found = status(ws, observe(("web", "gateway", 10), ("gateway", "orders", 10)))
    assert found[("shop.web", "shop.gateway")] == "seen"
    assert found[("shop.gateway", "shop.orders")] == "seen"


def test_a_call_implied_by_a_component_relationship_is_declared() -> None:
    ws, _ = base()
    assert status(ws, observe(("orders", "stripe", 5)))[("shop.orders", "stripe")] == "seen"


def test_a_call_from_a_component_counts_at_its_container() -> None:
    ws, _ = base()
    assert status(ws, observe(("checkout", "stripe", 5)))[("shop.orders", "stripe")] == "seen"


def test_a_relationship_of_a_whole_system_declares_its_containers_calls() -> None:
    ws = Workspace("W")
    s = ws.system("S", "s")
    s.container("A", "a")
    t = ws.system("T", "t")
    s.uses(t, "Integrates")
    assert status(ws, observe(("a", "t", 3)))[("s", "t")] == "seen"


def test_a_call_through_an_untraced_gateway_is_declared() -> None:
    ws, _ = base()
    report = compare(ws, observe(("web", "orders", 7)))
    assert statuses(report)[("shop.web", "shop.gateway")] == "seen"
    assert statuses(report)[("shop.gateway", "shop.orders")] == "seen"
    [evidence] = report.edges[0].evidence
    assert (evidence.how, evidence.via) == ("gateway", "shop.gateway")
    assert not report.with_status("undeclared")


def test_a_traced_gateway_makes_the_direct_call_undeclared() -> None:
    ws, _ = base()
    found = status(ws, observe(("web", "orders", 7), ("web", "gateway", 3)))
    assert found[("shop.web", "shop.orders")] == "undeclared"


def test_a_gateway_seen_only_by_compose_is_still_transparent_to_traces() -> None:
    ws, _ = base()
    observed = observe(("web", "orders", 7))
    observed.add_service("gateway", ObservedSource("compose", "compose.yml", line=3))
    assert status(ws, observed)[("shop.web", "shop.gateway")] == "seen"


def test_a_messaging_pair_is_declared_by_an_event() -> None:
    ws, _ = base()
    report = compare(ws, observe(("orders", "inventory", 40, "messaging_system")))
    assert statuses(report)[("shop.inventory", "shop.orders")] == "seen"
    assert report.edges[-1].status != "undeclared"


def test_a_messaging_pair_through_a_shared_queue_is_declared() -> None:
    ws = Workspace("W")
    s = ws.system("S", "s")
    a, b, q = s.container("A", "a"), s.container("B", "b"), s.queue("Q", "q")
    a.uses(q, "Writes", interaction="async")
    b.uses(q, "Reads", interaction="async")
    found = status(ws, observe(("a", "b", 4, "messaging_system")))
    assert found[("s.a", "s.q")] == found[("s.b", "s.q")] == "seen"


def test_a_database_call_maps_to_the_datastore() -> None:
    ws, _ = base()
    assert (
        status(ws, observe(("orders", "ordersdb", 100, "database")))[
            ("shop.orders", "shop.orders-db")
        ]
        == "seen"
    )


def test_a_call_through_an_unmapped_service_shows_the_declared_dependency() -> None:
    ws, _ = base()
    report = compare(ws, observe(("web", "mesh-proxy", 9), ("mesh-proxy", "gateway", 9)))
    assert statuses(report)[("shop.web", "shop.gateway")] == "seen"
    assert {e.how for e in report.edges[0].evidence} == {"unmapped"}
    assert [s.name for s in report.unmapped] == ["mesh-proxy"]
    assert report.unmapped[0].calls == 18


def test_calls_inside_one_unit_are_ignored() -> None:
    ws, _ = base()
    report = compare(ws, observe(("checkout", "orders", 9)))
    assert not report.with_status("undeclared")


def test_min_calls_drops_rare_pairs() -> None:
    ws, _ = base()
    report = compare(ws, observe(("web", "inventory", 3), ("web", "gateway", 30)), min_calls=5)
    assert report.ignored_pairs == 1
    assert not report.with_status("undeclared")
    assert (
        status(ws, observe(("web", "inventory", 3)))[("shop.web", "shop.inventory")]
        == "undeclared"
    )


def test_judged_only_when_synchronous_and_both_ends_are_observed() -> None:
    ws, _ = base()
    found = status(ws, observe(("web", "gateway", 10)))
    assert found[("shop.gateway", "shop.orders")] == "unjudged"  # orders is not observed
    assert found[("shop.orders", "stripe")] == "unjudged"
    found = status(
        ws, observe(("web", "gateway", 10), ("orders", "inventory", 2, "messaging_system"))
    )
    assert found[("shop.gateway", "shop.orders")] == "unseen"
    assert found[("shop.inventory", "shop.orders")] == "seen"  # the event
    assert found[("shop.orders", "shop.bus")] == "unjudged"  # asynchronous


def test_lifted_status_for_a_landscape() -> None:
    ws, _ = base()
    report = compare(ws, observe(("orders", "stripe", 5), ("web", "stripe", 2)))
    lifted = report.lifted_status(ws, ["shop", "stripe"])
    assert lifted == {("shop", "stripe"): "undeclared"}  # the most telling of seen and undeclared


# -- the rules -------------------------------------------------------------------------------


def test_undeclared_dependency_at_the_calling_element() -> None:
    ws, lines = base()
    [d] = diagnose(ws, observe(("web", "inventory", 1204)))
    assert (d.rule, d.severity) == (
        "undeclared-dependency",
        RULES["undeclared-dependency"].severity,
    )
    assert d.severity == "error"
    assert d.message == (
        "shop.web calls shop.inventory (1,204 calls) but the model declares no such "
        "dependency (seen in deps.json data[0])"
    )
    assert (d.location.file, d.location.line) == (HERE, lines["web"])
    assert d.subject == "shop.web->shop.inventory" and "--suggest" in d.hint


def test_unobserved_dependency_at_the_relationship() -> None:
    ws, lines = base()
    found = diagnose(
        ws, observe(("web", "gateway", 10), ("gateway", "orders", 10), ("inventory", "bus", 3))
    )
    [d] = [d for d in found if d.rule == "unobserved-dependency"]
    assert d.severity == "warning"
    assert d.message.startswith(
        "shop.inventory depends on shop.orders but no observed source shows the call"
    )
    assert (d.location.file, d.location.line) == (HERE, lines["inventory->orders"])
    assert d.subject == "shop.inventory->shop.orders"


def test_unobserved_implied_dependency_names_the_declaring_relationship() -> None:
    ws, lines = base()
    found = diagnose(ws, observe(("orders", "ordersdb", 10, "database"), ("web", "stripe", 1)),
                     rules={"undeclared-dependency": "off"})
    [d] = [d for d in found if d.rule == "unobserved-dependency"]
    assert "(declared as shop.orders.checkout->stripe)" in d.message
    assert d.location.line == lines["checkout->stripe"]


def test_unmapped_service_at_the_observed_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws, _ = base()
    path = tmp_path / "deps.json"
    path.write_text('{"data": [\n  {"parent": "web", "child": "gateway", "callCount": 2},\n'
                    '  {"parent": "web", "child": "ledger", "callCount": 5}\n]}\n')
    from archdoc.drift import ObservedFiles, read_observations

    observed = read_observations(ObservedFiles(jaeger=(path,)))
    [d] = diagnose(ws, observed)
    assert (d.rule, d.severity) == ("unmapped-service", "warning")
    assert (
        d.message == "observed service 'ledger' matches no element of the model (data[1], 5 calls)"
    )
    assert (d.location.file, d.location.line) == (str(path), 3)
    assert "properties={'service.name': 'ledger'}" in d.hint


def test_an_ambiguous_service_lists_the_candidates() -> None:
    ws = Workspace("W")
    ws.system("A", "a").container("API", "a")
    ws.system("B", "b").container("API", "b")
    [d] = diagnose(ws, observe(("api", "b", 1)))
    assert d.rule == "unmapped-service"
    assert "matches several elements equally: a.api, b.api" in d.message


@pytest.mark.parametrize(
    "rule", ["undeclared-dependency", "unobserved-dependency", "unmapped-service"]
)
@pytest.mark.parametrize("severity", ["error", "warning", "off"])
def test_severities_are_configurable(rule: str, severity: str) -> None:
    ws, _ = base()
    observed = observe(
        ("web", "inventory", 5), ("orders", "ordersdb", 1, "database"), ("ghost", "web", 1)
    )
    found = [d for d in diagnose(ws, observed, rules={rule: severity}) if d.rule == rule]
    assert [d.severity for d in found] == ([] if severity == "off" else [severity])


def test_observed_rules_do_not_run_without_observations() -> None:
    ws, _ = base()
    ws.elements["shop.web"].uses("shop.inventory")
    context = RuleContext(config=make_config(), workspace=ws)
    assert not [d for d in run_rules(context) if RULES[d.rule].scope == "observed"]
