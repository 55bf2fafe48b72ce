"""Views with the drift of each arrow drawn over them."""

from __future__ import annotations

from archdoc import Workspace
from archdoc.render import dot
from archdoc.render.legend import legend
from archdoc.views import ViewIndex
from archdoc.views.overlay import DRIFT_STYLES, with_drift


def test_each_arrow_takes_its_status_and_an_undeclared_dependency_is_drawn() -> None:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells")
    web, api, db = shop.container("Web"), shop.container("API"), shop.database("DB")
    web.uses(api, "Calls")
    api.uses(db, "Reads")
    view = ViewIndex(ws).static("containers:shop")
    assert view is not None
    statuses = {("shop.web", "shop.api"): "seen", ("shop.api", "shop.db"): "unseen",
                ("shop.web", "shop.db"): "undeclared", ("shop.web", "elsewhere"): "undeclared"}
    marked = with_drift(view, statuses, key="observed:containers:shop",
                        labels={("shop.web", "shop.db"): "not declared: 42 calls"})
    arrows = {(e.source_id, e.destination_id): e for e in marked.edges}
    assert set(arrows) == {
        ("shop.web", "shop.api"),
        ("shop.api", "shop.db"),
        ("shop.web", "shop.db"),
    }
    assert arrows["shop.web", "shop.api"].style == DRIFT_STYLES["seen"]
    assert arrows["shop.api", "shop.db"].style == DRIFT_STYLES["unseen"]
    new = arrows["shop.web", "shop.db"]
    assert (new.style, new.relationships, new.label) == (
        DRIFT_STYLES["undeclared"], [], "not declared: 42 calls")
    assert [e.label for e in legend(marked) if e.swatch == "edge"] == [
        "Declared and seen", "Seen, not declared", "Declared, never seen"]
    source = dot.render(marked)
    assert 'label=<not declared: 42 calls>' in source and 'color="#b91c1c", style=dashed' in source
    # the view itself is left as it was
    assert all(e.style is not None and not e.style.meaning for e in view.edges)
