"""Any user text shows as written: it never breaks a Mermaid diagram nor injects HTML.

A property test builds models from arbitrary text (hypothesis) and checks every Mermaid
source line against the grammar archdoc writes, and every generated page for raw markup;
the fixed ``sitemodels.nasty()`` model is also built with MkDocs and read back as HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import sitemodels
from archdoc import Workspace
from archdoc.render.mermaid import flowchart, sequence_diagram
from archdoc.site import Layout, SiteContext, generate_pages
from sitebuild import build_site, write_project
from sitehelpers import diagrams

# -- the grammar of what archdoc writes -----------------------------------------------------------

LABEL = r'"([^"]*)"'
FLOWCHART_LINE = [re.compile(p) for p in (
    r"^flowchart (?:TB|LR|BT|RL)$",
    rf"^\s+[nid]\d+(?:\(\[{LABEL}\]\)|\[{LABEL}\]|\[\({LABEL}\)\]|\[\[{LABEL}\]\]|\({LABEL}\)"
    rf"|\{{\{{{LABEL}\}}\}}|\[/{LABEL}/\]|>{LABEL}\])$",
    rf"^\s+subgraph [bd]\d+\[{LABEL}\]$",
    r"^\s+end$",
    r"^\s+style [bd]\d+ [\w:#,\- ]+$",
    rf"^    [ni]\d+ (?:-->|==>|-\.->)(?:\|{LABEL}\|)? [ni]\d+$",
    rf"^    d\d+ -\.->(?:\|{LABEL}\|)? d\d+$",
    r"^    linkStyle \d+(?:,\d+)* stroke:#[0-9a-fA-F]{3,6}(?:,stroke-width:\d+px)?"
    r"(?:,stroke-dasharray:2 3)?$",
    r"^\s+class [nid]\d+ (?:s\d+|container|database|queue|focus|infra)$",
    r"^    classDef \w+ [\w#:,\- ]+$",
    rf'^    click [ni]\d+ href "[^"\s]*" {LABEL}$',
)]
TEXT = r"(.*)"
SEQUENCE_LINE = [re.compile(p) for p in (
    r"^sequenceDiagram$",
    r"^    autonumber$",
    rf"^    (?:actor|participant) p\d+ as {TEXT}$",
    rf"^\s+p\d+(?:->>|-->>)p\d+: {TEXT}$",
    rf"^\s+Note over p\d+(?:,p\d+)?: {TEXT}$",
    rf"^\s+(?:alt|else|opt|loop|par|and)(?: {TEXT})?$",
    r"^\s+end$",
)]
#: Markup archdoc itself puts inside labels.
OWN_TAGS = re.compile(
    r"</?b>|<br/>|<small>\[(?:[A-Z][A-Za-z ]*: |[A-Z][A-Za-z ]*(?=\]))?|\]</small>"
)
ENTITY = re.compile(r"#(\d+);")
#: Characters that mean something to Mermaid (or HTML) and so must never be raw in user text.
SPECIAL = set('"<>#;%|`[](){}:=&\\')


def residue(label: str) -> str:
    """A label without archdoc's own tags and entity codes: what is left is raw user text."""
    return ENTITY.sub("", OWN_TAGS.sub("", label))


def decode(label: str) -> str:
    return ENTITY.sub(lambda m: chr(int(m[1])), label)


def lines_of(text: str) -> list[str]:
    """How archdoc shows a text in a diagram: one item per non-blank line, stripped."""
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


def check_source(source: str, grammar: list[re.Pattern[str]]) -> list[str]:
    """Every line matches the grammar, every label is free of raw special characters;
    returns the labels."""
    labels = []
    for line in source.rstrip("\n").split("\n"):
        match = next((m for p in grammar if (m := p.match(line))), None)
        assert match is not None, f"unexpected Mermaid line {line!r} in:\n{source}"
        for label in match.groups():
            if label is None:
                continue
            raw = set(residue(label)) & SPECIAL
            assert not raw, f"raw {sorted(raw)} in label {label!r} of line {line!r}"
            assert "%%" not in label and "-->" not in label and "\r" not in label
            labels.append(label)
    return labels


