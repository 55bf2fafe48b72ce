"""archdoc's exception hierarchy.

Every error a user can cause is an :class:`ArchdocError`. Each carries the place in the
user's files that the message is about and a one-line hint on how to fix it, so the CLI
and the MkDocs plugin can print ``model/services.py:42: error: ...`` instead of a traceback.
"""

from __future__ import annotations

from archdoc.source import SourceLocation

__all__ = [
    "ArchdocError",
    "ConfigError",
    "ModelError",
    "ModelLoadError",
    "ReferenceNotFound",
    "AdrError",
    "ObservedError",
    "MissingDependency",
    "RevisionError",
]


class ArchdocError(Exception):
    """Base of every error archdoc reports to a user."""

    def __init__(
        self,
        message: str,
        *,
        location: SourceLocation | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        """What went wrong, in one sentence."""
        self.location = location
        """The user's file and line the error is about, when known."""
        self.hint = hint
        """How to fix it, in one line."""

    def __str__(self) -> str:
        text = self.message
        if self.location is not None:
            text = f"{self.location}: {text}"
        if self.hint:
            text = f"{text}\n  hint: {self.hint}"
        return text


class ConfigError(ArchdocError):
    """The configuration (``mkdocs.yml``) is missing, malformed or has a bad value."""


class ModelError(ArchdocError):
    """A model call got a bad argument (raised at the user's call site)."""


class ModelLoadError(ArchdocError):
    """The model package could not be imported, or did not define exactly one Workspace."""


class ReferenceNotFound(ArchdocError):
    """An id given on the command line or in a page names no element of the model."""


class AdrError(ArchdocError):
    """An ADR command could not do what was asked (the file is left untouched)."""


class ObservedError(ArchdocError):
    """An observed source (a traces export, a metrics file, a compose file) is missing or
    malformed."""


class MissingDependency(ArchdocError):
    """A command needs an optional package that is not installed (the hint says how to add it)."""


class RevisionError(ArchdocError):
    """A git revision cannot be read: not a repository, an unknown revision, or one missing from
    a shallow clone (``archdoc diff``)."""
