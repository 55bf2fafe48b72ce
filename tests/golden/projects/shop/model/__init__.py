"""A small, fixed, clean model: the golden JSON export is built from it."""

from archdoc import Workspace

ws = Workspace("Shop", description="E-commerce platform")

customer = ws.person("Customer", "Browses products and places orders")
shop = ws.system("Shop", "Sells products online", owner="team-shop")
stripe = ws.system("Stripe", "Card payments", external=True)

from model.services import bus, orders, orders_db, web  # noqa: E402

customer.uses(web, "Places orders", technology="HTTPS")
web.uses(orders, "Creates orders", technology="REST", operation="POST /orders",
         criticality="critical", tags=["checkout"], properties={"timeout_ms": 800})
orders.uses(stripe, "Charges cards", technology="REST", criticality="critical")
orders.uses(orders_db, "Reads and writes orders", technology="SQL", access="readwrite",
            criticality="high")
orders_db.failure_mode(impact="Checkout unavailable", mitigation="Multi-AZ failover",
                       detection="RDS event", recovery="Automatic")

with ws.flow("Order checkout", "A customer pays for the cart") as f:
    f.step(customer, web, "Click checkout")
    f.step(web, orders, "POST /orders")
    f.note(orders, "Validates the cart")
    with f.alt("Payment declined"):
        f.reply(orders, web, "402 Payment Required")
    with f.otherwise("Payment accepted"):
        f.step(orders, bus, "order.created")
        with f.parallel("Notify"):
            f.reply(orders, web, "201 Created")
        with f.also("Reserve"):
            with f.loop("Each line"):
                f.note([web, orders], "Reserve stock")

prod = ws.environment("Production", "Customers' traffic")
region = prod.node("AWS eu-west-1", technology="AWS")
ecs = region.node("ECS Fargate", instances="2-10")
ecs.deploy(web, instances=2)
ecs.deploy(orders)
ecs.deploy("shop.inventory")
rds = region.infrastructure("RDS", technology="PostgreSQL 16")
rds.deploy(orders_db)
sns = region.infrastructure("SNS", technology="AWS SNS/SQS")
sns.deploy(bus)
