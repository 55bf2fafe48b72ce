"""`mkdocs serve` rebuilds when a model file or an ADR changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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
