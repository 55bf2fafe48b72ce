"""archdoc's configuration: the ``archdoc`` entry under ``plugins:`` in ``mkdocs.yml``.

The CLI and the MkDocs plugin read the same options from the same place::

    plugins:
      - archdoc:
          model: model
          adr_dir: adr
          rules:
            missing-description: off
          layers:
            - {name: frontend, match: ["tag:frontend"]}
            - {name: services, match: ["shop.*"]}
          forbidden:
            - {from: "tag:service", to: "kind:database", message: "go through the owning API"}
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from archdoc.errors import ConfigError
from archdoc.source import SourceLocation

__all__ = [
    "ArchdocConfig",
    "LayerRule",
    "ForbiddenRule",
    "ObservedConfig",
    "Severity",
    "load_config",
    "config_from_options",
    "find_config_file",
    "CONFIG_FILE",
    "CONFIG_FILES",
]

CONFIG_FILE = "mkdocs.yml"
CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
"""The names a project's configuration goes by: MkDocs' and ProperDocs' (the MkDocs 1.6 fork)."""
Severity = Literal["error", "warning", "off"]


class LayerRule(BaseModel):
    """One layer: the elements whose id or tag matches one of ``match``."""

    model_config = ConfigDict(extra="forbid")

    name: str
    match: list[str]
    """Patterns: an id glob (``shop.*``), ``tag:NAME`` or ``kind:KIND``; one pattern may be a string."""

    @field_validator("match", mode="before")
    @classmethod
    def _one_pattern(cls, value: Any) -> Any:
        return _as_list(value)


