"""The API gateway, the seven services, their datastores and the event bus."""

from .context import myshop

HEALTH = {"health": "/health/ endpoint, database connectivity and dependency checks"}
"""Every service provides the same health checks."""

gateway = myshop.container(
    "API Gateway",
    "Routes requests to the services by URL prefix and handles service unavailability",
)
user = myshop.container(
    "User Service",
    "The foundation the other services depend on: authentication, JWT issuing, user data, "
    "roles and permissions",
    properties={**HEALTH, "cache": "Redis for session management",
                "authorization": "manages roles and permissions (RBAC)"},
    tags=["foundation"],
)
product = myshop.container(
    "Product Service",
    "Product catalogue: products, views and searches",
    properties={**HEALTH, "cache": "product catalogue caching"},
    tags=["core"],
)
order = myshop.container(
    "Order Service",
    "Order processing: creates orders and runs the order saga",
    properties=HEALTH,
    tags=["core"],
)
payment = myshop.container(
    "Payment Service",
    "Payment handling: processes payments and refunds",
    properties=HEALTH,
    tags=["core"],
)
inventory = myshop.container(
    "Inventory Service",
    "Stock management: reserves, confirms and releases inventory",
    properties=HEALTH,
    tags=["supporting"],
)
notification = myshop.container(
    "Notification Service",
    "Messaging: order confirmation e-mails and notifications to interested users",
    properties=HEALTH,
    tags=["supporting"],
)
analytics = myshop.container(
    "Analytics Service",
    "Business intelligence: collects metrics and business events from the other services",
    properties={**HEALTH, "reporting": "read replicas for reporting"},
    tags=["supporting"],
)

sessions = myshop.database(
    "Session store",
    "User sessions",
    technology="Redis",
    owner=user,
    id="sessions",
)
search_index = myshop.database(
    "Search index",
    "Product search index",
    technology="Elasticsearch",
    owner=product,
    id="search-index",
)
bus = myshop.queue(
    "Event bus",
    "Events between services: product updates, placed orders and the order saga; dead letter "
    "queues hold events that fail persistently",
    properties={"dead letters": "dead letter queue for persistent failures",
                "delivery": "retries for transient failures"},
    id="event-bus",
)
