"""``archdoc export --format dot``: the Graphviz graphs the site lays out, without its links.

Every view of every example, of the nasty model and of the hostile one goes through one
``dot -Tsvg`` process: no error, no warning, every name shown as written. The export is the
site's own source minus the element links (the same layout, by ``dot -Tplain``) and minus the
provider icons of deployment nodes; the e-commerce example's views of each kind are compared
with golden files.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from archdoc.export.base import file_name
from archdoc.export.dot_format import without_links
from archdoc.export.registry import export_format
from archdoc.export.run import run_export
from archdoc.render import dot
from archdoc.site.diagrams import deployment_icon
from archdoc.views import DeploymentView, SequenceView, ViewIndex
from archdoc_testing import Golden, run_archdoc
from viewexports import (
    EXAMPLES, GOLDEN_KEYS, HERE, Export, export_models, hostile, squeeze, texts_of,
)

GOLDEN = Golden(HERE / "golden" / "dot")
ECOMMERCE = next(p for p in EXAMPLES if p.name == "ecommerce")


def _dot() -> str:
    found = shutil.which("dot")
    if found is None:
        pytest.skip("Graphviz `dot` is not installed: `make setup` installs it "
                    "(scripts/setup-system.sh)")
    return found


def _run_dot(format: str, sources: list[Path]) -> None:
    """One ``dot`` process over every source: ``a.dot`` -> ``a.dot.<format>``."""
    proc = subprocess.run([_dot(), f"-T{format}", "-O", *map(str, sources)], capture_output=True,
                          text=True, timeout=600, check=False)
    assert proc.returncode == 0 and not proc.stderr, (
        f"dot exited with {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Export]:
    return export_models("dot", tmp_path_factory.mktemp("dot"))


@pytest.fixture(scope="module")
def svgs(exports: list[Export]) -> dict[Path, str]:
    sources = [path for export in exports for path in export.paths()]
    _run_dot("svg", sources)
    return {p: Path(f"{p}.svg").read_text(encoding="utf-8") for p in sources}


def test_dot_draws_every_view_of_every_model(exports: list[Export], svgs: dict[Path, str]) -> None:
    for export in exports:
        assert len(export.files) == len(ViewIndex(export.model.workspace)), export.model.name
        assert export.dropped == []
    assert {e.model.name for e in exports} == {p.name for p in EXAMPLES} | {"nasty", "hostile"}
    assert len(svgs) == sum(len(e.files) for e in exports)
    assert all("<svg" in svg for svg in svgs.values())


def test_no_site_link_nor_machine_path_leaks(exports: list[Export]) -> None:
    for export in exports:
        for name, text in export.files.items():
            assert dot.ELEMENT_LINK not in text, name
            assert "URL=" not in text and 'target="_top"' not in text, name
            assert "image=" not in text, name


def _svg_text(svg: str) -> str:
    return squeeze("".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)))


@pytest.mark.parametrize("model", ["nasty", "hostile"])
def test_hostile_text_is_drawn_as_written(model: str, exports: list[Export],
                                          svgs: dict[Path, str]) -> None:
    export = next(e for e in exports if e.model.name == model)
    index = ViewIndex(export.model.workspace)
    wrong: list[tuple[str, str]] = []
    for key in index.keys():
        view = index[key]
        shown = _svg_text(svgs[export.directory / file_name(key, ".dot")])
        texts = texts_of(view)[1:]  # the title is the page's, not the drawing's
        wrong += [(key, t) for t in texts if squeeze(t) not in shown]
    assert not wrong, f"{len(wrong)} texts are not shown as written: {wrong[:10]}"


def test_the_export_is_the_site_layout_without_links(exports: list[Export],
                                                     tmp_path: Path) -> None:
    """Same ``dot -Tplain`` layout as the site's source for every view (for deployment views,
    the site's source without its provider icons, which the export leaves out)."""
    export = next(e for e in exports if e.model.name == "ecommerce")
    index = ViewIndex(export.model.workspace)
    site_dir, export_dir = tmp_path / "site", tmp_path / "export"
    site_dir.mkdir()
    export_dir.mkdir()
    pairs = []
    for key in index.keys():
        view = index[key]
        site = dot.render(view, deployment_icon if isinstance(view, DeploymentView) else None)
        name = file_name(key, ".dot")
        exported = export.files[name]
        if isinstance(view, DeploymentView):
            assert "image=" in site and "image=" not in exported
            site = dot.render(view)
        assert isinstance(view, SequenceView) or dot.ELEMENT_LINK in site
        assert without_links(site) == exported
        (site_dir / name).write_text(site, encoding="utf-8")
        (export_dir / name).write_text(exported, encoding="utf-8")
        pairs.append(name)
    _run_dot("plain", [site_dir / n for n in pairs] + [export_dir / n for n in pairs])

    def drawn(path: Path) -> str:
        # The nodes, edges and labels Graphviz laid out; positions may move a fraction of a
        # point when attributes that do not draw anything (links) are left out.
        return re.sub(r"-?\d+\.\d+", "#", path.read_text(encoding="utf-8"))

    for name in pairs:
        assert drawn(export_dir / f"{name}.plain") == drawn(site_dir / f"{name}.plain"), name


def test_links_are_taken_out_whatever_the_ids() -> None:
    index = ViewIndex(hostile())
    for key in index.keys():
        source = dot.render(index[key])
        exported = without_links(source)
        assert dot.ELEMENT_LINK not in exported and 'target="_top"' not in exported, key
        assert exported.count("tooltip=") == source.count("tooltip="), key
        assert exported.splitlines()[0] == source.splitlines()[0]


def test_ecommerce_views_match_the_golden_files(exports: list[Export]) -> None:
    export = next(e for e in exports if e.model.name == "ecommerce")
    for key in GOLDEN_KEYS:
        name = file_name(key, ".dot")
        GOLDEN.check(name, export.files[name])


def test_export_is_deterministic() -> None:
    fmt = export_format("dot")
    assert fmt is not None
    assert (
        run_export(hostile(), fmt, root=HERE).files == run_export(hostile(), fmt, root=HERE).files
    )


def test_cli_writes_one_graph_per_view(tmp_path: Path) -> None:
    out = tmp_path / "graphs"
    result = run_archdoc("export", "--format", "dot", "-o", str(out), cwd=ECOMMERCE)
    assert result.code == 0 and result.stderr == "", result.output
    assert len(list(out.iterdir())) == 39
    one = run_archdoc("export", "--format", "dot", "--view", "deployment:production", cwd=ECOMMERCE)
    assert one.code == 0, one.output
    assert one.stdout == (out / "deployment-production.dot").read_text(encoding="utf-8")
