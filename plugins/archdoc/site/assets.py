"""The site's own assets: archdoc.js, archdoc.css, and the npm packages diagrams need.

A built site serves everything a diagram needs itself, so it works with no internet access:
Mermaid (flows, and every diagram when Graphviz is missing) and Panzoom (the full-screen
viewer). Each is taken from a ``node_modules`` at or above the project, else from archdoc's
cache, filled from the npm registry with ``npm pack``; only when that fails does the site load
it from a CDN, and the build says so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from archdoc.errors import ConfigError

__all__ = [
    "ASSET_DIR",
    "NpmAsset",
    "MERMAID",
    "PANZOOM",
    "MERMAID_VERSION",
    "SiteAssets",
    "asset_text",
    "site_assets",
    "find_asset",
    "find_mermaid",
]

ASSET_DIR = "assets/archdoc"

_HERE = Path(__file__).resolve().parent.parent / "assets"


@dataclass(frozen=True)
class NpmAsset:
    """One file of an npm package, at the version archdoc is tested with."""

    package: str
    version: str
    path: str
    """The file inside the package, e.g. ``dist/mermaid.min.js``."""

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def cdn_url(self) -> str:
        return f"https://cdn.jsdelivr.net/npm/{self.package}@{self.version}/{self.path}"


MERMAID = NpmAsset("mermaid", "12.3.0", "dist/mermaid.min.js")
PANZOOM = NpmAsset("@panzoom/panzoom", "4.6.2", "dist/panzoom.min.js")
MERMAID_VERSION = MERMAID.version
"""The Mermaid release archdoc's diagrams are written and tested for."""


def asset_text(name: str, **config: str) -> str:
    """``archdoc.js`` (with its configuration: where to load Mermaid and Panzoom from) or
    ``archdoc.css``."""
    text = (_HERE / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        settings = {"mermaidUrl": config.get("mermaid_url", MERMAID.name),
                    "panzoomUrl": config.get("panzoom_url", PANZOOM.name)}
        text = f"window.archdocConfig = {json.dumps(settings)};\n" + text
    return text


def _cache_dir(asset: NpmAsset) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "archdoc" / f"{asset.package.replace('/', '+')}-{asset.version}"


def find_asset(root: Path, asset: NpmAsset) -> Path:
    """The file from ``node_modules`` at or above ``root``, or archdoc's cache (filled with
    ``npm pack`` from the registry). ConfigError when none of them can give it."""
    for directory in (root.resolve(), *root.resolve().parents):
        candidate = directory / "node_modules" / asset.package / asset.path
        if candidate.is_file():
            return candidate
    cached = _cache_dir(asset) / asset.name
    if cached.is_file():
        return cached
    npm = shutil.which("npm")
    hint = f"run `npm install {asset.package}@{asset.version}` in the project"
    if npm is None:
        raise ConfigError(f"neither node_modules/{asset.package} nor npm is here", hint=hint)
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [npm, "pack", f"{asset.package}@{asset.version}", "--silent"], cwd=tmp,
            capture_output=True, text=True, check=False, timeout=300,
        )
        tarballs = list(Path(tmp).glob("*.tgz"))
        if result.returncode != 0 or not tarballs:
            raise ConfigError(
                f"could not fetch {asset.package}@{asset.version} with npm: "
                f"{result.stderr.strip()[:300]}", hint=hint)
        with tarfile.open(tarballs[0]) as archive:
            member = archive.extractfile(f"package/{asset.path}")
            if member is None:
                raise ConfigError(f"the {asset.package} package has no {asset.path}")
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.partial")
            partial.write_bytes(member.read())
            partial.replace(cached)
    return cached


def find_mermaid(root: Path, configured: str = "") -> Path:
    """``mermaid.min.js``: the configured file, else as :func:`find_asset` finds it."""
    if configured:
        path = (root / configured).resolve()
        if not path.is_file():
            raise ConfigError(f"mermaid_js: {configured} does not exist",
                              hint="point it at mermaid.min.js from the npm package `mermaid`")
        return path
    return find_asset(root, MERMAID)


@dataclass
class SiteAssets:
    """What a built site serves besides its pages: files to copy, and where archdoc.js loads
    its libraries from."""

    files: dict[str, Path]
    """Destination below the site (``assets/archdoc/mermaid.min.js``) -> the file to copy."""
    mermaid_url: str
    panzoom_url: str
    notices: list[str]

    def texts(self) -> dict[str, str]:
        """``archdoc.js`` and ``archdoc.css`` with their destinations."""
        return {
            f"{ASSET_DIR}/archdoc.js": asset_text("archdoc.js", mermaid_url=self.mermaid_url,
                                                  panzoom_url=self.panzoom_url),
            f"{ASSET_DIR}/archdoc.css": asset_text("archdoc.css"),
        }


def site_assets(root: Path, *, offline: bool = True, mermaid_js: str = "",
                mermaid_url: str = "") -> SiteAssets:
    """The libraries a site's diagrams need: served by the site (``offline``, the default),
    falling back to a CDN, said once, only when they cannot be had; from ``mermaid_url`` or
    the CDN when not offline. A configured ``mermaid_js`` that does not exist is an error."""
    files: dict[str, Path] = {}
    notices: list[str] = []
    urls: dict[str, str] = {}
    for asset, configured in ((MERMAID, mermaid_js), (PANZOOM, "")):
        fallback = (mermaid_url if asset is MERMAID and mermaid_url else asset.cdn_url)
        if not offline:
            urls[asset.package] = fallback
            continue
        try:
            path = find_mermaid(root, configured) if asset is MERMAID else find_asset(root, asset)
        except ConfigError as exc:
            if configured:
                raise
            notices.append(f"{asset.package} {asset.version} could not be taken from node_modules, "
                           f"the cache or the npm registry ({exc.message}): the site loads it from "
                           f"{fallback}, so readers without internet access lose it ({exc.hint})")
            urls[asset.package] = fallback
            continue
        files[f"{ASSET_DIR}/{asset.name}"] = path
        urls[asset.package] = asset.name
    return SiteAssets(files, urls[MERMAID.package], urls[PANZOOM.package], notices)
