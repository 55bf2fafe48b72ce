"""Sequence diagrams and the order data flow.

Participants are the model's elements: the "Client App" / "Client" of the diagrams is the Web
App, "Auth Service" the User API's component, "Inventory", "Payment" and "Notification" the Order
API's service components, "Database" PostgreSQL and "Redis PubSub" Redis.
"""

from .components import (
    auth_service, cart_service, checkout_controller, inventory_service, notification_service,
    order_service, payment_service,
)
from .containers import (
    api_gateway, load_balancer, order_api, postgresql, redis, web_app, websocket_server,
)
from .context import customer, warehouse, ws

# -- User Authentication Flow ----------------------------------------------------------------------
with ws.flow("User Authentication Flow", "Login with email and password; JWT tokens on success",
             id="authentication") as f:
    f.step(customer, web_app, "Enter credentials")
    f.step(web_app, api_gateway, "POST /auth/login", technology="HTTPS/JSON")
    f.step(api_gateway, auth_service, "Forward request")
    f.step(auth_service, postgresql, "Query user by email", technology="SQL")
    f.reply(postgresql, auth_service, "User record")
    f.step(auth_service, auth_service, "Verify password hash")
    with f.alt("Invalid credentials"):
        f.reply(auth_service, api_gateway, "401 Unauthorized")
        f.reply(api_gateway, web_app, "Error response")
        f.reply(web_app, customer, "Show error message")
    with f.otherwise("Valid credentials"):
        f.step(auth_service, auth_service, "Generate JWT tokens")
        f.step(auth_service, redis, "Store refresh token")
        f.reply(auth_service, api_gateway, "200 OK + tokens")
        f.reply(api_gateway, web_app, "Tokens")
        f.step(web_app, web_app, "Store tokens")
        f.reply(web_app, customer, "Redirect to dashboard")

# -- Order Checkout Flow (nested alternatives) -----------------------------------------------------
with ws.flow("Order Checkout Flow", "Reserve stock, take the payment, create the order",
             id="checkout") as f:
    f.step(customer, web_app, "Click checkout")
    f.step(web_app, order_api, "POST /checkout", technology="HTTPS/JSON")
    f.step(order_api, inventory_service, "Reserve inventory")
    with f.alt("Insufficient stock"):
        f.reply(inventory_service, order_api, "Reservation failed")
        f.reply(order_api, web_app, "409 Conflict")
        f.reply(web_app, customer, "Show stock error")
    with f.otherwise("Stock available"):
        f.reply(inventory_service, order_api, "Reservation confirmed")
        f.step(inventory_service, postgresql, "Update inventory")
        f.step(order_api, payment_service, "Process payment")
        with f.alt("Payment failed"):
            f.reply(payment_service, order_api, "Payment declined")
            f.step(order_api, inventory_service, "Release reservation")
            f.reply(order_api, web_app, "402 Payment Required")
            f.reply(web_app, customer, "Show payment error")
        with f.otherwise("Payment success"):
            f.reply(payment_service, order_api, "Payment confirmed")
            f.step(order_api, postgresql, "Create order record")
            f.step(order_api, notification_service, "Send confirmation")
            f.reply(notification_service, customer, "Email notification")
            f.reply(order_api, web_app, "201 Created")
            f.reply(web_app, customer, "Show confirmation")

# -- WebSocket Connection Flow (loop) --------------------------------------------------------------
with ws.flow("WebSocket Connection Flow", "Real-time notifications over a WebSocket connection",
             id="websocket") as f:
    f.step(customer, web_app, "Open app")
    f.step(web_app, load_balancer, "WebSocket upgrade request", technology="WebSocket")
    f.step(load_balancer, websocket_server, "Route to available server")
    f.step(websocket_server, websocket_server, "Validate JWT token")
    f.step(websocket_server, postgresql, "Get user preferences")
    f.step(websocket_server, redis, "Subscribe to user channel")
    f.reply(websocket_server, web_app, "Connection established")
    with f.loop("Real-time updates"):
        f.step(redis, websocket_server, "New message published")
        f.step(websocket_server, web_app, "Push notification")
        f.step(web_app, customer, "Display notification")
    f.step(customer, web_app, "Close app")
    f.step(web_app, websocket_server, "Close connection")
    f.step(websocket_server, redis, "Unsubscribe")

# -- Order data flow: from creation to fulfillment -------------------------------------------------
with ws.flow("Order Data Flow",
             "How order data flows through the system from creation to fulfillment",
             id="order-data-flow") as f:
    f.step(customer, cart_service, "Cart items")
    f.step(cart_service, checkout_controller,
           "Cart → Checkout: cart items become an order draft (add shipping, calculate totals)")
    f.step(checkout_controller, order_service,
           "Checkout → Order: order draft + payment become an order record "
           "(confirm payment, generate ID)")
    f.note(order_service, "Order Created")
    with f.parallel("Payment"):
        f.step(order_service, payment_service, "Payment process")
    with f.also("Inventory"):
        f.step(order_service, inventory_service, "Inventory reserve")
    with f.also("Email"):
        f.step(order_service, notification_service, "Email send")
    f.note(order_service, "Order Confirmed (payment processed, inventory reserved)")
    f.step(order_service, warehouse,
           "Order → Warehouse: order record becomes a fulfillment request "
           "(extract shipping details)")
    f.reply(warehouse, order_api,
            "Warehouse → Shipped: fulfillment becomes tracking info "
            "(add carrier, tracking number)")
    f.note(warehouse, "Shipped")
    f.note(warehouse, "Delivered")
