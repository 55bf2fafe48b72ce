"""The `archdoc import` commands, run as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

from importhelpers import FIXTURES


def test_import_structurizr_writes_the_package(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(FIXTURES / "structurizr" / "deployment.dsl", tmp_path / "workspace.dsl")
    run = archdoc_cmd("import", "structurizr", "workspace.dsl", cwd=tmp_path)
    assert run.code == 0, run.output
    assert run.stdout == "created model/__init__.py\ncreated mkdocs.yml\n"
    assert "workspace.dsl:30: note: instances '1..N' is not carried over" in run.stderr
    assert "archdoc: 12 notes above on what was not carried over" in run.stderr
    validated = archdoc_cmd("validate", cwd=tmp_path)
    assert validated.code == 0, validated.output


def test_output_directory_and_ids(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "structurizr" / "basics.dsl"
    run = archdoc_cmd("import", "structurizr", str(source), "-o", "arch/model", "--ids", "names",
                      cwd=tmp_path)
    assert run.code == 0, run.output
    written = (tmp_path / "arch" / "model" / "__init__.py").read_text(encoding="utf-8")
    assert "id=" not in written
    assert "everything was carried over" in run.stderr


def test_never_overwrites(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    model = tmp_path / "model"
    model.mkdir()
    (model / "__init__.py").write_text("# mine\n", encoding="utf-8")
    run = archdoc_cmd("import", "structurizr", str(FIXTURES / "structurizr" / "basics.dsl"),
                      cwd=tmp_path)
    assert run.code == 1
    assert "error: model/__init__.py already exists; archdoc import never overwrites a file" \
        in run.stderr
    assert run.stdout == ""
    assert (model / "__init__.py").read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in model.iterdir()) == ["__init__.py"]


def test_an_error_writes_nothing(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "workspace.dsl").write_text(
        'workspace {\n    model {\n        a = softwareSystem "A"\n        a -> b\n    }\n}\n',
        encoding="utf-8")
    run = archdoc_cmd("import", "structurizr", "workspace.dsl", cwd=tmp_path)
    assert run.code == 1
    assert run.stderr.startswith(
        "workspace.dsl:4: error: the destination element 'b' does not exist"
    )
    assert "Traceback" not in run.output
    assert not (tmp_path / "model").exists()


def test_missing_source(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    run = archdoc_cmd("import", "structurizr", "nowhere.dsl", cwd=tmp_path)
    assert run.code == 1
    assert "error: cannot read nowhere.dsl" in run.stderr
    assert "Traceback" not in run.output


def test_import_backstage_several_files(tmp_path: Path, archdoc_cmd) -> None:  # type: ignore[no-untyped-def]
    catalog = FIXTURES / "backstage"
    run = archdoc_cmd("import", "backstage", str(catalog / "systems" / "discovery.yaml"),
                      str(catalog / "org.yaml"), "-o", "model", cwd=tmp_path)
    assert run.code == 0, run.output
    assert run.stdout == "created model/__init__.py\ncreated mkdocs.yml\n"
    assert "names no entity of these files" in run.stderr
    assert archdoc_cmd("validate", cwd=tmp_path).code == 0
