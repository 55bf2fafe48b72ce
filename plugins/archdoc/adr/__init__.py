"""Architecture decision records: reading a team's ADR directory and writing new records.

``load_log(config)`` reads every record (adr-tools, MADR 2/3/4, log4brains) into an
:class:`AdrLog` of :class:`Adr` records; :func:`create_adr`, :func:`change_status` and
:func:`link_adrs` are what ``archdoc new-adr`` and ``archdoc adr ...`` do.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archdoc.adr.discover import adr_files, find_adr_dir
    from archdoc.adr.lifecycle import Lifecycle, normalise_status
    from archdoc.adr.log import AdrLog, load_log, read_log
    from archdoc.adr.operations import NewAdr, change_status, create_adr, link_adrs
    from archdoc.adr.parse import parse_adr
    from archdoc.adr.records import Adr, AdrFormat, AdrLink, AdrParseWarning, inverse_link
    from archdoc.adr.templates import TEMPLATES
    from archdoc.adr.write import slugify

_HOMES = {
    "adr_files": "discover", "find_adr_dir": "discover",
    "Lifecycle": "lifecycle", "normalise_status": "lifecycle",
    "AdrLog": "log", "load_log": "log", "read_log": "log",
    "NewAdr": "operations", "change_status": "operations", "create_adr": "operations",
    "link_adrs": "operations",
    "parse_adr": "parse",
    "Adr": "records", "AdrFormat": "records", "AdrLink": "records",
    "AdrParseWarning": "records", "inverse_link": "records",
    "TEMPLATES": "templates",
    "slugify": "write",
}
"""The module of each public name: a module is imported when one of its names is first used
(PEP 562), so that reading the log does not load the writing of records."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Adr",
    "AdrFormat",
    "AdrLink",
    "AdrLog",
    "AdrParseWarning",
    "Lifecycle",
    "NewAdr",
    "TEMPLATES",
    "adr_files",
    "change_status",
    "create_adr",
    "find_adr_dir",
    "inverse_link",
    "link_adrs",
    "load_log",
    "normalise_status",
    "parse_adr",
    "read_log",
    "slugify",
]
