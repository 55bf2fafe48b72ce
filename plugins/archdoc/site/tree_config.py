"""The configuration of a plugin-free docs tree: the user's ``mkdocs.yml`` made to stand alone.

It is the user's configuration with the archdoc plugin taken out and what the plugin adds at
build time written in: the generated navigation section, archdoc's stylesheet and script, the
generated pages that only links reach. Paths that the engines resolve against the configuration
file's directory are rewritten to still point at the user's files from the tree's directory.
Tags (``!ENV``, ``!!python/name:``, ``!relative``) are kept as written, for the engine to resolve.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from archdoc.errors import ConfigError
from archdoc.source import SourceLocation

__all__ = [
    "DOCS_DIR",
    "SITE_DIR",
    "Tagged",
    "TreeSettings",
    "dump_yaml",
    "load_yaml",
    "read_config",
    "hidden_patterns",
    "setting",
    "tree_config",
]

DOCS_DIR = "docs"
"""The tree's docs directory, below the tree."""
SITE_DIR = "site"
"""Where the engines write the site, below the tree (Zensical requires it inside)."""


@dataclass(frozen=True)
class Tagged:
    """A YAML value with an application tag (``!ENV [SITE_URL, ""]``), kept for the engine."""

    tag: str
    value: Any
    style: str
    """``scalar``, ``sequence`` or ``mapping``: the node the tag was on."""


class _Loader(yaml.SafeLoader):
    """Reads a configuration, keeping every tag it does not know as a :class:`Tagged`."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node), "scalar")
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True), "sequence")
    return Tagged(node.tag, loader.construct_mapping(node, deep=True), "mapping")  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(yaml.SafeDumper):
    """Writes a configuration back, tags included, keys in the order they were written."""


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if data.style == "sequence":
        return dumper.represent_sequence(data.tag, data.value)
    if data.style == "mapping":
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data.rstrip("\n") and not data.startswith(" ") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(Tagged, _represent_tagged)
_Dumper.add_representer(str, _represent_str)


def load_yaml(text: str, path: Path) -> Any:
    """The YAML of ``path``; a ConfigError at the line of a syntax error."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"{path.name} is not valid YAML: {getattr(exc, 'problem', None) or exc}",
            location=SourceLocation(str(path), mark.line + 1 if mark is not None else 1),
            hint="check the indentation and quoting around this line",
        ) from None


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,  # noqa: S506
                     default_flow_style=False, width=100)


def read_config(path: Path) -> dict[str, Any]:
    """The configuration in ``path``, with the file it ``INHERIT``s merged in as the engines
    merge it (mappings key by key, any other value replaced)."""
    data = load_yaml(path.read_text(encoding="utf-8"), path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name} must be a mapping of settings",
                          location=SourceLocation(str(path), 1),
                          hint="start with `site_name: ...` and list `plugins:` below it")
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    base = (path.parent / str(parent)).resolve()
    if not base.is_file():
        raise ConfigError(
            f"INHERIT: {parent} does not exist",
            location=SourceLocation(str(path), 1),
            hint="the path is relative to the directory of the configuration file",
        )
    return _merge(read_config(base), data)


def setting(data: dict[str, Any], key: str, default: Any) -> Any:
    """A top-level setting, with ``!ENV`` resolved as the engines resolve it (the first set
    variable, else the last item as the default)."""
    value = data.get(key, default)
    if isinstance(value, Tagged) and value.tag == "!ENV":
        names = value.value if isinstance(value.value, list) else [value.value]
        for name in names[:-1] if len(names) > 1 else names:
            if isinstance(name, str) and name in os.environ:
                return yaml.safe_load(os.environ[name])
        return names[-1] if len(names) > 1 else default
    return value


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True)
class TreeSettings:
    """What the tree adds to the user's configuration."""

    source_dir: Path
    """The directory of the user's configuration file."""
    tree_dir: Path
    """The directory the tree's configuration is written to."""
    nav_section: dict[str, Any]
    extra_css: tuple[str, ...]
    extra_javascript: tuple[str, ...]
    not_in_nav: tuple[str, ...]
    """Patterns (as ``not_in_nav`` writes them) of the generated pages that are not listed in
    the navigation."""


def tree_config(data: dict[str, Any], settings: TreeSettings) -> dict[str, Any]:
    """The stand-alone configuration of the tree (``data`` is left as it was)."""
    out = dict(data)
    out["docs_dir"] = DOCS_DIR
    # Zensical requires the site inside the directory of its configuration file.
    out["site_dir"] = SITE_DIR
    if "plugins" in out:
        out["plugins"] = _without_archdoc(out["plugins"])
    theme = out.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        out["theme"] = {**theme, "custom_dir": _moved(theme["custom_dir"], settings)}
    for key in ("hooks", "watch"):
        if isinstance(out.get(key), list):
            out[key] = [_moved(p, settings) if isinstance(p, str) else p for p in out[key]]
    if isinstance(out.get("nav"), list):
        out["nav"] = [*out["nav"], settings.nav_section]
    out["extra_css"] = _extended(out.get("extra_css"), settings.extra_css)
    out["extra_javascript"] = _extended(out.get("extra_javascript"), settings.extra_javascript)
    if settings.not_in_nav:
        patterns = "".join(f"{p}\n" for p in settings.not_in_nav)
        existing = out.get("not_in_nav")
        if isinstance(existing, str) and existing.strip():
            patterns = existing.rstrip("\n") + "\n" + patterns
        out["not_in_nav"] = patterns
    return out


def hidden_patterns(hidden: list[str], files: set[str]) -> tuple[str, ...]:
    """``not_in_nav`` patterns for the ``hidden`` pages among all ``files`` of the docs: a
    directory whose every file is hidden as ``/dir/``, every other hidden page by its path."""
    hidden_set = set(hidden)
    shown_dirs = {d for f in files - hidden_set for d in _parents(f)}
    patterns: set[str] = set()
    for page in hidden:
        whole = [d for d in _parents(page) if d not in shown_dirs]
        patterns.add(f"/{whole[-1]}/" if whole else f"/{page}")
    return tuple(sorted(patterns))


def _parents(path: str) -> list[str]:
    """``a/b/c.md`` -> ``["a/b", "a"]``: the directories holding ``path``, innermost first."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _without_archdoc(plugins: Any) -> Any:
    if isinstance(plugins, dict):
        return {k: v for k, v in plugins.items() if k != "archdoc"}
    if isinstance(plugins, list):
        return [
            p for p in plugins if p != "archdoc" and not (isinstance(p, dict) and "archdoc" in p)
        ]
    return plugins


def _moved(path: str, settings: TreeSettings) -> str:
    """A path written relative to the user's configuration, relative to the tree's instead."""
    if os.path.isabs(path):
        return path
    target = (settings.source_dir / path).resolve()
    return Path(os.path.relpath(target, settings.tree_dir.resolve())).as_posix()


def _extended(values: Any, added: tuple[str, ...]) -> list[Any]:
    current = list(values) if isinstance(values, list) else []
    return current + [a for a in added if a not in current]
