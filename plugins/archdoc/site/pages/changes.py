"""The "Architecture changes" page: the recent commits that changed the model or the decisions.

Built from ``git log`` of the model package and the ADR directory when the site is built in a
git checkout; without git, outside a checkout or without such commits there is no page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from archdoc.errors import RevisionError
from archdoc.adr.records import Adr
from archdoc.git import Repository
from archdoc.render.tables import table
from archdoc.render.text import md_cell, md_code
from archdoc.site.context import SiteContext
from archdoc.site.layout import Page
from archdoc.site.pages.base import PageGroup

__all__ = ["GROUP", "HISTORY_LIMIT", "changes_page"]

HISTORY_LIMIT = 30
"""Commits listed, newest first."""
FILES_SHOWN = 4


@dataclass
class _Commit:
    sha: str
    short: str
    date: str
    author: str
    subject: str
    files: list[tuple[str, str, str]] = field(default_factory=list)
    """(status letter, path, former path for a rename) of each changed file."""


def _parse(log: str) -> list[_Commit]:
    commits = []
    for record in log.split("\x1e"):
        lines = [line for line in record.splitlines() if line.strip()]
        if not lines or lines[0].count("\x1f") != 4:
            continue
        sha, short, date, author, subject = lines[0].split("\x1f")
        commit = _Commit(sha, short, date, author, subject)
        for line in lines[1:]:
            parts = line.split("\t")
            if len(parts) == 2:
                commit.files.append((parts[0][:1], parts[1], ""))
            elif len(parts) == 3:
                commit.files.append((parts[0][:1], parts[2], parts[1]))
        commits.append(commit)
    return commits


def changes_page(context: SiteContext) -> Page | None:
    """The page, or None when there is no history to show."""
    root = context.workspace.root
    if root is None or context.model_dir is None:
        return None
    try:
        repository = Repository.containing(Path(root))
    except RevisionError:
        return None
    adr_dir = Path(context.adrs.directory) if context.adrs is not None else None
    places: dict[str, PurePosixPath] = {}
    for name, directory in (("model", context.model_dir), ("decisions", adr_dir)):
        if directory is not None and directory.exists():
            try:
                places[name] = repository.relative(directory)
            except RevisionError:
                continue
    if not places:
        return None
    commits = _parse(repository.log(list(places.values()), limit=HISTORY_LIMIT))
    if not commits:
        return None
    path = context.layout.group("changes")
    records = {r.file.name: r for r in context.adr_records()}
    rows = [
        [
            c.date,
            md_code(c.short),
            md_cell(c.subject),
            md_cell(c.author),
            _files(c, places.get("model")),
            _decisions(context, path, c, places.get("decisions"), records),
        ]
        for c in commits
    ]
    where = " or ".join(f"the {name} ({md_code(str(p) + '/')})" for name, p in places.items())
    lines = [
        "# Architecture changes", "",
        f"The {len(commits)} most recent commits that changed {where}, newest first. "
        "`archdoc diff REV` shows what a change does to the architecture: elements, "
        "relationships, decisions, findings and the impact.", "",
        table(["Date", "Commit", "Summary", "Author", "Model files", "Decisions"], rows),
    ]
    return Page(path, "Architecture changes", "\n".join(lines) + "\n")


_STATUS = {"A": "new", "D": "deleted", "R": "renamed"}


def _below(path: str, directory: PurePosixPath | None) -> str | None:
    if directory is None:
        return None
    prefix = "" if str(directory) == "." else str(directory) + "/"
    return path[len(prefix):] if path.startswith(prefix) else None


def _files(commit: _Commit, model: PurePosixPath | None) -> str:
    shown = []
    for status, file, former in commit.files:
        name = _below(file, model)
        if name is None:
            continue
        note = f" ({_STATUS[status]})" if status in _STATUS else ""
        if status == "R" and (old := _below(former, model)) is not None:
            note = f" (renamed from {md_code(old)})"
        shown.append(md_code(name) + note)
    text = ", ".join(shown[:FILES_SHOWN])
    return text + (f" +{len(shown) - FILES_SHOWN} more" if len(shown) > FILES_SHOWN else "")


def _decisions(context: SiteContext, page: str, commit: _Commit, adr: PurePosixPath | None,
               records: dict[str, Adr]) -> str:
    shown = []
    for status, file, _ in commit.files:
        name = _below(file, adr)
        if name is None or "/" in name or not name.endswith((".md", ".markdown")):
            continue
        record = records.get(name)
        label = f"ADR-{record.number:04d}" if record is not None else md_code(name)
        if record is not None:
            target = context.layout.decision(record.file.stem)
            label = f"[{label}]({context.layout.md_link(page, target)})"
        shown.append(label + (f" ({_STATUS[status]})" if status in _STATUS else ""))
    return ", ".join(shown)


GROUP = PageGroup("changes", lambda context: [page] if (page := changes_page(context)) else [])
