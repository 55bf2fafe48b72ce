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
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from archdoc.errors import ConfigError
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = [
    "ArchdocConfig",
    "CONFIG_FILE",
    "CONFIG_FILES",
    "DiagramOptions",
    "ForbiddenRule",
    "LayerRule",
    "ObservedConfig",
    "PAGE_GROUPS",
    "PageGroup",
    "Severity",
    "config_from_options",
    "find_config_file",
    "find_project",
    "load_config",
    "option_lines",
    "user_options",
]

CONFIG_FILE = "mkdocs.yml"
CONFIG_FILES: tuple[str, ...] = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
"""The names a project's configuration goes by, in this order: MkDocs' and ProperDocs' (the
MkDocs 1.6 fork)."""
Severity = Literal["error", "warning", "off"]
PageGroup = Literal["home", "elements", "views", "dependencies", "events", "data", "flows",
                    "technologies", "deployment", "decisions", "observed", "changes"]
PAGE_GROUPS: tuple[str, ...] = get_args(PageGroup)
"""The page groups a site can generate (option ``pages``; all by default)."""


class LayerRule(BaseModel):
    """One layer: the elements whose id or tag matches one of ``match``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    match: list[str]
    """Patterns: an id glob (``shop.*``), ``tag:NAME`` or ``kind:KIND``; one pattern may be a
    string."""

    @field_validator("match", mode="before")
    @classmethod
    def _one_pattern(cls, value: Any) -> Any:
        return _as_list(value)


class ForbiddenRule(BaseModel):
    """Elements matching ``from`` must not depend on elements matching ``to``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

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
    """The observed sources the model is compared with (``archdoc drift``, ``validate``, the
    site)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

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


class DiagramOptions(BaseModel):
    """The ``diagrams:`` options: how the site draws its views. Each field is one option."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, defer_build=True)

    direction: Literal["TB", "LR", "BT", "RL"] = "TB"
    """Direction of the C4 views: top to bottom (``TB``), left to right (``LR``), or reversed."""
    deployment: Literal["diagrams", "mermaid"] = "diagrams"
    """How deployment views are drawn: the ``diagrams`` package with Graphviz, or Mermaid."""
    engine: Literal["graphviz", "mermaid"] = "graphviz"
    """How static and deployment views are drawn: laid out by Graphviz at build time (SVG in the
    page), or by Mermaid in the reader's browser. Flows are always Mermaid sequence diagrams."""
    max_view_elements: int = Field(default=1000, ge=1, strict=True)
    """The largest view drawn as a diagram (elements); bigger ones are listed in tables."""
    max_view_relationships: int = Field(default=3000, ge=1, strict=True)
    """The largest view drawn as a diagram (relationships)."""


class ArchdocConfig(BaseModel):
    """Every option of archdoc, with its default. The MkDocs plugin's options are these fields."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, defer_build=True)

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
    pages: list[PageGroup] = []
    """Page groups to generate (empty: all)."""
    offline_mermaid: bool = True
    """Serve the libraries diagrams need (Mermaid, Panzoom) from the built site, taken from npm
    at build time (the default); ``false`` loads them from a CDN."""
    mermaid_js: str = ""
    """Path of ``mermaid.min.js`` for ``offline_mermaid`` (default: found in ``node_modules``)."""
    mermaid_url: str = ""
    """URL Mermaid is loaded from when not offline (default: a public CDN, pinned version)."""
    fail_on: Literal["error", "warning"] = "error"
    """Which validation findings the site build logs as MkDocs warnings (``--strict`` fails on
    them)."""
    diagrams: DiagramOptions = Field(default_factory=DiagramOptions)
    """Diagram options: ``direction``, ``deployment``, ``max_view_elements``."""

    root: Path = Field(default_factory=Path.cwd, exclude=True)
    """The project root: the directory of ``mkdocs.yml``."""
    config_file: Path | None = Field(default=None, exclude=True)
    """The file the options were read from, if any."""
    config_line: int = Field(default=0, exclude=True)
    """The line of the ``archdoc`` entry in that file."""
    option_lines: dict[str, int] = Field(default_factory=dict, exclude=True)
    """The line of each option the user wrote, by dotted path (``diagrams.direction``)."""
    docs_dir: Path | None = Field(default=None, exclude=True)
    """The site's hand-written pages (``docs_dir`` of mkdocs.yml), when read from a file."""

    @field_validator("rules", mode="before")
    @classmethod
    def _yaml_off(cls, value: Any) -> Any:
        """YAML reads a bare ``off`` as ``false``: take it as ``off`` (and ``on`` as ``error``)."""
        if isinstance(value, dict):
            return {
                k: ("off" if v is False else "error" if v is True else v) for k, v in value.items()
            }
        return value

    @field_validator("observed", mode="before")
    @classmethod
    def _no_sources(cls, value: Any) -> Any:
        """``observed: {}`` (the MkDocs plugin's default) means no observed sources."""
        return None if value == {} else value

    @property
    def adr_path(self) -> Path:
        return self.root / self.adr_dir

    def location(self, option: str | None = None) -> SourceLocation | None:
        """Where ``option`` (a dotted path) is written, else the ``archdoc`` entry; None without a
        file."""
        if self.config_file is None:
            return None
        line = _line_of(self.option_lines, option) if option else 0
        return SourceLocation(str(self.config_file), line or self.config_line or 1)


