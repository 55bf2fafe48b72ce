"""What archdoc's code is used by but vulture cannot see: read by vulture (`make test`, settings
in pyproject.toml's ``[tool.vulture]``), never run.

vulture reports code nothing in ``plugins/archdoc`` uses; the tests do not count, so a function
only a test calls is reported too (it is dead: remove it, and test what users call). Rules,
typer commands, pydantic validators and MkDocs hooks are left out by pyproject's settings; what
remains to list here is each name something outside Python's view uses, with who.
"""

import sys

import archdoc.export

from mkdocs.structure.files import File

from archdoc.cli.adr_commands import TemplateChoice
from archdoc.cli.diff_commands import FailOn
from archdoc.cli.model_commands import ReportFormatChoice
from archdoc.export.document import WorkspaceDocument
from archdoc.mcp.results import Dependencies, DependencyInfo, ElementDetail
from archdoc.model.deployment import DeploymentNode
from archdoc.model.elements import Element
from archdoc.model.flows import Flow
from archdoc.plugin import ArchdocPlugin, _Forwarded, _GeneratedPage, _ModelPage

# The choices of typer options: typer reads an Enum's members.
TemplateChoice.madr, TemplateChoice.nygard, TemplateChoice.y_statement
ReportFormatChoice.github
FailOn.never

# Fields of documents that leave archdoc as JSON (`archdoc export --format json`, the MCP tools'
# results): pydantic serializes them.
WorkspaceDocument.deployment_nodes, WorkspaceDocument.view_definitions
ElementDetail.publishes, ElementDetail.subscribes
DependencyInfo.owns_data, Dependencies.depended_on_by

# The model API users' models call (DESIGN.md: "The model: public Python API").
DeploymentNode.deploy
Element.failure_mode, Element.publishes, Element.subscribes, Element.queue
Flow.alt, Flow.otherwise, Flow.opt, Flow.loop

# Python calls a module's __getattr__ for a name it lacks (PEP 562): the export document's
# names are loaded on first use.
archdoc.export.__getattr__

# MkDocs reads these: an option's validation and documentation, a file's place in the navigation.
_Forwarded.run_validation
ArchdocPlugin.__doc__  # also model/checked.py's constructors' __doc__, read by help()
File.inclusion
_GeneratedPage.is_modified, _ModelPage.is_modified  # asked in a --dirty build

# Python reads it (archdoc mcp: a reloaded model is never shadowed by stale bytecode).
sys.dont_write_bytecode