ALLOWED_TAGS = {"a", "b", "br", "circle", "code", "div", "g", "img", "line", "p", "path", "pre",
                "rect", "small", "span", "strong", "svg", "text", "title"}
TAG = re.compile(r"<\s*/?\s*([A-Za-z][\w:-]*)")


def check_page(markdown: str) -> Iterator[tuple[str, str]]:
    """No markup but archdoc's own in a generated page; yields its diagrams to check."""
    outside = re.sub(r'<pre class="archdoc-mermaid">.*?</pre>', "", markdown, flags=re.S)
    # code spans show their text literally (Markdown escapes it): leave them out
    outside = without_code(outside)
    tags = set(TAG.findall(outside))
    assert tags <= ALLOWED_TAGS, f"unexpected tags {tags - ALLOWED_TAGS}"
    lowered = outside.lower()
    assert "<script" not in lowered and "javascript:" not in lowered and "<img src=x" not in lowered
    # Mermaid sources are HTML-escaped: nothing in them can close the <pre> or open a tag
    for body in re.findall(r'<pre class="archdoc-mermaid">(.*?)</pre>', markdown, flags=re.S):
        assert "<" not in body and ">" not in body
    # no blank line inside a raw HTML block (it would end the block and let Markdown in)
    for block in re.findall(r'<div class="archdoc-diagram".*?</div>', markdown, flags=re.S):
        assert "\n\n" not in block
    yield from diagrams(markdown).items()


#: Inline Markdown read left to right: a backslash escape, a code span, anything else.
INLINE = re.compile(r"\\.|`[^`\r\n]*`|[^\\`]+|.", re.S)


def without_code(text: str) -> str:
    """Markdown text with code spans removed and escaped characters replaced by ``x``."""
    return "".join("x" if token[0] == "\\" and len(token) == 2 else
                   "" if token[0] == "`" and len(token) > 1 else token
                   for token in INLINE.findall(text))


def check_model(ws: Workspace) -> None:
    context = SiteContext(workspace=ws, layout=Layout(), options=dict(sitemodels.OPTIONS))
    seen = 0
    for page in generate_pages(context):
        for key, source in check_page(page.markdown):
            grammar = SEQUENCE_LINE if key.startswith("flow:") else FLOWCHART_LINE
            check_source(source, grammar)
            seen += 1
        check_tables(page.markdown)
    assert seen >= len(context.views)


def check_tables(markdown: str) -> None:
    """Each row of a Markdown table has as many cells as its header: no pipe got loose."""
    header_cells = None
    for line in re.split(r"\r\n|\r|\n", markdown):  # Python-Markdown's line breaks
        if not line.startswith("| "):
            header_cells = None
            continue
        cells = without_code(line).count("|") - 1
        if header_cells is None:
            header_cells = cells
        assert cells == header_cells, f"table row with {cells} cells, not {header_cells}: {line!r}"


# -- the property ----------------------------------------------------------------------------------

FRAGMENTS = [
    '"',
    "'",
    "<",
    ">",
    "&",
    "#",
    ";",
    "%%",
    "|",
    "`",
    "```",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "-->",
    "==>",
    "-.->",
    ":",
    "=",
    "\\",
    "\n",
    "\r\n",
    "\t",
    " ",
    "<script>",
    "</pre>",
    "<br/>",
    "#35;",
    "&amp;",
    "end",
    "subgraph",
    "click",
    "style",
    "classDef",
    "%%{init}%%",
    "日本語",
    "العربية",
    "🚀",
    "👩‍💻",
    "*",
    "_",
    "!",
    "$",
    "\u2028",
    "\x00",
    "\x85",
]

nasty_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=6)), min_size=1, max_size=6,
).map("".join)
name_text = nasty_text.filter(lambda s: s.strip() != "")


