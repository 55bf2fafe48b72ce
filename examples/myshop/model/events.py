"""Events through the event bus: the event-driven updates and the order saga.

Every event travels through the event bus (``via=bus``), so each producer and consumer
depends on the bus asynchronously, and each consumer on each producer.
"""

from .services import analytics, bus, inventory, notification, order, payment, product

# -- event-driven updates -----------------------------------------------------------------------

product.publishes("Product Updated", "An admin changed a product", via=bus)
inventory.subscribes("Product Updated", "Inventory sync", via=bus)
analytics.subscribes("Product Updated", "Analytics update", via=bus)
notification.subscribes("Product Updated", "Notification to interested users", via=bus)

order.publishes("Order Placed", "A customer placed an order (saga step 1: Create Order)", via=bus)
inventory.subscribes("Order Placed", "Inventory reservation (saga step 2: Reserve Inventory)", via=bus)
analytics.subscribes("Order Placed", "Analytics tracking: orders and revenue", via=bus)
notification.subscribes("Order Placed", "Notification dispatch: the order was received", via=bus)

# -- the order saga: each step's outcome, and the compensations in reverse order ----------------

inventory.publishes("Inventory Reserved", "Stock reserved for the order", via=bus)
payment.subscribes("Inventory Reserved", "Saga step 3: Process Payment", via=bus)

inventory.publishes("Inventory Reservation Failed", "Not enough stock for the order", via=bus)
order.subscribes("Inventory Reservation Failed", "Compensates step 1: cancels the order", via=bus)

payment.publishes("Payment Processed", "The payment succeeded", via=bus)
inventory.subscribes("Payment Processed", "Saga step 4: Confirm Inventory", via=bus)

payment.publishes("Payment Failed", "The payment was declined or failed", via=bus)
inventory.subscribes("Payment Failed", "Compensates step 2: releases the reservation", via=bus)

inventory.publishes("Inventory Confirmed", "The reserved stock is committed to the order", via=bus)
notification.subscribes("Inventory Confirmed", "Saga step 5: Send Notification", via=bus)

inventory.publishes("Inventory Confirmation Failed", "The reservation could not be confirmed",
                    via=bus)
payment.subscribes("Inventory Confirmation Failed", "Compensates step 3: refunds the payment",
                   via=bus)

payment.publishes("Payment Refunded", "The payment was refunded", via=bus)
inventory.subscribes("Payment Refunded", "Compensates step 2: releases the reservation", via=bus)

inventory.publishes("Inventory Released", "The reservation was released", via=bus)
order.subscribes("Inventory Released", "Compensates step 1: cancels the order", via=bus)