class ForbiddenRule(BaseModel):
    """Elements matching ``from`` must not depend on elements matching ``to``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: list[str] = Field(alias="from")
    to: list[str]
    transitive: bool = False
    """Also forbid a dependency through any chain of other elements."""
    message: str = ""
    """Why; shown with each violation."""

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _one_pattern(cls, value: Any) -> Any:
        return _as_list(value)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class ObservedConfig(BaseModel):
    """The observed sources the model is compared with (``archdoc drift``, ``validate``, the site)."""

    model_config = ConfigDict(extra="forbid")

    jaeger: list[str] = []
    """Jaeger ``/api/dependencies`` answers (or Zipkin dependency lists), relative to the root."""
    servicegraph: list[str] = []
    """servicegraph request counters: Prometheus text exposition or a query API answer."""
    compose: list[str] = []
    """Docker Compose files, merged in order as ``docker compose -f`` merges them."""
    min_calls: int = Field(default=0, ge=0)
    """Observed pairs with fewer calls than this are ignored (noise); compose pairs always count."""

    @field_validator("jaeger", "servicegraph", "compose", mode="before")
    @classmethod
    def _one_file(cls, value: Any) -> Any:
        return _as_list(value)


class ArchdocConfig(BaseModel):
    """Every option of archdoc, with its default."""

    model_config = ConfigDict(extra="forbid")

    model: str = "model"
    """The Python package (importable from the project root) that builds the Workspace."""
    adr_dir: str = "adr"
    """The directory of the architecture decision records, relative to the project root."""
    rules: dict[str, Severity] = {}
    """Severity per rule id, overriding the defaults: ``error``, ``warning`` or ``off``."""
    layers: list[LayerRule] = []
    """Ordered layers, top first: a lower layer may not depend on a higher one."""
    forbidden: list[ForbiddenRule] = []
    """Dependencies that must not exist."""
    adr_statuses: list[str] = []
    """The allowed ADR statuses (empty: the built-in lifecycle)."""
    adr_transitions: dict[str, list[str]] = {}
    """Allowed status changes (empty: the built-in lifecycle)."""
    observed: ObservedConfig | None = None
    """Observed dependencies to compare the model with (traces, metrics, compose files)."""

    # Site options, read by the MkDocs plugin.
    section: str = "Architecture"
    """Title of the generated section in the navigation."""
    prefix: str = "architecture"
    """URL prefix of the generated pages."""
    pages: list[str] = []
    """Page groups to generate (empty: all)."""
    offline_mermaid: bool = True
    """Serve the libraries diagrams need (Mermaid, Panzoom) from the built site, taken from npm
    at build time (the default); ``false`` loads them from a CDN."""
    mermaid_js: str = ""
    """Path of ``mermaid.min.js`` for ``offline_mermaid`` (default: found in ``node_modules``)."""
    mermaid_url: str = ""
    """URL Mermaid is loaded from when not offline (default: a public CDN, pinned version)."""
    fail_on: Literal["error", "warning"] = "error"
    """Which validation findings the site build logs as MkDocs warnings (``--strict`` fails on them)."""
    diagrams: dict[str, Any] = {}
    """Diagram options (direction, ...)."""

    root: Path = Field(default_factory=Path.cwd, exclude=True)
    """The project root: the directory of ``mkdocs.yml``."""
    config_file: Path | None = Field(default=None, exclude=True)
    """The file the options were read from, if any."""
    config_line: int = Field(default=0, exclude=True)
    """The line of the ``archdoc`` entry in that file."""

    @field_validator("rules", mode="before")
    @classmethod
    def _yaml_off(cls, value: Any) -> Any:
        """YAML reads a bare ``off`` as ``false``: take it as ``off`` (and ``on`` as ``error``)."""
        if isinstance(value, dict):
            return {k: ("off" if v is False else "error" if v is True else v) for k, v in value.items()}
        return value

    @field_validator("observed", mode="before")
    @classmethod
    def _no_sources(cls, value: Any) -> Any:
        """``observed: {}`` (the MkDocs plugin's default) means no observed sources."""
        return None if value == {} else value

    @property
    def adr_path(self) -> Path:
        return self.root / self.adr_dir

    def location(self) -> SourceLocation | None:
        if self.config_file is None:
            return None
        return SourceLocation(str(self.config_file), self.config_line or 1)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing ``!!python/name:`` or ``!ENV`` tags."""


def _ignore_tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _ignore_tag)  # type: ignore[no-untyped-call]


def config_from_options(
    options: dict[str, Any] | None, *, root: Path, config_file: Path | None = None, line: int = 0
) -> ArchdocConfig:
    """Validate plugin options into an ArchdocConfig; a bad option is a ConfigError at its line."""
    options = dict(options or {})
    location = SourceLocation(str(config_file), line or 1) if config_file else None
    known = set(ArchdocConfig.model_fields) - {"root", "config_file", "config_line"}
    for key in options:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            raise ConfigError(
                f"unknown archdoc option {key!r}",
                location=location,
                hint=f"did you mean {close[0]!r}?" if close else "options: " + ", ".join(sorted(known)),
            )
    try:
        config = ArchdocConfig(**options, root=root, config_file=config_file, config_line=line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"archdoc option {where}: {first['msg']}",
            location=location,
            hint="see the configuration reference in the archdoc docs",
        ) from None
    _check_rule_ids(config, location)
    return config


def _check_rule_ids(config: ArchdocConfig, location: SourceLocation | None) -> None:
    """A severity for a rule that does not exist is a typo: say so, with the closest id."""
    if not config.rules:
        return
    from archdoc.validation.registry import all_rules

    known = sorted(all_rules())
    for rule_id in config.rules:
        if rule_id not in known:
            close = difflib.get_close_matches(rule_id, known, n=1)
            raise ConfigError(
                f"unknown rule {rule_id!r} under `rules:`",
                location=location,
                hint=f"did you mean {close[0]!r}?" if close else "the rule ids are listed by the docs' rule catalog",
            )


def find_config_file(directory: Path | None = None) -> Path:
    """The configuration of the project in ``directory`` (default: the working directory):
    its ``mkdocs.yml``, or its ``properdocs.yml`` (or the ``.yaml`` spelling of either).

    ConfigError when there is none, or when more than one could be meant.
    """
    directory = Path.cwd() if directory is None else directory
    found = [directory / name for name in CONFIG_FILES if (directory / name).is_file()]
    if not found:
        raise ConfigError(
            f"no mkdocs.yml or properdocs.yml in {directory}",
            hint="run the command in the project root, pass -f PATH/mkdocs.yml, "
                 "or create a project with `archdoc init`")
    if len(found) > 1:
        raise ConfigError(
            "more than one configuration here: " + ", ".join(p.name for p in found),
            hint=f"pass the one archdoc should read with -f, e.g. -f {found[0].name}")
    return found[0]


def load_config(path: Path | str | None = None, *, missing_ok: bool = False) -> ArchdocConfig:
    """Read the archdoc options from ``path`` (default: :func:`find_config_file`).

    A missing configuration is a ConfigError: archdoc never guesses a project. Only with
    ``missing_ok`` (the ADR commands, which also keep a decision log in a repository without a
    site) does a working directory without one mean the defaults, rooted there.
    """
    if path is None:
        if missing_ok and not any((Path.cwd() / name).is_file() for name in CONFIG_FILES):
            return ArchdocConfig(root=Path.cwd())
        path = find_config_file()
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"configuration file {path} does not exist",
                          hint="pass the path of your mkdocs.yml (or properdocs.yml) with -f")
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(
            f"{path.name} is not valid YAML: {problem}",
            location=SourceLocation(str(path), line),
            hint="check the indentation and quoting around this line",
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name} must be a mapping of settings",
                          location=SourceLocation(str(path), 1),
                          hint="start with `site_name: ...` and list `plugins:` below it")
    options, line = _archdoc_options(data.get("plugins"), text, path)
    return config_from_options(options, root=path.resolve().parent, config_file=path, line=line)


_PLUGINS_KEY = re.compile(r"^plugins\s*:")
_PLUGIN_ENTRY = re.compile(r"""^\s*(?:-\s*)?["']?archdoc["']?\s*(?::|#|$)""")
"""``- archdoc``, ``- archdoc:``, ``archdoc:`` (the mapping form): the plugin's own line."""


def _archdoc_options(plugins: Any, text: str, path: Path) -> tuple[dict[str, Any], int]:
    lines = text.splitlines()
    start = next((n for n, l in enumerate(lines) if _PLUGINS_KEY.match(l)), 0)
    line = next((n + 1 for n in range(start, len(lines)) if _PLUGIN_ENTRY.match(lines[n])), 0)
    entries: list[Any]
    if plugins is None:
        return {}, 0
    if isinstance(plugins, dict):
        entries = [{k: v} for k, v in plugins.items()]
    elif isinstance(plugins, list):
        entries = plugins
    else:
        raise ConfigError("`plugins` must be a list", location=SourceLocation(str(path), line or 1),
                          hint="write `plugins:` then one `- archdoc` item per line")
    for entry in entries:
        if entry == "archdoc":
            return {}, line
        if isinstance(entry, dict) and "archdoc" in entry:
            options = entry["archdoc"] or {}
            if not isinstance(options, dict):
                raise ConfigError("the archdoc plugin's options must be a mapping",
                                  location=SourceLocation(str(path), line or 1),
                                  hint="indent `model: model` etc. below `- archdoc:`")
            return options, line
    return {}, 0
