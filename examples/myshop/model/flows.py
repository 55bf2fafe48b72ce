"""The flows of the service interactions document."""

from .context import admin, customer, ws
from .services import (analytics, bus, gateway, inventory, notification, order, payment, product,
                       search_index, sessions, user)

# -- 2. Order flow interactions: the sequence diagram, message by message -----------------------

with ws.flow(
    "Order flow",
    "The order flow: multiple services working together to process a customer's purchase",
) as f:
    f.step(customer, gateway, "Place Order")
    f.step(gateway, user, "Validate User")
    f.reply(user, gateway, "User Validated")
    f.step(gateway, product, "Check Product Availability")
    f.reply(product, gateway, "Product Details")
    f.step(gateway, order, "Create Order")
    f.step(order, inventory, "Reserve Inventory")
    f.reply(inventory, order, "Inventory Reserved")
    f.reply(order, gateway, "Order Created")
    f.step(gateway, payment, "Process Payment")
    f.reply(payment, gateway, "Payment Processed")
    f.step(gateway, inventory, "Confirm Inventory")
    f.step(inventory, notification, "Send Order Confirmation")
    f.reply(notification, customer, "Order Confirmation Email")
    f.reply(gateway, customer, "Order Confirmation")

# -- cross-service data flow: order processing, step by step ------------------------------------

with ws.flow(
    "Order processing",
    "Cross-service data flow of an order, from the customer's order to analytics tracking",
) as f:
    f.step(customer, gateway, "1. Customer places order")
    f.step(gateway, user, "2. User validation")
    f.step(gateway, product, "3. Product validation")
    f.step(gateway, order, "4. Order creation")
    f.step(order, inventory, "5. Inventory reservation")
    f.step(gateway, payment, "6. Payment processing")
    f.step(gateway, inventory, "7. Inventory confirmation")
    f.step(inventory, notification, "8. Notification dispatch")
    f.step(order, analytics, "9. Analytics tracking (Order Placed)")

# -- cross-service data flow: product update ----------------------------------------------------

with ws.flow(
    "Product update",
    "An admin updates a product; the change reaches inventory, analytics, interested users "
    "and the search index",
) as f:
    f.step(admin, gateway, "1. Admin updates product")
    f.step(gateway, product, "/api/products: update product")
    f.step(product, bus, "Product Updated")
    with f.parallel("2. Inventory sync"):
        f.step(bus, inventory, "Product Updated")
    with f.also("3. Analytics update"):
        f.step(bus, analytics, "Product Updated")
    with f.also("4. Notification to interested users"):
        f.step(bus, notification, "Product Updated")
        f.step(notification, customer, "Product notification")
    f.step(product, search_index, "5. Search index update")

# -- data consistency: the saga for order processing --------------------------------------------

with ws.flow(
    "Order saga",
    "Create Order, Reserve Inventory, Process Payment, Confirm Inventory, Send Notification, "
    "through events; if a step fails, compensating transactions run in reverse order",
) as f:
    f.step(gateway, order, "Create Order (/api/orders)")
    f.step(order, order, "1. Create Order: save the order as pending")
    f.step(order, bus, "Order Placed")
    f.step(bus, inventory, "Order Placed")
    f.step(inventory, inventory, "2. Reserve Inventory")
    with f.alt("inventory reserved"):
        f.step(inventory, bus, "Inventory Reserved")
        f.step(bus, payment, "Inventory Reserved")
        f.step(payment, payment, "3. Process Payment")
        with f.alt("payment processed"):
            f.step(payment, bus, "Payment Processed")
            f.step(bus, inventory, "Payment Processed")
            f.step(inventory, inventory, "4. Confirm Inventory")
            with f.alt("inventory confirmed"):
                f.step(inventory, bus, "Inventory Confirmed")
                f.step(bus, notification, "Inventory Confirmed")
                f.step(notification, notification, "5. Send Notification")
                f.step(notification, customer, "Order confirmation e-mail")
                with f.opt("sending fails"):
                    f.note(notification, "Retried; a persistent failure goes to the dead letter "
                                         "queue. The order stands: notifications degrade gracefully")
                    f.step(notification, bus, "Dead letter: the failed notification")
            with f.otherwise("confirmation fails: compensate steps 3, 2, 1"):
                f.step(inventory, bus, "Inventory Confirmation Failed")
                f.step(bus, payment, "Inventory Confirmation Failed")
                f.step(payment, payment, "Compensate 3: refund the payment")
                f.step(payment, bus, "Payment Refunded")
                f.step(bus, inventory, "Payment Refunded")
                f.step(inventory, inventory, "Compensate 2: release the reservation")
                f.step(inventory, bus, "Inventory Released")
                f.step(bus, order, "Inventory Released")
                f.step(order, order, "Compensate 1: cancel the order")
        with f.otherwise("payment fails: compensate steps 2, 1"):
            f.step(payment, bus, "Payment Failed")
            f.step(bus, inventory, "Payment Failed")
            f.step(inventory, inventory, "Compensate 2: release the reservation")
            f.step(inventory, bus, "Inventory Released")
            f.step(bus, order, "Inventory Released")
            f.step(order, order, "Compensate 1: cancel the order")
    with f.otherwise("reservation fails: compensate step 1"):
        f.step(inventory, bus, "Inventory Reservation Failed")
        f.step(bus, order, "Inventory Reservation Failed")
        f.step(order, order, "Compensate 1: cancel the order")

# -- security: the authentication flow ----------------------------------------------------------

with ws.flow(
    "Authentication",
    "A user authenticates, receives a JWT and sends it with every subsequent API call; each "
    "service validates it",
) as f:
    f.step(customer, gateway, "1. User authenticates")
    f.step(gateway, user, "/api/users: authenticate")
    f.step(user, sessions, "Store the session")
    f.reply(user, gateway, "2. JWT token issued")
    f.reply(gateway, customer, "JWT token returned to client")
    with f.loop("3. every subsequent API call"):
        f.step(customer, gateway, "Request with the JWT")
        f.step(gateway, product, "Request with the JWT (any service; /api/products shown)")
        f.note(product, "4. Token validation: the service validates the JWT and checks "
                        "permissions from its claims (RBAC)")
        f.reply(product, gateway, "Response")
        f.reply(gateway, customer, "Response")
