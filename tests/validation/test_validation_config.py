"""Reading the ``archdoc`` options from ``mkdocs.yml``: defaults, forms, line numbers, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from archdoc import ConfigError
from archdoc.config import USER_OPTIONS, load_config
from archdoc.project import load_project


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_configuration_file_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_config()
    assert info.value.message == ("no mkdocs.yml or properdocs.yml in the working directory or a "
                                  "directory above it")
    assert info.value.hint is not None and "-f" in info.value.hint


def test_the_adr_commands_take_the_defaults_without_a_configuration_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(missing_ok=True)
    assert (config.model, config.adr_dir, config.rules, config.layers, config.forbidden) == (
        "model", "adr", {}, [], [])
    assert config.root == tmp_path
    assert config.config_file is None and config.location() is None


@pytest.mark.parametrize("name", ["properdocs.yml", "properdocs.yaml", "mkdocs.yaml"])
def test_reads_properdocs_yml_where_the_project_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / name).write_text("site_name: x\nplugins:\n  - archdoc:\n      model: arch\n")
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.model == "arch" and config.config_file == tmp_path / name


def test_two_configuration_files_are_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("mkdocs.yml", "properdocs.yml"):
        (tmp_path / name).write_text("site_name: x\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(
        ConfigError, match="more than one configuration here: mkdocs.yml, properdocs.yml"
    ):
        load_config()
    with pytest.raises(ConfigError):
        load_config(missing_ok=True)


def test_reads_mkdocs_yml_of_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "site_name: x\nplugins:\n  - archdoc:\n      model: arch\n")
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.model == "arch"
    assert config.root == tmp_path.resolve()


@pytest.mark.parametrize(
    ("text", "model", "line"),
    [
        ("site_name: x\n", "model", 0),
        ("site_name: x\nplugins:\n  - search\n", "model", 0),
        ("site_name: x\nplugins:\n  - search\n  - archdoc\n", "model", 4),
        ("site_name: x\nplugins:\n  - archdoc:\n      model: m\n", "m", 3),
        ("site_name: x\nplugins:\n  archdoc:\n    model: m\n", "m", 3),       # the mapping form
        ("site_name: x\nplugins:\n  - archdoc:\n", "model", 3),              # no options
        # the site name mentions archdoc: the line is still the plugin entry's
        ("site_name: archdoc demo\nrepo_name: me/archdoc\nplugins:\n  - search\n  - archdoc:\n"
         "      model: m\n", "m", 5),
        ("site_name: x\n# archdoc is configured below\nplugins:\n  - archdoc:  # archdoc\n"
         "      adr_dir: docs/adr\n", "model", 4),
    ],
)
def test_plugin_entry_forms_and_line(tmp_path: Path, text: str, model: str, line: int) -> None:
    config = load_config(write(tmp_path, text))
    assert config.model == model
    assert config.config_line == line


def test_python_and_env_tags_are_tolerated(tmp_path: Path) -> None:
    text = (
        "site_name: !ENV [SITE, x]\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - archdoc:\n      rules: {missing-description: 'off'}\n"
    )
    assert load_config(write(tmp_path, text)).rules == {"missing-description": "off"}


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            "site_name: x\nplugins:\n  - archdoc:\n      model: [m\nnav: []\n",
            "mkdocs.yml is not valid YAML",
            4,
        ),
        ("site_name: x\n  bad: indent\n", "mkdocs.yml is not valid YAML", 2),
        ("- a\n- b\n", "mkdocs.yml must be a mapping of settings", 1),
        ("plugins: archdoc\n", "`plugins` must be a list", 1),
        ("plugins:\n  - archdoc: [1, 2]\n", "the archdoc plugin's options must be a mapping", 2),
        # an option's error is at the option's own line
        ("plugins:\n  - archdoc:\n      modle: x\n", "unknown archdoc option 'modle'", 3),
        (
            "plugins:\n  - archdoc:\n      rules: {sync-cycle: loud}\n",
            "archdoc option rules.sync-cycle:",
            3,
        ),
        (
            "plugins:\n  - archdoc:\n      layers: [{name: a}]\n",
            "archdoc option layers.0.match: Field required",
            3,
        ),
        (
            "plugins:\n  - archdoc:\n      layers:\n"
            "        - name: a\n          match: x\n        - name: b\n",
            "archdoc option layers.1.match: Field required",
            6,
        ),
        (
            "plugins:\n  - archdoc:\n      forbidden: [{from: a, too: b}]\n",
            "unknown archdoc option 'forbidden.0.too'",
            3,
        ),
        # diagrams: a typed sub-model
        (
            "plugins:\n  - archdoc:\n      model: m\n      diagrams: {direction: XY}\n",
            "archdoc option diagrams.direction: Input should be 'TB', 'LR', 'BT' or 'RL' "
            "(not 'XY')",
            4,
        ),
        (
            "plugins:\n  - archdoc:\n      diagrams:\n"
            "        deployment: mermaid\n        max_view_elements: lots\n",
            "archdoc option diagrams.max_view_elements: Input should be a valid integer "
            "(not 'lots')",
            5,
        ),
        (
            "plugins:\n  - archdoc:\n      diagrams: {max_view_elements: 0}\n",
            "archdoc option diagrams.max_view_elements: Input should be greater than or equal to 1",
            3,
        ),
        (
            "plugins:\n  - archdoc:\n      diagrams:\n        directon: LR\n",
            "unknown archdoc option 'diagrams.directon'",
            4,
        ),
        (
            "plugins:\n  - archdoc:\n      diagrams: LR\n",
            "archdoc option diagrams: Input should be",
            3,
        ),
        # pages: the page groups
        (
            "plugins:\n  - archdoc:\n      pages: [home, decision]\n",
            "archdoc option pages.1: Input should be",
            3,
        ),
    ],
)
def test_bad_configuration(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert message in info.value.message
    assert info.value.location is not None
    assert (Path(info.value.location.file), info.value.location.line) == (path, line)
    assert info.value.hint


def test_an_unknown_rule_id_is_an_error_at_its_line(tmp_path: Path) -> None:
    """The rule ids are the validation registry's: checked when the project is loaded."""
    path = write(tmp_path, "plugins:\n  - archdoc:\n      rules:\n        sync-cycle: error\n"
                           "        sync-cylce: off\n")
    with pytest.raises(ConfigError) as info:
        load_project(path)
    assert "unknown rule 'sync-cylce' under `rules:`" in info.value.message
    assert info.value.location is not None
    assert (Path(info.value.location.file), info.value.location.line) == (path, 5)
    assert info.value.hint


