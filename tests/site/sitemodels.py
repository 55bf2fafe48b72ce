"""Small fixed models for the site tests, built in memory with archdoc's own API.

``shop()`` covers every kind of thing a generated page shows; ``nasty()`` puts hostile text
(quotes, brackets, ``-->``, ``%%``, ``<script>``, newlines, emoji...) everywhere a user can.
Line numbers of this file appear in the golden pages ("Declared in sitemodels.py:NN").
"""

from __future__ import annotations

from pathlib import Path

from archdoc import Workspace

HERE = Path(__file__).resolve().parent

#: Site options of the tests: every diagram drawn with Mermaid, the same output with or
#: without Graphviz installed.
OPTIONS = {"deployment": "mermaid", "engine": "mermaid"}


def shop() -> Workspace:
    ws = Workspace("Shop", description="E-commerce platform")
    ws.root = HERE

    customer = ws.person("Customer", "Browses products and places orders")
    shop = ws.system("Shop", "Sells products online", owner="team-shop")
    stripe = ws.system("Stripe", "Card payments", external=True)
    warehouse = ws.system("Warehouse", "Ships parcels")

    web = shop.container("Web App", "Storefront", technology="Next.js 14", owner="team-web")
    orders = shop.container("Order API", "Order management, checkout", technology="Node.js",
                            owner="team-checkout", tags=["critical"])
    orders_db = shop.database("Orders DB", "Orders and payments", technology="PostgreSQL 16",
                              owner=orders)
    bus = shop.queue("Event bus", "Domain events", technology="AWS SNS/SQS")
    inventory = shop.container("Inventory", "Stock levels", technology="Go")
    checkout = orders.component("Checkout controller", "HTTP endpoints for checkout",
                                technology="Express")
    payments = orders.component("Payment client", "Talks to Stripe", technology="stripe-node")

    customer.uses(web, "Places orders", technology="HTTPS")
    web.uses(checkout, "Creates orders", technology="REST", operation="POST /orders",
             criticality="critical")
    checkout.uses(payments, "Charges the order")
    payments.uses(stripe, "Charges cards", technology="REST", criticality="critical")
    inventory.uses(orders_db, "Reads order lines", technology="SQL", access="read")
    inventory.uses(warehouse, "Books shipments", technology="SFTP", interaction="async",
                   criticality="low")

    orders.publishes("order.created", "After a successful payment", via=bus)
    inventory.subscribes("order.created", "Reserves stock")
    inventory.publishes("stock.low", "When a product runs out")
    web.subscribes("stock.low", "Hides sold-out products")

    orders_db.failure_mode(impact="Checkout unavailable", mitigation="Multi-AZ failover",
                           detection="RDS event", recovery="Automatic")
    stripe.failure_mode(impact="Card payments fail", mitigation="Retry with backoff",
                        fallback="Take the order, charge later")

    with ws.flow("Order checkout", "A customer pays for the cart") as f:
        f.step(customer, web, "Click checkout")
        f.step(web, checkout, "POST /orders", technology="REST")
        f.note(orders, "Validates the cart")
        with f.opt("Coupon given"):
            f.step(checkout, checkout, "Apply the coupon")
        f.step(checkout, payments, "Charge")
        f.step(payments, stripe, "Create a charge", technology="REST")
        with f.alt("Payment declined"):
            f.reply(checkout, web, "402 Payment Required")
        with f.otherwise("Payment accepted"):
            f.step(orders, bus, "order.created")
            with f.parallel("Notify"):
                f.reply(checkout, web, "201 Created")
            with f.also("Reserve"):
                with f.loop("Each line"):
                    f.step(bus, inventory, "order.created")
                    f.note([web, orders], "Reserve stock")

    prod = ws.environment("Production", "Customers' traffic")
    region = prod.node("AWS eu-west-1", technology="AWS",
                       properties={"network.cidr": "10.0.0.0/16", "network.zones": 3})
    ecs = region.node("ECS Fargate", technology="AWS ECS", instances="2-10",
                      properties={"network.cidr": "10.0.1.0/24", "cost.monthly": "$420"})
    ecs.deploy(web, instances=2)
    ecs.deploy(orders)
    ecs.deploy(inventory)
    rds = region.infrastructure("RDS", technology="PostgreSQL 16",
                                properties={"backup.retention": "7 days"})
    rds.deploy(orders_db)
    sns = region.infrastructure("SNS", technology="AWS SNS/SQS")
    sns.deploy(bus)
    return ws


