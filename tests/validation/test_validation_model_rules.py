"""Each model rule on a minimal model that trips it, and on the nearest model that does not."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from archdoc import Workspace
from archdoc.validation.registry import RULES
from archdoc_testing import diagnose, make_config

HERE = __file__


def here() -> int:
    return sys._getframe(1).f_lineno


def base() -> Workspace:
    """A clean little model: user -> web -> api -> db (owned), all described and connected."""
    ws = Workspace("W")
    user = ws.person("User", "Buys")
    s = ws.system("S", "Sells")
    web, api = s.container("Web", "UI"), s.container("API", "Logic")
    db = s.database("DB", "Data", owner=api)
    user.uses(web)
    web.uses(api)
    api.uses(db)
    return ws


def el(ws: Workspace, id: str):  # type: ignore[no-untyped-def]
    return ws.elements[id]


Build = Callable[[Workspace], int | None]


def dup(ws: Workspace) -> int:
    el(ws, "s").container("Web", "again").uses("s.api")
    return here() - 1


def dangling_rel(ws: Workspace) -> int:
    el(ws, "s.web").uses("s.apx")
    return here() - 1


def dangling_owner(ws: Workspace) -> int:
    el(ws, "s").database("Cache", "c", owner="s.api")  # a string owner is a team: fine
    el(ws, "s").database("Cache2", "c", owner=el(ws, "s.api"))
    el(ws, "s.api").uses("s.cache")
    el(ws, "s.api").uses("s.cache2")
    return None  # type: ignore[return-value]


def dangling_flow(ws: Workspace) -> int:
    with ws.flow("F") as f:
        f.note("s.nope", "?")
    return here() - 1


def dangling_via(ws: Workspace) -> int:
    el(ws, "s.api").publishes("e", via="s.bus")
    return here() - 1


def dangling_deploy(ws: Workspace) -> int:
    node = ws.environment("E").node("N")
    node.deploy(el(ws, "s.web"))
    node.deploy(el(ws, "s.api"))
    node.deploy(el(ws, "s.db"))
    node.deploy("s.gone")
    return here() - 1


def self_use(ws: Workspace) -> int:
    el(ws, "s.api").uses(el(ws, "s.api"))
    return here() - 1


def child_use(ws: Workspace) -> int:
    el(ws, "s").uses(el(ws, "s.web"))
    return here() - 1


def model_to_node(ws: Workspace) -> int:
    node = ws.environment("E").node("N")
    el(ws, "s.web").uses(node)
    return here() - 1


def unbacked(ws: Workspace) -> int:
    with ws.flow("F") as f:
        f.step("user", "s.api")
    return here() - 1


def backed_reply_and_components(ws: Workspace) -> None:
    handler = el(ws, "s.api").component("Handler")
    repo = el(ws, "s.api").component("Repo")
    handler.uses(el(ws, "s.db"))
    with ws.flow("F") as f:
        f.step("s.web", "s.api")            # direct
        f.reply("s.api", "s.web")           # a reply is backed the other way round
        f.step("s.api.handler", "s.db")     # components
        f.step("s.web", "s.api.handler")    # details web.uses(api): backed by the parents
        f.step("s.api.repo", "s.api.handler")  # inside one container, declared below
        f.step("s.api", "s.api")            # a self-call is fine
    repo.uses(handler)


def test_a_relationship_rolled_up_to_a_parent_does_not_back_a_step_to_a_sibling() -> None:
    ws = base()
    with ws.flow("F") as f:
        f.step("user", "s.api")  # user uses s.web, which rolls up to (user, s); s.api is not used
        line = here() - 1
    [d] = [d for d in diagnose(ws) if d.rule == "unbacked-flow-step"]
    assert d.location is not None and d.location.line == line


def cycle(ws: Workspace) -> int:
    el(ws, "s.db").uses(el(ws, "s.web"))
    return None  # type: ignore[return-value]


def async_loop(ws: Workspace) -> None:
    el(ws, "s.db").uses(el(ws, "s.web"), interaction="async")


def two_writers(ws: Workspace) -> int:
    el(ws, "s.web").uses(el(ws, "s.db"), access="write")
    return here() - 1


def reader(ws: Workspace) -> int:
    el(ws, "s.web").uses(el(ws, "s.db"), access="read")
    return here() - 1


def no_owner(ws: Workspace) -> int:
    db = el(ws, "s").database("Cache", "c")
    el(ws, "s.api").uses(db)
    return here() - 2


def external_db(ws: Workspace) -> None:
    db = ws.system("Vendor", "v", external=True).database("Their DB")
    el(ws, "s.api").uses(db)


def no_producer(ws: Workspace) -> int:
    el(ws, "s.api").subscribes("paid", "why")
    return here() - 1


def no_consumer(ws: Workspace) -> int:
    el(ws, "s.api").publishes("paid")
    return here() - 1


def described_event(ws: Workspace) -> None:
    el(ws, "s.api").publishes("paid")
    el(ws, "s.web").subscribes("paid", "refresh")


def no_description(ws: Workspace) -> int:
    el(ws, "s.api").uses(el(ws, "s").container("Mailer"))
    return here() - 1


def no_description_exempt(ws: Workspace) -> None:
    c = el(ws, "s.api").component("K")
    q = el(ws, "s").queue("Q")
    c.uses(q)


def lonely(ws: Workspace) -> int:
    ws.system("Island", "alone")
    return here() - 1


def connected_through_child(ws: Workspace) -> None:
    other = ws.system("Other", "o")
    el(ws, "s.api").uses(other.container("Inner", "i"))


def bad_instances(ws: Workspace) -> int:
    ws.environment("E").node("N", instances="10-2")
    return here() - 1


@pytest.mark.parametrize("good", [3, "3", "2-10", "2..10", None, 0])
def test_good_instances(good: int | str | None) -> None:
    ws = base()
    node = ws.environment("E").node("N", instances=good)
    for c in ("s.web", "s.api", "s.db"):
        node.deploy(c, instances=good)
    assert "invalid-instances" not in [d.rule for d in diagnose(ws)]


def deploy_system(ws: Workspace) -> int:
    node = ws.environment("E").node("N")
    node.deploy(el(ws, "s"))
    return here() - 1


def not_deployed(ws: Workspace) -> int:
    node = ws.environment("E").node("N")
    node.deploy(el(ws, "s.web"))
    node.deploy(el(ws, "s.db"))
    return None  # type: ignore[return-value]


def cross_env(ws: Workspace) -> int:
    a, b = ws.environment("A").node("N"), ws.environment("B").node("N")
    a.uses(b)
    return here() - 1


def unused_infra(ws: Workspace) -> int:
    ws.environment("E").infrastructure("LB")
    return here() - 1


def used_infra(ws: Workspace) -> None:
    env = ws.environment("E")
    lb = env.infrastructure("LB")
    lb.uses(env.node("N"))
    env.infrastructure("DNS").uses(lb)


CASES: list[tuple[str, str, Build, Build | None]] = [
    ("duplicate-id", "duplicate id 's.web'", dup, None),
    ("dangling-reference", "destination 's.apx' is not in the model", dangling_rel, None),
    ("dangling-reference", "participant 's.nope' is not in the model", dangling_flow, None),
    ("dangling-reference", "via 's.bus' is not in the model", dangling_via, None),
    (
        "dangling-reference",
        "deployed container 's.gone' is not in the model",
        dangling_deploy,
        dangling_owner,
    ),
    ("relationship-not-allowed", "s.api uses itself", self_use, None),
    ("relationship-not-allowed", "s and s.web are parent and child", child_use, None),
    (
        "relationship-not-allowed",
        "joins a model element and a deployment node",
        model_to_node,
        None,
    ),
    (
        "unbacked-flow-step",
        "step user -> s.api is backed by no relationship",
        unbacked,
        backed_reply_and_components,
    ),
    (
        "sync-cycle",
        "synchronous dependency cycle: s.web -> s.api -> s.db -> s.web",
        cycle,
        async_loop,
    ),
    (
        "multiple-writers",
        "datastore s.db is written by 2 containers: s.api, s.web",
        two_writers,
        reader,
    ),
    ("foreign-datastore-access", "s.web reads s.db, which s.api owns", reader, two_writers),
    ("datastore-without-owner", "datastore s.cache has no owner", no_owner, external_db),
    (
        "event-without-producer",
        "event 'paid' has consumers but no producer",
        no_producer,
        described_event,
    ),
    (
        "event-without-consumer",
        "event 'paid' is published but never consumed",
        no_consumer,
        described_event,
    ),
    (
        "missing-description",
        "container s.mailer has no description",
        no_description,
        no_description_exempt,
    ),
    (
        "unconnected-element",
        "software system island has no relationship",
        lonely,
        connected_through_child,
    ),
    ("invalid-instances", "instances='10-2' is not a count or a range", bad_instances, None),
    ("invalid-deployment", "deploys software system s", deploy_system, None),
    ("container-not-deployed", "container s.api is deployed in no environment", not_deployed, None),
    ("cross-environment-relationship", "a.n (a) uses b.n (b)", cross_env, None),
    ("unused-infrastructure", "infrastructure node e.lb runs nothing", unused_infra, used_infra),
]


@pytest.mark.parametrize(("rule", "message", "trip", "near_miss"), CASES,
                         ids=[f"{c[0]}:{c[2].__name__}" for c in CASES])
def test_rule(rule: str, message: str, trip: Build, near_miss: Build | None) -> None:
    assert diagnose(base()) == [], "the base model must be clean"
    ws = base()
    line = trip(ws)
    found = [d for d in diagnose(ws) if d.rule == rule]
    assert [d.message for d in found if message in d.message], [d.message for d in found]
    [d] = [d for d in found if message in d.message]
    assert d.severity == RULES[rule].severity
    assert d.hint
    if line is not None:
        assert d.location is not None
        assert (d.location.file, d.location.line) == (HERE, line)
    if near_miss is not None:
        ws = base()
        near_miss(ws)
        assert [d.message for d in diagnose(ws) if d.rule == rule] == []


def test_sync_cycle_is_reported_at_the_first_sync_relationship_of_the_cycle() -> None:
    ws = base()
    cycle(ws)
    [d] = [d for d in diagnose(ws) if d.rule == "sync-cycle"]
    assert d.location == ws.relationships[1].location  # web.uses(api): the cycle starts at web


@pytest.mark.parametrize(
    ("severity", "expected"), [("error", "error"), ("warning", "warning"), ("off", None)]
)
def test_severity_is_configurable_per_rule(severity: str, expected: str | None) -> None:
    ws = base()
    lonely(ws)
    found = diagnose(ws, make_config(rules={"unconnected-element": severity}))
    assert [d.severity for d in found if d.rule == "unconnected-element"] == (
        [expected] if expected else []
    )


def test_diagnostics_are_sorted_by_file_and_line() -> None:
    ws = base()
    lonely(ws)
    no_consumer(ws)
    self_use(ws)
    found = diagnose(ws)
    keys = [(d.location.file, d.location.line) for d in found if d.location]
    assert keys == sorted(keys)


def test_every_rule_documents_itself() -> None:
    for rule in RULES.values():
        assert rule.id == rule.id.lower() and " " not in rule.id
        assert rule.severity in ("error", "warning")
        assert rule.summary.endswith(".") and "\n" not in rule.summary
        assert len(rule.explanation) > 40 and "  " not in rule.explanation
