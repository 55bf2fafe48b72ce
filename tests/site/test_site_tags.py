"""The ``tags`` block: the index of the model's tags, in a page and in a real build."""

from __future__ import annotations

from pathlib import Path

from archdoc import Workspace
from archdoc.site import Layout, SiteContext
from archdoc.site.blocks import render_block
from archdoc_testing import Golden
from sitebuild import MODEL, build_site, write_project


def tagged() -> Workspace:
    ws = Workspace("Tagged")
    shop = ws.system("Shop", "Sells", tags=["internal"])
    stripe = ws.system("Stripe", "Payments", external=True, tags=["Vendor"])
    api = shop.container("API", "Orders", tags=["critical", "pci"])
    db = shop.database("Orders DB", owner=api, tags=["pci"])
    api.uses(db, "Stores orders", tags=["pci"])
    api.uses(stripe, "Charges cards", tags=["pci", "slow|path"])
    api.uses(stripe, "Refunds", tags=["pci"])  # the same pair: listed once
    ws.style("critical", color="#fb923c", border="#c2410c")
    ws.style("pci", color="#7c3aed", width=3)
    ws.style("critical", color="#ff0000", shape="hexagon")  # later keys win
    ws.style("unused", color="#000000")  # no one carries it: not in the index
    return ws


def _tags(ws: Workspace, page: str = "architecture/tags.md") -> str:
    return render_block(SiteContext(workspace=ws, layout=Layout()), "tags", page)


def test_the_tag_index_matches_its_golden_file(site_golden: Golden) -> None:
    site_golden.check("blocks/tags.md", _tags(tagged()))


def test_each_pair_once_styles_merged_links_relative_to_the_page() -> None:
    text = _tags(tagged(), "guide/deep/page.md")
    pci = next(line for line in text.splitlines() if line.startswith("| `pci` |"))
    assert pci.count("Stripe") == 1
    assert "../../architecture/elements/shop.api.md" in pci
    critical = next(line for line in text.splitlines() if line.startswith("| `critical` |"))
    assert critical.endswith("| color \\#ff0000, border \\#c2410c, shape hexagon |"), critical
    assert "unused" not in text
    assert [line.split(" | ")[0] for line in text.splitlines()[2:]] == [
        "| `critical`", "| `internal`", "| `pci`", "| `slow|path`", "| `Vendor`"]


def test_a_model_without_tags_says_so() -> None:
    ws = Workspace("Bare")
    ws.system("Shop", "Sells")
    assert _tags(ws) == ("_No element or relationship has tags: `tags=[...]` on an element or "
                         "a relationship._\n")


def test_a_hand_written_page_of_tags_in_a_strict_build(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", theme="mkdocs", adrs={},
                         model=MODEL.replace('owner=orders)', 'owner=orders, tags=["pci"])'),
                         docs={"index.md": "# Home\n",
                               "guide/tags.md": "# Tags\n\n```archdoc\ntags\n```\n"})
    built = build_site(root, root / "site")
    assert built.error is None, f"{built.error!r}: {built.messages()}"
    assert built.messages() == []
    page = built.html("guide/tags/index.html")
    assert "<td><code>pci</code></td>" in page
    assert '<a href="../../architecture/elements/shop.orders-db/">Orders DB</a>' in page
