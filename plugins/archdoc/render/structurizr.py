"""One Structurizr DSL workspace for a workspace: the model, its deployment, every view, styles.

A pure function of the workspace and its computed views: :mod:`structurizr_model` writes the
``model`` block, :mod:`structurizr_views` the ``views`` block (with :mod:`structurizr_dynamic`
for flows). Identifiers are hierarchical (``!identifiers hierarchical``); the constants that
some strings need (:mod:`structurizr_text`) are declared before the workspace. What the DSL
cannot hold is listed in :attr:`StructurizrSource.dropped`, each kind of loss once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archdoc.model.workspace import Workspace
from archdoc.render.structurizr_model import Document, ModelWriter
from archdoc.render.structurizr_text import DOLLAR, EMPTY
from archdoc.render.structurizr_views import ViewsWriter
from archdoc.views import ViewIndex

__all__ = ["StructurizrSource", "structurizr_source"]


@dataclass
class StructurizrSource:
    text: str
    dropped: list[str] = field(default_factory=list)


def structurizr_source(workspace: Workspace, views: ViewIndex) -> StructurizrSource:
    """The ``workspace.dsl`` of ``workspace`` and every view of ``views``."""
    doc = Document()
    out = doc.out
    s = doc.s
    head = f"workspace {s(workspace.name)}"
    if workspace.description:
        head += " " + s(workspace.description)
    out.open(head)
    out.add("!identifiers hierarchical")
    out.add()
    model = ModelWriter(workspace, views, doc)
    model.write()
    out.add()
    ViewsWriter(workspace, views, doc, model).write()
    out.close()
    if s.joined:
        doc.drop("a backslash before an `n`: the DSL reads it as a line break; written with an "
                 "invisible word joiner between the two (the import removes it)", repr(s.joined[0]))
    if s.resubstituted:
        doc.drop("texts holding `${archdoc.dollar}` beside another `${`: Structurizr's "
                 "substitution reads them wrong (`archdoc import structurizr` reads them right)",
                 repr(s.resubstituted[0]))
    if s.returns:
        doc.drop("carriage returns: the DSL has no way to write one; written as line breaks",
                 repr(s.returns[0]))
    header = [f"// {_comment(workspace.name)}: the architecture model exported by archdoc.",
              "// Read it with the Structurizr tools, or back with `archdoc import structurizr`."]
    if s.needs_dollar:
        header.append(f'!const {DOLLAR} "$"')
    if s.needs_empty:
        header.append(f'!const {EMPTY} ""')
    text = "\n".join(header + [""] + out.lines) + "\n"
    return StructurizrSource(text, doc.losses.lines())


def _comment(text: str) -> str:
    """One line, not ending with the backslash that would continue it."""
    return " ".join(text.split()).rstrip("\\")
