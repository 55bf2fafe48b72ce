"""Every dependency of the map, with the operation and status of the detailed mapping.

archdoc derives each pair's status: an asynchronous interaction is *Asynchronous*; a
``criticality="critical"`` dependency (and so every pair on a critical path) is *Critical Path*;
any other is *Healthy*. The ten rows of the detailed mapping are declared first, in its order;
the dependencies only the network graph draws follow.
"""

from .context import paypal_api
from .services import analytics, auth, cart, frontend, gateway, orders, paypal, profile, stoq, token, user, user_api

# -- the detailed mapping, row by row -------------------------------------------------------------

gateway.uses(auth, "Routes every request through the Authorization middleware",
             operation="Middleware: Verify JWT", technology="JWT")                       # Healthy
gateway.uses(user, "Serves the user profile", operation="GET /user/profile",
             technology="HTTPS")                                                          # Healthy
gateway.uses(cart, "Adds items to the cart", operation="POST /cart/add",
             technology="HTTPS")                                                          # Healthy
gateway.uses(orders, "Creates orders", operation="POST /orders/create",
             technology="HTTPS")                                                          # Healthy
user.uses(profile, "Reads a profile by id", operation="GET /profile/:id",
          technology="HTTPS")                                                             # Healthy
cart.uses(paypal, "Checks out with PayPal", operation="POST /checkout",
          technology="HTTPS", criticality="critical")                                     # Critical Path
orders.uses(cart, "Confirms the order's cart", operation="POST /orders/confirm",
            technology="HTTPS", criticality="critical")                                   # Critical Path
orders.uses(paypal, "Refunds a payment", operation="POST /refund",
            technology="HTTPS", criticality="critical")                                   # Critical Path
gateway.uses(analytics, "Tracks events", operation="POST /events.track",
             technology="HTTPS", interaction="async")                                     # Asynchronous
gateway.uses(stoq, "Dispatches stoq events (Stoq Event)", operation="openInlineForm / Event",
             interaction="async")                                                         # Asynchronous

# -- drawn on the dependency network only -----------------------------------------------------------

frontend.uses(gateway, "Sends every API request", technology="HTTPS")
gateway.uses(paypal, "Routes PayPal requests to the integration", technology="HTTPS")
# AUTH <--> TOKEN: the map draws this dependency in both directions, a synchronous cycle.
auth.uses(token, "Issues and validates tokens")
token.uses(auth, "Checks the authorization of token requests")
user.uses(user_api, "Reads and updates user accounts", technology="HTTPS")
# Every PayPal call ends at the external API: PayPal is one of the three critical dependencies.
paypal.uses(paypal_api, "Creates checkouts and refunds", technology="HTTPS", criticality="critical")
# EXTERNAL -.-> stoq: PayPal's events reach the platform through stoq.
paypal_api.uses(stoq, "Sends payment events for external event dispatch", interaction="async",
                technology="HTTPS")
