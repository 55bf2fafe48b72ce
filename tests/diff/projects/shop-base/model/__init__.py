"""The shop before the payments service."""

from archdoc import Workspace

ws = Workspace("Shop", description="E-commerce platform")

customer = ws.person("Customer", "Browses products and places orders")
shop = ws.system("Shop", "Sells products online")
stripe = ws.system("Stripe", "Card payments", external=True)

web = shop.container("Web App", "Storefront", technology="Next.js")
orders = shop.container("Order API", "Order management", technology="Node.js")
orders_db = shop.database("Orders DB", "Orders and their lines", technology="PostgreSQL 16",
                          owner=orders)
bus = shop.queue("Event bus", "Carries the domain events", technology="AWS SNS/SQS")
inventory = shop.container("Inventory", "Stock levels and reservations", technology="Go")
reports = shop.container("Reports", technology="Python")

customer.uses(web, "Places orders", technology="HTTPS")
web.uses(orders, "Creates orders", technology="REST", operation="POST /orders", criticality="high")
orders.uses(orders_db, "Reads and writes orders", technology="SQL", criticality="critical")
orders.uses(stripe, "Charges cards", technology="REST", criticality="critical")
reports.uses(orders, "Reads the orders of the day", technology="REST")
orders.publishes("order.created", "After checkout", via=bus)
inventory.subscribes("order.created", "Reserves stock", via=bus)
web.subscribes("order.created", "Refreshes the cart", via=bus)

with ws.flow("Checkout", "Pay for the cart") as f:
    f.step(customer, web, "Click checkout")
    f.step(web, orders, "POST /orders")
    f.step(orders, stripe, "Charge card")
    f.reply(orders, web, "201 Created")

with ws.flow("Refund", "Give the money back") as f:
    f.step(web, orders, "POST /refunds")
    f.step(orders, stripe, "Refund the charge")

prod = ws.environment("Production")
region = prod.node("AWS eu-west-1", technology="AWS")
ecs = region.node("ECS Fargate", technology="ECS", instances="2-10")
ecs.deploy(web)
ecs.deploy(orders)
ecs.deploy(inventory)
region.infrastructure("RDS", technology="PostgreSQL 16").deploy(orders_db)
