"""The shop with a payments service of its own."""

from archdoc import Workspace

ws = Workspace("Shop", description="E-commerce platform")

customer = ws.person("Customer", "Browses products and places orders")
shop = ws.system("Shop", "Sells products online")
stripe = ws.system("Stripe", "Card payments", external=True)

web = shop.container("Web App", "Storefront", technology="Next.js")
orders = shop.container("Order API", "Order management and checkout", technology="Node.js")
orders_db = shop.database("Orders DB", "Orders and their lines", technology="PostgreSQL 16",
                          owner=orders)
bus = shop.queue("Event bus", "Carries the domain events", technology="AWS SNS/SQS")
inventory = shop.container("Inventory", "Stock levels and reservations", technology="Rust")
payments = shop.container("Payments", "Charges and refunds cards", technology="Kotlin")

customer.uses(web, "Places orders", technology="HTTPS")
web.uses(orders, "Creates orders", technology="REST", operation="POST /checkout",
         criticality="critical")
orders.uses(orders_db, "Reads and writes orders", technology="SQL", criticality="critical")
orders.uses(payments, "Takes the payment", technology="gRPC", criticality="critical")
payments.uses(stripe, "Charges cards", technology="REST", criticality="critical")
payments.uses(orders, "Reads the order total", technology="gRPC")
orders.publishes("order.created", "After checkout", via=bus)
inventory.subscribes("order.created", "Reserves stock", via=bus)
payments.publishes("payment.captured", "Once the card is charged", via=bus)
orders.subscribes("payment.captured", "Marks the order paid", via=bus)

with ws.flow("Checkout", "Pay for the cart") as f:
    f.step(customer, web, "Click checkout")
    f.step(web, orders, "POST /checkout")
    f.step(orders, payments, "Take the payment")
    f.step(payments, stripe, "Charge card")
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
ecs.deploy(payments)
region.infrastructure("RDS", technology="Aurora PostgreSQL").deploy(orders_db)
