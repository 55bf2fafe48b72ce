"""Details of the Structurizr DSL's statements: properties, perspectives, archetypes, arguments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archdoc.importers.dsl_source import Block, Token
from archdoc.importers.plan import ImportSourceError
from archdoc.source import SourceLocation

__all__ = ["ARCHETYPE_ARROW", "Archetype", "read_archetype", "read_perspectives",
           "read_properties"]

ARCHETYPE_ARROW = re.compile(r"^--(.+)->$")
"""``--https->``: a relationship declared with the archetype ``https``."""


@dataclass
class Archetype:
    """A user-defined type: ``application = container { technology "Java" }``."""

    name: str
    base: str
    """The DSL keyword it extends in the end: ``container``, ``->``..."""
    description: str = ""
    technology: str = ""
    tags: list[str] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)
    """Its name and the names of the archetypes it extends (words that may name a kind)."""


def expect(tokens: list[Token], low: int, high: int, grammar: str, at: SourceLocation) -> None:
    if len(tokens) < low:
        raise ImportSourceError(f"expected: {grammar}", location=at, hint="see the DSL's grammar")
    if len(tokens) > high:
        raise ImportSourceError(f"too many tokens, expected: {grammar}", location=at,
                                hint="quote a value that holds spaces")


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def read_properties(block: Block) -> list[tuple[str, str, SourceLocation]]:
    if block.children is None:
        raise ImportSourceError("expected: properties {", location=block.location,
                                hint="list one `name value` pair per line inside { }")
    pairs = []
    for child in block.children:
        tokens = child.tokens
        if child.children is not None or len(tokens) not in (1, 2):
            raise ImportSourceError("expected: <name> <value>", location=child.location,
                                    hint="quote a name or value that holds spaces")
        pairs.append((str(tokens[0]), str(tokens[1]) if len(tokens) > 1 else "",
                      child.location))
    return pairs

def read_perspectives(block: Block) -> dict[str, str]:
    """Perspectives as properties: ``perspective.<name>`` (and ``.value``, ``.url``)."""
    found: dict[str, str] = {}
    for child in block.children or []:
        tokens = child.tokens
        if child.line.keyword == "perspective" and child.children is not None:
            expect(tokens, 2, 2, "perspective <name> {", child.location)
            name = tokens[1]
            for line in child.children:
                expect(line.tokens, 2, 2, "<description|value|url> <text>", line.location)
                key = line.line.keyword
                suffix = "" if key == "description" else f".{key}"
                found[f"perspective.{name}{suffix}"] = line.tokens[1]
        else:
            expect(tokens, 2, 3, "<name> <description> [value]", child.location)
            found[f"perspective.{tokens[0]}"] = tokens[1]
            if len(tokens) > 2:
                found[f"perspective.{tokens[0]}.value"] = tokens[2]
    return found

# -- archetypes -----------------------------------------------------------------------------


def read_archetype(block: Block, archetypes: dict[str, Archetype]) -> Archetype:
    """``name = kind { defaults }``, ``name = archetype { ... }`` or
    ``name = --other-> { ... }``."""
    tokens, at = block.tokens, block.location
    if len(tokens) == 1:  # `container { ... }`: defaults for every container
        tokens = [tokens[0], Token("="), tokens[0]]
    if len(tokens) != 3 or tokens[1] != "=":
        raise ImportSourceError("expected: <name> = <type> [{", location=at,
                                hint="e.g. application = container { technology \"Java\" }")
    name, base_token = tokens[0].lower(), tokens[2]
    if name == base_token.lower() and name in archetypes:  # defaults extended again
        base_token = Token(archetypes[name].base)
    kinds = ("person", "softwaresystem", "container", "component", "deploymentnode",
             "infrastructurenode", "group", "element")
    base = base_token.lower()
    parent: Archetype | None = None
    if base == "->":
        pass
    elif ARCHETYPE_ARROW.match(base_token):
        parent = archetypes.get(ARCHETYPE_ARROW.match(base_token).group(1).lower())  # type: ignore[union-attr]
        if parent is None or parent.base != "->":
            raise ImportSourceError(f"no relationship archetype {base_token!r}", location=at,
                                    hint="define the archetype it extends first")
        base = "->"
    elif base in kinds:
        pass
    elif base in archetypes:
        parent = archetypes[base]
        base = parent.base
    else:
        raise ImportSourceError(f"{base_token!r} is not an element type or an archetype",
                                location=at, hint="one of: " + ", ".join(kinds) + ", ->")
    archetype = Archetype(name, base, chain=[tokens[0]])
    if parent is not None:
        archetype.description, archetype.technology = parent.description, parent.technology
        archetype.tags = list(parent.tags)
        archetype.chain += parent.chain
    for child in block.children or []:
        keyword, ctokens = child.line.keyword, child.tokens
        if keyword == "description":
            expect(ctokens, 2, 2, "description <description>", child.location)
            archetype.description = ctokens[1]
        elif keyword == "technology":
            expect(ctokens, 2, 2, "technology <technology>", child.location)
            archetype.technology = ctokens[1]
        elif keyword in ("tag", "tags"):
            for token in ctokens[1:]:
                archetype.tags += [t for t in split_tags(token) if t not in archetype.tags]
        elif keyword == "properties":
            for pname, value, _ in read_properties(child):
                archetype.properties[pname] = value
        elif keyword == "perspectives":
            archetype.properties.update(read_perspectives(child))
        elif keyword == "metadata":
            pass
        else:
            raise ImportSourceError(f"unexpected {child.tokens[0]!r} in an archetype",
                                    location=child.location, hint="expected one of: description, "
                                    "technology, tag, tags, properties, perspectives")
    return archetype

