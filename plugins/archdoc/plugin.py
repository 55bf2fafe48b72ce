"""The ``archdoc`` MkDocs plugin: adds the generated architecture pages to a site.

A thin shell: it reads its options into :class:`archdoc.config.ArchdocConfig`, asks the core
for the project, its findings and its pages, and hands them to MkDocs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path
from typing import Any, cast

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from archdoc.config import (
    USER_OPTIONS,
    ArchdocConfig,
    config_from_options,
    option_lines,
    user_options,
)
from archdoc.errors import ArchdocError
from archdoc.project import Project, has_blocks, load_project, validate_project
from archdoc.site import Page, SiteContext, UnknownBlock
from archdoc.site.build import EXTRA_CSS, EXTRA_JAVASCRIPT, SiteBuild, start_build
from archdoc.validation.diagnostics import at_or_above

__all__ = ["ArchdocPlugin", "ArchdocPluginConfig"]

log = logging.getLogger("mkdocs.plugins.archdoc")



class _Unset:
    """The value of an option the user did not write (MkDocs fills every option with its
    default)."""

    def __repr__(self) -> str:
        return "<unset>"


UNSET = _Unset()


class _Forwarded(base.BaseConfigOption[Any]):
    """An option MkDocs carries as written; :class:`ArchdocConfig` validates it."""

    def __init__(self, doc: str) -> None:
        super().__init__()
        self.default = UNSET
        self.__doc__ = doc

    def run_validation(self, value: object) -> object:
        return value


ArchdocPluginConfig = type("ArchdocPluginConfig", (base.Config,), {
    "__doc__": "The plugin's options: the user options of :class:`archdoc.config.ArchdocConfig`, "
               "declared there once.",
    **{name: _Forwarded(field.description or "") for name, field in user_options().items()},
})


def _option_lines(config_file: Path | None) -> tuple[int, dict[str, int]]:
    """The lines of the plugin entry and its options in mkdocs.yml, for messages (none if
    unreadable)."""
    if config_file is None:
        return 0, {}
    try:
        return option_lines(config_file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return 0, {}


class _GeneratedPage(File):
    """A page archdoc made. MkDocs counts every generated file as modified; in a ``--dirty``
    rebuild this one is modified only when its Markdown differs from the previous build's."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


class _ModelPage(File):
    """A hand-written page with ```archdoc blocks: it shows the model, so a ``--dirty`` rebuild
    renders it again even when its file did not change."""

    def is_modified(self) -> bool:
        return True


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest()


