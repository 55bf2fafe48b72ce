"""Reading Structurizr DSL files: logical lines of tokens, each with its file and line.

This pass does what the DSL does before it looks at a statement: it joins lines continued with
``\\``, reads ``\"\"\"`` text blocks, drops comments, expands ``!include`` (files and directories,
local only), records ``!const`` / ``!var`` and substitutes ``${NAME}``, and leaves inline
``!script`` bodies out. :func:`block_tree` then nests the lines by their braces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.importers.plan import ImportSourceError, Notice
from archdoc.source import SourceLocation

__all__ = ["Token", "Line", "Block", "read_dsl", "block_tree", "tokenize", "unescape"]

_COMMENT = re.compile(r"^\s*(//|#)")
_SUBSTITUTION = re.compile(r"\$\{([a-zA-Z0-9\-_.]+?)\}")
_SCRIPT_LANGUAGES = {"groovy", "kotlin", "ruby", "javascript"}
_TEXT_BLOCK = '"""'


class Token(str):
    """A token of a DSL line; ``quoted`` tells ``"{"`` (text) from ``{`` (a block)."""

    quoted: bool

    def __new__(cls, text: str, quoted: bool = False) -> Token:
        token = super().__new__(cls, text)
        token.quoted = quoted
        return token


@dataclass
class Line:
    tokens: list[Token]
    location: SourceLocation
    indent: int = 0
    """Columns of white space before the line (to find the block a ``}`` is missing from)."""

    @property
    def opens(self) -> bool:
        return bool(self.tokens) and self.tokens[-1] == "{" and not self.tokens[-1].quoted

    @property
    def closes(self) -> bool:
        return len(self.tokens) == 1 and self.tokens[0] == "}" and not self.tokens[0].quoted

    @property
    def keyword(self) -> str:
        return self.tokens[0].lower() if self.tokens else ""


@dataclass
class Block:
    """A line and, when it ends with ``{``, the lines up to its ``}``."""

    line: Line
    children: list[Block] | None = None

    @property
    def location(self) -> SourceLocation:
        return self.line.location

    @property
    def tokens(self) -> list[Token]:
        """The line's tokens without the opening brace."""
        return self.line.tokens[:-1] if self.line.opens else self.line.tokens


def tokenize(text: str) -> list[Token]:
    """Split a line like the DSL: whitespace separates tokens, double quotes group them; an
    escaped quote (``\\"``) stays escaped until :func:`unescape`."""
    tokens: list[Token] = []
    current: list[str] = []
    started = quoted = False
    i = 0
    while i < len(text):
        char = text[i]
        if not started:
            if char == '"':
                started, quoted, current = True, True, []
            elif not char.isspace():
                started, quoted, current = True, False, [char]
        elif quoted and char == "\\" and i + 1 < len(text) and text[i + 1] == '"':
            current.append('\\"')  # kept escaped: the DSL unescapes after substituting
            i += 1
        elif quoted and char == '"':
            tokens.append(Token("".join(current), quoted=True))
            started = quoted = False
        elif not quoted and char.isspace():
            tokens.append(Token("".join(current)))
            started = False
        else:
            current.append(char)
        i += 1
    if started:
        tokens.append(Token("".join(current), quoted=quoted))
    return tokens


def unescape(token: Token) -> Token:
    """The DSL's two escapes, read once ``${NAME}`` is substituted: ``\\"`` is a quote, ``\\n``
    a line break. A word joiner between a backslash and an ``n`` (how archdoc's export writes
    a backslash before an ``n``, which the DSL cannot spell) is removed."""
    if "\\" not in token:
        return token
    text = token.replace('\\"', '"').replace("\\n", "\n").replace("\\\u2060n", "\\n")
    return Token(text, token.quoted)


