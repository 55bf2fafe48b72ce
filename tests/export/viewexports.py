"""The models the per-view export tests run through the real tools, and writing their exports.

Every example under ``examples/``, the site tests' ``nasty()`` model, and ``hostile()``: text
that means something to PlantUML and Graphviz (``@enduml``, ``!include``, ``$``, creole,
preprocessor names, macro calls...) in names, ids and labels, with what the examples lack:
groups, styles by tag, views of the model's own with every direction, external containers,
queues, empty labels, deployment properties and icons.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from archdoc import Workspace
from archdoc.config import load_config
from archdoc.export.base import ExportFormat
from archdoc.export.registry import export_format
from archdoc.export.run import run_export
from archdoc.model.flows import FlowMessage, walk
from archdoc.project import load_project
from archdoc.views import ComputedView, DeploymentView, SequenceView

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "mkdocs.yml").is_file())
HERE = Path(__file__).resolve().parent

#: The views of the e-commerce example compared with golden files: one of each kind.
GOLDEN_KEYS = ["landscape", "context:ecommerce", "containers:ecommerce",
               "components:ecommerce.order-api", "neighbourhood:ecommerce.api-gateway",
               "flow:checkout", "deployment:production"]

#: Text PlantUML, C4-PlantUML and Graphviz give a meaning to.
HOSTILE = [
    "@enduml",
    "@startuml other",
    "!include <C4/C4_Context>",
    "$var %date() %true() !$x = 1",
    "PERSON_BG_COLOR LAYOUT_TOP_DOWN TECHN_FONT_SIZE",
    'Rel(a, b, "c") Person(x, "y")',
    "a, b, (c), d) e(",
    "&#36; &#34; &#x41; &amp; &",
    "<U+0022> <U+0040>enduml",
    "back\\nslash \\n \\\\ \\",
    "/' not a comment '/ and ' quote",
    '**bold** //it// --strike-- __u__ ~~wave~~ ""mono""',
    "[[http://example.com link]] <size:40>big</size> <color:red>red</color>",
    "<&star> <:smile:> <$sprite> <b>b</b>",
    "end note",
    "== heading",
    "---- |= table | * bullet # numbered ... |||",
    "e_label e_alias e_techn e_descr",
    "-> --> ->> <- ..> -[#red]->",
    "}{ } { ]] [[",
    "end",
    "label=<<b>x</b>> \\N \\G \\L \\E \\T \\H",
    "\"; digraph x { a -> b }; //",
    "snake_case_name Mixed_Case_Name",
]


def _load_module(name: str, path: Path) -> ModuleType:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None, path
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def nasty() -> Workspace:
    """The site tests' model of hostile text (``tests/site/sitemodels.py``)."""
    return _load_module("sitemodels", ROOT / "tests" / "site" / "sitemodels.py").nasty()


