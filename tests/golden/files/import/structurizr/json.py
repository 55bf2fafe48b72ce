"""The Bakery architecture, imported from workspace.json by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Bakery", "Orders and deliveries of a bakery, as a Structurizr JSON workspace")

customer = ws.person("Customer", "Orders bread")
baker = ws.person("Baker", "Bakes the orders", group="Staff")

bakery = ws.system("Bakery", "Takes and plans the orders")
shop = bakery.container("Web shop", "Takes orders", technology="PHP", id="shop")
planner = bakery.container("Planner", "Plans the baking", technology="Python", group="Back office")
orders_db = bakery.database("Orders DB", "Orders", technology="MySQL", tags=["Database"])
order_queue = bakery.queue("Order queue", "New orders", technology="RabbitMQ")

courier = ws.system(
    "Courier", "Delivers the bread", external=True,
    properties={"url": "https://courier.example.com"})

scheduler = planner.component("Scheduler", "Orders by oven", technology="Python")

customer.uses(shop, "Orders with", technology="HTTPS")
shop.uses(orders_db, "Reads from and writes to", technology="SQL", access="readwrite")
shop.uses(
    order_queue, "Sends orders to", technology="AMQP", interaction="async", tags=["Asynchronous"])
scheduler.uses(order_queue, "Takes orders from", technology="AMQP", interaction="async")
courier.uses(customer, "Delivers to")
baker.uses(planner, "Reads the plan in")

production = ws.environment("Production")
shop_server = production.node("Shop server", technology="Debian", instances=2)
shop_server.deploy(shop)
firewall = shop_server.infrastructure("Firewall", technology="nftables")

firewall.uses(shop_server, "Lets through")

mysql = shop_server.node("MySQL", technology="MySQL 8")
mysql.deploy(orders_db)

ws.view("Containers", of=bakery, include=["*"], exclude=[baker])
ws.view(
    "Taking an order", of=bakery, include=[customer, shop, orders_db], direction="LR",
    id="ordering")

with ws.flow("An order, from the web shop to the oven", id="order") as f:
    f.step(customer, shop, "Puts two loaves in the basket")
    f.step(shop, orders_db, "Reads from and writes to")
    f.reply(orders_db, shop, "Order saved")
    f.step(shop, order_queue, "Queues the order")
    with f.parallel():
        f.step(scheduler, order_queue, "Picks the order up")
    with f.also():
        f.step(courier, customer, "Brings the bread")

ws.style("Database", shape="cylinder", color="#dddddd")
ws.style("Asynchronous", line="dashed", color="#707070")
