"""The decision log: every record of the ADR directory, with links resolved both ways."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from archdoc.adr.discover import adr_files, find_adr_dir, parse_file_name
from archdoc.adr.lifecycle import Lifecycle
from archdoc.adr.parse import read_adr
from archdoc.adr.records import INVERSE_LINK, Adr, AdrLink, AdrParseWarning, inverse_link
from archdoc.adr.write import temp_files
from archdoc.errors import AdrError

if TYPE_CHECKING:
    from archdoc.config import ArchdocConfig

__all__ = ["AdrLog", "load_log", "next_number", "read_log"]


class AdrLog:
    """The records of one ADR directory, in number order, and what could not be read."""

    def __init__(
        self,
        *,
        directory: Path,
        records: list[Adr],
        warnings: list[AdrParseWarning] | None = None,
        lifecycle: Lifecycle | None = None,
    ) -> None:
        self.directory = directory
        """The ADR directory (it may not exist yet)."""
        self.records = sorted(records, key=lambda r: (r.number, r.file.name))
        """Every record read, by number then file name (duplicate numbers are both kept)."""
        self.warnings = list(warnings or [])
        """Files that could not be parsed, with file and line."""
        self.lifecycle = lifecycle or Lifecycle()
        """The allowed statuses and transitions."""
        self.temp_files = temp_files(directory)
        """Temporary files an interrupted archdoc command left in the directory."""
        self._by_number: dict[int, list[Adr]] = {}
        for record in self.records:
            self._by_number.setdefault(record.number, []).append(record)

    def __iter__(self) -> Iterator[Adr]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def __contains__(self, number: object) -> bool:
        return number in self._by_number

    def __repr__(self) -> str:
        return f"<AdrLog {self.directory}: {len(self.records)} records>"

    @property
    def numbers(self) -> list[int]:
        """The distinct record numbers, ascending."""
        return sorted(self._by_number)

    def get(self, number: int) -> Adr | None:
        """The record with this number (the first by file name if there are duplicates)."""
        found = self._by_number.get(number)
        return found[0] if found else None

    def all_with(self, number: int) -> list[Adr]:
        """Every record carrying ``number`` (more than one after two branches merged)."""
        return list(self._by_number.get(number, []))

    def require(self, number: int) -> Adr:
        """The record with this number, or an AdrError listing the numbers there are."""
        found = self.get(number)
        if found is None:
            known = self.numbers
            raise AdrError(
                f"no ADR number {number} in {self.directory}",
                hint=(f"existing ADRs are numbered {known[0]}-{known[-1]}" if known
                      else "the ADR directory is empty; create one with `archdoc new-adr`"),
            )
        return found

    def next_number(self) -> int:
        """The highest number + 1."""
        return (max(self._by_number) + 1) if self._by_number else 1

    def links(self, number: int) -> list[AdrLink]:
        """Links of record ``number`` in both directions: those it declares, then those implied
        by other records' links to it (marked ``declared=False``)."""
        record = self.get(number)
        if record is None:
            return []
        result = list(record.links)
        seen = {(lk.kind, lk.target) for lk in result}
        for other in self.records:
            if other.number == number:
                continue
            for lk in other.links:
                if lk.target != number or lk.kind not in INVERSE_LINK:
                    continue  # a team's own verbs (adr-tools ``-l``) are written on both sides
                implied = (inverse_link(lk.kind), other.number)
                if implied not in seen:
                    seen.add(implied)
                    result.append(AdrLink(kind=implied[0], target=other.number, declared=False))
        return result

    def successors(self, number: int) -> list[int]:
        """The records that supersede ``number`` (declared on either side)."""
        return sorted({lk.target for lk in self.links(number)
                       if lk.kind == "superseded-by" and lk.target is not None})

    def affecting(self, element_id: str) -> list[Adr]:
        """The records whose ``affects`` names ``element_id``: shown on the element's page."""
        return [r for r in self.records if element_id in r.affects]


def read_log(directory: Path, *, lifecycle: Lifecycle | None = None) -> AdrLog:
    """Read every record in ``directory``; unreadable files become warnings.

    Records whose file name and title carry no number (log4brains' date-named files) take the
    lowest numbers that no numbered record has, in file-name order. A file that cannot be read
    completely is kept as a record (see :func:`archdoc.adr.parse.read_adr`) and reported.
    """
    records: list[Adr] = []
    warnings: list[AdrParseWarning] = []
    for path in adr_files(directory):
        record, problem = read_adr(path)
        records.append(record)  # kept, with what could be read: its neighbours still link to it
        if problem is not None:
            assert problem.location is not None
            warnings.append(AdrParseWarning(message=problem.message, location=problem.location,
                                            hint=problem.hint or ""))
    # Records with no number in their name or title take the lowest numbers no other record
    # has, in file-name order. A new record is numbered above every existing one, so adding it
    # never moves these numbers (a link written to one of them keeps pointing at it).
    taken = {r.number for r in records if r.number_source != "order"}
    free = (n for n in itertools.count(1) if n not in taken)
    by_name: dict[str, int] = {}
    numbered: list[Adr] = []
    for record in records:
        if record.number_source == "order":
            record = record.model_copy(update={"number": next(free)})
        numbered.append(record)
        by_name[record.file.name] = record.number
    resolved = [_resolve_links(r, by_name) for r in numbered]
    return AdrLog(directory=directory, records=resolved, warnings=warnings, lifecycle=lifecycle)


def _resolve_links(record: Adr, by_name: dict[str, int]) -> Adr:
    """Point links written as file names (log4brains) at the numbers the log gave those files."""
    if not any(lk.href for lk in record.links):
        return record
    links = []
    for lk in record.links:
        name = lk.href.split("#", 1)[0].rsplit("/", 1)[-1]
        if name and name in by_name:
            lk = lk.model_copy(update={"target": by_name[name]})
        elif name and not name.endswith((".md", ".markdown")) and name + ".md" in by_name:
            lk = lk.model_copy(update={"target": by_name[name + ".md"]})
        elif lk.target is None and name and parse_file_name(name).number is not None:
            lk = lk.model_copy(update={"target": parse_file_name(name).number})
        links.append(lk)
    return record.model_copy(update={"links": links})


def load_log(config: ArchdocConfig, *, directory: str | Path | None = None) -> AdrLog:
    """The project's decision log: the ADR directory found from ``config`` (or ``directory``)."""
    return read_log(find_adr_dir(config, directory), lifecycle=Lifecycle.from_config(config))


def next_number(directory: Path) -> int:
    """Highest number in the directory + 1, whatever the naming style.

    Numbered names (``0007-x.md``, ``ADR-0007-x.md``) and titles (``# 7. X``) count; records
    with neither (log4brains' dated files) are numbered after them, as the log does.
    """
    log = read_log(directory)
    from_names = [
        n for p in directory.glob("*.md") if (n := parse_file_name(p.name).number) is not None
    ] if directory.is_dir() else []
    return max(log.next_number(), max(from_names, default=0) + 1)
