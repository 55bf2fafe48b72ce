"""Model code for each undeclared dependency, in the model's own variable names.

The model's source files are read with :mod:`ast` (never run again): a module-level assignment
whose call declared an element (same file, the element's line inside the statement) names that
element; ``from .services import order`` makes the name visible in another file. Each
suggestion goes to the file that already declares most relationships of the calling element
(else the file that declares the element), and names the called element as that file can:
by a visible variable, by a variable imported for it, or by its id.
"""

from __future__ import annotations

import ast
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from archdoc.drift.compare import DriftEdge, DriftReport, calls_text, seen_in
from archdoc.model.workspace import Workspace

__all__ = ["Suggestion", "suggest", "format_suggestions"]


@dataclass(frozen=True)
class Suggestion:
    """``code`` to add to ``file`` (after ``imports``) to declare one observed dependency."""

    source_id: str
    destination_id: str
    file: str
    """Where to add it: relative to the working directory when below it."""
    code: str
    imports: tuple[str, ...] = ()
    comment: str = ""


@dataclass
class _Module:
    path: str
    defined: dict[str, str] = field(default_factory=dict)
    """element id -> the first module-level variable assigned the element."""
    imports: list[tuple[str, str, str]] = field(default_factory=list)
    """(local name, module file, name in that module) of ``from ... import ...``."""


class ModelNames:
    """The variables of the model's source files, by element."""

    def __init__(self, workspace: Workspace, package: str = "model") -> None:
        self.workspace = workspace
        self.package = package
        self._modules: dict[str, _Module | None] = {}
        self._by_line: dict[str, dict[int, list[str]]] = {}
        for element in workspace.elements.values():
            if element.location is not None:
                lines = self._by_line.setdefault(element.location.file, {})
                lines.setdefault(element.location.line, []).append(element.id)

    def module(self, path: str) -> _Module | None:
        if path not in self._modules:
            self._modules[path] = self._read(path)
        return self._modules[path]

    def _read(self, path: str) -> _Module | None:
        try:
            tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=path)
        except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
            return None
        module = _Module(path)
        lines = self._by_line.get(path, {})
        for statement in _module_level(tree.body):
            if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                for target in targets:
                    self._assign(module, target, statement.value, lines)
            elif isinstance(statement, ast.ImportFrom):
                source = _resolve(path, statement)
                if source is not None:
                    for alias in statement.names:
                        if alias.name != "*":
                            module.imports.append((alias.asname or alias.name, source, alias.name))
        return module

    def _assign(self, module: _Module, target: ast.expr, value: ast.expr,
                lines: dict[int, list[str]]) -> None:
        if isinstance(target, ast.Name):
            found = _declared_in(value, lines)
            if len(found) == 1:
                module.defined.setdefault(found[0], target.id)
        elif (
            isinstance(target, (ast.Tuple, ast.List))
            and isinstance(value, (ast.Tuple, ast.List))
            and len(target.elts) == len(value.elts)
        ):
            taken: set[str] = set()
            for t, v in zip(target.elts, value.elts):
                found = [i for i in _declared_in(v, lines) if i not in taken]
                if isinstance(t, ast.Name) and found:
                    module.defined.setdefault(found[0], t.id)
                    taken.add(found[0])

    def visible(self, path: str, element_id: str, depth: int = 0) -> str | None:
        """The name ``element_id`` has in the file ``path``, if any."""
        module = self.module(path)
        if module is None or depth > 8:
            return None
        if element_id in module.defined:
            return module.defined[element_id]
        for local, source, name in module.imports:
            if self._names(source, name, depth + 1) == element_id:
                return local
        return None

    def _names(self, path: str, name: str, depth: int) -> str | None:
        """The element the module-level ``name`` of ``path`` stands for."""
        module = self.module(path)
        if module is None or depth > 8:
            return None
        for element_id, variable in module.defined.items():
            if variable == name:
                return element_id
        for local, source, imported in module.imports:
            if local == name:
                return self._names(source, imported, depth + 1)
        return None

    def home(self, element_id: str) -> tuple[str, str] | None:
        """(file, variable) where the element is assigned to a variable."""
        element = self.workspace.elements.get(element_id)
        if element is None or element.location is None:
            return None
        module = self.module(element.location.file)
        if module is not None and element_id in module.defined:
            return element.location.file, module.defined[element_id]
        return None


