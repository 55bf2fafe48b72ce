"""The E-Commerce Platform architecture, imported from workspace.dsl by `archdoc import
structurizr`."""

from archdoc import Workspace

ws = Workspace(
    "E-Commerce Platform",
    "Online shop: storefront, mobile app, admin portal and the APIs behind them")

customer = ws.person("Customer", "End user who browses and purchases products")
admin = ws.person("Admin", "Internal staff managing products and orders", tags=["Staff"])

ecommerce = ws.system(
    "E-Commerce System", "Sells products online: catalogue, cart, checkout, accounts",
    id="ecommerce")
web_app = ecommerce.container(
    "Web App", "Server-rendered e-commerce storefront", technology="Next.js 14",
    group="Front ends", id="webapp")
mobile_app = ecommerce.container(
    "Mobile App", "iOS/Android shopping app", technology="React Native", group="Front ends",
    id="mobileapp")
admin_portal = ecommerce.container(
    "Admin Portal", "Internal admin dashboard", technology="React + Vite", group="Front ends",
    id="adminportal")
api_gateway = ecommerce.container(
    "API Gateway", "Rate limiting, auth, routing", technology="Kong", group="Edge",
    tags=["Critical"], id="apigateway")
load_balancer = ecommerce.container(
    "Load Balancer", "Traffic distribution; routes WebSocket connections to an available server",
    technology="AWS Application Load Balancer", group="Edge", id="loadbalancer")
postgresql = ecommerce.database(
    "PostgreSQL", "Primary data store", technology="PostgreSQL 16", group="Data",
    properties={"orm": "Prisma", "retention": "Order records: 7 years; shipping tracking: 1 year"})
redis = ecommerce.database(
    "Redis", "Caching and session storage; message queue and pub/sub", technology="Redis 7",
    group="Data")
elasticsearch = ecommerce.database(
    "Elasticsearch", "Product search and filtering", technology="Elasticsearch 8", group="Data")
product_api = ecommerce.container(
    "Product API", "Product catalog management: product CRUD, search, catalog",
    technology="Node.js/Express", group="Services", id="productapi")
order_api = ecommerce.container(
    "Order API", "Order processing and checkout", technology="Node.js/Express", group="Services",
    tags=["Critical"], id="orderapi")
order_controller = order_api.component(
    "OrderController", "HTTP endpoints for order operations", technology="Express",
    group="API layer")
cart_controller = order_api.component(
    "CartController", "HTTP endpoints for cart management", technology="Express",
    group="API layer")
checkout_controller = order_api.component(
    "CheckoutController", "HTTP endpoints for checkout flow", technology="Express",
    group="API layer")
order_service = order_api.component(
    "OrderService", "Order business logic and validation", group="Service layer")
cart_service = order_api.component(
    "CartService", "Cart operations and calculations", group="Service layer")
payment_service = order_api.component(
    "PaymentService", "Payment processing integration", group="Service layer")
inventory_service = order_api.component(
    "InventoryService", "Stock management and reservation", group="Service layer")
notification_service = order_api.component(
    "NotificationService", "Email/SMS notification dispatch", group="Service layer")
order_repository = order_api.component(
    "OrderRepository", "Order records", group="Data access layer")
cart_repository = order_api.component("CartRepository", "Cart data", group="Data access layer")
product_repository = order_api.component(
    "ProductRepository", "Product data for orders and carts", group="Data access layer")
user_api = ecommerce.container(
    "User API", "Authentication and user management", technology="Node.js/Express",
    group="Services", tags=["Critical"], id="userapi")
auth_service = user_api.component(
    "Auth Service", "Verifies credentials, issues JWT tokens, stores refresh tokens",
    technology="Node.js/Express", id="authservice")
websocket_server = ecommerce.container(
    "WebSocket Server", "Pushes real-time notifications to connected clients",
    technology="WebSocket", group="Services", id="websocketserver")
worker = ecommerce.container("Worker", "Background jobs", group="Services")

payment_provider = ws.system(
    "Payment Provider", "Stripe for payment processing", external=True,
    properties={"vendor": "Stripe", "integration": "REST API"}, id="paymentprovider")
email_service = ws.system(
    "Email Service", "SendGrid for transactional emails", external=True, id="emailservice")
