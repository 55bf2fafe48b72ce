"""What a format could not carry, each kind of loss said once with a few examples."""

from __future__ import annotations

__all__ = ["Losses"]


class Losses:
    """``add("the hexagon shape: drawn as a rectangle", "shop.api")`` for every loss; ``lines()``
    gives one line per kind, in the order first met, naming up to three examples."""

    def __init__(self, examples: int = 3) -> None:
        self.limit = examples
        self.kinds: dict[str, list[str]] = {}

    def add(self, what: str, example: str | None = None) -> None:
        seen = self.kinds.setdefault(what, [])
        if example is not None and example not in seen:
            seen.append(example)

    def lines(self) -> list[str]:
        out = []
        for what, examples in self.kinds.items():
            if examples:
                shown = ", ".join(examples[: self.limit])
                more = len(examples) - self.limit
                shown += f" and {more} more" if more > 0 else ""
                what = f"{what} ({shown})"
            out.append(what)
        return out
