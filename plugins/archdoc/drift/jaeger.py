"""Jaeger's ``/api/dependencies`` answer, and Zipkin's ``/api/v2/dependencies`` list.

Jaeger wraps the links in an envelope::

    {"data": [{"parent": "frontend", "child": "orders", "callCount": 1204}, ...],
     "total": 0, "limit": 0, "offset": 0, "errors": null}

Zipkin answers with the bare list (its links may also carry ``errorCount``). The file is read
as a stream, so an export of any size takes constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from archdoc.drift.jsonfile import bad_entry, describe, first_char, open_json, whole_number
from archdoc.drift.observed import ObservedCall, ObservedSource
from archdoc.errors import ObservedError
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["read_jaeger"]

HINT = ('expected Jaeger\'s /api/dependencies answer {"data": [{"parent", "child", "callCount"}]} '
        "or Zipkin's list of links")


def read_jaeger(path: str | Path) -> Iterator[ObservedCall]:
    """Every link of the file as an observed call; an ObservedError for a malformed file."""
    import ijson

    path = Path(path)
    first = first_char(path)
    if first not in ("{", "["):
        raise ObservedError(
            f"{relative_to_cwd(str(path))} is not a Jaeger or Zipkin dependencies file"
            + (" (it is empty)" if not first else f" (it starts with {first!r})"),
            location=SourceLocation(str(path), 1), hint=HINT)
    envelope = first == "{"
    prefix, label = ("data.item", "data") if envelope else ("item", "")
    count = 0
    with open_json(path) as handle:
        for count, entry in enumerate(ijson.items(handle, prefix), 1):
            yield _link(path, f"{label}[{count - 1}]", entry)
    if envelope and count == 0:
        _check_envelope(path)


def _link(path: Path, where: str, entry: Any) -> ObservedCall:
    if not isinstance(entry, dict):
        raise bad_entry(path, where, f"a link must be an object, not {describe(entry)}", HINT)
    names = []
    for key in ("parent", "child"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            missing = key not in entry
            raise bad_entry(
                path,
                f"{where}.{key}",
                "missing" if missing else f"must be a service name, not {describe(value)}",
                HINT,
            )
        names.append(value)
    if "callCount" not in entry:
        raise bad_entry(path, f"{where}.callCount", "missing", HINT)
    calls = whole_number(entry["callCount"])
    if calls is None:
        raise bad_entry(
            path,
            f"{where}.callCount",
            f"must be a whole number of calls, not {describe(entry['callCount'])}",
            HINT,
        )
    return ObservedCall(
        names[0], names[1], calls, "", ObservedSource("jaeger", str(path), path=where)
    )


def _check_envelope(path: Path) -> None:
    """No link was read: an error answer, a wrong shape, or an honest empty list."""
    import ijson

    with open_json(path) as handle:
        top = {key: value for key, value in ijson.kvitems(handle, "")}
    errors = top.get("errors")
    if errors:
        messages = [str(e.get("msg", e)) if isinstance(e, dict) else str(e) for e in errors] \
            if isinstance(errors, list) else [str(errors)]
        raise ObservedError(f"{relative_to_cwd(str(path))} is an error answer of Jaeger: "
                            + "; ".join(messages),
                            location=SourceLocation(str(path), 1),
                            hint="fetch the dependencies again (check endTs and lookback)")
    if "data" not in top:
        raise ObservedError(f"{relative_to_cwd(str(path))} has no \"data\" list",
                            location=SourceLocation(str(path), 1), hint=HINT)
    if top["data"] is not None and not isinstance(top["data"], list):
        raise bad_entry(path, "data", f"must be a list of links, not {describe(top['data'])}", HINT)
