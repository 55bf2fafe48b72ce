"""Services of the broken shop."""

from model import shop

orders = shop.container("Order API", "Orders", tags=["service"])
billing = shop.container("Billing", "Invoices", tags=["service"])
orders_db = shop.database("Orders DB", "Orders", owner=orders)
billing_db = shop.database("Billing DB", "Invoices")
lonely = shop.container("Lonely", "Nobody calls it")

orders.uses(orders_db, "Writes orders")
billing.uses(orders_db, "Writes invoices on orders")
billing.uses(billing_db, "Writes invoices")
orders.uses(billing, "Bills", interaction="async")
billing.publishes("invoice.sent", "After sending")
orders.subscribes("payment.settled", "Marks paid")
