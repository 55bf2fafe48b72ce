"""The workspace, the production platform and the one external system it calls."""

from archdoc import Workspace

ws = Workspace(
    "Service Dependency Mapping",
    "Production architecture: backend dependencies and impact analysis. Changes to critical "
    "services may impact multiple downstream components.",
)

platform = ws.system(
    "Production platform",
    "The internal services behind the storefront: gateway, authorization, users, cart, orders, "
    "PayPal payments, analytics and stoq",
    id="platform",
)

paypal_api = ws.system(
    "PayPal API",
    "PayPal's external API: payments, checkouts and refunds",
    external=True,
    id="paypal-api",
)
