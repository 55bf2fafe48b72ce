"""What the importer refuses: a clear error at the file and line of the source, nothing written."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from archdoc.importers import ImportSourceError, import_structurizr

MODEL = """\
workspace {{
    model {{
        user = person "User"
        app = softwareSystem "App" {{
            web = container "Web"
        }}
{body}
    }}
}}
"""

ERRORS = [
    # (id, the model's extra lines or a whole file, the line of the error, words of its message)
    (
        "unknown-keyword",
        "        sofwareSystem \"Typo\"",
        7,
        "unexpected 'sofwareSystem' in the model",
    ),
    (
        "unknown-identifier",
        "        user -> ap \"Uses\"",
        7,
        "the destination element 'ap' does not exist",
    ),
    (
        "forward-reference",
        "        user -> later \"Uses\"\n        later = softwareSystem \"Later\"",
        7,
        "'later' does not exist",
    ),
    (
        "duplicate-identifier",
        "        app = softwareSystem \"Again\"",
        7,
        "identifier 'app' is already in use",
    ),
    (
        "too-many-tokens",
        "        user -> app \"Uses\" \"HTTPS\" \"Tag\" \"more\"",
        7,
        "too many tokens",
    ),
    (
        "script",
        "        !script groovy {\n            workspace.name = 'x'\n        }",
        7,
        "!script is not supported",
    ),
    ("plugin", "        !plugin com.example.Plugin", 7, "!plugin is not supported"),
    (
        "bulk",
        "        !elements \"element.type==Container\" {\n            tags \"X\"\n        }",
        7,
        "!elements is not supported",
    ),
    ("remove-relationship", "        user -/> app", 7, "-/> is not supported"),
    (
        "remote-include",
        "        !include https://example.com/model.dsl",
        7,
        "!include of a URL (https://example.com/model.dsl) is not supported",
    ),
    ("missing-include", "        !include nowhere.dsl", 7, "does not exist"),
    ("unclosed-block", "        other = softwareSystem \"Other\" {", 7, "never closed"),
    ("bad-identifiers", "        !identifiers nested", 7, "expected flat or hierarchical"),
    ("container-in-model", "        container \"Stray\"", 7, "unexpected 'container' in the model"),
    (
        "instance-of-system",
        "        live = deploymentEnvironment \"Live\" {\n"
        "            node = deploymentNode \"Node\" {\n"
        "                containerInstance app\n"
        "            }\n"
        "        }",
        9,
        "'app' is not a container",
    ),
    (
        "node-to-element",
        "        live = deploymentEnvironment \"Live\" {\n"
        "            node = deploymentNode \"Node\"\n"
        "            node -> user \"Uses\"\n"
        "        }",
        9,
        "between a deployment node and a model element is not allowed",
    ),
]


@pytest.mark.parametrize("body, line, words", [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_error_at_its_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = tmp_path / "workspace.dsl"
    path.write_text(MODEL.format(body=body), encoding="utf-8")
    with pytest.raises(ImportSourceError) as caught:
        import_structurizr(path)
    error = caught.value
    assert words in error.message
    assert error.location is not None
    assert (Path(error.location.file), error.location.line) == (path, line)
    assert error.hint


WHOLE_FILES = [
    ("extra-brace", 'workspace {\n    model {\n    }\n}\n}\n', 5, "closes no block"),
    ("no-workspace", 'model {\n}\n', 1, "outside the workspace block"),
    ("extends-url", 'workspace extends https://example.com/base.dsl {\n}\n', 1,
     "extending a remote workspace is not supported"),
    ("extends-json", 'workspace extends base.json {\n}\n', 1,
     "extends a JSON workspace: not supported"),
    ("text-block", 'workspace {\n    model {\n        u = person "U" """\n            text\n', 3,
     "text block is never closed"),
    ("bad-autolayout", 'workspace {\n    model {\n        s = softwareSystem "S"\n    }\n'
     '    views {\n        systemContext s {\n            include *\n            autoLayout up\n'
     '        }\n    }\n}\n', 8, "expected tb, bt, lr or rl"),
    ("bad-step", 'workspace {\n    model {\n        s = softwareSystem "S"\n    }\n'
     '    views {\n        dynamic * {\n            s\n        }\n    }\n}\n', 7,
     "expected a step of the dynamic view"),
]


@pytest.mark.parametrize("text, line, words", [e[1:] for e in WHOLE_FILES],
                         ids=[e[0] for e in WHOLE_FILES])
def test_file_error_at_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "workspace.dsl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportSourceError) as caught:
        import_structurizr(path)
    assert words in caught.value.message
    assert caught.value.location is not None and caught.value.location.line == line


def test_error_in_an_included_file_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "people.dsl").write_text('user = person "User"\nuser2 = persn "Typo"\n',
                                         encoding="utf-8")
    path = tmp_path / "workspace.dsl"
    path.write_text(textwrap.dedent("""\
        workspace {
            model {
                !include people.dsl
            }
        }
        """), encoding="utf-8")
    with pytest.raises(ImportSourceError) as caught:
        import_structurizr(path)
    location = caught.value.location
    assert location is not None
    assert (Path(location.file).name, location.line) == ("people.dsl", 2)


def test_include_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.dsl").write_text("!include b.dsl\n", encoding="utf-8")
    (tmp_path / "b.dsl").write_text("!include a.dsl\n", encoding="utf-8")
    path = tmp_path / "workspace.dsl"
    path.write_text(
        "workspace {\n    model {\n        !include a.dsl\n    }\n}\n", encoding="utf-8"
    )
    with pytest.raises(ImportSourceError, match="includes itself"):
        import_structurizr(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "workspace.dsl"
    path.write_bytes(b'workspace {\n    model {\n        u = person "Jos\xe9"\n    }\n}\n')
    with pytest.raises(ImportSourceError) as caught:
        import_structurizr(path)
    assert "not UTF-8" in caught.value.message
    assert caught.value.location is not None and caught.value.location.line == 3


def test_json_errors(tmp_path: Path) -> None:
    path = tmp_path / "workspace.json"
    path.write_text('{\n  "name": "X",\n  "model": {\n', encoding="utf-8")
    with pytest.raises(ImportSourceError) as caught:
        import_structurizr(path)
    assert "not valid JSON" in caught.value.message and caught.value.location is not None
    path.write_text('["not", "a", "workspace"]', encoding="utf-8")
    with pytest.raises(ImportSourceError, match="not a Structurizr workspace"):
        import_structurizr(path)