def hostile() -> Workspace:
    """PlantUML's and Graphviz's special text everywhere, and every feature a diagram carries."""
    h = HOSTILE
    ws = Workspace(h[0], description=h[1])
    ws.root = HERE
    ws.style("hot", color="#fb923c", border="#c2410c", text="#000", shape="hexagon",
             line="dashed", width=2)
    ws.style("store", shape="cylinder")
    ws.style("slow", color="#7c3aed", line="dotted", width=4)

    p1 = ws.person(h[2], h[3], id="2fa")
    p2 = ws.person(h[4], h[5], id="e_label", group=h[6])
    p3 = ws.person(h[20], h[14], id="end")  # a PlantUML keyword
    s = ws.system(h[7], h[8], id="LAYOUT_TOP_DOWN")
    ext = ws.system(h[9], h[10], external=True, id="Person(x)")
    ext_api = ext.container(h[11], h[12], technology=h[13], id="Person(x).api")
    web = s.container(h[14], h[15], technology=h[16], id="a.b", group=h[17] + "/" + h[18])
    api = s.container(h[19], h[20], technology=h[21], id="a-b", group=h[17], tags=["hot"])
    db = s.database(h[22], h[23], technology=h[0], id="a_b")
    queue = s.queue(h[1], h[2], technology=h[3], id="q")
    plain = s.container("No technology, no description", id="plain")
    c1 = api.component(h[4], h[5], technology=h[6], id="c1", group=h[7])
    c2 = api.component(h[8], "", id="c2", tags=["store"])

    p1.uses(web, h[9], technology=h[10])
    p2.uses(web)
    p3.uses(web, h[20])
    web.uses(api, h[11], technology=h[12], criticality="critical")
    web.uses(c1, h[13], technology="", tags=["slow"])
    c1.uses(c2, "", technology=h[14])
    c2.uses(db, h[15], technology=h[16], access="read")
    c1.uses(ext_api, h[17], technology=h[18], interaction="async")
    api.publishes(h[19], h[20], via=queue)
    plain.subscribes(h[19], h[21])
    plain.uses(plain, h[22])

    ws.view(h[23], h[0], of=s, include=["*"], direction="BT", id="bt")
    ws.view(h[1], h[2], include=["*"], direction="RL", id="rl")
    ws.view(h[3], h[4], around=c1, depth=2, direction="LR", id="around")

    with ws.flow(h[5], h[6], id="flow") as f:
        f.step(p1, web, h[7], technology=h[8])
        f.step(web, web, h[9])
        f.step(p3, web, h[20])
        f.reply(web, p3, h[14])
        f.note([p1, web, api], h[10])
        with f.alt(h[11]):
            pass
        with f.otherwise(""):
            f.reply(web, p1, "")
        with f.opt(""):
            with f.loop(h[12]):
                f.step(api, db, h[13])
                with f.parallel(h[14]):
                    f.step(api, queue, h[15])
                with f.also(h[20]):
                    f.note(queue, h[21])
        f.step(api, ext_api, h[22], technology=h[23])

    env = ws.environment(h[0], h[1], id="env")
    top = env.node(h[2], h[3], technology=h[4], instances="2-10",
                   properties={h[5]: h[6]}, id="env.top")
    inner = top.node(h[7], technology=h[8], icon="aws.compute.ECS", id="env.top.inner")
    inner.deploy(web, instances=3)
    inner.deploy(api)
    data = top.infrastructure(h[9], h[10], technology=h[11], id="env.top.data")
    data.deploy(db)
    data.deploy(queue)
    leaf = env.infrastructure(h[12], technology=h[13], id="env.leaf")
    top.uses(leaf, h[14], technology=h[15])
    return ws


@dataclass
class Model:
    name: str
    workspace: Workspace
    root: Path


def models() -> list[Model]:
    """Every example, then the nasty and the hostile model."""
    out = []
    for example in EXAMPLES:
        project = load_project(config=load_config(example / "mkdocs.yml"))
        out.append(Model(example.name, project.workspace, example))
    out.append(Model("nasty", nasty(), ROOT / "tests" / "site"))
    out.append(Model("hostile", hostile(), HERE))
    return out


@dataclass
class Export:
    """A model's export in one per-view format, written to ``directory``."""

    model: Model
    directory: Path
    files: dict[str, str]
    dropped: list[str]

    def paths(self) -> list[Path]:
        return [self.directory / name for name in self.files]


def export_models(format: str, directory: Path, chosen: list[Model] | None = None) -> list[Export]:
    """Every view of every model in ``format``, one subdirectory per model."""
    fmt = export_format(format)
    assert isinstance(fmt, ExportFormat) and fmt.per_view, format
    out = []
    for model in chosen if chosen is not None else models():
        result = run_export(model.workspace, fmt, root=model.root)
        target = directory / model.name
        target.mkdir(parents=True, exist_ok=True)
        for name, text in result.files.items():
            (target / name).write_text(text, encoding="utf-8", newline="\n")
        out.append(Export(model, target, result.files, result.dropped))
    return out


def texts_of(view: ComputedView | SequenceView | DeploymentView) -> list[str]:
    """The title, the names and the labels a drawing of ``view`` shows."""
    if isinstance(view, ComputedView):
        return ([view.title] + [n.name for n in view.nodes] + [b.label for b in view.boundaries]
                + [e.label for e in view.edges if e.label] + [e.technology for e in view.edges])
    if isinstance(view, SequenceView):
        return [view.title] + [p.name for p in view.participants] + [
            m.description for m in walk(view.items) if isinstance(m, FlowMessage)]
    return ([view.title] + [b.name for b in view.boxes()] + [c.name for c in view.deployed()]
            + [e.label for e in view.edges])


def squeeze(text: str) -> str:
    """Text without its white space (a drawing wraps lines where it likes) nor the invisible
    word joiners of the PlantUML and Mermaid escaping."""
    return "".join(text.replace("\u2060", "").split())