warehouse = ws.system(
    "Warehouse System", "Third-party inventory management", external=True, id="warehouse")
sms_service = ws.system("SMS Service", "Twilio for text messages", external=True, id="smsservice")

customer.uses(web_app, "Browses products, places orders", technology="HTTPS", criticality="high")
customer.uses(mobile_app, "Browses products, places orders", technology="iOS/Android app")
admin.uses(admin_portal, "Manages products and orders", technology="HTTPS")
web_app.uses(api_gateway, "Calls the APIs", technology="HTTPS/JSON", criticality="critical")
mobile_app.uses(api_gateway, "Calls the APIs", technology="HTTPS/JSON", criticality="critical")
admin_portal.uses(api_gateway, "Calls the APIs", technology="HTTPS/JSON", criticality="critical")
api_gateway.uses(
    product_api, "Routes product and search requests", technology="HTTPS/JSON", criticality="high")
api_gateway.uses(
    order_controller, "Routes order requests", technology="HTTPS/JSON", criticality="critical")
api_gateway.uses(
    cart_controller, "Routes cart requests", technology="HTTPS/JSON", criticality="critical")
api_gateway.uses(
    checkout_controller, "Routes checkout requests", technology="HTTPS/JSON",
    criticality="critical")
api_gateway.uses(
    auth_service, "Routes authentication requests", technology="HTTPS/JSON",
    criticality="critical")
product_api.uses(
    postgresql, "Reads and writes products", technology="SQL (Prisma)", criticality="critical",
    access="readwrite")
product_api.uses(
    elasticsearch, "Searches and indexes products", technology="HTTP", criticality="medium",
    access="read")
product_api.uses(redis, "Caches the catalog", technology="RESP", criticality="high")
order_controller.uses(order_service, "Handles order operations")
cart_controller.uses(cart_service, "Handles cart operations")
checkout_controller.uses(payment_service, "Processes the payment")
checkout_controller.uses(cart_service, "Reads the cart items")
checkout_controller.uses(order_service, "Creates the order from the order draft")
order_service.uses(inventory_service, "Reserves and releases stock")
order_service.uses(payment_service, "Processes the payment")
order_service.uses(notification_service, "Sends the order emails")
cart_service.uses(inventory_service, "Checks stock")
payment_service.uses(notification_service, "Sends payment confirmations")
order_service.uses(order_repository, "Stores orders")
cart_service.uses(cart_repository, "Stores carts")
cart_service.uses(product_repository, "Reads product data")
order_repository.uses(
    postgresql, "Reads and writes order records", technology="SQL (Prisma)",
    criticality="critical", access="readwrite")
product_repository.uses(
    postgresql, "Reads products", technology="SQL (Prisma)", criticality="critical", access="read")
cart_repository.uses(
    redis, "Reads and writes cart data", technology="RESP", criticality="high", access="readwrite")
inventory_service.uses(
    postgresql, "Updates inventory", technology="SQL (Prisma)", criticality="critical",
    access="write")
payment_service.uses(
    payment_provider, "Processes payment", technology="REST API", criticality="critical")
notification_service.uses(
    email_service, "Sends emails", technology="REST API", interaction="async")
notification_service.uses(sms_service, "Sends SMS", technology="REST API", interaction="async")
inventory_service.uses(warehouse, "Stores and retrieves inventory", technology="API")
order_service.uses(warehouse, "Sends fulfillment requests", technology="API")
warehouse.uses(
    order_api, "Reports shipping: carrier and tracking number", technology="Webhook",
    interaction="async")
auth_service.uses(
    postgresql, "Queries user by email", technology="SQL (Prisma)", criticality="critical",
    access="read")
auth_service.uses(
    redis, "Stores refresh tokens", technology="RESP", criticality="high", access="write")
user_api.uses(email_service, "Sends account emails", technology="REST API", interaction="async")
web_app.uses(load_balancer, "Sends the WebSocket upgrade request", technology="WebSocket")
load_balancer.uses(websocket_server, "Routes to an available server", technology="WebSocket")
web_app.uses(
    websocket_server, "Receives push notifications over the open connection",
    technology="WebSocket")
