"""``archdoc export --format mermaid``: every view drawn by Mermaid in headless Chromium.

The Mermaid the site ships (``node_modules/mermaid/dist/mermaid.min.js``) is loaded into an
empty page with its default configuration, as another tool would use it, and
``mermaid.render`` draws each exported view of every example, of the nasty model and of the
hostile one: no error, nothing run from the model's text, every name shown as written.
"""

from __future__ import annotations

from typing import Any

import pytest

from archdoc.export.base import file_name
from archdoc.views import ViewIndex
from archdoc_testing import Golden
from viewexports import EXAMPLES, GOLDEN_KEYS, HERE, ROOT, Export, export_models, squeeze, texts_of

MERMAID_JS = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
GOLDEN = Golden(HERE / "golden" / "mermaid")

PAGES = 2
"""Pages drawing at the same time (one renderer process each)."""

# In a page: start drawing the sources given, one after the other; `window.drawn` resolves to
# the text each drawing shows, or the error.
START_JS = """
(sources) => {
  mermaid.initialize({startOnLoad: false});
  window.drawn = (async () => {
    const out = {};
    let n = 0;
    for (const [name, source] of Object.entries(sources)) {
      try {
        const {svg} = await mermaid.render(`export${n++}`, source);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        holder.querySelectorAll('style').forEach(s => s.remove());
        out[name] = {ok: true, text: holder.textContent};
      } catch (error) {
        out[name] = {ok: false, text: String((error && error.message) || error)};
      }
    }
    return out;
  })();
}
"""


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Export]:
    return export_models("mermaid", tmp_path_factory.mktemp("mermaid"))


@pytest.fixture(scope="module")
def drawn(browser: Any, exports: list[Export]) -> dict[str, dict[str, Any]]:
    """``model/file`` -> ``{"ok", "text"}`` of every exported view, drawn in one page."""
    if not MERMAID_JS.is_file():
        pytest.skip(f"{MERMAID_JS} is missing: `make setup` installs Mermaid from npm")
    sources = {f"{e.model.name}/{name}": text for e in exports for name, text in e.files.items()}
    names = list(sources)
    dialogs: list[str] = []
    errors: list[str] = []
    contexts, pages = [], []
    for n in range(PAGES):
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda route: route.abort())  # nothing leaves the page
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(MERMAID_JS))
        page.evaluate(START_JS, {k: sources[k] for k in names[n::PAGES]})
        contexts.append(context)
        pages.append(page)
    result: dict[str, dict[str, Any]] = {}
    try:
        for page in pages:
            result.update(page.evaluate("window.drawn"))
    finally:
        for context in contexts:
            context.close()
    assert not dialogs, f"text from the model ran as script: {dialogs}"
    assert not errors, errors
    return result


def test_mermaid_draws_every_view_of_every_model(exports: list[Export],
                                                 drawn: dict[str, dict[str, Any]]) -> None:
    assert {e.model.name for e in exports} == {p.name for p in EXAMPLES} | {"nasty", "hostile"}
    for export in exports:
        assert len(export.files) == len(ViewIndex(export.model.workspace)), export.model.name
    assert len(drawn) == sum(len(e.files) for e in exports)
    failed = {name: r["text"] for name, r in drawn.items() if not r["ok"]}
    assert not failed, f"{len(failed)} of {len(drawn)} views do not render: {failed}"


@pytest.mark.parametrize("model", ["nasty", "hostile"])
def test_hostile_text_is_drawn_as_written(model: str, exports: list[Export],
                                          drawn: dict[str, dict[str, Any]]) -> None:
    export = next(e for e in exports if e.model.name == model)
    index = ViewIndex(export.model.workspace)
    wrong = []
    for key in index.keys():
        shown = squeeze(drawn[f"{model}/{file_name(key, '.mmd')}"]["text"])
        names = texts_of(index[key])[1:]  # the title is the page's, not the drawing's
        wrong += [(key, n) for n in names if squeeze(n) not in shown]
    assert not wrong, f"{len(wrong)} texts are not shown as written: {wrong[:10]}"



def test_ecommerce_views_match_the_golden_files(exports: list[Export]) -> None:
    export = next(e for e in exports if e.model.name == "ecommerce")
    for key in GOLDEN_KEYS:
        name = file_name(key, ".mmd")
        GOLDEN.check(name, export.files[name])