class ArchdocPlugin(BasePlugin[ArchdocPluginConfig]):  # type: ignore[valid-type,no-untyped-call]
    """Wires MkDocs events to the archdoc core."""

    def __init__(self) -> None:
        self.settings: ArchdocConfig | None = None
        self.project: Project | None = None
        self.context: SiteContext | None = None
        self.pages: list[Page] = []
        self.generated: frozenset[str] = frozenset()
        """The paths of the pages archdoc made: they hold no ```archdoc fence to expand."""
        self.build: SiteBuild
        self.dirty = False
        """``mkdocs serve --dirty`` (or ``build --dirty``): rebuild only the pages that changed."""
        self.built: tuple[str, dict[str, bytes]] = ("", {})
        """The site directory of the last build in this process that completed, and a digest
        of each page archdoc made for it."""
        self.building: tuple[str, dict[str, bytes]] = ("", {})
        """The same for the build under way: it becomes :attr:`built` once the build is done
        (a build that fails half-way may have written only some of its pages)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """MkDocs keeps a plugin with this hook across the rebuilds of one ``mkdocs serve``, so
        a ``--dirty`` rebuild can tell which generated pages changed."""
        self.dirty = dirty

    # -- configuration and loading ---------------------------------------------------------
    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> Any:
        """MkDocs' reading of the options, without its warning for an unknown one: archdoc
        reports that itself in :meth:`on_config`, at the option's line, with the closest name."""
        errors, warnings = super().load_config(options, config_file_path)
        return errors, [(key, text) for key, text in warnings if key in USER_OPTIONS]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path) if config.config_file_path else None
        root = (config_file or Path("mkdocs.yml")).resolve().parent
        entry, lines = _option_lines(config_file)
        written = {k: v for k, v in self.config.items()  # type: ignore[attr-defined]
                   if v is not UNSET}  # forward only these
        try:
            self.settings = config_from_options(written, root=root, config_file=config_file,
                                                line=entry, lines=lines)
            self.project = load_project(config=self.settings)
        except ArchdocError as exc:
            raise PluginError(f"archdoc: {exc}") from None
        self._report(validate_project(self.project, pages=False))  # pages: on_page_markdown
        try:
            self.build = start_build(self.project, self.settings, diagnostics=self._diagnostics,
                                     directory_urls=config.use_directory_urls)
        except ArchdocError as exc:
            raise PluginError(f"archdoc: {exc}") from None
        self.context, self.pages = self.build.context, self.build.pages
        self.generated = frozenset(page.path for page in self.pages)
        config.extra_css.extend(EXTRA_CSS)
        config.extra_javascript.extend(EXTRA_JAVASCRIPT)
        if config.nav is not None:
            config.nav.append(self.build.nav_section())
        return config

    def _report(self, diagnostics: list[Any]) -> None:
        self._diagnostics = diagnostics
        assert self.settings is not None
        loud = at_or_above(self.settings.fail_on)
        for d in diagnostics:
            text = f"archdoc: {d.log_line()}" + (f"\n  hint: {d.hint}" if d.hint else "")
            (log.warning if d.severity in loud else log.info)(text)

    # -- pages ---------------------------------------------------------------------------------
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site_dir, previous = self.built
        if not self.dirty or site_dir != config.site_dir:
            previous = {}
        digests: dict[str, bytes] = {}
        if self.dirty:
            files = self._with_model_pages(files)
        for page in self.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                raise PluginError(
                    f"archdoc: docs/{page.path} is generated by archdoc; rename your file "
                    f"or change the plugin's `prefix`"
                )
            # File.generated makes an instance of the class it is called on.
            file = cast(_GeneratedPage,
                        _GeneratedPage.generated(config, page.path, content=page.markdown))
            if self.dirty:
                digest = digests[page.path] = _digest(page.markdown)
                file.unchanged = previous.get(page.path) == digest
            if not page.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        self.building = (config.site_dir, digests)
        for text in self.build.assets.notices:
            log.warning(f"archdoc: {text}")
        for path, source in self.build.assets.files.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        for path, content in self.build.asset_texts().items():
            files.append(File.generated(config, path, content=content))
        self._registered_assets = set(self.context.assets) if self.context else set()
        return files

    @staticmethod
    def _with_model_pages(files: Files) -> Files:
        """``files``, in the same order, with each hand-written page that has ```archdoc blocks
        counted as modified."""

        def rebuilt(file: File) -> File:
            if file.generated_by is not None or file.abs_src_path is None \
                    or not file.is_documentation_page():
                return file
            try:
                text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return file  # MkDocs reports it when it reads the page
            if not has_blocks(text):
                return file
            return _ModelPage(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                              dest_uri=file.dest_uri, inclusion=file.inclusion)

        return Files([rebuilt(file) for file in files])

    def on_page_markdown(
        self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        """Replace each ```archdoc fence of a hand-written page with the blocks it names."""
        if "archdoc" not in markdown or self.context is None \
                or page.file.src_uri in self.generated:
            return markdown
        # MkDocs passes the Markdown without its front matter: count those lines back in.
        raw = page.file.content_string
        skipped = raw.count("\n", 0, len(raw) - len(markdown)) if raw.endswith(markdown) else 0

        def unknown(exc: UnknownBlock) -> None:
            log.error(
                f"archdoc: {exc.location}: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")
            )

        return self.build.expand(
            markdown, page.file.src_uri, unknown=unknown, first_line=skipped + 1
        )

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Write the files made while rendering (deployment SVGs) and say what the reader should
        know."""
        self.built = self.building
        if self.context is None:
            return
        site = Path(config.site_dir)
        for path, content in sorted(self.context.assets.items()):
            if path in getattr(self, "_registered_assets", set()):
                continue  # already a file of the site
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        self.context.close()
        for text in self.context.notices:
            log.warning(f"archdoc: {text}")

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when a model file or an ADR changes."""
        # The server watches the model package: the bytecode Python would write there when a
        # rebuild imports an edited file would set off a second rebuild, for nothing.
        sys.dont_write_bytecode = True
        if self.settings is not None:
            model_dir = self.settings.root / self.settings.model.replace(".", "/")
            from archdoc.project import observed_files

            files = observed_files(self.settings)
            for path in (model_dir, self.settings.adr_path, *files.jaeger, *files.servicegraph,
                         *files.compose):
                if path.exists():
                    server.watch(str(path))
        return server
