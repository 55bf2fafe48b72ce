// The AWS infrastructure of the e-commerce platform (included by workspace.dsl).
production = deploymentEnvironment "Production" {
    aws = deploymentNode "AWS Cloud" "The AWS account and region the platform runs in" "AWS" {
        vpc = deploymentNode "VPC" "Main VPC" "Amazon VPC" {
            properties {
                "network.CIDR" "10.0.0.0/16"
            }
            publicA = deploymentNode "Public A" "Public subnet in AZ-A" "Public subnet" {
                albA = deploymentNode "ALB (AZ-A)" "Traffic distribution" "Application Load Balancer" {
                    containerInstance ecommerce.loadBalancer
                }
            }
            privateA = deploymentNode "Private A" "Private subnet in AZ-A" "Private subnet" {
                apiTasksA = deploymentNode "ECS Task (API, AZ-A)" "API containers" "AWS Fargate" "" 1..5 {
                    containerInstance ecommerce.apiGateway
                    containerInstance ecommerce.productApi
                    containerInstance ecommerce.orderApi
                    containerInstance ecommerce.userApi
                    containerInstance ecommerce.websocketServer
                }
                workerTasksA = deploymentNode "ECS Task (Worker, AZ-A)" "Background jobs" "AWS Fargate" "" 1..3 {
                    containerInstance ecommerce.worker
                }
            }
            dataA = deploymentNode "Data A" "Data subnet in AZ-A" "Private subnet" {
                rdsPrimary = deploymentNode "RDS Primary" "Primary database" "PostgreSQL 16" {
                    containerInstance ecommerce.postgresql
                }
                elasticache = deploymentNode "ElastiCache" "Caching, sessions" "Redis 7" {
                    containerInstance ecommerce.redis
                }
                opensearch = deploymentNode "OpenSearch" "Product search" "Amazon OpenSearch" {
                    containerInstance ecommerce.elasticsearch
                }
            }
            dataB = deploymentNode "Data B" "Data subnet in AZ-B" "Private subnet" {
                rdsReplica = deploymentNode "RDS Replica" "Read replica" "PostgreSQL 16"
            }
            publicA.albA -> privateA.apiTasksA "Forwards requests" "HTTP :3000"
            dataA.rdsPrimary -> dataB.rdsReplica "Replicates to" "PostgreSQL streaming replication"
        }
        s3 = infrastructureNode "S3" "Static assets, uploads" "S3 Standard"
        cloudfront = infrastructureNode "CloudFront" "Content delivery network" "Amazon CloudFront"
        cloudfront -> s3 "Serves static assets from"
    }
    vercel = deploymentNode "Vercel" "Hosts the Next.js storefront" "Vercel" {
        containerInstance ecommerce.webApp
    }
}
