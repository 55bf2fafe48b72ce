// E-Commerce Platform: the architecture model exported by archdoc.
// Read it with the Structurizr tools, or back with `archdoc import structurizr`.

workspace "E-Commerce Platform" "Online shop: storefront, mobile app, admin portal and the APIs behind them" {
    !identifiers hierarchical

    model {
        customer = person "Customer" "End user who browses and purchases products"
        admin = person "Admin" "Internal staff managing products and orders" {
            tags "staff"
        }
        ecommerce = softwareSystem "E-Commerce System" "Sells products online: catalogue, cart, checkout, accounts" {
            web-app = container "Web App" "Server-rendered e-commerce storefront" "Next.js 14" {
                tags "frontend"
            }
            mobile-app = container "Mobile App" "iOS/Android shopping app" "React Native" {
                tags "frontend"
            }
            admin-portal = container "Admin Portal" "Internal admin dashboard" "React + Vite" {
                tags "frontend"
            }
            api-gateway = container "API Gateway" "Rate limiting, auth, routing" "Kong" {
                tags "edge" "critical"
            }
            load-balancer = container "Load Balancer" "Traffic distribution; routes WebSocket connections to an available server" "AWS Application Load Balancer" {
                tags "edge"
            }
            product-api = container "Product API" "Product catalog management: product CRUD, search, catalog" "Node.js/Express" {
                tags "service"
            }
            order-api = container "Order API" "Order processing and checkout" "Node.js/Express" {
                tags "service" "critical"
                order-controller = component "OrderController" "HTTP endpoints for order operations" "Express" {
                    tags "api-layer"
                }
                cart-controller = component "CartController" "HTTP endpoints for cart management" "Express" {
                    tags "api-layer"
                }
                checkout-controller = component "CheckoutController" "HTTP endpoints for checkout flow" "Express" {
                    tags "api-layer"
                }
                order-service = component "OrderService" "Order business logic and validation" {
                    tags "service-layer"
                }
                cart-service = component "CartService" "Cart operations and calculations" {
                    tags "service-layer"
                }
                payment-service = component "PaymentService" "Payment processing integration" {
                    tags "service-layer"
                }
                inventory-service = component "InventoryService" "Stock management and reservation" {
                    tags "service-layer"
                }
                notification-service = component "NotificationService" "Email/SMS notification dispatch" {
                    tags "service-layer"
                }
                order-repository = component "OrderRepository" "Order records" {
                    tags "data-access-layer"
                }
                cart-repository = component "CartRepository" "Cart data" {
                    tags "data-access-layer"
                }
                product-repository = component "ProductRepository" "Product data for orders and carts" {
                    tags "data-access-layer"
                }
            }
            user-api = container "User API" "Authentication and user management" "Node.js/Express" {
                tags "service" "critical"
                auth-service = component "Auth Service" "Verifies credentials, issues JWT tokens, stores refresh tokens" "Node.js/Express"
            }
            websocket-server = container "WebSocket Server" "Pushes real-time notifications to connected clients" "WebSocket" {
                tags "service"
            }
            worker = container "Worker" "Background jobs" {
                tags "service"
            }
            postgresql = container "PostgreSQL" "Primary data store" "PostgreSQL 16" {
                tags "Database"
                properties {
                    "orm" "Prisma"
                    "retention" "Order records: 7 years; shipping tracking: 1 year"
                }
            }
            redis = container "Redis" "Caching and session storage; message queue and pub/sub" "Redis 7" {
                tags "Database"
                properties {
                    "role" "Cache/MQ"
                    "retention" "Cart data: 30 days"
                }
            }
            elasticsearch = container "Elasticsearch" "Product search and filtering" "Elasticsearch 8" {
                tags "Database"
                properties {
                    "archdoc.dataOwner" "ecommerce.product-api"
                }
            }
        }
        payment-provider = softwareSystem "Payment Provider" "Stripe for payment processing" {
            tags "External"
            properties {
                "vendor" "Stripe"
                "integration" "REST API"
                "retention" "Payment data: 7 years (reference only)"
            }
        }
        email-service = softwareSystem "Email Service" "SendGrid for transactional emails" {
            tags "External"
            properties {
                "vendor" "SendGrid"
                "integration" "REST API"
            }
        }
        warehouse-system = softwareSystem "Warehouse System" "Third-party inventory management" {
            tags "External"
            properties {
                "integration" "Webhook + API"
            }
        }
        sms-service = softwareSystem "SMS Service" "Twilio for text messages" {
            tags "External"
            properties {
                "vendor" "Twilio"
                "integration" "REST API"
            }
        }

        customer -> ecommerce.web-app "Browses products, places orders" "HTTPS" {
            tags "High"
        }
        customer -> ecommerce.mobile-app "Browses products, places orders" "iOS/Android app"
        admin -> ecommerce.admin-portal "Manages products and orders" "HTTPS"
        ecommerce.web-app -> ecommerce.api-gateway "Calls the APIs" "HTTPS/JSON" {
            tags "Critical"
        }
        ecommerce.mobile-app -> ecommerce.api-gateway "Calls the APIs" "HTTPS/JSON" {
            tags "Critical"
        }
        ecommerce.admin-portal -> ecommerce.api-gateway "Calls the APIs" "HTTPS/JSON" {
            tags "Critical"
        }
        ecommerce.api-gateway -> ecommerce.product-api "Routes product and search requests" "HTTPS/JSON" {
            tags "High"
            properties {
                "archdoc.operation" "/products"
            }
        }
        ecommerce.api-gateway -> ecommerce.order-api "Routes cart, order and checkout requests" "HTTPS/JSON" {
            tags "Critical"
            properties {
                "archdoc.operation" "/orders, /cart, /checkout"
            }
        }
        ecommerce.api-gateway -> ecommerce.user-api "Routes authentication and profile requests" "HTTPS/JSON" {
            tags "Critical"
            properties {
                "archdoc.operation" "/auth, /users"
            }
        }
        ecommerce.product-api -> ecommerce.postgresql "Reads and writes products" "SQL (Prisma)" {
            tags "Critical"
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.product-api -> ecommerce.elasticsearch "Searches and filters products" "HTTP" {
            tags "Medium"
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.product-api -> ecommerce.redis "Caches the catalog" "RESP" {
            tags "High"
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.user-api -> email-service "Sends account emails" "REST API" {
            tags "Async"
        }
        ecommerce.web-app -> ecommerce.load-balancer "WebSocket upgrade request" "WebSocket"
        ecommerce.load-balancer -> ecommerce.websocket-server "Routes to an available server" "WebSocket"
        ecommerce.web-app -> ecommerce.websocket-server "Receives push notifications over the open connection" "WebSocket"
        ecommerce.websocket-server -> ecommerce.postgresql "Gets user preferences" "SQL" {
            properties {
                "archdoc.access" "read"
            }
        }
        ecommerce.websocket-server -> ecommerce.redis "Subscribes to the user channel" "Redis Pub/Sub" {
            properties {
                "archdoc.access" "read"
            }
        }
        ecommerce.worker -> ecommerce.redis "Takes background jobs from the queue" "RESP" {
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.order-api.order-controller -> ecommerce.order-api.order-service "Handles order operations"
        ecommerce.order-api.cart-controller -> ecommerce.order-api.cart-service "Handles cart operations"
        ecommerce.order-api.checkout-controller -> ecommerce.order-api.payment-service "Processes the payment"
        ecommerce.order-api.order-service -> ecommerce.order-api.inventory-service "Reserves and releases stock"
        ecommerce.order-api.cart-service -> ecommerce.order-api.inventory-service "Checks stock"
        ecommerce.order-api.cart-service -> ecommerce.order-api.notification-service "Sends cart notifications"
        ecommerce.order-api.payment-service -> ecommerce.order-api.notification-service "Sends payment confirmations"
        ecommerce.order-api.checkout-controller -> ecommerce.order-api.cart-service "Reads the cart items"
        ecommerce.order-api.checkout-controller -> ecommerce.order-api.order-service "Creates the order from the order draft"
        ecommerce.order-api.order-service -> ecommerce.order-api.payment-service "Processes the payment"
        ecommerce.order-api.order-service -> ecommerce.order-api.notification-service "Sends the order emails"
        ecommerce.order-api.order-repository -> ecommerce.postgresql "Reads and writes order records" "SQL (Prisma)" {
            tags "Critical"
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.order-api.product-repository -> ecommerce.postgresql "Reads products" "SQL (Prisma)" {
            tags "Critical"
            properties {
                "archdoc.access" "read"
            }
        }
        ecommerce.order-api.cart-repository -> ecommerce.redis "Reads and writes cart data" "RESP" {
            tags "High"
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.order-api.inventory-service -> ecommerce.postgresql "Updates inventory" "SQL (Prisma)" {
            tags "Critical"
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.order-api.payment-service -> payment-provider "Processes payment" "REST API" {
            tags "Critical"
        }
        ecommerce.order-api.notification-service -> email-service "Sends emails" "REST API" {
            tags "Async"
        }
        ecommerce.order-api.notification-service -> sms-service "Sends SMS" "REST API" {
            tags "Async"
        }
        ecommerce.order-api.inventory-service -> warehouse-system "Stores and retrieves inventory" "API"
        ecommerce.order-api.order-service -> warehouse-system "Sends fulfillment requests" "API"
        warehouse-system -> ecommerce.order-api "Reports shipping: carrier and tracking number" "Webhook" {
            tags "Async"
        }
        ecommerce.user-api.auth-service -> ecommerce.postgresql "Queries user by email" "SQL (Prisma)" {
            tags "Critical"
            properties {
                "archdoc.access" "readwrite"
            }
        }
        ecommerce.user-api.auth-service -> ecommerce.redis "Stores refresh tokens" "RESP" {
            tags "High"
            properties {
                "archdoc.access" "readwrite"
            }
        }

        production = deploymentEnvironment "Production" {
            aws-cloud = deploymentNode "AWS Cloud" "The AWS account and region the platform runs in" "AWS" {
                properties {
                    "archdoc.icon" "aws.general.General"
                }
                vpc = deploymentNode "VPC" "Main VPC" "Amazon VPC" {
                    properties {
                        "archdoc.icon" "aws.network.VPC"
                        "network.CIDR" "10.0.0.0/16"
                        "network.Purpose" "Main VPC"
                    }
                    public-a = deploymentNode "Public A" "Public subnet in AZ-A" "Public subnet" {
                        properties {
                            "archdoc.icon" "aws.network.PublicSubnet"
                            "network.CIDR" "10.0.1.0/24"
                            "network.Purpose" "ALB, NAT Gateway"
                        }
                        alb-az-a = deploymentNode "ALB (AZ-A)" "Traffic distribution" "Application Load Balancer" {
                            tags "Infrastructure Node"
                            properties {
                                "archdoc.icon" "aws.network.ELB"
                                "type" "Application Load Balancer"
                                "specs" "2 AZs"
                                "purpose" "Traffic distribution"
                                "security-group.Name" "alb-sg"
                                "security-group.Inbound" "443 from 0.0.0.0/0"
                                "security-group.Outbound" "All to vpc"
                            }
                            containerInstance ecommerce.load-balancer
                        }
                        nat-gateway-az-a = infrastructureNode "NAT Gateway (AZ-A)" "Outbound internet access for the private subnet" "NAT Gateway" {
                            properties {
                                "archdoc.icon" "aws.network.NATGateway"
                            }
                        }
                    }
                    public-b = deploymentNode "Public B" "Public subnet in AZ-B" "Public subnet" {
                        properties {
                            "archdoc.icon" "aws.network.PublicSubnet"
                            "network.CIDR" "10.0.2.0/24"
                            "network.Purpose" "ALB, NAT Gateway"
                        }
                        alb-az-b = deploymentNode "ALB (AZ-B)" "Traffic distribution" "Application Load Balancer" {
                            tags "Infrastructure Node"
                            properties {
                                "archdoc.icon" "aws.network.ELB"
                                "type" "Application Load Balancer"
                                "specs" "2 AZs"
                                "purpose" "Traffic distribution"
                                "security-group.Name" "alb-sg"
                                "security-group.Inbound" "443 from 0.0.0.0/0"
                                "security-group.Outbound" "All to vpc"
                            }
                            containerInstance ecommerce.load-balancer
                        }
                        nat-gateway-az-b = infrastructureNode "NAT Gateway (AZ-B)" "Outbound internet access for the private subnet" "NAT Gateway" {
                            properties {
                                "archdoc.icon" "aws.network.NATGateway"
                            }
                        }
                    }
                    private-a = deploymentNode "Private A" "Private subnet in AZ-A" "Private subnet" {
                        properties {
                            "archdoc.icon" "aws.network.PrivateSubnet"
                            "network.CIDR" "10.0.10.0/24"
                            "network.Purpose" "ECS Tasks"
                        }
                        ecs-task-api-az-a = deploymentNode "ECS Task (API, AZ-A)" "API containers" "AWS Fargate" {
                            instances "1..5"
                            properties {
                                "archdoc.instances" "1-5"
                                "archdoc.icon" "aws.compute.ECS"
                                "type" "ECS Service: API Service"
                                "specs" "2-10 tasks, 512 CPU, 1GB RAM"
                                "purpose" "API containers"
                                "security-group.Name" "ecs-sg"
                                "security-group.Inbound" "3000 from alb-sg"
                                "security-group.Outbound" "All"
                            }
                            containerInstance ecommerce.product-api
                            containerInstance ecommerce.order-api
                            containerInstance ecommerce.user-api
                            containerInstance ecommerce.websocket-server
                        }
                        ecs-task-worker-az-a = deploymentNode "ECS Task (Worker, AZ-A)" "Background jobs" "AWS Fargate" {
                            instances "1..3"
                            properties {
                                "archdoc.instances" "1-3"
                                "archdoc.icon" "aws.compute.ECS"
                                "type" "ECS Service: Worker Service"
                                "specs" "2-5 tasks, 256 CPU, 512MB RAM"
                                "purpose" "Background jobs"
                                "security-group.Name" "ecs-sg"
                                "security-group.Inbound" "3000 from alb-sg"
                                "security-group.Outbound" "All"
                            }
                            containerInstance ecommerce.worker
                        }
                    }
                    private-b = deploymentNode "Private B" "Private subnet in AZ-B" "Private subnet" {
                        properties {
                            "archdoc.icon" "aws.network.PrivateSubnet"
                            "network.CIDR" "10.0.11.0/24"
                            "network.Purpose" "ECS Tasks"
                        }
                        ecs-task-api-az-b = deploymentNode "ECS Task (API, AZ-B)" "API containers" "AWS Fargate" {
                            instances "1..5"
                            properties {
                                "archdoc.instances" "1-5"
                                "archdoc.icon" "aws.compute.ECS"
                                "type" "ECS Service: API Service"
                                "specs" "2-10 tasks, 512 CPU, 1GB RAM"
                                "purpose" "API containers"
                                "security-group.Name" "ecs-sg"
                                "security-group.Inbound" "3000 from alb-sg"
                                "security-group.Outbound" "All"
                            }
                            containerInstance ecommerce.product-api
                            containerInstance ecommerce.order-api
                            containerInstance ecommerce.user-api
                            containerInstance ecommerce.websocket-server
                        }
                        ecs-task-worker-az-b = deploymentNode "ECS Task (Worker, AZ-B)" "Background jobs" "AWS Fargate" {
                            instances "1..3"
                            properties {
                                "archdoc.instances" "1-3"
                                "archdoc.icon" "aws.compute.ECS"
                                "type" "ECS Service: Worker Service"
                                "specs" "2-5 tasks, 256 CPU, 512MB RAM"
                                "purpose" "Background jobs"
                                "security-group.Name" "ecs-sg"
                                "security-group.Inbound" "3000 from alb-sg"
                                "security-group.Outbound" "All"
                            }
                            containerInstance ecommerce.worker
                        }
                    }
                    data-a = deploymentNode "Data A" "Data subnet in AZ-A" "Private subnet" {
                        properties {
                            "archdoc.icon" "aws.network.PrivateSubnet"
                            "network.CIDR" "10.0.20.0/24"
                            "network.Purpose" "RDS, ElastiCache"
                        }
                        rds-primary = deploymentNode "RDS Primary" "Primary database" "PostgreSQL 16" {
                            tags "Infrastructure Node"
                            properties {
                                "archdoc.icon" "aws.database.RDS"
                                "type" "PostgreSQL 16"
                                "specs" "db.r6g.xlarge, 500GB"
                                "purpose" "Primary database"
                                "security-group.Name" "rds-sg"
                                "security-group.Inbound" "5432 from ecs-sg"
                                "security-group.Outbound" "None"
                            }
                            containerInstance ecommerce.postgresql
                        }
                        elasticache = deploymentNode "ElastiCache" "Caching, sessions" "Redis 7" {
                            tags "Infrastructure Node"
                            properties {
                                "archdoc.icon" "aws.database.ElastiCache"
                                "type" "Redis 7"
                                "specs" "cache.r6g.large, cluster mode"
                                "purpose" "Caching, sessions"
                                "security-group.Name" "redis-sg"
                                "security-group.Inbound" "6379 from ecs-sg"
                                "security-group.Outbound" "None"
                            }
                            containerInstance ecommerce.redis
                        }
                    }
                    data-b = deploymentNode "Data B" "Data subnet in AZ-B" "Private subnet" {
                        properties {
                            "archdoc.icon" "aws.network.PrivateSubnet"
                            "network.CIDR" "10.0.21.0/24"
                            "network.Purpose" "RDS, ElastiCache"
                        }
                        rds-replica = deploymentNode "RDS Replica" "Read replica" "PostgreSQL 16" {
                            tags "Infrastructure Node"
                            properties {
                                "archdoc.icon" "aws.database.RDS"
                                "type" "PostgreSQL 16"
                                "specs" "db.r6g.large, 500GB"
                                "purpose" "Read replica"
                                "security-group.Name" "rds-sg"
                                "security-group.Inbound" "5432 from ecs-sg"
                                "security-group.Outbound" "None"
                            }
                            containerInstance ecommerce.postgresql
                        }
                    }
                }
                s3 = infrastructureNode "S3" "Static assets, uploads" "S3 Standard" {
                    properties {
                        "archdoc.icon" "aws.storage.S3"
                        "type" "Standard"
                        "specs" "-"
                        "purpose" "Static assets, uploads"
                    }
                }
                cloudfront = infrastructureNode "CloudFront" "Content delivery network" "Amazon CloudFront" {
                    properties {
                        "archdoc.icon" "aws.network.CloudFront"
                    }
                }
                route53 = infrastructureNode "Route53" "DNS" "Amazon Route 53" {
                    properties {
                        "archdoc.icon" "aws.network.Route53"
                    }
                }
                ses = infrastructureNode "SES" "Simple Email Service" "Amazon SES" {
                    properties {
                        "archdoc.icon" "aws.engagement.SES"
                    }
                }
                cloudwatch = infrastructureNode "CloudWatch" "Monitoring: metrics, logs and alarms" "Amazon CloudWatch" {
                    properties {
                        "archdoc.icon" "aws.management.Cloudwatch"
                    }
                }
            }
            vercel = deploymentNode "Vercel" "Hosts the Next.js storefront" "Vercel" {
                properties {
                    "archdoc.icon" "programming.framework.Vercel"
                }
                containerInstance ecommerce.web-app
            }
            production.aws-cloud.vpc.data-a.rds-primary -> production.aws-cloud.vpc.data-b.rds-replica "Replicates to" "PostgreSQL streaming replication"
            production.aws-cloud.vpc.public-a.alb-az-a -> production.aws-cloud.vpc.private-a.ecs-task-api-az-a "Forwards requests" "HTTP :3000"
            production.aws-cloud.vpc.public-b.alb-az-b -> production.aws-cloud.vpc.private-b.ecs-task-api-az-b "Forwards requests" "HTTP :3000"
            production.aws-cloud.vpc.private-a.ecs-task-api-az-a -> production.aws-cloud.vpc.data-a.rds-primary "Reads and writes" "PostgreSQL :5432"
            production.aws-cloud.vpc.private-a.ecs-task-api-az-a -> production.aws-cloud.vpc.data-a.elasticache "Caches, sessions, jobs" "Redis :6379"
            production.aws-cloud.vpc.private-b.ecs-task-api-az-b -> production.aws-cloud.vpc.data-a.rds-primary "Reads and writes" "PostgreSQL :5432"
            production.aws-cloud.vpc.private-b.ecs-task-api-az-b -> production.aws-cloud.vpc.data-a.elasticache "Caches, sessions, jobs" "Redis :6379"
            production.aws-cloud.vpc.private-a.ecs-task-worker-az-a -> production.aws-cloud.vpc.data-a.rds-primary "Reads and writes" "PostgreSQL :5432"
            production.aws-cloud.vpc.private-a.ecs-task-worker-az-a -> production.aws-cloud.vpc.data-a.elasticache "Caches, sessions, jobs" "Redis :6379"
            production.aws-cloud.vpc.private-b.ecs-task-worker-az-b -> production.aws-cloud.vpc.data-a.rds-primary "Reads and writes" "PostgreSQL :5432"
            production.aws-cloud.vpc.private-b.ecs-task-worker-az-b -> production.aws-cloud.vpc.data-a.elasticache "Caches, sessions, jobs" "Redis :6379"
            production.aws-cloud.vpc.private-a.ecs-task-api-az-a -> production.aws-cloud.vpc.public-a.nat-gateway-az-a "Outbound internet access"
            production.aws-cloud.vpc.private-b.ecs-task-api-az-b -> production.aws-cloud.vpc.public-b.nat-gateway-az-b "Outbound internet access"
            production.aws-cloud.vpc.private-a.ecs-task-worker-az-a -> production.aws-cloud.vpc.public-a.nat-gateway-az-a "Outbound internet access"
            production.aws-cloud.vpc.private-b.ecs-task-worker-az-b -> production.aws-cloud.vpc.public-b.nat-gateway-az-b "Outbound internet access"
            production.aws-cloud.vpc.private-a.ecs-task-api-az-a -> production.aws-cloud.s3 "Stores uploads"
            production.aws-cloud.vpc.private-b.ecs-task-api-az-b -> production.aws-cloud.s3 "Stores uploads"
        }
    }

    views {
        systemLandscape "landscape" "Every person and software system of E-Commerce Platform." {
            title "System landscape"
            include *
            autoLayout tb
        }

        systemContext ecommerce "context-ecommerce" "E-Commerce System and the people and software systems around it." {
            title "E-Commerce System: system context"
            include *
            autoLayout tb
        }

        container ecommerce "containers-ecommerce" "The applications, services and datastores that make up E-Commerce System." {
            title "E-Commerce System: containers"
            include *
            autoLayout tb
        }

        systemContext payment-provider "context-payment-provider" "Payment Provider and the people and software systems around it." {
            title "Payment Provider: system context"
            include *
            autoLayout tb
        }

        systemContext email-service "context-email-service" "Email Service and the people and software systems around it." {
            title "Email Service: system context"
            include *
            autoLayout tb
        }

        systemContext warehouse-system "context-warehouse-system" "Warehouse System and the people and software systems around it." {
            title "Warehouse System: system context"
            include *
            autoLayout tb
        }

        systemContext sms-service "context-sms-service" "SMS Service and the people and software systems around it." {
            title "SMS Service: system context"
            include *
            autoLayout tb
        }

        component ecommerce.order-api "components-ecommerce-order-api" "The parts of Order API and what they talk to." {
            title "Order API: components"
            include *
            autoLayout tb
        }

        component ecommerce.user-api "components-ecommerce-user-api" "The parts of User API and what they talk to." {
            title "User API: components"
            include *
            autoLayout tb
        }

        systemLandscape "neighbourhood-customer" "Customer and what it uses or is used by." {
            title "Customer: neighbourhood"
            include ->customer->
            autoLayout tb
        }

        systemLandscape "neighbourhood-admin" "Admin and what it uses or is used by." {
            title "Admin: neighbourhood"
            include ->admin->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-web-app" "Web App and what it uses or is used by." {
            title "Web App: neighbourhood"
            include ->ecommerce.web-app->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-mobile-app" "Mobile App and what it uses or is used by." {
            title "Mobile App: neighbourhood"
            include ->ecommerce.mobile-app->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-admin-portal" "Admin Portal and what it uses or is used by." {
            title "Admin Portal: neighbourhood"
            include ->ecommerce.admin-portal->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-api-gateway" "API Gateway and what it uses or is used by." {
            title "API Gateway: neighbourhood"
            include ->ecommerce.api-gateway->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-load-balancer" "Load Balancer and what it uses or is used by." {
            title "Load Balancer: neighbourhood"
            include ->ecommerce.load-balancer->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-product-api" "Product API and what it uses or is used by." {
            title "Product API: neighbourhood"
            include ->ecommerce.product-api->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-websocket-server" "WebSocket Server and what it uses or is used by." {
            title "WebSocket Server: neighbourhood"
            include ->ecommerce.websocket-server->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-worker" "Worker and what it uses or is used by." {
            title "Worker: neighbourhood"
            include ->ecommerce.worker->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-postgresql" "PostgreSQL and what it uses or is used by." {
            title "PostgreSQL: neighbourhood"
            include ->ecommerce.postgresql->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-redis" "Redis and what it uses or is used by." {
            title "Redis: neighbourhood"
            include ->ecommerce.redis->
            autoLayout tb
        }

        container ecommerce "neighbourhood-ecommerce-elasticsearch" "Elasticsearch and what it uses or is used by." {
            title "Elasticsearch: neighbourhood"
            include ->ecommerce.elasticsearch->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-order-controller" "OrderController and what it uses or is used by." {
            title "OrderController: neighbourhood"
            include ->ecommerce.order-api.order-controller->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-cart-controller" "CartController and what it uses or is used by." {
            title "CartController: neighbourhood"
            include ->ecommerce.order-api.cart-controller->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-checkout-controller" "CheckoutController and what it uses or is used by." {
            title "CheckoutController: neighbourhood"
            include ->ecommerce.order-api.checkout-controller->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-order-service" "OrderService and what it uses or is used by." {
            title "OrderService: neighbourhood"
            include ->ecommerce.order-api.order-service->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-cart-service" "CartService and what it uses or is used by." {
            title "CartService: neighbourhood"
            include ->ecommerce.order-api.cart-service->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-payment-service" "PaymentService and what it uses or is used by." {
            title "PaymentService: neighbourhood"
            include ->ecommerce.order-api.payment-service->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-inventory-service" "InventoryService and what it uses or is used by." {
            title "InventoryService: neighbourhood"
            include ->ecommerce.order-api.inventory-service->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-notification-service" "NotificationService and what it uses or is used by." {
            title "NotificationService: neighbourhood"
            include ->ecommerce.order-api.notification-service->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-order-repository" "OrderRepository and what it uses or is used by." {
            title "OrderRepository: neighbourhood"
            include ->ecommerce.order-api.order-repository->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-cart-repository" "CartRepository and what it uses or is used by." {
            title "CartRepository: neighbourhood"
            include ->ecommerce.order-api.cart-repository->
            autoLayout tb
        }

        component ecommerce.order-api "neighbourhood-ecommerce-order-api-product-repository" "ProductRepository and what it uses or is used by." {
            title "ProductRepository: neighbourhood"
            include ->ecommerce.order-api.product-repository->
            autoLayout tb
        }

        component ecommerce.user-api "neighbourhood-ecommerce-user-api-auth-service" "Auth Service and what it uses or is used by." {
            title "Auth Service: neighbourhood"
            include ->ecommerce.user-api.auth-service->
            autoLayout tb
        }

        dynamic ecommerce.user-api "authentication" "Login with email and password; JWT tokens on success" {
            title "User Authentication Flow"
            customer -> ecommerce.web-app "Enter credentials"
            ecommerce.web-app -> ecommerce.api-gateway "POST /auth/login" "HTTPS/JSON"
            ecommerce.user-api.auth-service -> ecommerce.postgresql "Query user by email"
            ecommerce.postgresql -> ecommerce.user-api.auth-service "User record"
            ecommerce.api-gateway -> ecommerce.web-app "Error response"
            ecommerce.web-app -> customer "Show error message"
            ecommerce.user-api.auth-service -> ecommerce.redis "Store refresh token"
            ecommerce.api-gateway -> ecommerce.web-app "Tokens"
            ecommerce.web-app -> customer "Redirect to dashboard"
            autoLayout lr
        }

        dynamic ecommerce "checkout" "Reserve stock, take the payment, create the order" {
            title "Order Checkout Flow"
            customer -> ecommerce.web-app "Click checkout"
            ecommerce.web-app -> customer "Show stock error"
            ecommerce.web-app -> customer "Show payment error"
            ecommerce.order-api -> ecommerce.postgresql "Create order record"
            ecommerce.web-app -> customer "Show confirmation"
            autoLayout lr
        }

        dynamic ecommerce "websocket" "Real-time notifications over a WebSocket connection" {
            title "WebSocket Connection Flow"
            customer -> ecommerce.web-app "Open app"
            ecommerce.web-app -> ecommerce.load-balancer "WebSocket upgrade request" "WebSocket"
            ecommerce.load-balancer -> ecommerce.websocket-server "Route to available server"
            ecommerce.websocket-server -> ecommerce.postgresql "Get user preferences"
            ecommerce.websocket-server -> ecommerce.redis "Subscribe to user channel"
            ecommerce.websocket-server -> ecommerce.web-app "Connection established"
            ecommerce.redis -> ecommerce.websocket-server "New message published"
            ecommerce.websocket-server -> ecommerce.web-app "Push notification"
            ecommerce.web-app -> customer "Display notification"
            customer -> ecommerce.web-app "Close app"
            ecommerce.web-app -> ecommerce.websocket-server "Close connection"
            ecommerce.websocket-server -> ecommerce.redis "Unsubscribe"
            properties {
                "archdoc.steps" "step step step step step reply step step step step step step"
            }
            autoLayout lr
        }

        dynamic ecommerce.order-api "order-data-flow" "How order data flows through the system from creation to fulfillment" {
            title "Order Data Flow"
            ecommerce.order-api.cart-service -> ecommerce.order-api.checkout-controller "Cart → Checkout: cart items become an order draft (add shipping, calculate totals)"
            ecommerce.order-api.checkout-controller -> ecommerce.order-api.order-service "Checkout → Order: order draft + payment become an order record (confirm payment, generate ID)"
            {
                {
                    ecommerce.order-api.order-service -> ecommerce.order-api.payment-service "Payment process"
                }
                {
                    ecommerce.order-api.order-service -> ecommerce.order-api.inventory-service "Inventory reserve"
                }
                {
                    ecommerce.order-api.order-service -> ecommerce.order-api.notification-service "Email send"
                }
            }
            ecommerce.order-api.order-service -> warehouse-system "Order → Warehouse: order record becomes a fulfillment request (extract shipping details)"
            properties {
                "archdoc.steps" "step step step step step step"
            }
            autoLayout lr
        }

        deployment * production "deployment-production" "The live platform: AWS, one VPC across two availability zones" {
            title "Production"
            include *
            autoLayout tb
        }

        styles {
            element "Person" {
                shape Person
                background #08427b
                stroke #052e56
                color #ffffff
            }
            element "Software System" {
                background #1168bd
                stroke #0b4884
                color #ffffff
            }
            element "Container" {
                background #438dd5
                stroke #2e6295
                color #ffffff
            }
            element "Component" {
                background #85bbf0
                stroke #5d82a8
                color #000000
            }
            element "Database" {
                shape Cylinder
            }
            element "Queue" {
                shape Pipe
            }
        }
    }
}
