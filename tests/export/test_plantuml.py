"""``archdoc export --format plantuml``: C4-PlantUML that Debian's plantuml draws.

Every view of every example, of the nasty model and of the hostile one is rendered to SVG by one
``plantuml -tsvg -failfast2`` run: no syntax error, no error image, every name shown as written.
The e-commerce example's views of each kind are compared with golden files.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from archdoc.export.base import file_name
from archdoc.export.registry import export_format
from archdoc.export.run import run_export
from archdoc.render.plantuml import diagram_name, plantuml_text
from archdoc.views import ViewIndex
from archdoc_testing import Golden, run_archdoc
from viewexports import (
    EXAMPLES, GOLDEN_KEYS, HERE, Export, export_models, hostile, squeeze, texts_of,
)

GOLDEN = Golden(HERE / "golden" / "plantuml")
ECOMMERCE = next(p for p in EXAMPLES if p.name == "ecommerce")

#: What PlantUML writes into the image instead of the diagram when it fails.
ERROR_TEXTS = ("Syntax Error", "An error has occured", "cannot parse result from dot",
               "java.lang.", "Cannot find")


def _plantuml() -> str:
    found = shutil.which("plantuml")
    if found is None:
        pytest.skip("Debian's plantuml is not installed: `make setup` installs it "
                    "(scripts/setup-system.sh)")
    return found


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Export]:
    return export_models("plantuml", tmp_path_factory.mktemp("plantuml"))


def _svg_of(puml: Path) -> Path:
    first = puml.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("@startuml "), (puml, first)
    return puml.with_name(first.removeprefix("@startuml ") + ".svg")


@pytest.fixture(scope="module")
def svgs(exports: list[Export]) -> dict[Path, str]:
    """Every exported diagram drawn by one plantuml process: source path -> SVG."""
    plantuml = _plantuml()
    sources = [path for export in exports for path in export.paths()]
    proc = subprocess.run(
        [
            plantuml,
            "-tsvg",
            "-failfast2",
            "-charset",
            "UTF-8",
            "-nbthread",
            "auto",
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert proc.returncode == 0, (
        f"plantuml exited with {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    )
    missing = [str(p) for p in sources if not _svg_of(p).is_file()]
    assert not missing, f"plantuml drew no image of {missing}"
    return {p: _svg_of(p).read_text(encoding="utf-8") for p in sources}


def _svg_text(svg: str) -> str:
    """The text of a drawing, white space and the word joiners of the escaping left out."""
    texts = (html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    return squeeze("".join(texts))


def test_every_view_of_every_model_is_exported(exports: list[Export]) -> None:
    for export in exports:
        index = ViewIndex(export.model.workspace)
        assert len(export.files) == len(index), export.model.name
        assert {diagram_name(k) for k in index.keys()} == {
            _svg_of(p).stem for p in export.paths()}, "two views would draw the same image"
    assert {e.model.name for e in exports} == {p.name for p in EXAMPLES} | {"nasty", "hostile"}


def test_plantuml_draws_every_view_without_an_error(svgs: dict[Path, str]) -> None:
    failed = {str(path): [t for t in ERROR_TEXTS if t in svg] for path, svg in svgs.items()}
    failed = {path: texts for path, texts in failed.items() if texts}
    assert not failed, f"{len(failed)} of {len(svgs)} diagrams are PlantUML error images: {failed}"
    assert all("<svg" in svg for svg in svgs.values())


@pytest.mark.parametrize("model", ["nasty", "hostile"])
def test_hostile_text_is_drawn_as_written(model: str, exports: list[Export],
                                          svgs: dict[Path, str]) -> None:
    export = next(e for e in exports if e.model.name == model)
    index = ViewIndex(export.model.workspace)
    wrong: list[tuple[str, str]] = []
    for key in index.keys():
        shown = _svg_text(svgs[export.directory / file_name(key, ".puml")])
        wrong += [(key, t) for t in texts_of(index[key]) if squeeze(t) not in shown]
    assert not wrong, f"{len(wrong)} texts are not shown as written: {wrong[:10]}"


def test_ecommerce_views_match_the_golden_files(exports: list[Export]) -> None:
    export = next(e for e in exports if e.model.name == "ecommerce")
    for key in GOLDEN_KEYS:
        name = key.replace(":", "-") + ".puml"
        GOLDEN.check(name, export.files[name])


def test_views_use_the_c4_macros_of_their_level(exports: list[Export]) -> None:
    files = next(e for e in exports if e.model.name == "ecommerce").files
    assert "!include <C4/C4_Context>" in files["landscape.puml"]
    assert "!include <C4/C4_Container>" in files["containers-ecommerce.puml"]
    assert "!include <C4/C4_Component>" in files["components-ecommerce.order-api.puml"]
    containers = files["containers-ecommerce.puml"]
    assert 'System_Boundary(ecommerce, "E-Commerce System") {' in containers
    assert (
        'ContainerDb(ecommerce_postgresql, "PostgreSQL", "PostgreSQL 16", "Primary data store")'
        in containers
    )
    assert "Person(customer, " in containers and "System_Ext(payment_provider, " in containers
    # asynchronous: dashed; critical: thick and orange, as the site draws them
    assert ('Rel_(ecommerce_order_api, email_service, "Sends emails", "REST API", "-[dashed]->")'
            in containers)
    assert '"-[#c2410c,thickness=3]->")' in containers
    flow = files["flow-checkout.puml"]
    assert "autonumber" in flow and "\nalt Insufficient stock\n" in flow and "\nelse " in flow
    assert " --> " in flow  # replies
    deployment = files["deployment-production.puml"]
    assert deployment.count("node ") > 10 and "ContainerDb(" in deployment


def test_groups_styles_directions_and_what_cannot_be_carried() -> None:
    result = run_export(hostile(), export_format("plantuml"), root=HERE)  # type: ignore[arg-type]
    containers = result.files["containers-LAYOUT_TOP_DOWN.puml"]
    # groups are generic boundaries, nested in the system's boundary
    assert containers.index("System_Boundary(layout_top_down") < containers.index(
        "  Boundary(group_layout_top_down_e_label") < containers.index(
        "    Boundary(group_layout_top_down_e_label_e_alias_e_techn_e_descr_red")
    # a relationship's style by tag is carried on its arrow
    assert '"-[#7c3aed,dotted,thickness=4]->")' in containers
    # the element style's shape: a cylinder is a database
    assert (
        "ComponentDb(layout_top_down_a_b_c2," in result.files["components-LAYOUT_TOP_DOWN.a-b.puml"]
    )
    assert "\ntop to bottom direction\n" in result.files["view-bt.puml"]
    assert "\nleft to right direction\n" in result.files["view-rl.puml"]
    assert "\nleft to right direction\n" in result.files["view-around.puml"]
    assert "\ntop to bottom direction\n" in containers
    assert result.dropped == [
        "queues are drawn as containers: C4-PlantUML 1.0.0 has no ContainerQueue",
        "styles by tag (ws.style) of elements, and the legend of tags: C4-PlantUML 1.0.0 has no "
        "AddElementTag, so elements keep the C4 colours",
        "the legend of relationship styles by tag (ws.style): C4-PlantUML 1.0.0 has no AddRelTag; "
        "the colours and lines themselves are carried",
        "external containers and components are drawn as internal ones: C4-PlantUML 1.0.0 has no "
        "Container_Ext or Component_Ext",
        "direction BT: PlantUML lays diagrams out top-down or left-right only, "
        "so these are drawn TB",
        "direction RL: PlantUML lays diagrams out top-down or left-right only, "
        "so these are drawn LR",
        "properties of deployment nodes (the site lists them)",
        "icons of deployment nodes",
    ]


def test_aliases_are_plain_unique_names() -> None:
    result = run_export(hostile(), export_format("plantuml"), root=HERE)  # type: ignore[arg-type]
    text = result.files["containers-LAYOUT_TOP_DOWN.puml"]
    aliases = re.findall(r"^\s*(?!Rel)\w+\((\w+), ", text, flags=re.M)
    assert len(aliases) == len(set(aliases)) > 10
    assert all(re.fullmatch(r"[a-z_][a-z0-9_]*", a) and not a.startswith("e_") for a in aliases)
    # ids a.b, a-b and a_b all become a_b: the later ones are numbered
    assert {"a_b", "layout_top_down_a_b", "layout_top_down_a_b_2"} <= set(aliases)


@pytest.mark.parametrize(("text", "written"), [
    ('Say "hi"', "Say <U+0022>hi<U+0022>"),
    ("AWS SNS/SQS, Node.js-14: ok?", "AWS SNS/SQS, Node.js-14: ok?"),
    ("a // b -- c __d__ [[e]]", "a <U+002F><U+002F> b <U+002D><U+002D> c <U+005F><U+005F>d"
     "<U+005F><U+005F> <U+005B><U+005B>e<U+005D><U+005D>"),
    ("/' comment '/", "<U+002F><U+0027> comment <U+0027><U+002F>"),
    ("snake_case LAYOUT_TOP_DOWN", "snake_case LAYOUT<U+005F>TOP<U+005F>DOWN"),
    ("SQL (Prisma) Rel(a)", "SQL (Prisma) Rel<U+0028>a)"),
    ("@enduml !include $x %y", "<U+0040>enduml <U+0021>include <U+0024>x <U+0025>y"),
    ("&amp; &#36;", "&#38;amp; &#38;<U+2060><U+0023>36;"),
    ("<b>\\n", "<U+003C>b<U+003E><U+005C>n"),
    ("<U+0041>", "<U+003C><U+2060>U+0041<U+003E>"),
    ("two\nlines\r\n  and\ttab  ", "two\\nlines\\nand tab"),
    ("Ünïcödé 🚀 ×", "Ünïcödé 🚀 ×"),
])
def test_text_escaping(text: str, written: str) -> None:
    assert plantuml_text(text) == written


def test_export_is_deterministic() -> None:
    fmt = export_format("plantuml")
    assert fmt is not None
    first = run_export(hostile(), fmt, root=HERE)
    second = run_export(hostile(), fmt, root=HERE)
    assert first.files == second.files


def test_cli_writes_one_file_per_view_and_says_what_it_dropped_once(tmp_path: Path) -> None:
    out = tmp_path / "diagrams"
    result = run_archdoc("export", "--format", "plantuml", "-o", str(out), cwd=ECOMMERCE)
    assert result.code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 39 and "containers-ecommerce.puml" in written
    notes = result.stderr.splitlines()
    assert notes == [
        "archdoc export: plantuml cannot carry: icons of deployment nodes",
        "archdoc export: plantuml cannot carry: properties of deployment nodes "
        "(the site lists them)",
    ]
    one = run_archdoc("export", "--format", "plantuml", "--view", "containers:ecommerce",
                      cwd=ECOMMERCE)
    assert one.code == 0, one.output
    assert one.stdout == (out / "containers-ecommerce.puml").read_text(encoding="utf-8")
