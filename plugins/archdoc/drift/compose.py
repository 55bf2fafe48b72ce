"""Docker Compose files: services and what each ``depends_on`` or ``links`` to.

Several files merge as ``docker compose -f a.yml -f b.yml`` merges them: services by name,
``depends_on`` (list or map form, with conditions) and ``links`` add up, ``environment`` merges
by variable, and the ``!reset`` and ``!override`` tags clear or replace a value. ``profiles``
are ignored: every service counts. A service that sets ``OTEL_SERVICE_NAME`` in its
environment is observed under that name, the one its traces carry.

The files are read as YAML node trees (PyYAML), so every error and every dependency has its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from archdoc.drift.observed import ObservedCall, ObservedSource
from archdoc.errors import ObservedError
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["ComposeService", "read_compose", "compose_services"]

CONDITIONS = frozenset({"service_started", "service_healthy", "service_completed_successfully"})
MERGE_TAG = "tag:yaml.org,2002:merge"
NULL_TAG = "tag:yaml.org,2002:null"


@dataclass
class ComposeService:
    """One service of the merged compose files."""

    key: str
    source: ObservedSource
    depends_on: dict[str, tuple[ObservedSource, bool]] = field(default_factory=dict)
    """Each dependency with the place it is declared and whether it is required."""
    links: dict[str, tuple[ObservedSource, bool]] = field(default_factory=dict)
    environment: dict[str, str | None] = field(default_factory=dict)

    def dependencies(self) -> dict[str, tuple[ObservedSource, bool]]:
        """``depends_on`` then ``links``: every service this one needs."""
        merged = dict(self.depends_on)
        for name, entry in self.links.items():
            merged.setdefault(name, entry)
        return merged

    @property
    def name(self) -> str:
        """The name its traces carry: ``OTEL_SERVICE_NAME`` when set literally, else its key."""
        value = self.environment.get("OTEL_SERVICE_NAME")
        return value if value and "$" not in value else self.key


def read_compose(paths: Iterable[str | Path]) -> Iterator[ObservedCall | ComposeService]:
    """The services of the merged files, then each dependency as an observed call (no count)."""
    services = compose_services(paths)
    for service in services.values():
        yield service
    for service in services.values():
        for dependency, (source, _) in service.dependencies().items():
            yield ObservedCall(service.name, services[dependency].name, None, "", source)


def compose_services(paths: Iterable[str | Path]) -> dict[str, ComposeService]:
    """The services of the files merged in order; an ObservedError at the line of a problem."""
    services: dict[str, ComposeService] = {}
    for path in paths:
        _merge_file(Path(path), services)
    for service in services.values():
        for dependency, (source, required) in service.dependencies().items():
            if dependency not in services and required:
                raise ObservedError(
                    f"service {service.key!r} depends on undefined service {dependency!r}",
                    location=source.location(),
                    hint="define the service, fix the name, or pass the compose file that has it")
    for service in services.values():
        service.depends_on = {d: v for d, v in service.depends_on.items() if d in services}
        service.links = {d: v for d, v in service.links.items() if d in services}
    return services


# -- reading one file -----------------------------------------------------------------------


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = relative_to_cwd(str(path))

    def source(self, node: yaml.Node) -> ObservedSource:
        return ObservedSource("compose", str(self.path), line=node.start_mark.line + 1)

    def error(self, node: yaml.Node | None, message: str, hint: str) -> ObservedError:
        line = node.start_mark.line + 1 if node is not None else 1
        return ObservedError(
            f"{self.name}: {message}", location=SourceLocation(str(self.path), line), hint=hint
        )

    def items(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """(key, key node, value node) of a mapping, ``<<`` merge keys expanded (own keys win)."""
        if not isinstance(node, yaml.MappingNode):
            raise self.error(
                node, f"{what} must be a mapping", "indent its entries as `name: value`"
            )
        merged: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        own: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            if key.tag == MERGE_TAG:
                sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
                for source in sources:
                    for name, k, v in self.items(source, "a merged value (<<)"):
                        merged.setdefault(name, (k, v))
                continue
            if not isinstance(key, yaml.ScalarNode):
                raise self.error(key, f"a key of {what} must be a name", "write `name: value`")
            own[key.value] = (key, value)
        merged.update(own)
        return [(name, k, v) for name, (k, v) in merged.items()]

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL_TAG or not node.value:
            raise self.error(node, f"{what} must be a name", "write the service's name")
        return str(node.value)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def _merge_file(path: Path, services: dict[str, ComposeService]) -> None:
    reader = _Reader(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ObservedError(
            f"cannot read {reader.name}: {exc.strerror}", hint="check the path of the compose file"
        ) from None
    except UnicodeDecodeError as exc:
        raise ObservedError(
            f"{reader.name} is not UTF-8 text (byte {exc.start})",
            location=SourceLocation(str(path), 1),
            hint="save it as UTF-8",
        ) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ObservedError(f"{reader.name} is not valid YAML: {exc.problem or exc.context}",
                            location=SourceLocation(str(path), mark.line + 1 if mark else 1),
                            hint="check the indentation and quoting around this line") from None
    except yaml.YAMLError as exc:
        raise ObservedError(f"{reader.name} is not valid YAML: {exc}",
                            location=SourceLocation(str(path), 1), hint="check the file") from None
    if root is None or _is_null(root):
        return
    top = {name: value for name, _, value in reader.items(root, "a compose file")}
    node = top.get("services")
    if node is None or _is_null(node):
        return
    for key, key_node, value in reader.items(node, "`services`"):
        if value.tag == "!reset":
            services.pop(key, None)
            continue
        service = services.get(key)
        if service is None:
            service = services[key] = ComposeService(key, reader.source(key_node))
        if _is_null(value):
            continue
        _merge_service(reader, service, value)


def _merge_service(reader: _Reader, service: ComposeService, node: yaml.Node) -> None:
    fields = {name: value for name, _, value in reader.items(node, f"service {service.key!r}")}
    for name in ("depends_on", "links"):
        value = fields.get(name)
        if value is None:
            continue
        if value.tag == "!reset":
            setattr(service, name, {})
            continue
        if _is_null(value):
            continue
        found = (
            _depends_on(reader, service, value) if name == "depends_on" else _links(reader, value)
        )
        if value.tag == "!override":
            setattr(service, name, {})
        getattr(service, name).update(found)
    environment = fields.get("environment")
    if environment is not None:
        if environment.tag == "!reset":
            service.environment = {}
        elif not _is_null(environment):
            if environment.tag == "!override":
                service.environment = {}
            service.environment.update(_environment(reader, service, environment))


def _depends_on(reader: _Reader, service: ComposeService,
                node: yaml.Node) -> dict[str, tuple[ObservedSource, bool]]:
    found: dict[str, tuple[ObservedSource, bool]] = {}
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found[reader.scalar(item, "an entry of depends_on")] = (reader.source(item), True)
        return found
    if not isinstance(node, yaml.MappingNode):
        raise reader.error(
            node,
            f"depends_on of service {service.key!r} must be a list or a mapping",
            "write `depends_on: [db]` or `depends_on: {db: {condition: service_healthy}}`",
        )
    for name, key, options in reader.items(node, "depends_on"):
        required = True
        if not _is_null(options):
            for option, _, value in reader.items(options, f"depends_on.{name}"):
                if option == "condition" and (not isinstance(value, yaml.ScalarNode)
                                              or value.value not in CONDITIONS):
                    raise reader.error(
                        value,
                        f"depends_on.{name}.condition must be one of "
                        + ", ".join(sorted(CONDITIONS)),
                        "see the compose specification",
                    )
                if option == "required":
                    if not isinstance(value, yaml.ScalarNode) or value.value not in (
                        "true",
                        "false",
                    ):
                        raise reader.error(
                            value,
                            f"depends_on.{name}.required must be true or false",
                            "write `required: false`",
                        )
                    required = value.value == "true"
        found[name] = (reader.source(key), required)
    return found


def _links(reader: _Reader, node: yaml.Node) -> dict[str, tuple[ObservedSource, bool]]:
    if not isinstance(node, yaml.SequenceNode):
        raise reader.error(node, "links must be a list", "write `links: [db, \"cache:redis\"]`")
    found: dict[str, tuple[ObservedSource, bool]] = {}
    for item in node.value:
        target = reader.scalar(item, "an entry of links").split(":", 1)[0]
        found.setdefault(target, (reader.source(item), True))
    return found


def _environment(
    reader: _Reader, service: ComposeService, node: yaml.Node
) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                raise reader.error(
                    item, "an environment entry must be `NAME=value`", "write `- NAME=value`"
                )
            name, equals, value = str(item.value).partition("=")
            values[name] = value if equals else None
        return values
    for name, _, entry in reader.items(node, f"environment of service {service.key!r}"):
        values[name] = (
            None if _is_null(entry) or not isinstance(entry, yaml.ScalarNode) else str(entry.value)
        )
    return values
