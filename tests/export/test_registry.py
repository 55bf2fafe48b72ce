"""The registry of export formats: a name per line, each the module ``<name>_format``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from archdoc.export.base import ExportFormat
from archdoc.export.registry import FORMAT_NAMES, FORMATS, export_format

EXPORT = Path(__file__).resolve().parents[2] / "plugins" / "archdoc" / "export"


def test_every_format_module_is_registered_under_its_own_name() -> None:
    modules = sorted(p.stem.removesuffix("_format") for p in EXPORT.glob("*_format.py"))
    assert sorted(FORMAT_NAMES) == modules
    for name in FORMAT_NAMES:
        fmt = FORMATS[name]
        assert isinstance(fmt, ExportFormat)
        assert fmt.name == name
        assert export_format(name) is fmt


def test_an_unknown_name_is_no_format() -> None:
    assert export_format("svg") is None
    assert "svg" not in FORMATS
    assert list(FORMATS) == list(FORMAT_NAMES)


def test_the_command_line_lists_the_formats_without_loading_them() -> None:
    code = ("import sys, archdoc.cli.model_commands as m; print(m._format_names()); "
            "print(sorted(n for n in sys.modules if n.endswith('_format')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == [repr(list(FORMAT_NAMES)), "[]"]