def _module_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """Statements run at import time at module level (inside if/with/try too, not in defs)."""
    out: list[ast.stmt] = []
    for statement in body:
        out.append(statement)
        if isinstance(statement, (ast.If, ast.With, ast.Try)):
            nested = list(statement.body) + list(getattr(statement, "orelse", []))
            nested += list(getattr(statement, "finalbody", []))
            for handler in getattr(statement, "handlers", []):
                nested += handler.body
            out += _module_level(nested)
    return out


def _declared_in(value: ast.expr, lines: dict[int, list[str]]) -> list[str]:
    """Elements declared by a call spanning ``value``'s lines."""
    if not isinstance(value, ast.Call):
        return []
    end = value.end_lineno or value.lineno
    return [i for line in range(value.lineno, end + 1) for i in lines.get(line, [])]


def _resolve(path: str, statement: ast.ImportFrom) -> str | None:
    """The file a ``from X import ...`` reads: relative imports only, and absolute imports of
    modules beside the package (resolved against the package's directory)."""
    if not statement.module and not statement.level:
        return None
    parts = (statement.module or "").split(".") if statement.module else []
    if statement.level:
        base = Path(path).parent
        for _ in range(statement.level - 1):
            base = base.parent
    else:
        base = Path(path).parent
        while (base / "__init__.py").exists() and base.name != parts[0]:
            base = base.parent
        if base.name != parts[0]:
            return None
        base, parts = base, parts[1:]
    target = base.joinpath(*parts)
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            return str(candidate)
    return None


def _import_line(target_file: str, source_file: str, name: str, package: str,
                 root: Path | None) -> str:
    source = Path(source_file)
    module = source.stem if source.name != "__init__.py" else ""
    if source.parent == Path(target_file).parent:
        return f"from .{module} import {name}" if module else f"from . import {name}"
    if root is not None:
        try:
            relative = source.with_suffix("").relative_to(root / package.replace(".", "/"))
        except ValueError:
            pass
        else:
            dotted = ".".join([package, *(p for p in relative.parts if p != "__init__")])
            return f"from {dotted} import {name}"
    return f"# import {name} from {source_file}"


def suggest(
    workspace: Workspace, report: DriftReport, *, package: str = "model"
) -> list[Suggestion]:
    """One suggestion per undeclared dependency, in the report's order."""
    names = ModelNames(workspace, package)
    out = []
    for edge in report.with_status("undeclared"):
        out.append(_suggestion(workspace, names, edge, package))
    return out


def _target_file(workspace: Workspace, names: ModelNames, source_id: str) -> str | None:
    files = Counter(r.location.file for r in workspace.relationships
                    if r.location is not None and (r.source_id == source_id
                                                   or r.source_id.startswith(source_id + "."))
                    and names.visible(r.location.file, source_id) is not None)
    if files:
        return files.most_common(1)[0][0]
    home = names.home(source_id)
    return home[0] if home else None


def _suggestion(
    workspace: Workspace, names: ModelNames, edge: DriftEdge, package: str
) -> Suggestion:
    from archdoc.source import relative_to_cwd

    source_id, destination_id = edge.source_id, edge.destination_id
    target = _target_file(workspace, names, source_id)
    imports: list[str] = []
    source_expr = names.visible(target, source_id) if target else None
    if source_expr is None:
        source_expr = f"ws.elements[{source_id!r}]"
    destination_expr = names.visible(target, destination_id) if target else None
    if destination_expr is None and target is not None:
        home = names.home(destination_id)
        if home is not None:
            imports.append(_import_line(target, home[0], home[1], package, workspace.root))
            destination_expr = home[1]
    if destination_expr is None:
        destination_expr = repr(destination_id)
    options = ""
    if any(e.pair.connection_type == "messaging_system" for e in edge.evidence):
        options = ', interaction="async"'
    calls = calls_text(edge.calls)
    comment = f"observed: {calls + ', ' if calls else ''}{seen_in(edge)}"
    code = f"{source_expr}.uses({destination_expr}{options})"
    file = relative_to_cwd(target) if target else "(the model)"
    return Suggestion(source_id, destination_id, file, code, tuple(imports), comment)


def format_suggestions(suggestions: list[Suggestion]) -> str:
    """Python to paste, grouped by file: ``# model/x.py``, the imports it needs, one call a line."""
    by_file: dict[str, list[Suggestion]] = {}
    for s in suggestions:
        by_file.setdefault(s.file, []).append(s)
    blocks = []
    for file, items in by_file.items():
        lines = [f"# {file.replace(os.sep, '/')}"]
        lines += list(dict.fromkeys(i for s in items for i in s.imports))
        lines += [f"{s.code}  # {s.comment}" for s in items]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""