@dataclass
class _Reader:
    notices: list[Notice]
    constants: dict[str, tuple[str, bool]] = field(default_factory=dict)
    """name -> (value, is_constant)."""
    unresolved: set[str] = field(default_factory=set)
    stack: list[Path] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def read(self, path: Path, at: SourceLocation | None) -> None:
        resolved = path.resolve()
        if resolved in self.stack:
            raise ImportSourceError(f"{path} includes itself (through {self.stack[-1].name})",
                                    location=at, hint="remove the circular !include")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ImportSourceError(f"cannot read {path}: {exc.strerror or exc}", location=at,
                                    hint="check the path of the DSL file") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ImportSourceError(f"{path.name} is not UTF-8 text (byte {exc.start})",
                                    location=SourceLocation(str(path), line),
                                    hint="save the file as UTF-8") from None
        self.stack.append(resolved)
        try:
            # Lines end at \n, \r\n or \r only (not at U+2028 as str.splitlines() has it).
            physical = re.split(r"\r\n|\r|\n", text.lstrip("\ufeff"))
            self._lines(path, physical[:-1] if physical and physical[-1] == "" else physical)
        finally:
            self.stack.pop()

    def _lines(self, path: Path, physical: list[str]) -> None:
        n = 0
        in_comment = False
        in_script: SourceLocation | None = None
        while n < len(physical):
            start = n
            text = physical[n]
            n += 1
            if in_script is not None:
                if text.strip() == "}":
                    self.lines.append(Line([Token("}")], SourceLocation(str(path), start + 1),
                                           _indent(text)))
                    in_script = None
                continue
            if in_comment:
                if text.rstrip().endswith("*/"):
                    in_comment = False
                continue
            if _COMMENT.match(text):
                continue
            block_text: str | None = None
            while text.endswith("\\") and n < len(physical):
                text = text[:-1] + physical[n].lstrip()
                n += 1
            if text.rstrip().endswith(_TEXT_BLOCK) and text.count(_TEXT_BLOCK) == 1:
                text = text.rstrip()[: -len(_TEXT_BLOCK)]
                body: list[str] = []
                indent: int | None = None
                while n < len(physical):
                    content = physical[n]
                    n += 1
                    if content.rstrip().endswith(_TEXT_BLOCK):
                        last = content.rstrip()[: -len(_TEXT_BLOCK)]
                        if last.strip():
                            body.append(last)
                        break
                    if indent is None and content.strip():
                        indent = len(content) - len(content.lstrip())
                    body.append(content[indent or 0:] if content.strip() else "")
                else:
                    raise ImportSourceError(
                        'a """ text block is never closed',
                        location=SourceLocation(str(path), start + 1),
                        hint='end the text block with """ on a line of its own',
                    )
                block_text = "\n".join(body)
            location = SourceLocation(str(path), start + 1)
            stripped = text.strip()
            if stripped.startswith("/*"):
                if not stripped.endswith("*/") or stripped == "/*":
                    in_comment = True
                continue
            indent = _indent(text)
            tokens = [unescape(self._substitute(t, location)) for t in tokenize(text)]
            if block_text is not None:
                tokens.append(unescape(self._substitute(Token(block_text, True), location)))
            if not tokens:
                continue
            keyword = tokens[0].lower()
            if keyword in ("!const", "!constant", "!var"):
                self._define(tokens, location)
            elif keyword == "!include":
                self._include(path, tokens, location)
            elif keyword == "!script" and len(tokens) == 3 and tokens[2] == "{" \
                    and tokens[1].lower() in _SCRIPT_LANGUAGES:
                self.lines.append(Line(tokens, location, indent))
                in_script = location
            else:
                self.lines.append(Line(tokens, location, indent))
        if in_script is not None:
            raise ImportSourceError("an inline !script block is never closed", location=in_script,
                                    hint="end the script with } on a line of its own")

    def _substitute(self, token: Token, location: SourceLocation) -> Token:
        if "${" not in token:
            return token

        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in self.constants:
                return self.constants[name][0]
            if name not in self.unresolved:
                self.unresolved.add(name)
                self.notices.append(
                    Notice(
                        location,
                        f"${{{name}}} is not substituted: no !const "
                        "or !var defines it (environment variables are not read)",
                    )
                )
            return match.group(0)

        return Token(_SUBSTITUTION.sub(value, token), token.quoted)

    def _define(self, tokens: list[Token], location: SourceLocation) -> None:
        keyword = tokens[0].lower()
        if len(tokens) != 3:
            raise ImportSourceError(f"expected: {keyword} <name> <value>", location=location,
                                    hint=f'write {keyword} NAME "value"')
        name, value = str(tokens[1]), str(tokens[2])
        if not re.fullmatch(r"[a-zA-Z0-9\-_.]+", name):
            raise ImportSourceError(f"{name!r} is not a valid constant name", location=location,
                                    hint="use only letters, digits, '-', '_' and '.'")
        existing = self.constants.get(name)
        if existing is not None and (existing[1] or keyword != "!var"):
            raise ImportSourceError(f"the constant {name!r} is already defined", location=location,
                                    hint="use !var for a value that changes")
        self.constants[name] = (value, keyword != "!var")

    def _include(self, path: Path, tokens: list[Token], location: SourceLocation) -> None:
        if len(tokens) != 2:
            raise ImportSourceError("expected: !include <file|directory>", location=location,
                                    hint="give one path, relative to this file")
        target = str(tokens[1])
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target):
            raise ImportSourceError(
                f"!include of a URL ({target}) is not supported", location=location,
                hint="download the file next to this one and include it by its path")
        included = path.parent / target
        if not included.exists():
            raise ImportSourceError(f"!include {target}: {included} does not exist",
                                    location=location, hint="the path is relative to this file")
        for file in _files(included):
            self.read(file, location)


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def _files(path: Path) -> list[Path]:
    """A file, or every file below a directory in name order (hidden ones left out)."""
    if path.name.startswith(".") and path.name not in (".", ".."):
        return []
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    for child in sorted(path.iterdir(), key=lambda p: p.name):
        found.extend(_files(child))
    return found


def read_dsl(path: Path, notices: list[Notice]) -> list[Line]:
    """Every logical line of ``path`` and the files it includes, in order."""
    reader = _Reader(notices)
    reader.read(path, None)
    return reader.lines


def block_tree(lines: list[Line]) -> list[Block]:
    """The lines nested by their braces; an unbalanced brace is an error at its line."""
    root: list[Block] = []
    stack: list[tuple[Block, list[Block]]] = []
    current = root
    suspect: Block | None = None
    """The first block closed by a } indented less than it: probably the one missing its }."""
    for line in lines:
        if line.closes:
            if not stack:
                raise ImportSourceError("this } closes no block", location=line.location,
                                        hint="remove it, or open the block it ends")
            opened = stack.pop()[0]
            if suspect is None and line.indent < opened.line.indent \
                    and Path(line.location.file) == Path(opened.location.file):
                suspect = opened
            current = stack[-1][1] if stack else root
            continue
        block = Block(line)
        current.append(block)
        # `workspace "Name"` opens its block even without the brace, as in the DSL's parser.
        if line.opens or (not stack and line.keyword == "workspace"):
            block.children = []
            stack.append((block, block.children))
            current = block.children
    if stack:
        unclosed = suspect or stack[-1][0]
        raise ImportSourceError("this block is never closed", location=unclosed.location,
                                hint="add the missing } on a line of its own")
    return root
