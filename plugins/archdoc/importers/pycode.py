"""Python source text: literals and calls wrapped at 99 columns the way a person would wrap them."""

from __future__ import annotations

from collections.abc import Sequence

from archdoc.importers.naming import string_literal

__all__ = ["WIDTH", "Arg", "literal", "call_lines"]

WIDTH = 99
"""Longest line written (the project's line length is 100)."""

Value = str | int | float | bool | None | list[str] | dict[str, str]


class Arg:
    """One argument of a call: positional (``name=''``) or keyword, as Python source."""

    def __init__(self, value: Value | Raw, name: str = "") -> None:
        self.value = value
        self.name = name

    def one_line(self) -> str:
        return self.name + ("=" if self.name else "") + literal(self.value)


class Raw:
    """Source text written as it is (a variable name, an expression)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def literal(value: Value | Raw) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no literal for {value!r}")


def _split_string(text: str, room: int) -> list[str]:
    """``text`` cut at spaces into literals of at most ``room`` characters each (quotes
    included)."""
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(string_literal(candidate + " ")) > room:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)
    return [string_literal(p) for p in pieces]


def _wrapped_arg(arg: Arg, indent: str) -> list[str]:
    """An argument too long for one line, over several lines starting at ``indent``."""
    head = indent + (arg.name + "=" if arg.name else "")
    value = arg.value
    if isinstance(value, str):
        room = WIDTH - len(head) - 1
        pieces = _split_string(value, max(room, 20))
        return [head + pieces[0]] + [" " * len(head) + p for p in pieces[1:]]
    if isinstance(value, (dict, list)) and value:
        opener, closer = ("{", "}") if isinstance(value, dict) else ("[", "]")
        items = ([f"{literal(k)}: {literal(v)}" for k, v in value.items()]
                 if isinstance(value, dict) else [literal(v) for v in value])
        align = " " * (len(head) + 1)
        lines: list[str] = []
        current = head + opener
        for n, item in enumerate(items):
            piece = item + ("," if n < len(items) - 1 else closer)
            start = current == head + opener or current == align
            candidate = current + ("" if start else " ") + piece
            if len(candidate) <= WIDTH - 1 or start:
                current = candidate
            else:
                lines.append(current)
                current = align + piece
        lines.append(current)
        return lines
    return [head + literal(value)]


def call_lines(prefix: str, args: Sequence[Arg], indent: str = "", suffix: str = "") -> list[str]:
    """``prefix(arg, ..., name=value)suffix``: on one line if it fits, else wrapped and packed."""
    rendered = [a.one_line() for a in args]
    one = f"{indent}{prefix}({', '.join(rendered)}){suffix}"
    if len(one) <= WIDTH:
        return [one]
    inner = indent + "    "
    lines = [f"{indent}{prefix}("]
    current = ""
    for n, (arg, text) in enumerate(zip(args, rendered)):
        last = n == len(args) - 1
        tail = (")" + suffix) if last else ","
        if len(inner + text + tail) > WIDTH:
            if current:
                lines.append(current)
                current = ""
            block = _wrapped_arg(arg, inner)
            block[-1] += tail
            lines.extend(block[:-1])
            current = block[-1]
            if not last:
                lines.append(current)
                current = ""
            continue
        candidate = f"{current} {text}{tail}" if current else f"{inner}{text}{tail}"
        if len(candidate) <= WIDTH:
            current = candidate
        else:
            lines.append(current)
            current = f"{inner}{text}{tail}"
    if current:
        lines.append(current)
    return lines
