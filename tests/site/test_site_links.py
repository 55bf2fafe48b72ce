"""Links between generated pages: the relative path of one page from another, worked out
without the operating system (``relative_path``), is the one ``posixpath.relpath`` gives."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from archdoc.site.layout import Layout, relative_path

SEGMENT = st.sampled_from(["architecture", "elements", "shop.web-app", "index.md", "a.md", ".",
                           "decisions", "0001-x.md", "v", "ä ö"])
PATH = st.lists(SEGMENT, min_size=1, max_size=5).map("/".join)
START = st.one_of(st.just("."), PATH)


@given(PATH, START)
def test_it_is_posixpaths_relpath(path: str, start: str) -> None:
    assert relative_path(path, start) == posixpath.relpath(path, start)


def test_paths_outside_the_root_are_left_to_posixpath() -> None:
    assert relative_path("../x.md", "a") == posixpath.relpath("../x.md", "a")
    assert relative_path("/abs/x.md", "/abs/y") == "../x.md"


def test_links_of_the_layout() -> None:
    layout = Layout()
    assert layout.md_link("architecture/index.md", "architecture/elements/shop.md") \
        == "elements/shop.md"
    assert layout.md_link("architecture/elements/shop.md", "architecture/index.md", "top") \
        == "../index.md#top"
    assert layout.md_link("index.md", "index.md") == "index.md"
    assert layout.href("architecture/elements/shop.md", "architecture/elements/web.md") \
        == "../web/"
    assert Layout(directory_urls=False).href("architecture/index.md",
                                             "architecture/elements/web.md") == "elements/web.html"