USER_OPTIONS: tuple[str, ...] = tuple(
    name for name, field in ArchdocConfig.model_fields.items() if not field.exclude)
"""The options a user writes under ``- archdoc:`` (the fields that are not set by the loader)."""


def user_options() -> dict[str, Any]:
    """Each user option with its pydantic field (its annotation, default and docstring)."""
    return {name: ArchdocConfig.model_fields[name] for name in USER_OPTIONS}


def _line_of(lines: dict[str, int], path: str) -> int:
    """The line of ``path`` or of its closest written parent
    (``layers.0.match`` -> ``layers.0``)."""
    parts = path.split(".")
    while parts:
        line = lines.get(".".join(parts))
        if line:
            return line
        parts.pop()
    return 0


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing ``!!python/name:`` or ``!ENV`` tags."""


def _ignore_tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def config_from_options(
    options: dict[str, Any] | None, *, root: Path, config_file: Path | None = None, line: int = 0,
    lines: dict[str, int] | None = None,
) -> ArchdocConfig:
    """Validate plugin options into an ArchdocConfig; a bad option is a ConfigError at its line.

    ``options`` holds only what the user wrote: an option left out keeps its default *and* counts
    as unset (``model_fields_set``), which is how the ADR directory is discovered when ``adr_dir``
    is not given. ``lines`` maps dotted option paths to their lines in ``config_file``.
    """
    options = dict(options or {})
    lines = dict(lines or {})

    def where(path: str) -> SourceLocation | None:
        if config_file is None:
            return None
        return SourceLocation(str(config_file), _line_of(lines, path) or line or 1)

    for key in options:
        if key not in USER_OPTIONS:
            raise ConfigError(
                f"unknown archdoc option {key!r}",
                location=where(str(key)),
                hint=_close_hint(str(key), USER_OPTIONS),
            )
    try:
        config = ArchdocConfig(**options, root=root, config_file=config_file, config_line=line,
                               option_lines=lines)
    except ValidationError as exc:
        raise _option_error(exc, where) from None
    return config


def _close_hint(key: str, known: typing.Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(key, known, n=1)
    return f"did you mean {close[0]!r}?" if close else "options: " + ", ".join(known)


def _model_at(path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that holds the last part of ``path`` (for unknown-key hints)."""
    model: type[BaseModel] = ArchdocConfig
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part)) or next(
            (f for f in model.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        annotation = field.annotation
        while typing.get_origin(annotation) in (list, dict):
            annotation = typing.get_args(annotation)[-1]
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):  # Model | None
            annotation = next((a for a in typing.get_args(annotation) if a is not type(None)), None)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def _option_error(exc: ValidationError, where: Any) -> ConfigError:
    errors = exc.errors()
    # An unknown key is usually a typo, and the reason another key looks missing: report it first.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(first["loc"])
    path = ".".join(str(p) for p in loc)
    if first["type"] == "extra_forbidden":
        model = _model_at(loc)
        known = [f.alias or n for n, f in model.model_fields.items()] if model else []
        return ConfigError(f"unknown archdoc option {path!r}", location=where(path),
                           hint=_close_hint(str(loc[-1]), known) if known else
                           "see the configuration reference in the archdoc docs")
    given = first.get("input")
    shown = f" (not {given!r})" if isinstance(given, (str, int, float, bool)) else ""
    return ConfigError(
        f"archdoc option {path}: {first['msg']}{shown}",
        location=where(path),
        hint="see the configuration reference in the archdoc docs",
    )


def find_project(start: Path | None = None) -> tuple[Path, Path | None]:
    """The project root and its configuration file, looked for upward from ``start`` as git does.

    The nearest directory holding ``mkdocs.yml`` or ``properdocs.yml`` (the file is returned),
    or adr-tools' ``.adr-dir`` (no file), is the root. The search stops at the top of a git
    repository; when nothing is found the root is ``start`` (default: the working directory).
    Two configuration files in one directory are a ConfigError: archdoc does not guess.
    """
    start = (start or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        found = [directory / name for name in CONFIG_FILES if (directory / name).is_file()]
        if len(found) > 1:
            raise ConfigError(
                "more than one configuration here: " + ", ".join(p.name for p in found),
                location=SourceLocation(str(found[1]), 1),
                hint=f"pass the one archdoc should read with -f, e.g. -f {found[0].name}")
        if found:
            return directory, found[0]
        if (directory / ".adr-dir").is_file():
            return directory, None
        if (directory / ".git").exists():
            break
    return start, None


def find_config_file(start: Path | None = None) -> Path:
    """The configuration of the project around ``start`` (default: the working directory): its
    ``mkdocs.yml`` or ``properdocs.yml``, here or in a directory above. ConfigError when there is
    none: archdoc never guesses a project."""
    start = (start or Path.cwd()).resolve()
    _, found = find_project(start)
    if found is None:
        hint = ("run the command in the project root, pass -f PATH/mkdocs.yml, or create a "
                "project with `archdoc init`")
        if (start / "__init__.py").is_file():
            hint = (f"this directory is the Python package {start.name!r} itself: run archdoc "
                    "from the project root, where mkdocs.yml is, or pass -f")
        here = ("the working directory" if start == Path.cwd().resolve()
                else relative_to_cwd(str(start)))
        raise ConfigError(f"no mkdocs.yml or properdocs.yml in {here} or a directory above it",
                          hint=hint)
    return found


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path.name}: {exc.strerror or exc}",
                          location=SourceLocation(str(path), 1),
                          hint="check the file's permissions") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path.name} is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                          location=SourceLocation(str(path), line),
                          hint="re-save the file as UTF-8") from None


