"""The interaction diagrams of the source document as views, in its colours.

The document colours the User Service blue, the product, order and payment services green and
the inventory, notification and analytics services orange; the services carry those roles as
tags (``foundation``, ``core``, ``supporting``) and the styles below colour them in every view.
Its second diagram, the order flow, is the ``Order flow`` flow (``flows.py``).
"""

from .context import myshop, ws
from .services import analytics, inventory, notification, order, payment, product, user

ws.style("foundation", color="#2196F3", border="#0D47A1")
ws.style("core", color="#4CAF50", border="#388E3C")
ws.style("supporting", color="#FF9800", border="#E65100", text="#1f2328")

user_interactions = ws.view(
    "User Service interactions",
    "The User Service is the foundation the other services depend on for authentication and "
    "user data.",
    of=myshop,
    include=[user, product, order, payment, inventory, notification, analytics],
    direction="LR",
)

product_management = ws.view(
    "Product management interactions",
    "The services that keep product information up to date: product updates reach inventory, "
    "analytics and notifications; stock changes reach the orders.",
    of=myshop,
    include=[product, inventory, analytics, notification, order, user],
)
