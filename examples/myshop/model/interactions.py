"""Who calls whom: the gateway's routes, the services' dependencies on each other.

Arrows in archdoc point from the service that depends to the one it depends on, so the User
Service, which the others depend on, is the target of their arrows.
"""

from .context import admin, customer
from .services import (analytics, gateway, inventory, notification, order, payment, product,
                       search_index, sessions, user)

customer.uses(gateway, "Browses products, authenticates and places orders", technology="HTTPS")
admin.uses(gateway, "Updates products", technology="HTTPS")

# -- API gateway routing: one relationship per URL prefix, in the routing table's order ---------

gateway.uses(user, "User management", operation="/api/users", technology="HTTP",
             criticality="critical")
gateway.uses(product, "Product catalog", operation="/api/products", technology="HTTP",
             criticality="critical")
gateway.uses(order, "Order processing", operation="/api/orders", technology="HTTP",
             criticality="critical")
gateway.uses(payment, "Payment handling", operation="/api/payments", technology="HTTP",
             criticality="critical")
gateway.uses(inventory, "Stock management", operation="/api/inventory", technology="HTTP",
             criticality="critical")
gateway.uses(notification, "Messaging", operation="/api/notifications", technology="HTTP",
             criticality="low")
gateway.uses(analytics, "Business intelligence", operation="/api/analytics", technology="HTTP",
             criticality="low")

# -- 1. User Service interactions: every other service depends on it --------------------------

for service in (product, order, payment, inventory, notification, analytics):
    service.uses(user, "Authentication and user data: roles and permissions")

# -- 2. Order flow interactions ---------------------------------------------------------------

order.uses(inventory, "Reserves inventory", operation="Reserve Inventory", criticality="critical")
inventory.uses(notification, "Sends the order confirmation", operation="Send Order Confirmation")
notification.uses(customer, "Order confirmation e-mail; notifications to interested users",
                  technology="E-mail", interaction="async")

# -- 3. Product management interactions (Product -> Inventory, Analytics, Notification are the
# "Product Updated" event, see events.py) ---------------------------------------------------------

inventory.uses(order, "Propagates stock changes to orders", interaction="async")
product.uses(search_index, "Search index update", technology="Elasticsearch API")

# -- metrics collection ---------------------------------------------------------------------------

analytics.uses(user, "Collects metrics: registrations, logins", criticality="low")
analytics.uses(product, "Collects metrics: views, searches", criticality="low")
analytics.uses(order, "Collects metrics: orders, revenue", criticality="low")
analytics.uses(payment, "Collects metrics: transactions", criticality="low")
analytics.uses(inventory, "Collects metrics: stock levels", criticality="low")

# -- sessions ----------------------------------------------------------------------------------------

user.uses(sessions, "Stores and reads sessions", technology="Redis", access="readwrite")
