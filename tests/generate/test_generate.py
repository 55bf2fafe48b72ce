"""``archdoc generate`` on small projects: what the tree holds, its configuration (golden), where
it may be written, how it is replaced, and the errors that leave everything as it was."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest
import yaml

from archdoc_testing import ARCHDOC_EXE, Golden, ProjectFactory, Result, run_archdoc

MODEL = """
from archdoc import Workspace

ws = Workspace("Shop", "A shop")
user = ws.person("User", "Buys things")
shop = ws.system("Shop", "Sells")
web = shop.container("Web", "Storefront", technology="React")
api = shop.container("API", "Orders", technology="Go")
db = shop.database("DB", "Orders data", owner=api)
user.uses(web, "Browses", technology="HTTPS")
web.uses(api, "Calls", operation="POST /orders")
api.uses(db, "Reads and writes", technology="SQL")
"""

CONFIG = """
site_name: Shop
site_url: !ENV [SHOP_SITE_URL, ""]
use_directory_urls: false
theme:
  name: material
  custom_dir: overrides
hooks:
  - hooks/shout.py
watch:
  - model
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
  - pymdownx.superfences
plugins:
  - search
  - archdoc:
      section: The architecture
      offline_mermaid: false
extra_css:
  - css/site.css
not_in_nav: |
  /notes/*
nav:
  - Home: index.md
  - Notes: notes/one.md
"""

INDEX = """\
---
title: Home
---
# Shop

The containers:

```archdoc
containers:shop
```

````markdown
```archdoc
dependencies
```
````
"""


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


@pytest.fixture
def shop(project: ProjectFactory) -> Path:
    root = project(MODEL, mkdocs=CONFIG)
    write(root, {"docs/index.md": INDEX, "docs/notes/one.md": "# One\n\nPlain text.\n",
                 "docs/css/site.css": "body { color: black; }\n",
                 "overrides/main.html": "{% extends 'base.html' %}\n",
                 "hooks/shout.py": "def on_config(config):\n    return config\n"})
    (root / "docs" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return root


def generate(root: Path, *args: str) -> Result:
    if not ARCHDOC_EXE.exists():
        pytest.skip(f"{ARCHDOC_EXE} is not installed")
    return run_archdoc("generate", *args, cwd=root)


def snapshot(root: Path, *, skip: str = "build") -> dict[str, str]:
    """Every file of the project (but those below ``skip``) -> its hash."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()
            and not p.relative_to(root).as_posix().startswith(skip)
            and "__pycache__" not in p.parts}


def tree_files(tree: Path) -> dict[str, bytes]:
    return {
        p.relative_to(tree).as_posix(): p.read_bytes()
        for p in sorted(tree.rglob("*"))
        if p.is_file()
    }


# -- the tree --------------------------------------------------------------------------------


def test_the_tree_holds_the_users_files_the_generated_pages_and_a_standalone_config(
        shop: Path, golden: Golden) -> None:
    before = snapshot(shop)
    result = generate(shop)
    assert result.code == 0, result.output
    tree = shop / "build" / "archdoc"
    assert result.stdout.splitlines()[0].startswith("wrote build/archdoc: 2 pages of yours, ")
    assert "mkdocs build -f build/archdoc/mkdocs.yml" in result.stdout
    docs = tree / "docs"
    # The user's files, those without fences byte for byte.
    assert (docs / "notes" / "one.md").read_bytes() == (
        shop / "docs" / "notes" / "one.md"
    ).read_bytes()
    assert (docs / "logo.png").read_bytes() == (shop / "docs" / "logo.png").read_bytes()
    assert (docs / "css" / "site.css").is_file()
    # Every generated page, as the plugin generates it.
    for page in ("architecture/index.md", "architecture/elements/shop.web.md",
                 "architecture/dependencies.md"):
        assert (docs / page).is_file(), page
    assert (docs / "assets" / "archdoc" / "archdoc.js").is_file()
    assert (docs / "assets" / "archdoc" / "archdoc.css").is_file()
    # The configuration, rewritten (golden: a reviewer reads what the engines get).
    golden.check("generate/mkdocs.yml", (tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert snapshot(shop) == before, "generate changed the project's own files"


def test_fences_are_expanded_and_front_matter_and_nested_examples_kept(shop: Path) -> None:
    assert generate(shop).code == 0
    text = (shop / "build" / "archdoc" / "docs" / "index.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Home\n---\n# Shop\n")
    assert "```archdoc\ncontainers:shop" not in text
    assert 'data-archdoc-view="containers:shop"' in text
    assert "````markdown\n```archdoc\ndependencies\n```\n````" in text  # an example stays one


def test_mkdocs_reads_the_trees_configuration_with_its_tags_and_paths(shop: Path) -> None:
    """MkDocs itself loads the tree's mkdocs.yml: tags resolved, every rewritten path found."""
    from mkdocs.config import load_config as mkdocs_config

    assert generate(shop).code == 0
    tree = shop / "build" / "archdoc"
    config = mkdocs_config(str(tree / "mkdocs.yml"))
    assert config.site_url == ""  # !ENV [SHOP_SITE_URL, ""]
    from material.extensions.emoji import twemoji

    emoji = config.mdx_configs["pymdownx.emoji"]["emoji_index"]
    assert emoji is twemoji  # !!python/name:material.extensions.emoji.twemoji
    assert Path(config.docs_dir) == tree / "docs"
    assert Path(config.site_dir) == tree / "site"
    assert Path(config.theme.custom_dir).resolve() == (shop / "overrides").resolve()
    assert [Path(w).resolve() for w in config.watch] == [(shop / "model").resolve()]
    assert list(config.plugins) == ["material/search", "../../hooks/shout.py"]  # the hook, loaded
    nav = config.nav
    assert nav[:2] == [{"Home": "index.md"}, {"Notes": "notes/one.md"}]
    assert nav[-1]["The architecture"][0] == {"Overview": "architecture/index.md"}
    assert config.extra_css == ["css/site.css", "assets/archdoc/archdoc.css"]
    assert [str(js) for js in config.extra_javascript] == ["assets/archdoc/archdoc.js"]
    assert config.not_in_nav is not None
    assert config.not_in_nav.match_file("architecture/elements/shop.web.md")
    assert config.not_in_nav.match_file("notes/two.md")
    assert not config.not_in_nav.match_file("architecture/index.md")


def test_two_runs_write_byte_identical_trees(shop: Path) -> None:
    assert generate(shop).code == 0
    first = tree_files(shop / "build" / "archdoc")
    assert generate(shop).code == 0
    again = tree_files(shop / "build" / "archdoc")
    assert again.keys() == first.keys()
    assert [k for k in first if first[k] != again[k]] == []


def test_a_properdocs_yml_is_the_configuration_where_the_project_has_it(shop: Path) -> None:
    (shop / "mkdocs.yml").rename(shop / "properdocs.yml")
    assert run_archdoc("validate", cwd=shop).code == 0
    result = generate(shop)
    assert result.code == 0, result.output
    assert "from ../../properdocs.yml" in (shop / "build" / "archdoc" / "mkdocs.yml").read_text()


def test_inherit_is_merged_into_the_tree(shop: Path) -> None:
    base = (shop / "mkdocs.yml").read_text(encoding="utf-8")
    (shop / "base.yml").write_text(base, encoding="utf-8")
    (shop / "mkdocs.yml").write_text(
        "INHERIT: base.yml\nsite_name: Shop, inherited\n", encoding="utf-8"
    )
    result = generate(shop)
    assert result.code == 0, result.output
    data = yaml.safe_load(
        (shop / "build" / "archdoc" / "mkdocs.yml")
        .read_text()
        .replace("!!python/name:", "")
        .replace("!ENV", "")
    )
    assert data["site_name"] == "Shop, inherited" and "INHERIT" not in data
    assert data["plugins"] == ["search"]


# -- where the tree goes, and what it replaces --------------------------------------------------


def test_a_second_run_replaces_the_tree_it_wrote(shop: Path) -> None:
    assert generate(shop).code == 0
    stale = shop / "build" / "archdoc" / "docs" / "gone.md"
    stale.write_text("# from an older run\n", encoding="utf-8")
    assert generate(shop).code == 0
    assert not stale.exists()
    assert [p.name for p in (shop / "build").iterdir()] == ["archdoc"]


@pytest.mark.parametrize(("where", "says"), [
    ("docs/out", "is inside the docs directory"),
    (".", "holds the project itself"),
    ("..", "holds the project itself"),
    ("mine", "is not empty and is not a tree archdoc wrote"),
])
def test_the_tree_is_never_written_over_the_users_files(shop: Path, where: str, says: str) -> None:
    write(shop, {"mine/notes.txt": "my own\n"})
    before = snapshot(shop, skip="\0")
    result = generate(shop, "-o", where)
    assert result.code == 2
    assert says in result.stderr
    assert snapshot(shop, skip="\0") == before


def test_leftovers_of_a_killed_run_look_incomplete_and_are_cleared(shop: Path) -> None:
    build = shop / "build"
    # What a run killed while writing leaves: a hidden directory without the marker.
    left = build / ".archdoc.partial-999999999"
    write(left, {"docs/index.md": "# half\n"})
    assert not (build / "archdoc").exists()
    assert generate(shop).code == 0
    assert not left.exists()
    assert (build / "archdoc" / ".archdoc-tree").is_file()


def test_an_interrupted_write_leaves_the_previous_tree(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert generate(shop).code == 0
    before = tree_files(shop / "build" / "archdoc")
    from archdoc.project import load_project, validate_project
    from archdoc.site import tree as tree_module
    from archdoc.site.build import start_build

    project = load_project(shop / "mkdocs.yml")
    source = tree_module.read_tree_source(shop / "mkdocs.yml")
    build = start_build(project, project.config, directory_urls=False,
                        diagnostics=validate_project(project))
    calls = {"n": 0}
    real = tree_module._write_text

    def dying(path: Path, text: str) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        real(path, text)

    monkeypatch.setattr(tree_module, "_write_text", dying)
    with pytest.raises(KeyboardInterrupt):
        tree_module.write_tree(build, source, shop / "build" / "archdoc")
    build.context.close()
    assert tree_files(shop / "build" / "archdoc") == before
    assert [p.name for p in (shop / "build").iterdir()] == ["archdoc"]


# -- errors --------------------------------------------------------------------------------------


def test_an_unknown_block_names_its_page_and_line_and_writes_nothing(shop: Path) -> None:
    write(
        shop, {"docs/notes/one.md": "# One\n\n```archdoc\ncontainers:shop\ncontainerz:shop\n```\n"}
    )
    result = generate(shop)
    assert result.code == 2
    assert "docs/notes/one.md:5: error: unknown archdoc block 'containerz:shop'" in result.stderr
    assert "hint: did you mean 'containers:shop'" in result.stderr
    assert not (shop / "build").exists()


def test_a_missing_configuration_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, {"model/__init__.py": MODEL, "docs/index.md": "# x\n"})
    for command in (("generate",), ("validate",), ("export",)):
        result = run_archdoc(*command, cwd=tmp_path)
        assert result.code == 2, (command, result.output)
        assert ("error: no mkdocs.yml or properdocs.yml in the working directory or a directory "
                "above it") in result.stderr
        assert "hint:" in result.stderr
    assert not (tmp_path / "build").exists()


def test_two_configurations_are_an_error_that_asks_which(shop: Path) -> None:
    (shop / "properdocs.yml").write_text((shop / "mkdocs.yml").read_text())
    result = generate(shop)
    assert result.code == 2
    assert "more than one configuration here: mkdocs.yml, properdocs.yml" in result.stderr
    assert run_archdoc("generate", "-f", "properdocs.yml", cwd=shop).code == 0


def test_a_missing_docs_dir_is_an_error(shop: Path) -> None:
    (shop / "mkdocs.yml").write_text((shop / "mkdocs.yml").read_text() + "docs_dir: pages\n")
    result = generate(shop)
    assert result.code == 2 and "docs_dir pages does not exist" in result.stderr


def test_a_users_page_where_a_generated_one_goes_is_an_error(shop: Path) -> None:
    write(shop, {"docs/architecture/index.md": "# mine\n"})
    result = generate(shop)
    assert result.code == 2 and "is generated by archdoc" in result.stderr
    assert not (shop / "build").exists()


def test_strict_mode_with_warnings_writes_nothing(project: ProjectFactory) -> None:
    root = project(
        MODEL + "api.uses(web, 'Calls back', operation='GET /cart')\n",
        mkdocs="site_name: x\nstrict: true\nplugins:\n  - archdoc:\n      offline_mermaid: false\n",
    )
    write(root, {"docs/index.md": "# x\n"})
    result = generate(root)
    assert result.code == 1, result.output
    assert "warning: model/__init__.py:" in result.stderr and "error[sync-cycle]" in result.stderr
    assert "in strict mode" in result.stderr
    assert not (root / "build").exists()
    result = generate(root, "--no-strict")
    assert result.code == 0 and "error[sync-cycle]" in result.stderr