def test_unknown_option_suggests_the_close_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "plugins:\n  - archdoc:\n      adr_directory: x\n"))
    assert info.value.hint == "did you mean 'adr_dir'?"
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "plugins:\n  - archdoc:\n      diagrams: {directon: LR}\n"))
    assert info.value.hint == "did you mean 'direction'?"


def test_diagram_options_are_typed(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, "plugins:\n  - archdoc:\n      diagrams: {direction: LR}\n")
    )
    assert config.diagrams.model_dump() == {"direction": "LR", "deployment": "diagrams",
                                            "engine": "graphviz", "max_view_elements": 1000,
                                            "max_view_relationships": 3000}
    assert config.location("diagrams.direction").line == 3


def test_options_the_user_did_not_write_stay_unset(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "plugins:\n  - archdoc:\n      model: m\n"))
    assert config.model_fields_set & set(USER_OPTIONS) == {"model"}


def test_a_configuration_that_is_not_utf8_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_bytes(b"site_name: x\nsite_author: Caf\xe9\nplugins:\n  - archdoc\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.message == "mkdocs.yml is not UTF-8 text (byte 0xe9)"
    assert info.value.location is not None and info.value.location.line == 2


def test_an_unreadable_configuration_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "site_name: x\n")
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.message == "cannot read mkdocs.yml: Permission denied"


def test_missing_configuration_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yml")


def test_empty_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "")).model == "model"


def test_one_pattern_may_be_a_string(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "plugins:\n  - archdoc:\n      layers: [{name: a, match: 'tag:x'}]\n"
            "      forbidden: [{from: 'a.*', to: 'b.*', transitive: true}]\n",
        )
    )
    assert config.layers[0].match == ["tag:x"]
    assert (config.forbidden[0].from_, config.forbidden[0].to, config.forbidden[0].transitive) == (
        ["a.*"], ["b.*"], True)
