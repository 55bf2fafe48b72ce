"""Reading one ADR file, whichever way a team wrote it.

Supported, unchanged:

- adr-tools / Nygard: ``# 12. Title``, ``Date: 2024-01-31`` (or ``31/01/2024``), a ``## Status``
  section whose first line is the status and whose link lines are ``Verb [N. Title](NNNN-x.md)``
  ("Supercedes" / "Superceded by" spellings included);
- MADR 2: bullets under the title (``* Status: ...``, ``* Deciders: ...``, ``* Date: ...``);
- MADR 3 / 4: YAML front matter (``deciders`` / ``decision-makers``, ``status: "superseded by
  ADR-0123"``), unknown keys kept in :attr:`Adr.extra`;
- log4brains: ``YYYYMMDD-slug.md`` names, bullets with ``Tags:``.

A missing status means accepted. Anything that makes a file unreadable is an :class:`AdrError`
naming the file and line (:func:`parse_adr`); :func:`read_adr`, which the log uses, keeps the
record with what could be read (its number, the title after a broken front matter) and marks
it with the problem, so the log never loses a decision and archdoc never edits such a file.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from archdoc.adr.discover import parse_file_name
from archdoc.adr.lifecycle import normalise_status
from archdoc.adr.records import Adr, AdrFormat, AdrLink
from archdoc.errors import AdrError
from archdoc.source import SourceLocation

__all__ = [
    "parse_adr",
    "parse_adr_text",
    "parse_date",
    "link_kind",
    "read_adr",
    "split_front_matter",
]

_FM_LINK_KEYS = ("supersedes", "superseded-by", "amends", "amended-by", "relates")
_H1 = re.compile(r"^#[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*$")
_HEADING = re.compile(r"^#{1,6}\s")
_TITLE_NUMBER = (
    re.compile(r"^(?P<num>\d+)\.\s+(?P<title>.*)$"),
    re.compile(r"^ADR[-_ ]?(?P<num>\d+)\s*[:.\-\u2013\u2014]\s*(?P<title>.*)$", re.IGNORECASE),
)
_BULLET = re.compile(r"^\s*[-*+]\s+(?P<key>[A-Za-z][A-Za-z \-]*?)\s*:\s*(?P<value>.*?)\s*$")
_PLAIN = re.compile(
    r"^(?P<key>Date|Status|Deciders|Decision-makers|Consulted|Informed|Tags|Affects)\s*:\s*"
    r"(?P<value>.*?)\s*$",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:status\s*:\s*)?(?P<verb>[A-Za-z][A-Za-z \-]*?)\s*:?\s*"
    r"\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]+)\)\s*$",
    re.IGNORECASE,
)
_STATUS_REF = re.compile(
    r"^(?P<verb>super[sc]eded\s+by|amended\s+by)\s+\[?\s*(?:ADR[-_ ]?)?(?P<num>\d+)", re.IGNORECASE
)
_KNOWN_VERBS = {
    "supersedes": "supersedes", "supercedes": "supersedes",
    "superseded by": "superseded-by", "superceded by": "superseded-by",
    "amends": "amends", "amended by": "amended-by",
    "relates to": "relates", "related to": "relates", "relates": "relates",
}


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as written: ``2024-13-01`` is a finding, not a crash."""


_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)  # type: ignore[arg-type]
)


def link_kind(verb: str) -> str:
    """``Superceded by`` -> ``superseded-by``; a team's own verb becomes its lowercase slug."""
    words = " ".join(verb.lower().split())
    return _KNOWN_VERBS.get(words) or words.replace(" ", "-")


def parse_date(value: Any) -> tuple[dt.date | None, bool]:
    """A date and whether it was written in ISO form; ``(None, False)`` if unreadable."""
    if isinstance(value, dt.datetime):
        return value.date(), True
    if isinstance(value, dt.date):
        return value, True
    text = str(value).strip().strip("\"'")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text), True
        except ValueError:
            return None, False
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if m:  # adr-tools wrote 31/01/2024; take month/day order only when day-first is impossible
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (a, b) if b <= 12 else (b, a)
        try:
            return dt.date(year, month, day), False
        except ValueError:
            return None, False
    m = re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), False
        except ValueError:
            return None, False
    return None, False


