"""One side of a diff, taken in a process of its own: ``python -m archdoc.diff.snapshot``.

Importing a model runs it, and two revisions of the same package cannot live in one
interpreter (their modules share names), so ``archdoc diff`` starts this entry point once per
side, in that side's project directory. It writes one JSON document:

- ``export``: what ``archdoc export --format json`` prints;
- ``findings``: what ``archdoc validate --format json`` lists under ``diagnostics``;
- ``decisions``: the ADR log (number, title, status, date, affects, links in both directions);

or, when the model cannot load, ``error``: the message, the user's file and line, the hint.
File names are relative to the side's project directory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archdoc.adr.log import AdrLog

__all__ = ["SNAPSHOT_FORMAT", "Snapshot", "take_snapshot", "main"]

SNAPSHOT_FORMAT = "archdoc.snapshot/1"


@dataclass
class Snapshot:
    """One side as the comparison reads it."""

    export: dict[str, Any]
    findings: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    missing: str | None = None
    """The model package, when this side does not have it (compared as an empty model)."""

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Snapshot:
        return cls(export=data["export"], findings=data.get("findings", []),
                   decisions=data.get("decisions", []), missing=data.get("missing"))


def take_snapshot(config_file: str | None, *, missing_is_empty: bool = False) -> dict[str, Any]:
    """The snapshot of the project in the working directory (its configuration ``config_file``)."""
    from archdoc.config import load_config
    from archdoc.errors import ArchdocError

    try:
        # A base revision from before the project had a configuration is an empty one too.
        config = load_config(config_file, missing_ok=missing_is_empty)
        if missing_is_empty and not _model_exists(config.root, config.model):
            return {"format": SNAPSHOT_FORMAT, "missing": config.model, **_empty()}
        return {"format": SNAPSHOT_FORMAT, **_loaded(config)}
    except ArchdocError as exc:
        location = exc.location
        return {"format": SNAPSHOT_FORMAT, "error": {
            "message": exc.message, "hint": exc.hint or "",
            "file": _relative(location.file) if location else None,
            "line": location.line if location else None,
        }}


def _model_exists(root: Path, package: str) -> bool:
    path = root / package.replace(".", "/")
    return path.is_dir() or path.with_suffix(".py").is_file()


def _empty() -> dict[str, Any]:
    return {"export": {"name": "", "elements": [], "relationships": [], "events": [],
                       "flows": [], "environments": [], "deployment_nodes": [], "deployments": [],
                       "failure_modes": []},
            "findings": [], "decisions": []}


def _loaded(config: Any) -> dict[str, Any]:
    from archdoc.export import export_json
    from archdoc.project import load_project, validate_project
    from archdoc.validation.report import diagnostic_record

    # The model's own prints must not end up in the snapshot, nor on archdoc's stdout.
    with contextlib.redirect_stdout(sys.stderr):
        project = load_project(config=config)
        diagnostics = validate_project(project)
    return {
        "export": json.loads(export_json(project.workspace, root=config.root)),
        "findings": [diagnostic_record(d) for d in diagnostics],
        "decisions": _decisions(project.adrs),
    }


def _decisions(log: AdrLog | None) -> list[dict[str, Any]]:
    if log is None:
        return []
    return [
        {
            "number": r.number,
            "title": r.title,
            "status": r.status,
            "date": r.date.isoformat() if r.date else (r.date_text or None),
            "affects": list(r.affects),
            "links": [
                f"{lk.kind} {lk.target:04d}" for lk in log.links(r.number) if lk.target is not None
            ],
            "file": _relative(str(r.file)),
        }
        for r in log
    ]


def _relative(file: str) -> str:
    path = os.path.relpath(file) if os.path.isabs(file) else file
    return file if path.startswith("..") else path.replace(os.sep, "/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archdoc.diff.snapshot",
                                     description="One side of `archdoc diff` (internal).")
    parser.add_argument("--config", default=None, help="the side's mkdocs.yml, if it has one")
    parser.add_argument("--out", required=True, help="where to write the snapshot (JSON)")
    parser.add_argument("--missing-is-empty", action="store_true",
                        help="a side without the model package is an empty model, not an error")
    args = parser.parse_args(argv)
    snapshot = take_snapshot(args.config, missing_is_empty=args.missing_is_empty)
    text = json.dumps(snapshot, ensure_ascii=False)
    temporary = Path(args.out + ".part")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
