"""`mkdocs serve` rebuilds when a model file or an ADR changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import INDEX, write_project

MODEL = '''from archdoc import Workspace

ws = Workspace("Shop")
user = ws.person("User", "Buys things")
shop = ws.system("Shop", "Sells things")
user.uses(shop, "Buys")
'''


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def _wait_for(url: str, condition, timeout: float = 60) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = _get(url)
        if condition(status, body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never satisfied the condition")


def _edit_model(root: Path) -> None:
    """Change the Order API's description in the model of ``sitebuild``."""
    model = root / "model" / "__init__.py"
    model.write_text(model.read_text().replace('"Orders", technology="Node.js"',
                                               '"Takes the orders", technology="Node.js"'))


@pytest.fixture
def dirty_build() -> Iterator[Callable[[Path, Path], None]]:
    """``build(root, site)``: one rebuild of ``mkdocs serve --dirty``, in this process. MkDocs
    caches the plugin for the whole process: it is left as a plain build finds it."""
    roots: list[Path] = []

    def run(root: Path, site: Path) -> None:
        roots.append(root)
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)

    yield run
    if roots:
        load_config(str(roots[0] / "mkdocs.yml")).plugins.on_startup(command="build",
                                                                       dirty=False)


def test_serve_rebuilds_after_a_model_or_adr_change(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "__init__.py").write_text(MODEL)
    (tmp_path / "adr").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Serve\ntheme: {name: mkdocs}\nplugins:\n  - archdoc\n"
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(base + "architecture/elements/shop/", lambda status, body: status == 200)
        assert _get(base + "architecture/elements/warehouse/")[0] == 404

        # A new element in the model appears without restarting the server.
        with open(tmp_path / "model" / "__init__.py", "a", encoding="utf-8") as model:
            model.write('warehouse = ws.system("Warehouse", "Ships things", external=True)\n'
                        'shop.uses(warehouse, "Ships orders")\n')
        _wait_for(base + "architecture/elements/warehouse/",
                  lambda status, body: status == 200 and "Ships things" in body)

        # So does a new decision record.
        (tmp_path / "adr" / "0001-ship-with-the-warehouse.md").write_text(
            "---\nstatus: accepted\ndate: 2024-05-01\n---\n\n"
            "# Ship with the warehouse\n\nBecause.\n"
        )
        _wait_for(base + "architecture/decisions/",
                  lambda status, body: status == 200 and "Ship with the warehouse" in body)
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_dirty_rebuild_renders_again_only_what_the_change_touched(
    tmp_path: Path, dirty_build: Callable[[Path, Path], None],
) -> None:
    """``mkdocs serve --dirty``: MkDocs keeps the plugin across rebuilds (it has
    ``on_startup``); a generated page whose Markdown did not change is left as built, while
    the changed pages and every hand-written page with ```archdoc blocks are rendered again."""
    root = write_project(tmp_path / "project", theme="mkdocs",
                         docs={"index.md": INDEX, "about.md": "# About\n\nNo blocks here.\n"})
    site = tmp_path / "site"
    built: dict[str, int] = {}

    def rebuilt() -> set[str]:
        """The pages the build wrote again."""
        before = dict(built)
        time.sleep(0.05)  # a rewritten file gets a later modification time
        dirty_build(root, site)
        built.update({p.relative_to(site).as_posix(): p.stat().st_mtime_ns
                      for p in site.rglob("*.html")})
        return {page for page, mtime in built.items() if before.get(page) != mtime}

    first = rebuilt()
    assert "architecture/elements/shop.order-api/index.html" in first
    untouched = rebuilt()
    assert not any(p.startswith("architecture/") for p in untouched), untouched
    assert "index.html" in untouched  # its blocks show the model
    assert "about/index.html" not in untouched  # no blocks, file unchanged

    _edit_model(root)
    changed = rebuilt()
    assert "architecture/elements/shop.order-api/index.html" in changed
    assert "index.html" in changed
    assert "architecture/decisions/0001-use-mysql/index.html" not in changed
    assert "about/index.html" not in changed
    page = (site / "architecture/elements/shop.order-api/index.html").read_text()
    assert "Takes the orders" in page
    home = (site / "index.html").read_text()
    assert "Takes the orders" in home  # its block, rendered again
    assert len(changed) < len(first) / 2, sorted(changed)


@pytest.mark.parametrize("mode", [[], ["--clean"]], ids=["serve", "clean"])
def test_an_edit_of_the_model_is_rebuilt_once(tmp_path: Path, mode: list[str]) -> None:
    """The server watches the model package; the bytecode of the edited file, were Python to
    write it there while the rebuild imports it, would set off a second rebuild (``mkdocs serve
    --clean`` too)."""
    root = write_project(tmp_path, theme="mkdocs", docs={"index.md": "# Home\n"})
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    port = _free_port()
    url = f"http://127.0.0.1:{port}/architecture/elements/shop.order-api/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *mode, "-a", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(url, lambda status, body: status == 200)
        _edit_model(root)
        _wait_for(url, lambda status, body: "Takes the orders" in body)
        time.sleep(4)  # a second rebuild would have started by now
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0].decode("utf-8", "replace")
    assert output.count("Documentation built in") == 2, output
    # the first build cached the model's bytecode; the rebuild wrote none
    edited = (root / "model" / "__init__.py").stat().st_mtime_ns
    assert all(pyc.stat().st_mtime_ns < edited
               for pyc in (root / "model" / "__pycache__").glob("*.pyc"))


HALT = '''\
from pathlib import Path


def on_page_markdown(markdown, page, **kwargs):
    if (Path(__file__).parent / "halt").exists() and page.file.src_uri == "index.md":
        raise RuntimeError("the build stops before writing any page")
    return markdown
'''


def test_a_dirty_rebuild_after_a_failed_build_renders_what_it_did_not_write(
    tmp_path: Path, dirty_build: Callable[[Path, Path], None],
) -> None:
    """The digests of a build count only once it is done: a build that failed half-way wrote
    only some of its pages, and the next one must write the others."""
    root = write_project(tmp_path / "project", theme="mkdocs", extra="hooks:\n  - halt.py\n",
                         files={"halt.py": HALT})
    site = tmp_path / "site"
    page = site / "architecture/elements/shop.order-api/index.html"
    dirty_build(root, site)
    _edit_model(root)
    (root / "halt").touch()
    with pytest.raises(RuntimeError, match="stops before writing"):
        dirty_build(root, site)
    assert "Takes the orders" not in page.read_text()
    (root / "halt").unlink()
    dirty_build(root, site)
    assert "Takes the orders" in page.read_text()
