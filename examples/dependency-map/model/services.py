"""The twelve internal services of the platform.

Names are those of the dependency map; ``critical`` tags the three critical dependencies the
API versioning strategy names (Authorization, Orders, PayPal). Every service exposes the same
Prometheus metrics (see the Monitoring page), recorded as properties.
"""

from .context import platform

METRICS = {
    "metrics": "prometheus",
    "versioning": "URL path (/v1, /v2, ...)",
}
"""Every service emits Prometheus metrics and versions its API in the URL path."""

SEPARATE_CHANNEL = {**METRICS, "version channel": "separate (critical dependency)"}
SHARED_CHANNEL = {**METRICS, "version channel": "shared"}

frontend = platform.container(
    "frontend SPA",
    "Single-page application in the browser: the frontend client of every request",
    technology="SPA",
    id="frontend",
    tags=["frontend"],
    properties=SHARED_CHANNEL,
)
gateway = platform.container(
    "API Gateway",
    "Entry point and load balancer: routes each request through the Authorization middleware "
    "to the services, and tracks events",
    id="gateway",
    properties=SHARED_CHANNEL,
)
auth = platform.container(
    "Authorization Service",
    "Authorization middleware: verifies the JWT of every request",
    technology="JWT",
    id="auth",
    tags=["critical"],
    properties=SEPARATE_CHANNEL,
)
token = platform.container(
    "token Manager",
    "Issues, refreshes and revokes the tokens the Authorization service verifies",
    id="token-manager",
    properties=SHARED_CHANNEL,
)
user = platform.container(
    "user Service",
    "User profile service: the user-facing profile endpoints (\"user Profile\" on the map)",
    id="user",
    properties=SHARED_CHANNEL,
)
profile = platform.container(
    "profile Service",
    "Stores and serves user profiles by id",
    id="profile",
    properties=SHARED_CHANNEL,
)
user_api = platform.container(
    "user API",
    "User account API behind the user service",
    id="user-api",
    properties=SHARED_CHANNEL,
)
cart = platform.container(
    "cart Service",
    "Shopping carts: adds items and starts the PayPal checkout",
    id="cart",
    properties=SHARED_CHANNEL,
)
orders = platform.container(
    "orders Service",
    "Creates and confirms orders; asks PayPal for refunds",
    id="orders",
    tags=["critical"],
    properties=SEPARATE_CHANNEL,
)
paypal = platform.container(
    "paypal Integration",
    "The platform's integration with the PayPal API: checkouts and refunds",
    id="paypal",
    tags=["critical"],
    properties=SEPARATE_CHANNEL,
)
analytics = platform.container(
    "analytics Service",
    "Tracking: records tracked events, such as stoq:restock-modal:submitted, in its events table",
    id="analytics",
    tags=["async"],
    properties=SHARED_CHANNEL,
)
stoq = platform.container(
    "stoq Integration",
    "External event dispatch through stoq",
    id="stoq",
    tags=["async"],
    properties=SHARED_CHANNEL,
)
