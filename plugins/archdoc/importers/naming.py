"""Python names for what an import declares: ``webApp`` -> ``web_app``, ``"Order API"`` ->
``order_api``."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

__all__ = ["python_name", "Names", "string_literal"]

_CAMEL_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
"""``APIGateway`` -> ``API_Gateway``."""
_CAMEL_2 = re.compile(r"([a-z0-9])([A-Z])(?=[a-z0-9]|$)")
"""``webApp`` -> ``web_App``, ``albA`` -> ``alb_A``; ``PostgreSQL`` and ``MySQL`` stay whole."""
_NON_WORD = re.compile(r"[^0-9a-zA-Z_]+")
_UNDERSCORES = re.compile(r"_+")

_RESERVED = frozenset({"ws", "f", "Workspace"}) | frozenset(dir(builtins))


def python_name(text: str, fallback: str = "element") -> str:
    """A snake_case identifier from an identifier or a name; ``fallback`` when nothing is left."""
    text = _CAMEL_2.sub(r"\1_\2", _CAMEL_1.sub(r"\1_\2", text))
    if not text.isascii():
        folded = unicodedata.normalize("NFKD", text.casefold())
        ascii_text = folded.encode("ascii", "ignore").decode("ascii")
        if _NON_WORD.sub("", ascii_text):
            text = ascii_text
        else:  # letters with no ASCII form: keep them when Python accepts them
            kept = "".join(c if (c.isalnum() or c == "_") else "_" for c in text)
            kept = _UNDERSCORES.sub("_", kept).strip("_").lower()
            if kept and (kept.isidentifier()):
                return _not_reserved(kept)
            text = ""
    name = _UNDERSCORES.sub("_", _NON_WORD.sub("_", text)).strip("_").lower()
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    return _not_reserved(name)


def _not_reserved(name: str) -> str:
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _RESERVED:
        return name + "_"
    return name


class Names:
    """Hands out distinct variable names, in the order they are asked for."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def claim(self, wanted: str, *, qualifier: str = "") -> str:
        """``wanted``, or ``qualifier_wanted``, or ``wanted_2``...: the first that is free."""
        candidates = [wanted]
        if qualifier:
            candidates.append(f"{qualifier}_{wanted}")
        for candidate in candidates:
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        base = candidates[-1]
        n = 2
        while f"{base}_{n}" in self.taken:
            n += 1
        self.taken.add(f"{base}_{n}")
        return f"{base}_{n}"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def string_literal(text: str) -> str:
    """A double-quoted Python string literal for ``text``, every control character escaped."""
    out = []
    for char in text:
        escaped = _ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
