"""The request flow: how a request from the frontend reaches the services."""

from .context import ws
from .services import analytics, auth, cart, frontend, gateway, orders, paypal, profile, user

with ws.flow(
    "Request flow",
    "A request from the frontend client through the API gateway and the Authorization "
    "middleware to the service that serves it",
) as f:
    f.step(frontend, gateway, "API request", technology="HTTPS")
    f.step(gateway, auth, "Route: Middleware: Verify JWT")
    f.reply(auth, gateway, "JWT verified")
    f.note([auth, gateway], "Only requests with a verified JWT reach a service")
    with f.alt("user request"):
        f.step(gateway, user, "GET /user/profile (JWT verified)", technology="HTTPS")
        f.step(user, profile, "GET /profile/:id", technology="HTTPS")
        f.reply(profile, user, "profile")
        f.reply(user, gateway, "200 profile")
    with f.otherwise("cart request"):
        f.step(gateway, cart, "POST /cart/add (JWT verified)", technology="HTTPS")
        f.step(cart, paypal, "POST /checkout", technology="HTTPS")
        f.reply(paypal, cart, "checkout created")
        f.reply(cart, gateway, "200 cart")
    with f.otherwise("orders request"):
        f.step(gateway, orders, "POST /orders/create (JWT verified)", technology="HTTPS")
        f.reply(orders, gateway, "201 order")
    f.reply(gateway, frontend, "response", technology="HTTPS")
    f.step(gateway, analytics, "track events: POST /events.track (asynchronous)")
