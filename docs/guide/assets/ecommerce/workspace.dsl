/*
    The e-commerce platform of archdoc's examples (examples/ecommerce), written in the
    Structurizr DSL: the workspace that the guide "Moving from Structurizr" imports.
*/
workspace "E-Commerce Platform" "Online shop: storefront, mobile app, admin portal and the APIs behind them" {
    !identifiers hierarchical

    model {
        properties {
            "structurizr.groupSeparator" "/"
        }

        customer = person "Customer" "End user who browses and purchases products"
        admin = person "Admin" "Internal staff managing products and orders" "Staff"

        ecommerce = softwareSystem "E-Commerce System" "Sells products online: catalogue, cart, checkout, accounts" {
            group "Front ends" {
                webApp = container "Web App" "Server-rendered e-commerce storefront" "Next.js 14"
                mobileApp = container "Mobile App" "iOS/Android shopping app" "React Native"
                adminPortal = container "Admin Portal" "Internal admin dashboard" "React + Vite"
            }
            group "Edge" {
                apiGateway = container "API Gateway" "Rate limiting, auth, routing" "Kong" "Critical"
                loadBalancer = container "Load Balancer" "Traffic distribution; routes WebSocket connections to an available server" "AWS Application Load Balancer"
            }
            group "Data" {
                postgresql = container "PostgreSQL" "Primary data store" "PostgreSQL 16" "Database" {
                    properties {
                        orm "Prisma"
                        retention "Order records: 7 years; shipping tracking: 1 year"
                    }
                }
                redis = container "Redis" "Caching and session storage; message queue and pub/sub" "Redis 7" "Database"
                elasticsearch = container "Elasticsearch" "Product search and filtering" "Elasticsearch 8" "Database"
            }
            group "Services" {
                productApi = container "Product API" "Product catalog management: product CRUD, search, catalog" "Node.js/Express"
                orderApi = container "Order API" "Order processing and checkout" "Node.js/Express" "Critical" {
                    group "API layer" {
                        orderController = component "OrderController" "HTTP endpoints for order operations" "Express"
                        cartController = component "CartController" "HTTP endpoints for cart management" "Express"
                        checkoutController = component "CheckoutController" "HTTP endpoints for checkout flow" "Express"
                    }
                    group "Service layer" {
                        orderService = component "OrderService" "Order business logic and validation"
                        cartService = component "CartService" "Cart operations and calculations"
                        paymentService = component "PaymentService" "Payment processing integration"
                        inventoryService = component "InventoryService" "Stock management and reservation"
                        notificationService = component "NotificationService" "Email/SMS notification dispatch"
                    }
                    group "Data access layer" {
                        orderRepository = component "OrderRepository" "Order records"
                        cartRepository = component "CartRepository" "Cart data"
                        productRepository = component "ProductRepository" "Product data for orders and carts"
                    }
                }
                userApi = container "User API" "Authentication and user management" "Node.js/Express" "Critical" {
                    authService = component "Auth Service" "Verifies credentials, issues JWT tokens, stores refresh tokens" "Node.js/Express"
                }
                websocketServer = container "WebSocket Server" "Pushes real-time notifications to connected clients" "WebSocket"
                worker = container "Worker" "Background jobs"
            }
        }

        paymentProvider = softwareSystem "Payment Provider" "Stripe for payment processing" "External" {
            properties {
                vendor "Stripe"
                integration "REST API"
            }
        }
        emailService = softwareSystem "Email Service" "SendGrid for transactional emails" "External"
        warehouse = softwareSystem "Warehouse System" "Third-party inventory management" "External"
        smsService = softwareSystem "SMS Service" "Twilio for text messages" "External"

        # people
        customer -> ecommerce.webApp "Browses products, places orders" "HTTPS" "High"
        customer -> ecommerce.mobileApp "Browses products, places orders" "iOS/Android app"
        admin -> ecommerce.adminPortal "Manages products and orders" "HTTPS"

        # front ends to the gateway, the gateway to the APIs
        ecommerce.webApp -> ecommerce.apiGateway "Calls the APIs" "HTTPS/JSON" "Critical"
        ecommerce.mobileApp -> ecommerce.apiGateway "Calls the APIs" "HTTPS/JSON" "Critical"
        ecommerce.adminPortal -> ecommerce.apiGateway "Calls the APIs" "HTTPS/JSON" "Critical"
        ecommerce.apiGateway -> ecommerce.productApi "Routes product and search requests" "HTTPS/JSON" "High"
        ecommerce.apiGateway -> ecommerce.orderApi.orderController "Routes order requests" "HTTPS/JSON" "Critical"
        ecommerce.apiGateway -> ecommerce.orderApi.cartController "Routes cart requests" "HTTPS/JSON" "Critical"
        ecommerce.apiGateway -> ecommerce.orderApi.checkoutController "Routes checkout requests" "HTTPS/JSON" "Critical"
        ecommerce.apiGateway -> ecommerce.userApi.authService "Routes authentication requests" "HTTPS/JSON" "Critical"

        # the Product API
        ecommerce.productApi -> ecommerce.postgresql "Reads and writes products" "SQL (Prisma)" "Critical"
        ecommerce.productApi -> ecommerce.elasticsearch "Searches and indexes products" "HTTP" "Medium"
        ecommerce.productApi -> ecommerce.redis "Caches the catalog" "RESP" "High"

        # inside the Order API
        !element ecommerce.orderApi {
            orderController -> orderService "Handles order operations"
            cartController -> cartService "Handles cart operations"
            checkoutController -> paymentService "Processes the payment"
            checkoutController -> cartService "Reads the cart items"
            checkoutController -> orderService "Creates the order from the order draft"
            orderService -> inventoryService "Reserves and releases stock"
            orderService -> paymentService "Processes the payment"
            orderService -> notificationService "Sends the order emails"
            cartService -> inventoryService "Checks stock"
            paymentService -> notificationService "Sends payment confirmations"
            orderService -> orderRepository "Stores orders"
            cartService -> cartRepository "Stores carts"
            cartService -> productRepository "Reads product data"
            orderRepository -> ecommerce.postgresql "Reads and writes order records" "SQL (Prisma)" "Critical"
            productRepository -> ecommerce.postgresql "Reads products" "SQL (Prisma)" "Critical"
            cartRepository -> ecommerce.redis "Reads and writes cart data" "RESP" "High"
            inventoryService -> ecommerce.postgresql "Updates inventory" "SQL (Prisma)" "Critical"
            paymentService -> paymentProvider "Processes payment" "REST API" "Critical"
            notificationService -> emailService "Sends emails" "REST API" "Async"
            notificationService -> smsService "Sends SMS" "REST API" "Async"
            inventoryService -> warehouse "Stores and retrieves inventory" "API"
            orderService -> warehouse "Sends fulfillment requests" "API"
        }
        warehouse -> ecommerce.orderApi "Reports shipping: carrier and tracking number" "Webhook" "Async"

        # the User API
        ecommerce.userApi.authService -> ecommerce.postgresql "Queries user by email" "SQL (Prisma)" "Critical"
        ecommerce.userApi.authService -> ecommerce.redis "Stores refresh tokens" "RESP" "High"
        ecommerce.userApi -> emailService "Sends account emails" "REST API" "Async"

        # real-time updates and background jobs
        ecommerce.webApp -> ecommerce.loadBalancer "Sends the WebSocket upgrade request" "WebSocket"
        ecommerce.loadBalancer -> ecommerce.websocketServer "Routes to an available server" "WebSocket"
        ecommerce.webApp -> ecommerce.websocketServer "Receives push notifications over the open connection" "WebSocket"
        ecommerce.websocketServer -> ecommerce.postgresql "Reads user preferences" "SQL"
        ecommerce.websocketServer -> ecommerce.redis "Subscribes to the user channel" "Redis Pub/Sub"
        ecommerce.worker -> ecommerce.redis "Takes background jobs from the queue and writes results" "RESP"

        !include deployment.dsl
    }

    views {
        systemLandscape "landscape" {
            include *
        }
        systemContext ecommerce "context" {
            include *
            autoLayout lr
        }
        container ecommerce "containers" {
            include *
        }
        component ecommerce.orderApi "order-api" {
            include *
        }
        container ecommerce "critical-path" "The services a purchase cannot do without" {
            include element.tag==Critical customer ecommerce.postgresql paymentProvider
            autoLayout lr
        }

        dynamic ecommerce "authentication" "User Authentication Flow" {
            customer -> ecommerce.webApp "Enter credentials"
            ecommerce.webApp -> ecommerce.apiGateway "POST /auth/login" "HTTPS/JSON"
            ecommerce.apiGateway -> ecommerce.userApi "Forward request"
            ecommerce.userApi -> ecommerce.postgresql "Query user by email"
            ecommerce.postgresql -> ecommerce.userApi "User record"
            ecommerce.userApi -> ecommerce.redis "Store refresh token"
            ecommerce.userApi -> ecommerce.apiGateway "200 OK + tokens"
            ecommerce.apiGateway -> ecommerce.webApp "Tokens"
            ecommerce.webApp -> customer "Redirect to dashboard"
        }
        dynamic ecommerce.orderApi "checkout" "Order Checkout Flow" {
            ecommerce.apiGateway -> ecommerce.orderApi.checkoutController "POST /checkout"
            ecommerce.orderApi.checkoutController -> ecommerce.orderApi.orderService "Create the order"
            ecommerce.orderApi.orderService -> ecommerce.orderApi.inventoryService "Reserve inventory"
            ecommerce.orderApi.inventoryService -> ecommerce.orderApi.orderService "Reservation confirmed"
            ecommerce.orderApi.orderService -> ecommerce.orderApi.paymentService "Process payment"
            ecommerce.orderApi.paymentService -> paymentProvider "Charge the card"
            ecommerce.orderApi.paymentService -> ecommerce.orderApi.orderService "Payment confirmed"
            {
                {
                    ecommerce.orderApi.orderService -> ecommerce.orderApi.orderRepository "Create order record"
                }
                {
                    ecommerce.orderApi.orderService -> ecommerce.orderApi.notificationService "Send confirmation"
                }
            }
            ecommerce.orderApi.checkoutController -> ecommerce.apiGateway "201 Created"
        }

        styles {
            element "Critical" {
                background #fb923c
                stroke #c2410c
            }
            element "Database" {
                shape Cylinder
            }
            element "Person" {
                shape Person
            }
        }
    }
}