def cycle() -> Workspace:
    """Four services: ``a`` -> ``b`` -> ``c`` -> ``b`` (a synchronous cycle), ``c`` -> ``d``."""
    ws = Workspace("Cycle")
    ws.root = HERE
    s = ws.system("S")
    a, b, c, d = (s.container(n) for n in ("A", "B", "C", "D"))
    a.uses(b, "calls")
    b.uses(c, "calls")
    c.uses(b, "calls back")
    c.uses(d, "reads")
    return ws


#: Hostile text: every character Mermaid, Markdown or HTML gives a meaning to.
NASTY = [
    'Say "hi" & \'bye\'',
    "a --> b ==> c -.-> d",
    "%% not a comment %%{init: {}}%%",
    "end; click x; style y",
    "# hash | pipe || [bracket] (paren) {brace}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "two\nlines\r\nand\ttab",
    "`code` ```fence```",
    "\\backslash\\ :colon: =eq=",
    "Ünïcödé 日本語 العربية עברית",
    "emoji 🚀👩‍💻🏳️‍🌈",
    "end",
    "subgraph",
    "-->|label|",
    "]] [[ )) (( ]) ([",
    "&amp; &#35; #quot; #35;",
    "*bold* _it_ ![img](x) [link](y)",
    "loop alt else par and opt Note",
    "Shop {onclick=alert(1)}",
    "snake_case_event|<b>x</b>",
]


def nasty() -> Workspace:
    """A model whose every name, description and label is hostile text."""
    ws = Workspace('Nasty <script>alert("ws")</script>', description=NASTY[0])
    ws.root = HERE
    person = ws.person(NASTY[0], NASTY[5], id="person")
    system = ws.system(NASTY[1], NASTY[2], id="sys")
    external = ws.system(NASTY[19], NASTY[7], external=True, id="ext")
    web = system.container(NASTY[3], NASTY[4], technology=NASTY[6], id="web")
    api = system.container(NASTY[7], NASTY[8], technology=NASTY[9], id="api")
    db = system.database(NASTY[10], NASTY[11], technology=NASTY[12], owner=api, id="db")
    queue = system.queue(NASTY[13], NASTY[14], technology=NASTY[15], id="queue")
    comp = api.component(NASTY[16], NASTY[17], technology=NASTY[18], id="comp")
    comp2 = api.component(NASTY[12], NASTY[5], id="comp2")  # "end", a participant

    person.uses(web, NASTY[1], technology=NASTY[2])
    web.uses(comp, NASTY[3], technology=NASTY[4], operation=NASTY[5], criticality="critical")
    comp.uses(comp2, NASTY[6], technology=NASTY[7])
    comp2.uses(external, NASTY[8], technology=NASTY[9], interaction="async")
    web.uses(db, NASTY[10], access="read")
    api.publishes(NASTY[11], NASTY[12], via=queue)
    web.subscribes(NASTY[11], NASTY[13])
    comp.publishes(NASTY[20], NASTY[4])
    comp2.subscribes(NASTY[20], NASTY[19])
    db.failure_mode(impact=NASTY[14], mitigation=NASTY[15], fallback=NASTY[16])

    with ws.flow(NASTY[17], NASTY[18], id="flow") as f:
        f.step(person, web, NASTY[0])
        f.step(web, comp, NASTY[1], technology=NASTY[2])
        f.note(web, NASTY[3])
        with f.alt(NASTY[4]):
            f.reply(comp, web, NASTY[5])
        with f.otherwise(NASTY[6]):
            f.step(comp, comp2, NASTY[7])
        with f.opt(NASTY[8]):
            f.step(comp2, external, NASTY[9])
        with f.loop(NASTY[10]):
            f.note([web, comp], NASTY[11])
        with f.parallel(NASTY[12]):
            f.step(api, queue, NASTY[13])
        with f.also(NASTY[14]):
            f.reply(web, person, NASTY[15])

    env = ws.environment(NASTY[16], NASTY[17], id="env")
    node = env.node(NASTY[18], technology=NASTY[0], instances=NASTY[1],
                    properties={"network.cidr": NASTY[2], NASTY[3]: NASTY[4]}, id="env.node")
    inner = node.node(NASTY[5], technology=NASTY[6], id="env.node.inner")
    inner.deploy(web, instances=NASTY[7])
    inner.deploy(api)
    node.infrastructure(NASTY[8], technology=NASTY[9], id="env.node.infra").deploy(db)
    return ws
