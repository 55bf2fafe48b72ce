"""The workspaces the LikeC4 and D2 exports are checked on: every example, the site tests'
``nasty()`` model of hostile text, and ``styled()``, built here with archdoc's own API.

``styled()`` uses what the examples leave out: ``ws.style`` with every key, groups (nested, at the
top and inside a system), ``ws.view`` with ``of``/``include``/``exclude``/``around`` and a
direction, names that are keywords or not identifiers in the formats (``views``, ``style``,
``this``, ``true``, ``3D``, ``注文``, two names with one slug, an id full of quotes), flows with
every kind of block, empty branches, parallel blocks inside parallel blocks, notes alone and steps
between an element and its own part, and an environment with node-to-node relationships.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from archdoc import Workspace
from archdoc.config import load_config
from archdoc.project import load_project

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "mkdocs.yml").is_file())


def workspaces() -> dict[str, Workspace]:
    """Every case by name: the examples (by directory), ``nasty`` and ``styled``."""
    cases = {p.name: load_project(config=load_config(p / "mkdocs.yml")).workspace
             for p in EXAMPLES}
    cases["nasty"] = nasty()
    cases["styled"] = styled()
    return cases


def nasty() -> Workspace:
    """``tests/site/sitemodels.py``'s model of hostile text."""
    name = "sitemodels"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "site" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name].nasty()  # type: ignore[no-any-return]


def styled() -> Workspace:
    ws = Workspace("Styled", description="Styles, groups, views and awkward names")
    ws.root = HERE
    ws.style("critical", color="#FB923C", border="#9a3412", width=3)
    ws.style("legacy", shape="hexagon", text="#111111", line="dashed")
    ws.style("files", shape="folder", color="#fde68a")
    ws.style("soft", shape="rounded", color="#abc")
    ws.style("plugin", shape="component")
    ws.style("bus line", color="#123456", line="dotted")
    ws.style("pci dss", color="#fb923c")  # the colour of "critical", another tag
    ws.style("critical", line="dotted")  # a later style of a tag adds to it

    customer = ws.person("Customer", "Buys things", tags=["vip", "pci dss"], group="People")
    staff = ws.person("this", "A person named like a keyword", group="People/Staff")
    shop = ws.system("Shop", "Sells things", group="Internal", owner="team-shop",
                     properties={"tier": 1, "public": True, "cost.monthly": "$420"})
    views = ws.system("views", "A system named like a LikeC4 keyword", group="Internal")
    partner = ws.system("Partner 注文", "A partner", external=True, tags=["legacy"])
    same_slug = ws.system("Order-API", "One slug…")
    other_slug = ws.system("order_api", "…and the other", id="order_api")
    odd = ws.system("Odd", "An id no format takes as it is", id="odd'*$\"{x}->y;")

    web = shop.container("style", "A container named like a keyword", technology="React",
                         tags=["soft"], group="Front")
    api = shop.container("3D API", technology="Go", tags=["critical"], group="Back/Core")
    files = shop.container("true", "Files", technology="S3", tags=["files"], group="Back")
    db = shop.database("Orders", technology="PostgreSQL", owner=api, tags=["legacy"])
    bus = shop.queue("Bus", technology="Kafka", tags=["plugin"])
    handler = api.component("Handler", technology="Go", group="HTTP")
    repo = api.component("Repository", group="HTTP")
    api.component("Straße", "Accents and ß")

    customer.uses(web, "Browses", technology="HTTPS", tags=["pci dss"])
    staff.uses(views, "Looks")
    web.uses(handler, "Calls", technology="REST", criticality="critical")
    handler.uses(repo, "Uses")
    repo.uses(db, "Reads and writes", technology="SQL", access="readwrite")
    api.uses(bus, "Publishes", interaction="async", tags=["bus line"],
             properties={"topic.name": "orders"})
    api.uses(partner, "Orders from", technology="SOAP", criticality="high")
    views.uses(shop, "Watches")
    same_slug.uses(other_slug, "Talks to")
    odd.uses(shop, "Pokes")
    api.uses(handler, "Calls its own part")  # LikeC4 forbids it

    ws.view("Payments", "Only the payment path", of=shop, include=["*"], exclude=[files],
            direction="LR")
    ws.view("Around the API", around=api, depth=2, id="around-api")
    ws.view("Tagged", include=["tag:critical", customer], direction="RL")
    ws.view("views", "A view named like a keyword", include=[customer, shop, views],
            direction="BT")

    with ws.flow("Checkout", "Every kind of block", id="checkout") as f:
        f.note(customer, "Before the first step")
        f.step(customer, web, "Checkout", technology="HTTPS")
        f.step(web, handler, "POST /orders")
        f.step(api, handler, "Hands over to its own part")  # LikeC4 forbids it
        with f.alt("Paid"):
            f.reply(handler, web, "201")
            f.step(odd, web, "${not a variable}")
        with f.otherwise("Declined"):
            f.reply(handler, web, "402")
        with f.otherwise("Nothing"):
            pass
        with f.opt("Coupon"):
            f.note([web, handler], "Only a note")
        with f.loop("Each line"):
            f.step(handler, repo, "Save line")
        with f.parallel("Notify"):
            f.step(api, bus, "order.created")
            with f.parallel("Inner"):
                f.step(api, partner, "Order")
        with f.also("Reserve"):
            f.step(repo, db, "Reserve")
        f.note([customer, web], "After the last step")
    with ws.flow("Empty", id="empty"):
        pass

    prod = ws.environment("Production", "Live")
    region = prod.node("eu-west-1", technology="AWS", instances="2-3",
                       properties={"network.cidr": "10.0.0.0/16"}, tags=["critical"])
    cluster = region.node("Cluster", technology="EKS", icon="aws.compute.EKS")
    cluster.deploy(web, instances=3)
    cluster.deploy(api)
    cluster.deploy(handler)
    primary = region.infrastructure("views", technology="RDS")
    primary.deploy(db)
    replica = region.infrastructure("Replica", technology="RDS")
    replica.deploy(db)
    replica.uses(primary, "Replicates from", technology="WAL")
    region.infrastructure("DNS", technology="Route 53")
    ws.environment("Staging")
    return ws
