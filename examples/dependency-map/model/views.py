"""The map's two diagrams as views, and its orange highlight of the critical services.

The *dependency network* draws every service and dependency, left to right; the *request
flow* cuts it down to the path a request takes from the frontend to the services it reaches.
"""

from .context import platform, ws
from .services import analytics, auth, cart, frontend, gateway, orders, paypal, profile, user

# "Changes to critical services (highlighted in orange) may impact multiple downstream
# components": the three services tagged `critical` are drawn in orange in every view.
ws.style("critical", color="#fb923c", border="#c2410c", text="#1f2328")

dependency_network = ws.view(
    "Dependency network",
    "How the internal services communicate with each other: every service and dependency.",
    of=platform,
    direction="LR",
)

request_flow = ws.view(
    "Request flow",
    "The path of a request: from the frontend through the gateway and the Authorization "
    "middleware to the user, cart and orders services, and the event tracking beside it.",
    of=platform,
    include=[frontend, gateway, auth, user, cart, orders, profile, paypal, analytics],
    direction="LR",
)