@st.composite
def models(draw: st.DrawFn) -> Workspace:
    t = lambda: draw(nasty_text)  # noqa: E731
    n = lambda: draw(name_text)  # noqa: E731
    ws = Workspace("Prop")
    person = ws.person(n(), t(), id="p")
    system = ws.system(n(), t(), id="s")
    other = ws.system(n(), t(), external=True, id="x")
    web = system.container(n(), t(), technology=t(), id="web")
    api = system.container(n(), t(), technology=t(), id="api")
    db = system.database(n(), t(), technology=t(), owner=api, id="db")
    queue = system.queue(n(), t(), id="q")
    part = api.component(n(), t(), technology=t(), id="part")
    person.uses(web, t(), technology=t())
    web.uses(part, t(), technology=t(), operation=t(), criticality="critical")
    part.uses(other, t(), technology=t(), interaction="async")
    web.uses(db, t(), access="read")
    event = n()
    api.publishes(event, t(), via=queue)
    web.subscribes(event, t())
    db.failure_mode(impact=n(), mitigation=t())
    with ws.flow(n(), t(), id="f") as f:
        f.step(person, web, t())
        f.step(web, part, t(), technology=t())
        f.note(web, n())
        with f.alt(t()):
            f.reply(part, web, t())
        with f.otherwise(t()):
            f.note([web, part], n())
        with f.loop(t()):
            f.step(part, other, t())
    env = ws.environment(n(), t(), id="e")
    node = env.node(
        n(), technology=t(), instances=t() or None, properties={"net.cidr": t()}, id="e.n"
    )
    node.deploy(web)
    node.infrastructure(n(), technology=t(), id="e.i").deploy(db)
    return ws


#: No shrinking: a whole model shrinks for minutes; the assertion names the offending line.
FAST = [Phase.explicit, Phase.reuse, Phase.generate]


