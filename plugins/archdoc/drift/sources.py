"""Reading every observed source of a project into one set of observations."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from archdoc.drift.compose import ComposeService, read_compose
from archdoc.drift.jaeger import read_jaeger
from archdoc.drift.observed import Observations
from archdoc.drift.servicegraph import read_servicegraph
from archdoc.errors import ObservedError
from archdoc.source import SourceLocation, relative_to_cwd

__all__ = ["ObservedFiles", "read_observations"]


@dataclass(frozen=True)
class ObservedFiles:
    """The files to compare the model with, by kind."""

    jaeger: tuple[Path, ...] = ()
    servicegraph: tuple[Path, ...] = ()
    compose: tuple[Path, ...] = ()
    """Merged in order, as ``docker compose -f`` merges them."""
    declared_at: SourceLocation | None = None
    """Where the list was configured (``mkdocs.yml``), for a missing file's error."""

    def __bool__(self) -> bool:
        return bool(self.jaeger or self.servicegraph or self.compose)

    @classmethod
    def under(cls, root: Path, *, jaeger: Sequence[str | Path] = (),
              servicegraph: Sequence[str | Path] = (), compose: Sequence[str | Path] = (),
              declared_at: SourceLocation | None = None) -> ObservedFiles:
        """Paths relative to ``root`` (absolute ones as they are)."""
        def resolve(paths: Sequence[str | Path]) -> tuple[Path, ...]:
            return tuple(Path(os.path.normpath(Path(p) if Path(p).is_absolute() else root / p))
                         for p in paths)

        return cls(resolve(jaeger), resolve(servicegraph), resolve(compose), declared_at)


def read_observations(files: ObservedFiles) -> Observations:
    """Every file read; an ObservedError names the file (and line) of the first problem."""
    observed = Observations()
    for paths in (files.jaeger, files.servicegraph, files.compose):
        for path in paths:
            if not path.is_file():
                raise ObservedError(
                    f"observed source {relative_to_cwd(str(path))} does not exist",
                    location=files.declared_at,
                    hint="fetch it first (see the guide \"Checking the model against production\") "
                         "or fix the path")
    for path in files.jaeger:
        observed.add_file("jaeger", path)
        observed.add_calls(read_jaeger(path))
    for path in files.servicegraph:
        observed.add_file("servicegraph", path)
        observed.add_calls(read_servicegraph(path))
    if files.compose:
        for path in files.compose:
            observed.add_file("compose", path)
        for item in read_compose(files.compose):
            if isinstance(item, ComposeService):
                observed.add_service(item.name, item.source)
            else:
                observed.add_call(item)
    return observed
