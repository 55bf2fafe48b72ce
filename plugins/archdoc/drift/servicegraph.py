"""The OpenTelemetry Collector servicegraph connector's request counter.

``traces_service_graph_request_total{client, server, connection_type}`` (or, from exporters
that add no ``_total`` suffix, ``traces_service_graph_request``), read from either

- a Prometheus text exposition (what ``/metrics`` serves: ``# HELP``/``# TYPE`` lines, other
  metrics mixed in, escaped label values), parsed line by line with prometheus-client's parser,
  so that a file of any size takes constant memory; or
- a Prometheus query API answer (``/api/v1/query``): ``{"status": "success", "data":
  {"resultType": "vector", "result": [{"metric": {...}, "value": [ts, "42"]}]}}``; a ``matrix``
  (``/api/v1/query_range``) counts the last sample of each series.

Several series of one client and server (other labels, several collectors) add up.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from archdoc.drift.jsonfile import bad_entry, describe, first_char, open_json
from archdoc.drift.observed import ObservedCall, ObservedSource, connection_type
from archdoc.errors import ObservedError
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["METRIC_NAMES", "read_servicegraph"]

METRIC_NAMES = frozenset({"traces_service_graph_request_total", "traces_service_graph_request"})
"""The sample names of the request counter, with and without the ``_total`` suffix."""

QUERY_HINT = ("query Prometheus with sum by (client, server, connection_type) "
              "(increase(traces_service_graph_request_total[7d]))")


def read_servicegraph(path: str | Path) -> Iterator[ObservedCall]:
    """Every request-counter series of the file as an observed call."""
    path = Path(path)
    if first_char(path) == "{":
        yield from _read_query_answer(path)
    else:
        yield from _read_exposition(path)


# -- text exposition ------------------------------------------------------------------------


def _read_exposition(path: Path) -> Iterator[ObservedCall]:
    from prometheus_client.parser import text_string_to_metric_families

    name = relative_to_cwd(str(path))
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ObservedError(f"cannot read {name}: {exc.strerror}",
                            hint="check the path of the observed source") from None
    number = 0
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    families = list(text_string_to_metric_families(line))
                except (ValueError, IndexError, KeyError, TypeError) as exc:
                    detail = str(exc).split(": ", 1)[0] if str(exc) else "unreadable line"
                    raise ObservedError(
                        f"{name} is not valid Prometheus text exposition: {detail}",
                        location=SourceLocation(str(path), number),
                        hint="samples are `name{label=\"value\",...} value`; quote and escape "
                             "label values") from None
                for family in families:
                    for sample in family.samples:
                        if sample.name in METRIC_NAMES:
                            call = _series(path, number, sample.labels, sample.value)
                            if call is not None:
                                yield call
        except UnicodeDecodeError as exc:
            raise ObservedError(f"{name} is not UTF-8 text (byte {exc.start})",
                                location=SourceLocation(str(path), number + 1),
                                hint="save the metrics as UTF-8 text") from None


def _series(path: Path, line: int, labels: dict[str, str], value: float) -> ObservedCall | None:
    for label in ("client", "server"):
        if label not in labels:
            raise ObservedError(
                f"{relative_to_cwd(str(path))}: a request-counter sample has no {label!r} label",
                location=SourceLocation(str(path), line),
                hint="keep the client and server labels (sum by (client, server, connection_type))")
    if not math.isfinite(value) or value < 0:
        raise ObservedError(
            f"{relative_to_cwd(str(path))}: the request counter is {value}, not a count of calls",
            location=SourceLocation(str(path), line), hint="a counter is a finite number >= 0")
    client, server = labels["client"], labels["server"]
    if not client or not server:
        return None  # an edge with an unknown end tells nothing about the model
    return ObservedCall(
        client,
        server,
        round(value),
        connection_type(labels.get("connection_type", "")),
        ObservedSource("servicegraph", str(path), line=line),
    )


# -- query API answer -----------------------------------------------------------------------


def _read_query_answer(path: Path) -> Iterator[ObservedCall]:
    import ijson

    status = error = result_type = None
    builder: Any = None
    index = 0
    with open_json(path) as handle:
        for prefix, event, value in ijson.parse(handle):
            if builder is not None:
                builder.event(event, value)
                if prefix == "data.result.item" and event == "end_map":
                    call = _result(path, f"data.result[{index}]", builder.value)
                    if call is not None:
                        yield call
                    builder, index = None, index + 1
            elif prefix == "data.result.item":
                if result_type is not None and result_type not in ("vector", "matrix"):
                    raise _wrong_type(path, result_type)
                if event != "start_map":
                    raise bad_entry(
                        path,
                        f"data.result[{index}]",
                        f"a series must be an object, not {describe(value)}",
                        QUERY_HINT,
                    )
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
            elif prefix == "status" and event == "string":
                status = value
            elif prefix == "error" and event == "string":
                error = value
            elif prefix == "data.resultType" and event == "string":
                result_type = value
    name = relative_to_cwd(str(path))
    if status == "error":
        raise ObservedError(f"{name} is an error answer of Prometheus: {error or 'no message'}",
                            location=SourceLocation(str(path), 1), hint=QUERY_HINT)
    if status != "success":
        raise ObservedError(
            f"{name} is not a Prometheus query API answer (no \"status\": \"success\")",
            location=SourceLocation(str(path), 1),
            hint=QUERY_HINT,
        )
    if result_type not in ("vector", "matrix"):
        raise _wrong_type(path, result_type)


def _wrong_type(path: Path, result_type: str | None) -> ObservedError:
    return ObservedError(
        f"{relative_to_cwd(str(path))}: the query answered a {result_type or 'missing'} "
        "resultType, not a vector of series",
        location=SourceLocation(str(path), 1),
        hint=QUERY_HINT,
    )


def _result(path: Path, where: str, series: dict[str, Any]) -> ObservedCall | None:
    metric = series.get("metric")
    if not isinstance(metric, dict):
        raise bad_entry(path, f"{where}.metric", "missing or not an object of labels", QUERY_HINT)
    if "__name__" in metric and metric["__name__"] not in METRIC_NAMES:
        return None  # another metric in the answer
    for label in ("client", "server"):
        if not isinstance(metric.get(label), str):
            raise bad_entry(path, f"{where}.metric", f"has no {label!r} label", QUERY_HINT)
    if "value" in series:
        sample, at = series["value"], f"{where}.value"
    elif isinstance(series.get("values"), list) and series["values"]:
        sample, at = series["values"][-1], f"{where}.values[{len(series['values']) - 1}]"
    else:
        raise bad_entry(path, where, "has no \"value\" (nor \"values\")", QUERY_HINT)
    calls = _sample_value(sample)
    if calls is None:
        raise bad_entry(
            path, at, f"must be [timestamp, \"count\"], not {describe(sample)}", QUERY_HINT
        )
    client, server = metric["client"], metric["server"]
    if not client or not server:
        return None
    return ObservedCall(
        client,
        server,
        calls,
        connection_type(str(metric.get("connection_type", ""))),
        ObservedSource("servicegraph", str(path), path=where),
    )


def _sample_value(sample: Any) -> int | None:
    if not isinstance(sample, list) or len(sample) != 2 or not isinstance(sample[1], str):
        return None
    try:
        value = float(sample[1])
    except ValueError:
        return None
    if not math.isfinite(value) or value < 0:
        return None
    return round(value)
