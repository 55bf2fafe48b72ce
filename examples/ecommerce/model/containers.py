"""Level 2, containers: the building blocks of the E-Commerce System and their dependencies.

Criticality follows the dependency matrix: a dependency on a service is as critical as that
service (API Gateway, Order API, User API and PostgreSQL critical; Web App, Product API and
Redis high; Elasticsearch medium). The payment dependency is critical because checkout is
unavailable without it (failure modes).
"""

from .context import admin, customer, email_service, shop

# -- front ends -----------------------------------------------------------------------------------
web_app = shop.container(
    "Web App", "Server-rendered e-commerce storefront", technology="Next.js 14",
    tags=["frontend"])
mobile_app = shop.container(
    "Mobile App", "iOS/Android shopping app", technology="React Native", tags=["frontend"])
admin_portal = shop.container(
    "Admin Portal", "Internal admin dashboard", technology="React + Vite", tags=["frontend"])

# -- edge -----------------------------------------------------------------------------------------
api_gateway = shop.container(
    "API Gateway", "Rate limiting, auth, routing", technology="Kong", tags=["edge", "critical"])
load_balancer = shop.container(
    "Load Balancer", "Traffic distribution; routes WebSocket connections to an available server",
    technology="AWS Application Load Balancer", tags=["edge"])

# -- services -------------------------------------------------------------------------------------
product_api = shop.container(
    "Product API", "Product catalog management: product CRUD, search, catalog",
    technology="Node.js/Express", tags=["service"])
order_api = shop.container(
    "Order API", "Order processing and checkout", technology="Node.js/Express",
    tags=["service", "critical"])
user_api = shop.container(
    "User API", "Authentication and user management", technology="Node.js/Express",
    tags=["service", "critical"])
websocket_server = shop.container(
    "WebSocket Server", "Pushes real-time notifications to connected clients",
    technology="WebSocket", tags=["service"])
worker = shop.container(
    "Worker", "Background jobs", tags=["service"])

# -- data stores ----------------------------------------------------------------------------------
postgresql = shop.database(
    "PostgreSQL", "Primary data store", technology="PostgreSQL 16",
    properties={"orm": "Prisma", "retention": "Order records: 7 years; shipping tracking: 1 year"})
redis = shop.database(
    "Redis", "Caching and session storage; message queue and pub/sub", technology="Redis 7",
    properties={"role": "Cache/MQ", "retention": "Cart data: 30 days"})
elasticsearch = shop.database(
    "Elasticsearch", "Product search and filtering", technology="Elasticsearch 8",
    owner=product_api)

# -- people ---------------------------------------------------------------------------------------
customer.uses(web_app, "Browses products, places orders", technology="HTTPS", criticality="high")
customer.uses(mobile_app, "Browses products, places orders", technology="iOS/Android app")
admin.uses(admin_portal, "Manages products and orders", technology="HTTPS")

# -- front ends to the gateway ---------------------------------------------------------------------
for front_end in (web_app, mobile_app, admin_portal):
    front_end.uses(api_gateway, "Calls the APIs", technology="HTTPS/JSON", criticality="critical")

# -- the gateway routes to the APIs ----------------------------------------------------------------
api_gateway.uses(product_api, "Routes product and search requests", technology="HTTPS/JSON",
                 operation="/products", criticality="high")
api_gateway.uses(order_api, "Routes cart, order and checkout requests", technology="HTTPS/JSON",
                 operation="/orders, /cart, /checkout", criticality="critical")
api_gateway.uses(user_api, "Routes authentication and profile requests", technology="HTTPS/JSON",
                 operation="/auth, /users", criticality="critical")

# -- Product API -----------------------------------------------------------------------------------
product_api.uses(postgresql, "Reads and writes products", technology="SQL (Prisma)",
                 access="readwrite", criticality="critical")
product_api.uses(elasticsearch, "Searches and filters products", technology="HTTP",
                 access="readwrite", criticality="medium")
product_api.uses(redis, "Caches the catalog", technology="RESP", access="readwrite",
                 criticality="high")

# -- User API --------------------------------------------------------------------------------------
user_api.uses(email_service, "Sends account emails", technology="REST API", interaction="async")

# -- real-time updates -----------------------------------------------------------------------------
web_app.uses(load_balancer, "WebSocket upgrade request", technology="WebSocket")
load_balancer.uses(websocket_server, "Routes to an available server", technology="WebSocket")
web_app.uses(websocket_server, "Receives push notifications over the open connection",
             technology="WebSocket")
websocket_server.uses(postgresql, "Gets user preferences", technology="SQL", access="read")
websocket_server.uses(redis, "Subscribes to the user channel", technology="Redis Pub/Sub",
                      access="read")

# -- background jobs -------------------------------------------------------------------------------
worker.uses(redis, "Takes background jobs from the queue", technology="RESP", access="readwrite")