def load_config(path: Path | str | None = None, *, missing_ok: bool = False) -> ArchdocConfig:
    """Read the archdoc options from ``path`` (default: the project's configuration, found
    upward from the working directory: :func:`find_config_file`).

    A missing configuration is a ConfigError. Only with ``missing_ok`` (the ADR commands, which
    also keep a decision log in a repository without a site) does a project without one mean
    the defaults, rooted where ``.adr-dir`` is, or in the working directory.
    """
    if path is None:
        root, found = find_project()
        if found is None:
            if missing_ok:
                return ArchdocConfig(root=root)
            found = find_config_file()  # raises, saying what was looked for
        path = found
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"configuration file {path} does not exist",
                          hint="pass the path of your mkdocs.yml (or properdocs.yml) with -f")
    text = _read_text(path)
    try:
        data = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        # The line where the broken construct starts (an unclosed `[` or quote), else where
        # the parser gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
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
    entry, lines = option_lines(text)
    options = _archdoc_options(data.get("plugins"), path, entry, lines)
    config = config_from_options(options, root=path.resolve().parent, config_file=path, line=entry,
                                 lines=lines)
    docs = data.get("docs_dir", "docs")
    if isinstance(docs, str) and docs.strip():
        config.docs_dir = config.root / docs
    return config


def option_lines(text: str) -> tuple[int, dict[str, int]]:
    """The line of the ``archdoc`` plugin entry in a mkdocs.yml and of each option below it.

    Options are keyed by dotted path: ``model``, ``rules.sync-cycle``, ``layers.0.match``,
    ``diagrams.direction``. ``(0, {})`` when there is no entry or the text is not YAML.
    """
    try:
        root = yaml.compose(text, Loader=_TolerantLoader)  # noqa: S506 - composes, runs nothing
    except yaml.YAMLError:
        return 0, {}
    plugins = _mapping_value(root, "plugins")
    if plugins is None:
        return 0, {}
    entry: yaml.Node | None = None
    options: yaml.Node | None = None
    if isinstance(plugins, yaml.MappingNode):  # plugins: {archdoc: {...}}
        for key, value in plugins.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "archdoc":
                entry, options = key, value
    elif isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.ScalarNode) and item.value == "archdoc":
                entry = item
            elif isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == "archdoc":
                        entry, options = key, value
            if entry is not None:
                break
    if entry is None:
        return 0, {}
    lines: dict[str, int] = {}
    if options is not None:
        _collect_lines(options, "", lines)
    return entry.start_mark.line + 1, lines


def _mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v  # type: ignore[no-any-return]
    return None


def _collect_lines(node: yaml.Node, prefix: str, lines: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (
                f"{prefix}{key.value}" if isinstance(key, yaml.ScalarNode) else prefix.rstrip(".")
            )
            lines.setdefault(path, key.start_mark.line + 1)
            _collect_lines(value, path + ".", lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}{index}"
            lines.setdefault(path, item.start_mark.line + 1)
            _collect_lines(item, path + ".", lines)


def _archdoc_options(plugins: Any, path: Path, entry: int, lines: dict[str, int]) -> dict[str, Any]:
    if plugins is None:
        return {}
    entries: list[Any]
    if isinstance(plugins, dict):
        entries = [{k: v} for k, v in plugins.items()]
    elif isinstance(plugins, list):
        entries = plugins
    else:
        raise ConfigError(
            "`plugins` must be a list",
            location=SourceLocation(str(path), entry or 1),
            hint="write `plugins:` then one `- archdoc` item per line",
        )
    for item in entries:
        if item == "archdoc":
            return {}
        if isinstance(item, dict) and "archdoc" in item:
            options = item["archdoc"] or {}
            if not isinstance(options, dict):
                raise ConfigError("the archdoc plugin's options must be a mapping",
                                  location=SourceLocation(str(path), entry or 1),
                                  hint="indent `model: model` etc. below `- archdoc:`")
            return options
    return {}
