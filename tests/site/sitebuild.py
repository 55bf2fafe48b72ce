"""Writing a small MkDocs project to disk and building it with the real MkDocs."""

from __future__ import annotations

import logging
import textwrap
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

MODEL = '''\
from archdoc import Workspace

ws = Workspace("Shop", description="E-commerce platform")
customer = ws.person("Customer", "Browses products")
shop = ws.system("Shop", "Sells products online")
stripe = ws.system("Stripe", "Card payments", external=True)
web = shop.container("Web App", "Storefront", technology="Next.js")
orders = shop.container("Order API", "Orders", technology="Node.js")
db = shop.database("Orders DB", "Orders", technology="PostgreSQL", owner=orders)
customer.uses(web, "Places orders", technology="HTTPS")
web.uses(orders, "Creates orders", technology="REST", criticality="critical")
orders.uses(stripe, "Charges cards", technology="REST")
with ws.flow("Checkout", "Pay for the cart") as f:
    f.step(customer, web, "Places orders")
    f.step(web, orders, "Creates orders")
    f.step(orders, stripe, "Charges cards")
prod = ws.environment("Production")
prod.node("Cloud", technology="AWS").deploy(orders)
'''

ADRS = {
    "0001-use-mysql.md": '''\
---
status: "superseded by ADR-0002"
date: 2024-01-15
decision-makers: [Gil]
affects: [shop.orders-db]
---

# Use MySQL for orders

## Context and Problem Statement

We need a database.

## Decision Outcome

Chosen option: "MySQL".
''',
    "0002-use-postgresql.md": '''\
---
status: accepted
date: 2024-03-02
decision-makers: [Hana]
affects: [shop.orders-db, shop.order-api]
supersedes: [1]
---

# Use PostgreSQL for orders

## Context and Problem Statement

MySQL lacked what we need.

## Decision Outcome

Chosen option: "PostgreSQL".
''',
}

INDEX = '''\
# Home

The architecture at a glance:

```archdoc
containers:shop
dependency-summary
```
'''


def mkdocs_yml(*, theme: str = "material", options: str = "", extra: str = "") -> str:
    plugin = "  - archdoc" + (
        ":\n" + textwrap.indent(textwrap.dedent(options).strip("\n"), "      ")
        if options.strip()
        else ""
    )
    return (f"site_name: Shop\nsite_url: https://example.test/\ntheme:\n  name: {theme}\n"
            "markdown_extensions:\n  - tables\n  - attr_list\n  - md_in_html\n"
            f"plugins:\n  - search\n{plugin}\n{textwrap.dedent(extra)}")


def write_project(
    root: Path, *, model: str = MODEL, theme: str = "material", options: str = "",
    extra: str = "", docs: dict[str, str] | None = None, adrs: dict[str, str] | None = None,
    files: dict[str, str] | None = None,
) -> Path:
    """A project: ``mkdocs.yml``, ``docs/``, ``model/__init__.py``, ``adr/``."""
    contents = {"mkdocs.yml": mkdocs_yml(theme=theme, options=options, extra=extra),
                "model/__init__.py": model}
    contents.update(
        {f"docs/{k}": v for k, v in (docs if docs is not None else {"index.md": INDEX}).items()}
    )
    contents.update({f"adr/{k}": v for k, v in (ADRS if adrs is None else adrs).items()})
    contents.update(files or {})
    for rel, text in contents.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Built:
    site: Path
    error: Exception | None
    records: list[logging.LogRecord]

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def build_site(root: Path, site: Path, *, strict: bool = True) -> Built:
    """``mkdocs build [--strict]`` in this process; the exception instead of raising it."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    error: Exception | None = None
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=strict)
        build(config)
    except Exception as exc:  # Abort, PluginError, ConfigurationError: the test looks at it
        error = exc
    finally:
        logger.removeHandler(handler)
    return Built(site, error, handler.records)
