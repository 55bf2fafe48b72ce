"""The site's own assets: archdoc.js, archdoc.css, and Mermaid for offline sites."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from archdoc.errors import ConfigError

__all__ = ["ASSET_DIR", "MERMAID_VERSION", "asset_text", "find_mermaid", "mermaid_cdn_url"]

ASSET_DIR = "assets/archdoc"
MERMAID_VERSION = "12.3.0"
"""The Mermaid release archdoc's diagrams are written and tested for."""

_HERE = Path(__file__).resolve().parent.parent / "assets"


def mermaid_cdn_url(version: str = MERMAID_VERSION) -> str:
    return f"https://cdn.jsdelivr.net/npm/mermaid@{version}/dist/mermaid.min.js"


def asset_text(name: str, *, mermaid_url: str = "mermaid.min.js") -> str:
    """``archdoc.js`` (with its configuration) or ``archdoc.css``."""
    text = (_HERE / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        text = f"window.archdocConfig = {json.dumps({'mermaidUrl': mermaid_url})};\n" + text
    return text


def _cache_dir() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "archdoc" / f"mermaid-{MERMAID_VERSION}"


def find_mermaid(root: Path, configured: str = "") -> Path:
    """``mermaid.min.js`` for an offline site: the configured file, else the npm package
    ``mermaid`` in a ``node_modules`` at or above ``root``, else archdoc's cache, filled from
    the npm registry with ``npm pack`` when npm is installed."""
    if configured:
        path = (root / configured).resolve()
        if not path.is_file():
            raise ConfigError(f"mermaid_js: {configured} does not exist",
                              hint="point it at mermaid.min.js from the npm package `mermaid`")
        return path
    for directory in (root.resolve(), *root.resolve().parents):
        candidate = directory / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
        if candidate.is_file():
            return candidate
    cached = _cache_dir() / "mermaid.min.js"
    if cached.is_file():
        return cached
    npm = shutil.which("npm")
    if npm is None:
        raise ConfigError(
            "offline_mermaid needs mermaid.min.js, and neither node_modules/mermaid nor npm is here",
            hint=f"run `npm install mermaid@{MERMAID_VERSION}` in the project, or set mermaid_js",
        )
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [npm, "pack", f"mermaid@{MERMAID_VERSION}", "--silent"], cwd=tmp,
            capture_output=True, text=True, check=False,
        )
        tarballs = list(Path(tmp).glob("mermaid-*.tgz"))
        if result.returncode != 0 or not tarballs:
            raise ConfigError(
                f"could not fetch mermaid@{MERMAID_VERSION} with npm: {result.stderr.strip()[:300]}",
                hint=f"run `npm install mermaid@{MERMAID_VERSION}` in the project, or set mermaid_js",
            )
        with tarfile.open(tarballs[0]) as archive:
            member = archive.extractfile("package/dist/mermaid.min.js")
            if member is None:
                raise ConfigError("the mermaid package has no dist/mermaid.min.js")
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".partial")
            partial.write_bytes(member.read())
            partial.replace(cached)
    return cached