@settings(max_examples=40, deadline=None, phases=FAST, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_any_text_keeps_diagrams_and_pages_well_formed(ws: Workspace) -> None:
    check_model(ws)


@settings(max_examples=60, deadline=None)
@given(name_text, nasty_text, nasty_text)
def test_names_and_messages_show_as_written(name: str, message: str, label: str) -> None:
    ws = Workspace("Prop")
    a, b = ws.person(name, id="a"), ws.system(name, id="b")
    with ws.flow("F", id="f") as f:
        with f.alt(label):
            f.step(a, b, message)
    source = sequence_diagram(SiteContext(workspace=ws).views["flow:f"])  # type: ignore[arg-type]
    labels = check_source(source, SEQUENCE_LINE)
    branch = [lines_of(label)] if lines_of(label) else []  # `alt` alone has no label
    assert [shown(x) for x in labels] == [lines_of(name), lines_of(name), *branch,
                                          lines_of(message) or [" "]]
    # and on a C4 view, inside the bold first line of the label
    view = SiteContext(workspace=ws).views["landscape"]
    drawn = check_source(flowchart(view), FLOWCHART_LINE)  # type: ignore[arg-type]
    bold = re.match(r"<b>(.*?)</b>", drawn[0])
    assert bold and shown(bold[1]) == lines_of(name)


def shown(label: str) -> list[str]:
    """The lines a label shows (``<br/>`` separates them, entity codes decoded)."""
    return [decode(part) for part in label.split("<br/>")] if label else []


# -- the fixed nasty model -------------------------------------------------------------------------


def test_the_nasty_model_keeps_every_page_well_formed() -> None:
    check_model(sitemodels.nasty())


def test_every_nasty_name_is_drawn_as_written() -> None:
    ws = sitemodels.nasty()
    context = SiteContext(workspace=ws, layout=Layout(), options=dict(sitemodels.OPTIONS))
    for key in context.views:
        view = context.views.static(key)
        if view is None:
            continue
        source = flowchart(view)
        check_source(source, FLOWCHART_LINE)
        drawn = dict(re.findall(r'^\s+n(\d+)[\[(]+"<b>(.*?)</b>', source, re.M))
        assert len(drawn) == len(view.element_ids), key
        for index, bold in drawn.items():
            element = ws.elements[view.element_ids[int(index)]]
            assert shown(bold) == lines_of(element.name), (key, element.id)


# -- the nasty model through MkDocs --------------------------------------------------------------


NASTY_MODEL = '''\
from model.nastymodel import nasty

ws = nasty()
'''


def nasty_adrs() -> dict[str, str]:
    title_1 = "Use <script>alert('adr')</script> | `tick` --> %% [x](y) & done"
    title_2 = 'Replace "it" with 日本語 🚀 #hash'
    return {
        "0001-first.md": f'---\nstatus: "superseded by ADR-0002"\ndate: 2024-01-15\n'
                         f"affects: [sys.api]\n---\n\n# {title_1}\n\nBody.\n",
        "0002-second.md": f"---\nstatus: accepted\ndate: 2024-02-01\nsupersedes: [1]\n"
                          f"affects: [sys.db]\n---\n\n# {title_2}\n\nBody.\n",
    }


def nasty_project(root: Path, *, theme: str) -> Path:
    here = Path(sitemodels.__file__)
    return write_project(
        root,
        model=NASTY_MODEL,
        theme=theme,
        adrs=nasty_adrs(),
        options="offline_mermaid: true",
        files={"model/nastymodel.py": here.read_text(encoding="utf-8")},
        docs={"index.md": "# Home\n\n```archdoc\nlandscape\ncontainers:sys\n```\n"},
    )


def main_content(page: str) -> str:
    """The article of a page built with the plain ``mkdocs`` theme."""
    start = page.index('<div class="col-md-9" role="main">')
    return page[start:page.index("<footer", start)]


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = nasty_project(tmp_path_factory.mktemp("nasty") / "project", theme="mkdocs")
    built = build_site(root, root / "site", strict=False)
    assert built.error is None, built.messages()
    return built.site


def test_nasty_html_has_no_injected_markup(nasty_site: Path) -> None:
    pages = sorted(nasty_site.joinpath("architecture").rglob("*.html")) + [
        nasty_site / "index.html"
    ]
    assert len(pages) > 15
    for path in pages:
        article = main_content(path.read_text(encoding="utf-8"))
        lowered = article.lower()
        assert "<script" not in lowered, path
        assert "<img src=x" not in lowered, path
        # no attribute got in (user text inside a quoted attribute value is escaped, not markup)
        tags = re.sub(r'"[^"]*"', '""', lowered)
        assert not re.search(r"<[a-z][^>]*\s(?:on\w+|brace)=?", tags), path


def test_nasty_names_show_as_written_in_html(nasty_site: Path) -> None:
    ws = sitemodels.nasty()
    layout = Layout()
    for id, element in ws.elements.items():
        page = (nasty_site / layout.url(layout.element(id)) / "index.html").read_text(
            encoding="utf-8"
        )
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert h1 is not None, id
        text = html.unescape(re.sub(r"<[^>]+>", "", h1[1]))
        assert text == " ".join(element.name.split()), id


def test_nasty_event_names_show_as_written_in_html(nasty_site: Path) -> None:
    ws = sitemodels.nasty()
    events = (nasty_site / "architecture/events/index.html").read_text(encoding="utf-8")
    shown = [html.unescape(c) for c in re.findall(r"<td><code>(.*?)</code></td>", events, re.S)]
    assert shown == [" ".join(name.split()).replace("`", "") for name in ws.events]


def test_nasty_decision_titles_show_as_written(nasty_site: Path) -> None:
    old = (nasty_site / "architecture/decisions/0001-first/index.html").read_text(encoding="utf-8")
    banner = re.search(r'<div class="archdoc-banner[^"]*">\s*<p>(.*?)</p>', old, re.S)
    assert banner is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", banner[1])) == (
        'This decision is superseded by ADR-0002: Replace "it" with 日本語 🚀 #hash.')
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", old, re.S)
    assert h1 is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", h1[1])) == (
        "ADR-0001: Use <script>alert('adr')</script> | `tick` --> %% [x](y) & done")
