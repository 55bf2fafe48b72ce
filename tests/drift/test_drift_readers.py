"""Each reader on fixture files in the formats the tools write, and on malformed ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc.drift import (
    ObservedFiles,
    read_compose,
    read_jaeger,
    read_observations,
    read_servicegraph,
)
from archdoc.drift.compose import ComposeService, compose_services
from archdoc.errors import ObservedError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
JAEGER, SERVICEGRAPH, COMPOSE = FIXTURES / "jaeger", FIXTURES / "servicegraph", FIXTURES / "compose"


def calls(records) -> list[tuple[str, str, int | None, str]]:  # type: ignore[no-untyped-def]
    return [(c.client, c.server, c.calls, c.connection_type) for c in records
            if not isinstance(c, ComposeService)]


# -- Jaeger and Zipkin ------------------------------------------------------------------------


def test_jaeger_envelope() -> None:
    found = list(read_jaeger(JAEGER / "dependencies.json"))
    assert calls(found) == [
        ("storefront", "order-api", 1204, ""), ("storefront", "search", 311, ""),
        ("order-api", "stripe", 150, ""), ("storefront", "inventory", 42, ""),
        ("search", "recommendations", 80, ""), ("inventory", "stripe", 3, "")]
    assert [c.source.path for c in found][:2] == ["data[0]", "data[1]"]
    assert found[0].source.kind == "jaeger"
    assert str(found[0].source).endswith("dependencies.json data[0]")


def test_zipkin_list() -> None:
    found = list(read_jaeger(JAEGER / "zipkin.json"))
    assert calls(found) == [("storefront", "order-api", 900, ""), ("order-api", "stripe", 75, "")]
    assert found[1].source.path == "[1]"


def test_an_empty_answer_is_no_calls(tmp_path: Path) -> None:
    path = tmp_path / "deps.json"
    path.write_text('{"data": [], "total": 0, "errors": null}')
    assert list(read_jaeger(path)) == []


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("truncated.json", "is not valid JSON: Unterminated string", 1),
        (
            "bad-call-count.json",
            "data[1].callCount: must be a whole number of calls, not \"many\"",
            None,
        ),
        ("missing-child.json", "data[0].child: missing", None),
        ("error-answer.json", "is an error answer of Jaeger: unable to parse param 'endTs'", 1),
        (
            "not-dependencies.yml",
            "is not a Jaeger or Zipkin dependencies file (it starts with 'd')",
            1,
        ),
    ],
)
def test_malformed_jaeger(name: str, message: str, line: int | None) -> None:
    with pytest.raises(ObservedError) as caught:
        list(read_jaeger(JAEGER / name))
    error = caught.value
    assert name in error.message and message in error.message, error.message
    assert error.hint
    if line is None:
        assert error.location is None  # the JSON path is in the message
    else:
        assert error.location is not None and error.location.line == line
        assert error.location.file.endswith(name)


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deps.json"
    path.write_text(
        '{\n  "data": [\n    {"parent": "a", "child": "b", "callCount": 1},\n'
        '    {"parent": "a" "child": "c"}\n  ]\n}\n'
    )
    with pytest.raises(ObservedError) as caught:
        list(read_jaeger(path))
    assert caught.value.location is not None and caught.value.location.line == 4
    assert "Expecting ',' delimiter" in caught.value.message


# -- servicegraph ---------------------------------------------------------------------------


def test_servicegraph_exposition_with_other_metrics_and_escaping() -> None:
    found = list(read_servicegraph(SERVICEGRAPH / "metrics.txt"))
    assert calls(found) == [
        ("order-api", "orders", 5022, "database"), ("order-api", "orders", 3, "database"),
        ("order-api", "inventory", 870, "messaging_system"), ("storefront", "order-api", 1190, ""),
        ('web "legacy" proxy', "storefront", 7, "")]
    assert [c.source.line for c in found] == [6, 7, 8, 9, 10]


def test_servicegraph_legacy_name_without_total() -> None:
    found = list(read_servicegraph(SERVICEGRAPH / "legacy.txt"))
    # virtual_node is a direct call; a float counter is rounded to whole calls
    assert calls(found) == [("storefront", "search", 250, ""), ("order-api", "stripe", 120, "")]


def test_servicegraph_query_vector() -> None:
    found = list(read_servicegraph(SERVICEGRAPH / "query.json"))
    assert calls(found) == [
        ("storefront", "order-api", 1204, ""),
        ("order-api", "orders", 5025, "database"),
        ("storefront", "inventory", 42, ""),
    ]
    assert found[2].source.path == "data.result[2]"


def test_servicegraph_query_matrix_counts_the_last_sample_and_skips_other_metrics() -> None:
    assert calls(read_servicegraph(SERVICEGRAPH / "query-range.json")) == [
        ("storefront", "search", 311, "")
    ]


@pytest.mark.parametrize(("name", "message", "line"), [
    ("bad-labels.txt", "is not valid Prometheus text exposition: Invalid labels", 3),
    ("bad-value.txt", "is not valid Prometheus text exposition", 2),
    ("no-server.txt", "a request-counter sample has no 'server' label", 1),
    ("query-error.json", "is an error answer of Prometheus: 1:34: parse error", 1),
    ("query-no-client.json", "data.result[0].metric: has no 'client' label", None),
    ("query-scalar.json", "the query answered a scalar resultType", 1),
])
def test_malformed_servicegraph(name: str, message: str, line: int | None) -> None:
    with pytest.raises(ObservedError) as caught:
        list(read_servicegraph(SERVICEGRAPH / name))
    error = caught.value
    assert name in error.message and message in error.message, error.message
    assert error.hint
    if line is None:
        assert error.location is None
    else:
        assert error.location is not None and (
            (Path(error.location.file).name, error.location.line) == (name, line)
        )


# -- compose --------------------------------------------------------------------------------


def test_compose_merges_files_as_compose_does() -> None:
    services = compose_services(
        [COMPOSE / "docker-compose.yml", COMPOSE / "docker-compose.override.yml"]
    )
    assert list(services) == [
        "web",
        "api-gateway",
        "order-api",
        "orders-db",
        "search",
        "stripe-mock",
        "collector",
        "inventory",
        "recommendations",
    ]
    assert services["web"].name == "storefront"  # OTEL_SERVICE_NAME, over the merged anchor
    assert services["order-api"].name == "order-api"  # the anchor's environment has no name
    deps = {k: list(s.dependencies()) for k, s in services.items() if s.dependencies()}
    assert deps == {
        "web": ["api-gateway"],
        "api-gateway": ["order-api", "search"],
        "order-api": ["orders-db", "stripe-mock"],  # depends_on (with restart) and links
        "search": ["recommendations"],
        "inventory": ["order-api", "orders-db"],
    }
    source, _ = services["inventory"].depends_on["orders-db"]
    assert (Path(source.file).name, source.line) == ("docker-compose.override.yml", 4)
    assert services["api-gateway"].depends_on["search"][0].line == 19


def test_compose_reset_and_override_tags() -> None:
    services = compose_services(
        [
            COMPOSE / "docker-compose.yml",
            COMPOSE / "docker-compose.override.yml",
            COMPOSE / "reset.override.yml",
        ]
    )
    assert services["inventory"].dependencies() == {}
    assert list(services["api-gateway"].dependencies()) == ["order-api"]


def test_compose_calls_carry_observed_names() -> None:
    found = calls(read_compose([COMPOSE / "docker-compose.yml"]))
    assert ("storefront", "api-gateway", None, "") in found
    assert ("order-api", "stripe-mock", None, "") in found


@pytest.mark.parametrize(("name", "message", "line"), [
    ("undefined.yml", "service 'web' depends on undefined service 'cache'", 5),
    ("bad-condition.yml", "depends_on.api.condition must be one of", 5),
    ("broken.yml", "is not valid YAML", 4),
    ("services-list.yml", "`services` must be a mapping", 2),
])
def test_malformed_compose(name: str, message: str, line: int) -> None:
    with pytest.raises(ObservedError) as caught:
        compose_services([COMPOSE / name])
    error = caught.value
    assert message in error.message, error.message
    assert error.hint
    assert error.location is not None and (Path(error.location.file).name, error.location.line) == (
        name,
        line,
    )


# -- all together ---------------------------------------------------------------------------


def test_read_observations_adds_up_series_and_keeps_the_first_place() -> None:
    observed = read_observations(ObservedFiles(
        jaeger=(JAEGER / "dependencies.json",), servicegraph=(SERVICEGRAPH / "metrics.txt",),
        compose=(COMPOSE / "docker-compose.yml",)))
    db = observed.pairs[("order-api", "orders", "database")]
    assert db.calls == 5025 and db.counts == {"servicegraph": 5025}
    front = observed.pairs[("storefront", "order-api", "")]
    assert front.counts == {"jaeger": 1204, "servicegraph": 1190}
    assert front.calls == 1204  # sources that count see the same calls: the largest, not the sum
    assert [s.kind for s in front.sources] == ["jaeger", "servicegraph"]
    gateway = observed.pairs[("storefront", "api-gateway", "")]
    assert gateway.calls is None and gateway.counts == {"compose": None}
    assert "collector" in observed.standalone and "collector" in observed.services
    assert [k for k, _ in observed.files] == ["jaeger", "servicegraph", "compose"]


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ObservedError, match="does not exist"):
        read_observations(ObservedFiles(jaeger=(tmp_path / "nope.json",)))


def test_huge_exposition_streams(tmp_path: Path) -> None:
    """A file read line by line: 20,000 series of 2,000 pairs, other metrics between them."""
    path = tmp_path / "metrics.txt"
    with path.open("w") as out:
        out.write("# TYPE traces_service_graph_request_total counter\n")
        for i in range(20_000):
            out.write(
                f'traces_service_graph_request_total{{client="s{i % 2000}",'
                f'server="s{(i + 1) % 2000}",'
                f'failed="{i % 2 == 0}"}} {i}\n'
            )
            if i % 100 == 0:
                out.write(f"other_metric{{i=\"{i}\"}} 1\n")
    observed = read_observations(ObservedFiles(servicegraph=(path,)))
    assert len(observed.pairs) == 2000
    assert observed.pairs[("s0", "s1", "")].calls == sum(range(0, 20_000, 2000))