def _people(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if not text or (text.startswith("{") and text.endswith("}")):  # an unfilled MADR placeholder
        return []
    return [p.strip().strip("`") for p in re.split(r"[,;]", text) if p.strip().strip("`")]


def _target_from(text: str, href: str) -> int | None:
    name = href.rsplit("/", 1)[-1]
    if name:
        number = parse_file_name(name).number
        if number is not None:
            return number
    m = re.match(r"^\s*(?:ADR[-_ ]?)?(\d+)\b", text, re.IGNORECASE)
    return int(m[1]) if m else None


def split_front_matter(text: str, file: str) -> tuple[dict[str, Any], dict[str, int], int]:
    """The front matter as a mapping, the line of each top-level key, and its closing line
    (0: none)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, {}, 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise AdrError("front matter is not closed", location=SourceLocation(file, 1),
                       hint="end the YAML front matter with a line holding only `---`")
    block = "\n".join(lines[1:end])
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader) if block.strip() else {}  # noqa: S506
    except yaml.YAMLError as exc:
        # The line where the broken construct starts (an unclosed `[` or quote), else where
        # the parser gave up: the problem mark of an unclosed bracket is lines further down.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        raise AdrError(
            f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
            location=SourceLocation(file, line),
            hint="quote values containing `: ` or `#`, e.g. status: \"superseded by ADR-0003\"",
        )
    if not isinstance(data, dict):
        raise AdrError("front matter must be a mapping of keys", location=SourceLocation(file, 2),
                       hint="write `key: value` lines between the two `---` lines")
    key_lines: dict[str, int] = {}
    for i in range(1, end):
        m = re.match(r"^([A-Za-z0-9_-]+)\s*:", lines[i])
        if m:
            key_lines.setdefault(m[1].lower(), i + 1)
    return {str(k).lower(): v for k, v in data.items()}, key_lines, end + 1


def parse_adr(path: Path) -> Adr:
    """Read the record in ``path``; an AdrError with file and line if it cannot be read."""
    record, problem = read_adr(path)
    if problem is not None:
        raise problem
    return record


def read_adr(path: Path) -> tuple[Adr, AdrError | None]:
    """The record in ``path`` and what made it unreadable, if anything.

    A file that cannot be read completely is still a record: its number comes from the file
    name, its title from the ``# Title`` line when that can be read, and :attr:`Adr.problem`
    says what went wrong (the status of a record whose front matter is broken is ``unknown``).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = AdrError(f"cannot read ADR file: {exc.strerror or exc}",
                           location=SourceLocation(str(path), 1),
                           hint="check the file's permissions")
        return _unreadable(path, problem), problem
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = AdrError("ADR file is not UTF-8 text", location=SourceLocation(str(path), line),
                           hint="re-save the file as UTF-8")
        text = raw.decode("utf-8-sig", errors="replace")
        try:
            record = parse_adr_text(text, path)
        except AdrError:
            record = parse_adr_text(text, path, ignore_front_matter=True)
        return _with_problem(record, problem), problem
    try:
        return parse_adr_text(text, path), None
    except AdrError as problem:
        return _with_problem(parse_adr_text(text, path, ignore_front_matter=True), problem), problem


def _with_problem(record: Adr, problem: AdrError) -> Adr:
    assert problem.location is not None
    update: dict[str, Any] = {"problem": problem.message, "problem_line": problem.location.line}
    if not record.status_declared:
        update["status"] = "unknown"
    return record.model_copy(update=update)


def _unreadable(path: Path, problem: AdrError) -> Adr:
    info = parse_file_name(path.name)
    return Adr(
        number=info.number or 0,
        number_source="file" if info.number is not None else "order",
        title=path.stem,
        status="unknown",
        status_declared=False,
        file=path,
        problem=problem.message,
        problem_line=1,
    )


def _skip_front_matter(text: str) -> int:
    """The line after a front matter that could not be parsed (0 when it is not closed)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    return 0 if end is None else end + 1


def parse_adr_text(text: str, path: Path, *, ignore_front_matter: bool = False) -> Adr:
    """Read a record from its text; ``path`` gives the number and the locations.

    With ``ignore_front_matter``, a front matter is skipped unread (it did not parse).
    """
    file = str(path)
    fm: dict[str, Any]
    key_lines: dict[str, int]
    if ignore_front_matter:
        fm, key_lines, fm_end = {}, {}, _skip_front_matter(text)
    else:
        fm, key_lines, fm_end = split_front_matter(text, file)
    lines = text.splitlines()
    name_info = parse_file_name(path.name)
    fields: dict[str, Any] = {"file": path, "lines": {}}
    at: dict[str, int] = fields["lines"]
    if fm_end:
        at["front_matter_end"] = fm_end
    links: list[AdrLink] = []

    # -- title -----------------------------------------------------------------------------
    title, title_number, title_index = "", None, None
    for i in range(fm_end, len(lines)):
        m = _H1.match(lines[i])
        if m:
            title, title_index = re.sub(r"(^|[ \t])\\(\\*#+)$", r"\1\2", m["title"]), i
            for pattern in _TITLE_NUMBER:
                tm = pattern.match(title)
                if tm and name_info.number in (None, int(tm["num"])):
                    title_number, title = int(tm["num"]), tm["title"].strip()
                    break
            at["title"] = i + 1
            break
    if not title and isinstance(fm.get("title"), str):
        title = fm["title"].strip()
        at["title"] = key_lines.get("title", 1)
    fields["title"] = title
    body_start = title_index + 1 if title_index is not None else fm_end
    fields["body"] = "\n".join(lines[body_start:]).strip("\n") + "\n"

    if name_info.number is not None:
        fields["number"], fields["number_source"] = name_info.number, "file"
    elif title_number is not None:
        fields["number"], fields["number_source"] = title_number, "title"
    else:
        fields["number"], fields["number_source"] = 0, "order"

    # -- metadata: front matter, header lines, the Status section ---------------------------
    meta: dict[str, tuple[Any, int]] = {k: (v, key_lines.get(k, 1)) for k, v in fm.items()}
    header_end = next(
        (i for i in range(body_start, len(lines)) if _HEADING.match(lines[i])), len(lines)
    )
    bullets = False
    for i in range(body_start, header_end):
        m = _BULLET.match(lines[i]) or _PLAIN.match(lines[i])
        if m:
            key = m["key"].strip().lower().replace(" ", "-")
            bullets = bullets or lines[i].lstrip()[:1] in "-*+"
            meta.setdefault(key, (m["value"], i + 1))
            at["header_last"] = i + 1
        elif _LINK_LINE.match(lines[i]):
            at["header_last"] = i + 1
        _collect_link(lines[i], i + 1, links)
    status_section = _section(lines, "status", body_start)
    if status_section is not None:
        head, start, end = status_section
        at["status_section"] = head + 1
        content = [i for i in range(start, end) if lines[i].strip()]
        if content and "status" not in meta:
            meta["status"] = (lines[content[0]].strip(), content[0] + 1)
        at["link_anchor"] = (content[-1] + 1) if content else head + 1
        for i in content:
            _collect_link(lines[i], i + 1, links, any_verb=True)
    links_section = _section(lines, "links", body_start)
    if links_section is not None:
        head, start, end = links_section
        for i in range(start, end):
            _collect_link(lines[i], i + 1, links, any_verb=True)

    # -- fields ------------------------------------------------------------------------------
    extra: dict[str, Any] = {}
    for key, (value, line) in meta.items():
        if key == "status":
            fields["status_text"] = "" if value is None else str(value).strip()
            fields["status"] = normalise_status(fields["status_text"])
            at["status"] = line
            ref = _STATUS_REF.match(fields["status_text"].strip("*_ "))
            if ref and not any(lk.line == line for lk in links):
                links.append(
                    AdrLink(kind=link_kind(ref["verb"]), target=int(ref["num"]), line=line)
                )
        elif key == "date":
            if value is not None and str(value).strip():
                fields["date"], fields["date_iso"] = parse_date(value)
                fields["date_text"] = (
                    value.isoformat() if isinstance(value, dt.date) else str(value)
                )
                at["date"] = line
        elif key in ("deciders", "decision-makers"):
            fields["deciders"] = _people(value)
            at["deciders"] = line
        elif key in ("consulted", "informed", "tags", "affects"):
            fields[key] = _people(value)
            at[key] = line
        elif key in _FM_LINK_KEYS and key in fm:
            for item in value if isinstance(value, list) else [value]:
                target = _target_from(str(item), str(item))
                links.append(AdrLink(kind=key, target=target, href="", line=line))
        elif key in fm:
            extra[key] = value
    fields["extra"] = extra
    fields["links"] = links
    if not fields.get("status_text"):
        fields["status"], fields["status_declared"] = "accepted", False
    if not fields.get("date") and not fields.get("date_text") and name_info.dated:
        fields["date"], fields["date_text"] = name_info.dated, name_info.dated.isoformat()
    fields["format"] = _detect_format(fm, path, bullets, status_section is not None, text)
    return Adr(**fields)


def _section(lines: list[str], name: str, start: int) -> tuple[int, int, int] | None:
    """(heading index, first content index, end index) of the ``## name`` section."""
    for i in range(start, len(lines)):
        m = re.match(r"^(#{2,3})\s+(.*?)\s*#*\s*$", lines[i])
        if m and m[2].strip().lower() == name:
            end = next(
                (j for j in range(i + 1, len(lines)) if _HEADING.match(lines[j])), len(lines)
            )
            return i, i + 1, end
    return None


def _collect_link(line: str, number: int, links: list[AdrLink], *, any_verb: bool = False) -> None:
    m = _LINK_LINE.match(line)
    if not m or re.match(r"^[a-z][a-z+.-]*:", m["href"]):  # external URLs are not ADR links
        return
    kind = link_kind(m["verb"])
    if not any_verb and kind not in _KNOWN_VERBS.values() and not kind.endswith("-by"):
        return
    if kind in ("status", "date", "deciders"):
        return
    links.append(AdrLink(kind=kind, target=_target_from(m["text"], m["href"]),
                         href=m["href"], line=number))


def _detect_format(fm: dict[str, Any], path: Path, bullets: bool, status_section: bool,
                   text: str) -> AdrFormat:
    if re.search(r"\*{0,2}in the context of\*{0,2}", text, re.IGNORECASE) and (
        re.search(r"\*{0,2}we decided\*{0,2}", text, re.IGNORECASE)
    ):
        return "y-statement"
    if fm:
        return "madr3" if "deciders" in fm else "madr4"
    if parse_file_name(path.name).dated and bullets:
        return "log4brains"
    if bullets:
        return "madr2"
    if status_section:
        return "nygard"
    return "plain"
