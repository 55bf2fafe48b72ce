"""User rules from ``mkdocs.yml``: ``layers`` and ``forbidden`` (direct and transitive)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from archdoc import Workspace
from archdoc.config import ArchdocConfig, load_config
from archdoc.validation.patterns import matches
from archdoc_testing import diagnose


def config(tmp_path: Path, options: str) -> ArchdocConfig:
    body = textwrap.indent(textwrap.dedent(options).strip("\n"), " " * 6)
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: T\nplugins:\n  - archdoc:\n{body}\n", encoding="utf-8")
    return load_config(path)


def shop() -> Workspace:
    """web (tag edge) -> api (tag service) -> repo component -> db; api ~> bus; worker -> db."""
    ws = Workspace("W")
    s = ws.system("Shop", "d")
    web = s.container("Web", "d", tags=["edge"])
    api = s.container("API", "d", tags=["service"])
    repo = api.component("Repo")
    db = s.database("DB", "d", owner=api)
    bus = s.queue("Bus")
    worker = s.container("Worker", "d", tags=["service"])
    ws.system("Stripe", "d", external=True)
    web.uses(api, "Calls")
    repo.uses(db, "Queries")
    api.uses(bus, "Publishes", interaction="async")
    worker.uses(bus, "Consumes", interaction="async")
    return ws


LAYERS = """
layers:
  - {name: edge, match: ["tag:edge"]}
  - {name: services, match: ["tag:service"]}
  - {name: data, match: ["kind:database", "kind:queue"]}
"""


def findings(ws: Workspace, cfg: ArchdocConfig, rule: str) -> list[str]:
    return [d.message for d in diagnose(ws, cfg) if d.rule == rule]


def test_layers_allow_downward_dependencies(tmp_path: Path) -> None:
    assert findings(shop(), config(tmp_path, LAYERS), "layer-violation") == []


@pytest.mark.parametrize(
    ("source", "destination", "message"),
    [
        (
            "shop.api",
            "shop.web",
            "shop.api (layer 'services') depends on shop.web (layer 'edge', above it)",
        ),
        (
            "shop.db",
            "shop.worker",
            "shop.db (layer 'data') depends on shop.worker (layer 'services', above it)",
        ),
        # a component is in the layer of its closest matching ancestor
        (
            "shop.api.repo",
            "shop.web",
            "shop.api.repo (layer 'services') depends on shop.web (layer 'edge', above it)",
        ),
    ],
)
def test_layer_violation(tmp_path: Path, source: str, destination: str, message: str) -> None:
    ws = shop()
    r = ws.elements[source].uses(destination)
    found = [d for d in diagnose(ws, config(tmp_path, LAYERS)) if d.rule == "layer-violation"]
    assert [d.message for d in found] == [message]
    assert found[0].location == r.location
    assert found[0].subject == r.id


def test_elements_in_no_layer_are_free(tmp_path: Path) -> None:
    ws = shop()
    ws.elements["stripe"].uses("shop.web")
    ws.elements["shop.db"].uses("stripe")
    assert findings(ws, config(tmp_path, LAYERS), "layer-violation") == []


def test_first_matching_layer_wins(tmp_path: Path) -> None:
    ws = shop()
    ws.elements["shop.api"].tags.append("edge")  # now in 'edge' (listed first)
    ws.elements["shop.api"].uses("shop.web")
    assert findings(ws, config(tmp_path, LAYERS), "layer-violation") == []


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ('forbidden:\n  - {from: "tag:edge", to: "kind:database"}', []),
        ('forbidden:\n  - {from: "tag:edge", to: "kind:database", transitive: true}',
         ["shop.web depends on shop.db through shop.web -> shop.api -> shop.db"]),
        ('forbidden:\n  - {from: ["shop.worker"], to: ["shop.bus"], message: "use the API"}',
         ["shop.worker must not depend on shop.bus (use the API)"]),
        ('forbidden:\n  - {from: "shop.*", to: "external"}', []),
        ('forbidden:\n  - {from: "tag:service", to: "kind:queue"}',
         ["shop.api must not depend on shop.bus", "shop.worker must not depend on shop.bus"]),
        # transitive through an async edge and the owning container
        ('forbidden:\n  - {from: "tag:edge", to: "kind:queue", transitive: true}',
         ["shop.web depends on shop.bus through shop.web -> shop.api -> shop.bus"]),
    ],
)
def test_forbidden(tmp_path: Path, options: str, expected: list[str]) -> None:
    assert findings(shop(), config(tmp_path, options), "forbidden-dependency") == expected


def test_forbidden_direct_dependency_is_reported_at_its_relationship(tmp_path: Path) -> None:
    ws = shop()
    r = ws.elements["shop.web"].uses("shop.db", access="read")
    cfg = config(
        tmp_path, 'forbidden:\n  - {from: "tag:edge", to: "kind:database", transitive: true}'
    )
    found = [d for d in diagnose(ws, cfg) if d.rule == "forbidden-dependency"]
    # direct, not also the chain
    assert [d.message for d in found] == ["shop.web must not depend on shop.db"]
    assert found[0].location == r.location


def test_forbidden_transitive_is_reported_at_the_first_relationship_of_the_chain(
    tmp_path: Path,
) -> None:
    ws = shop()
    cfg = config(
        tmp_path, 'forbidden:\n  - {from: "tag:edge", to: "kind:database", transitive: true}'
    )
    [d] = [d for d in diagnose(ws, cfg) if d.rule == "forbidden-dependency"]
    assert d.location == ws.relationships[0].location  # web.uses(api)


def test_user_rule_severity_can_be_lowered(tmp_path: Path) -> None:
    ws = shop()
    ws.elements["shop.api"].uses("shop.web")
    cfg = config(tmp_path, LAYERS + "rules:\n  layer-violation: warning\n")
    assert [d.severity for d in diagnose(ws, cfg) if d.rule == "layer-violation"] == ["warning"]


@pytest.mark.parametrize(
    ("pattern", "matched"),
    [
        ("shop.*", ["shop.web", "shop.api", "shop.api.repo", "shop.db", "shop.bus", "shop.worker"]),
        ("shop.?pi", ["shop.api"]),
        ("tag:service", ["shop.api", "shop.worker"]),
        ("kind:system", ["shop", "stripe"]),
        ("external", ["stripe"]),
        ("stripe", ["stripe"]),
        ("Shop", []),  # ids are case-sensitive
    ],
)
def test_patterns(pattern: str, matched: list[str]) -> None:
    ws = shop()
    assert [e.id for e in ws.elements.values() if matches(e, pattern)] == matched