websocket_server.uses(postgresql, "Reads user preferences", technology="SQL", access="read")
websocket_server.uses(redis, "Subscribes to the user channel", technology="Redis Pub/Sub")
worker.uses(
    redis, "Takes background jobs from the queue and writes results", technology="RESP",
    access="write")

production = ws.environment("Production")
aws = production.node(
    "AWS Cloud", "The AWS account and region the platform runs in", technology="AWS")
vpc = aws.node(
    "VPC", "Main VPC", technology="Amazon VPC", properties={"network.CIDR": "10.0.0.0/16"})
public_a = vpc.node("Public A", "Public subnet in AZ-A", technology="Public subnet")
alb_a = public_a.node("ALB (AZ-A)", "Traffic distribution", technology="Application Load Balancer")
alb_a.deploy(load_balancer)
private_a = vpc.node("Private A", "Private subnet in AZ-A", technology="Private subnet")
api_tasks_a = private_a.node(
    "ECS Task (API, AZ-A)", "API containers", technology="AWS Fargate", instances="1..5")
api_tasks_a.deploy(api_gateway)
api_tasks_a.deploy(product_api)
api_tasks_a.deploy(order_api)
api_tasks_a.deploy(user_api)
api_tasks_a.deploy(websocket_server)
worker_tasks_a = private_a.node(
    "ECS Task (Worker, AZ-A)", "Background jobs", technology="AWS Fargate", instances="1..3")
worker_tasks_a.deploy(worker)
data_a = vpc.node("Data A", "Data subnet in AZ-A", technology="Private subnet")
rds_primary = data_a.node("RDS Primary", "Primary database", technology="PostgreSQL 16")
rds_primary.deploy(postgresql)
elasticache = data_a.node("ElastiCache", "Caching, sessions", technology="Redis 7")
elasticache.deploy(redis)
opensearch = data_a.node("OpenSearch", "Product search", technology="Amazon OpenSearch")
opensearch.deploy(elasticsearch)
data_b = vpc.node("Data B", "Data subnet in AZ-B", technology="Private subnet")
rds_replica = data_b.node("RDS Replica", "Read replica", technology="PostgreSQL 16")

alb_a.uses(api_tasks_a, "Forwards requests", technology="HTTP :3000")
rds_primary.uses(rds_replica, "Replicates to", technology="PostgreSQL streaming replication")

s3 = aws.infrastructure("S3", "Static assets, uploads", technology="S3 Standard")
cloudfront = aws.infrastructure(
    "CloudFront", "Content delivery network", technology="Amazon CloudFront")

cloudfront.uses(s3, "Serves static assets from")

vercel = production.node("Vercel", "Hosts the Next.js storefront", technology="Vercel")
vercel.deploy(web_app)

ws.view(
    "The services a purchase cannot do without", of=ecommerce,
    include=["tag:Critical", customer, postgresql, payment_provider], direction="LR",
    id="critical-path")

with ws.flow("User Authentication Flow", id="authentication") as f:
    f.step(customer, web_app, "Enter credentials")
    f.step(web_app, api_gateway, "POST /auth/login", technology="HTTPS/JSON")
    f.step(api_gateway, user_api, "Forward request")
    f.step(user_api, postgresql, "Query user by email")
    f.reply(postgresql, user_api, "User record")
    f.step(user_api, redis, "Store refresh token")
    f.reply(user_api, api_gateway, "200 OK + tokens")
    f.reply(api_gateway, web_app, "Tokens")
    f.reply(web_app, customer, "Redirect to dashboard")

with ws.flow("Order Checkout Flow", id="checkout") as f:
    f.step(api_gateway, checkout_controller, "POST /checkout")
    f.step(checkout_controller, order_service, "Create the order")
    f.step(order_service, inventory_service, "Reserve inventory")
    f.reply(inventory_service, order_service, "Reservation confirmed")
    f.step(order_service, payment_service, "Process payment")
    f.step(payment_service, payment_provider, "Charge the card")
    f.reply(payment_service, order_service, "Payment confirmed")
    with f.parallel():
        f.step(order_service, order_repository, "Create order record")
    with f.also():
        f.step(order_service, notification_service, "Send confirmation")
    f.reply(checkout_controller, api_gateway, "201 Created")

ws.style("Critical", color="#fb923c", border="#c2410c")
