"""The shop's containers, declared in their own file."""

from model import shop

web = shop.container("Web App", "Storefront", technology="Next.js 14", owner="team-web")
orders = shop.container("Order API", "Order management, checkout", technology="Node.js",
                        owner="team-checkout", tags=["critical"])
orders_db = shop.database("Orders DB", "Orders and payments", technology="PostgreSQL 16",
                          owner=orders)
bus = shop.queue("Event bus", "Domain events", technology="AWS SNS/SQS")
checkout = orders.component("Checkout controller", "HTTP endpoints for checkout",
                            technology="Express")
inventory = shop.container("Inventory", "Stock levels", technology="Go", id="inventory")

orders.publishes("order.created", "After a successful payment", via=bus)
inventory.subscribes("order.created", "Reserves stock", via=bus)
