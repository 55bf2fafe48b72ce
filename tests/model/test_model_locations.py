"""Where a declaration was made: the line of a call site is found when it is first read, and
the location is a ``SourceLocation`` like any other."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys
from pathlib import Path

from archdoc import Workspace
from archdoc.loader import load_workspace
from archdoc.source import SourceLocation

HERE = str(Path(__file__).resolve())


def _line_of(text: str) -> int:
    return next(i for i, line in enumerate(Path(HERE).read_text().splitlines(), 1) if text in line)


def test_a_declaration_names_the_line_of_its_call() -> None:
    ws = Workspace("Shop")
    shop = ws.system("Shop")
    api = shop.container(
        "API",
        "Takes orders",  # a call over several lines: the line the call starts on
    )
    uses = api.uses(shop, "Reports to")  # the uses line
    assert shop.location == SourceLocation(HERE, _line_of('shop = ws.system("Shop")'))
    assert api.location is not None and api.location.line == _line_of('api = shop.container(')
    assert uses.location == SourceLocation(HERE, _line_of("# the uses line"))


def test_it_compares_hashes_copies_and_pickles_as_a_plain_location() -> None:
    ws = Workspace("Shop")
    location = ws.system("Shop").location
    assert location is not None
    plain = SourceLocation(location.file, location.line)
    assert location == plain and plain == location
    assert hash(location) == hash(plain)
    assert {location, plain} == {plain}
    assert location != SourceLocation(location.file, location.line + 1)
    assert repr(location) == repr(plain) == f"SourceLocation(file={HERE!r}, line={plain.line})"
    assert str(location) == str(plain)
    for twin in (pickle.loads(pickle.dumps(location)), copy.deepcopy(location),
                 copy.copy(location)):
        assert type(twin) is SourceLocation and twin == plain
    assert dataclasses.asdict(location) == {"file": HERE, "line": plain.line}
    assert dataclasses.replace(location, line=1) == SourceLocation(HERE, 1)


def test_records_export_the_line(tmp_path: Path) -> None:
    ws = Workspace("Shop")
    shop = ws.system("Shop")
    assert shop.model_dump()["location"] == {"file": HERE, "line": shop.location.line}  # type: ignore[union-attr]
    assert '"line":' in shop.model_dump_json()


def test_lines_of_a_large_model_file_are_right_wherever_they_are_read(tmp_path: Path) -> None:
    package = tmp_path / "model"
    package.mkdir()
    lines = ["from archdoc import Workspace", 'ws = Workspace("Big")', 'big = ws.system("Big")']
    for i in range(400):
        lines.append(f's{i} = big.container("Service {i}")')
        if i:
            lines.append(f"s{i}.uses(s{i - 1})")
    (package / "__init__.py").write_text("\n".join(lines) + "\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Big\nplugins: [archdoc]\n")
    from archdoc.config import load_config

    sys.modules.pop("model", None)
    ws = load_workspace(load_config(config))
    file = str(package / "__init__.py")
    expected = {f"big.service-{i}": lines.index(f's{i} = big.container("Service {i}")') + 1
                for i in range(400)}
    # Read in an order unlike the declarations': the last first.
    for element_id in reversed(list(expected)):
        location = ws.elements[element_id].location
        assert location == SourceLocation(file, expected[element_id])
    for relationship in ws.relationships:
        i = int(relationship.source_id.rsplit("-", 1)[1])
        assert relationship.location is not None
        assert relationship.location.line == lines.index(f"s{i}.uses(s{i - 1})") + 1
