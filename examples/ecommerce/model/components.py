"""Level 3, components: the inside of the Order API (and the User API's Auth Service).

The Order API has three layers, enforced by the ``layers`` of ``mkdocs.yml``: the API layer
(controllers), the service layer and the data access layer (repositories).
"""

from .containers import order_api, postgresql, redis, user_api
from .context import email_service, payment_provider, sms_service, warehouse

# -- API layer ------------------------------------------------------------------------------------
order_controller = order_api.component(
    "OrderController", "HTTP endpoints for order operations",
    id="order-controller", technology="Express", tags=["api-layer"])
cart_controller = order_api.component(
    "CartController", "HTTP endpoints for cart management",
    id="cart-controller", technology="Express", tags=["api-layer"])
checkout_controller = order_api.component(
    "CheckoutController", "HTTP endpoints for checkout flow",
    id="checkout-controller", technology="Express", tags=["api-layer"])

# -- service layer ---------------------------------------------------------------------------------
order_service = order_api.component(
    "OrderService", "Order business logic and validation",
    id="order-service", tags=["service-layer"])
cart_service = order_api.component(
    "CartService", "Cart operations and calculations",
    id="cart-service", tags=["service-layer"])
payment_service = order_api.component(
    "PaymentService", "Payment processing integration",
    id="payment-service", tags=["service-layer"])
inventory_service = order_api.component(
    "InventoryService", "Stock management and reservation",
    id="inventory-service", tags=["service-layer"])
notification_service = order_api.component(
    "NotificationService", "Email/SMS notification dispatch",
    id="notification-service", tags=["service-layer"])

# -- data access layer -----------------------------------------------------------------------------
order_repository = order_api.component(
    "OrderRepository", "Order records",
    id="order-repository", tags=["data-access-layer"])
cart_repository = order_api.component(
    "CartRepository", "Cart data",
    id="cart-repository", tags=["data-access-layer"])
product_repository = order_api.component(
    "ProductRepository", "Product data for orders and carts",
    id="product-repository", tags=["data-access-layer"])

# -- inside the Order API --------------------------------------------------------------------------
order_controller.uses(order_service, "Handles order operations")
cart_controller.uses(cart_service, "Handles cart operations")
checkout_controller.uses(payment_service, "Processes the payment")
order_service.uses(inventory_service, "Reserves and releases stock")
cart_service.uses(inventory_service, "Checks stock")
cart_service.uses(notification_service, "Sends cart notifications")
payment_service.uses(notification_service, "Sends payment confirmations")
# Stated by the order data flow: cart -> checkout -> order, then payment, inventory and email.
checkout_controller.uses(cart_service, "Reads the cart items")
checkout_controller.uses(order_service, "Creates the order from the order draft")
order_service.uses(payment_service, "Processes the payment")
order_service.uses(notification_service, "Sends the order emails")

# -- to the data stores (orders in PostgreSQL, carts in Redis) -------------------------------------
order_repository.uses(postgresql, "Reads and writes order records", technology="SQL (Prisma)",
                      access="readwrite", criticality="critical")
product_repository.uses(postgresql, "Reads products", technology="SQL (Prisma)", access="read",
                        criticality="critical")
cart_repository.uses(redis, "Reads and writes cart data", technology="RESP",
                     access="readwrite", criticality="high")
inventory_service.uses(postgresql, "Updates inventory", technology="SQL (Prisma)",
                       access="readwrite", criticality="critical")

# -- to the external systems -----------------------------------------------------------------------
payment_service.uses(payment_provider, "Processes payment", technology="REST API",
                     criticality="critical")
notification_service.uses(email_service, "Sends emails", technology="REST API",
                          interaction="async")
notification_service.uses(sms_service, "Sends SMS", technology="REST API", interaction="async")
inventory_service.uses(warehouse, "Stores and retrieves inventory", technology="API")
order_service.uses(warehouse, "Sends fulfillment requests", technology="API")
warehouse.uses(order_api, "Reports shipping: carrier and tracking number", technology="Webhook",
               interaction="async")

# -- User API --------------------------------------------------------------------------------------
auth_service = user_api.component(
    "Auth Service", "Verifies credentials, issues JWT tokens, stores refresh tokens",
    technology="Node.js/Express")
auth_service.uses(postgresql, "Queries user by email", technology="SQL (Prisma)",
                  access="readwrite", criticality="critical")
auth_service.uses(redis, "Stores refresh tokens", technology="RESP", access="readwrite",
                  criticality="high")
