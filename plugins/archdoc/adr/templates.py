"""ADR templates: the built-in MADR 4, Nygard and Y-statement ones, and a team's own.

A ``template.md`` in the ADR directory replaces the default template and ``template-<name>.md``
replaces the built-in ``<name>``, as adr-tools users expect. Placeholders are ``{{title}}``,
``{{number}}`` (``0007``), ``{{date}}``, ``{{status}}`` (``{{Status}}`` capitalised) and
``{{deciders}}``; a template without any ``{{`` uses adr-tools' words ``NUMBER``, ``TITLE``,
``DATE`` and ``STATUS``. Substitution is a single pass, so a title containing ``{{date}}`` or
``TITLE`` is written as it was typed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from archdoc.errors import AdrError
from archdoc.source import SourceLocation

__all__ = ["TEMPLATES", "DEFAULT_TEMPLATE", "Template", "find_template", "heading_text", "render"]

TEMPLATES: tuple[str, ...] = ("madr", "nygard", "y-statement")
"""The built-in templates."""
DEFAULT_TEMPLATE = "madr"

_PLACEHOLDER = re.compile(r"\{\{\s*(number|title|date|status|Status|deciders)\s*\}\}")
_EMPTY_VALUE = re.compile(r"^([A-Za-z0-9_-]+):[ \t]+$", re.MULTILINE)
_ADR_TOOLS_WORDS = re.compile(r"\b(NUMBER|TITLE|DATE|STATUS)\b")


@dataclass(frozen=True)
class Template:
    """A template's text and where it came from."""

    name: str
    text: str
    source: Path | None = None
    """The team's template file, or None for a built-in one."""


def _builtin(name: str) -> str:
    return resources.files("archdoc.adr").joinpath("templates", f"{name}.md").read_text("utf-8")


def find_template(name: str | None, adr_dir: Path) -> Template:
    """The template to use: the team's file in ``adr_dir`` if there is one, else the built-in.

    ``name`` None means the default: ``template.md`` if present, else MADR.
    """
    if name is not None and name not in TEMPLATES:
        raise AdrError(f"unknown ADR template {name!r}",
                       hint="choose one of: " + ", ".join(TEMPLATES))
    candidates = [adr_dir / f"template-{name}.md"] if name else [adr_dir / "template.md"]
    for candidate in candidates:
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise AdrError(f"cannot read the ADR template: {exc}",
                               location=SourceLocation(str(candidate), 1),
                               hint="save the template as UTF-8 text") from None
            return Template(name or DEFAULT_TEMPLATE, text, candidate)
    chosen = name or DEFAULT_TEMPLATE
    return Template(chosen, _builtin(chosen))


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if not value:
        return ""
    try:
        if yaml.safe_load(value) == value and "\n" not in value:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def heading_text(title: str) -> str:
    """``title`` for a ``#`` heading: a trailing `` ##`` would be read as a closing sequence, so
    a backslash goes before it (and before an already escaped one); the parser removes it."""
    return re.sub(r"(^|[ \t])(\\*#+)$", r"\1\\\2", title)


def _people_text(names: list[str]) -> str:
    """``Ana, Bram`` when every name is plain YAML; else a flow list ``[Ana, "Bram: lead"]``."""
    quoted = [_yaml_text(n) for n in names]
    if quoted == names and not any("," in n for n in names):
        return ", ".join(names)
    return "[" + ", ".join(quoted) + "]"


def render(
    template: Template,
    *,
    number: int,
    title: str,
    status: str,
    date: dt.date,
    deciders: list[str] | None = None,
) -> str:
    """The text of a new record from ``template``."""
    values = {
        "number": str(number) if template.source is None and template.name == "nygard"
        else f"{number:04d}",
        "title": heading_text(title),
        "date": date.isoformat(),
        "status": status,
        "Status": status[:1].upper() + status[1:],
        "deciders": _people_text(deciders or []),
    }
    text = template.text
    if template.source is not None and "{{" not in text:
        adr_tools = {"NUMBER": str(number), "TITLE": heading_text(title), "DATE": date.isoformat(),
                     "STATUS": values["Status"]}
        return _ADR_TOOLS_WORDS.sub(lambda m: adr_tools[m[1]], text)
    rendered = _PLACEHOLDER.sub(lambda m: values[m[1]], text)
    # An empty value leaves ``key: `` behind; drop the trailing blank the template did not mean.
    return _EMPTY_VALUE.sub(r"\1:", rendered)
