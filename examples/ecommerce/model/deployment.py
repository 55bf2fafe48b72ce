"""The AWS infrastructure: one VPC over two availability zones, drawn with provider icons.

Node properties named ``network.*`` build the Network table of the deployment page and
``security-group.*`` the Security group table; the other properties (type, specs, purpose) are
the resource inventory's.
"""

from .containers import (
    load_balancer, order_api, postgresql, product_api, redis, user_api, web_app, websocket_server,
    worker,
)
from .context import ws

prod = ws.environment("Production", "The live platform: AWS, one VPC across two availability zones",
                      id="production")

aws = prod.node("AWS Cloud", "The AWS account and region the platform runs in", technology="AWS",
                icon="aws.general.General")
vpc = aws.node("VPC", "Main VPC", technology="Amazon VPC", icon="aws.network.VPC",
               properties={"network.CIDR": "10.0.0.0/16", "network.Purpose": "Main VPC"})

# -- public subnets: the load balancer and the NAT gateways ----------------------------------------
SG_ALB = {"security-group.Name": "alb-sg", "security-group.Inbound": "443 from 0.0.0.0/0",
          "security-group.Outbound": "All to vpc"}
SG_ECS = {"security-group.Name": "ecs-sg", "security-group.Inbound": "3000 from alb-sg",
          "security-group.Outbound": "All"}
SG_RDS = {"security-group.Name": "rds-sg", "security-group.Inbound": "5432 from ecs-sg",
          "security-group.Outbound": "None"}
SG_REDIS = {"security-group.Name": "redis-sg", "security-group.Inbound": "6379 from ecs-sg",
            "security-group.Outbound": "None"}

albs, nats, api_tasks, worker_tasks = [], [], [], []
for az, cidr in (("A", "10.0.1.0/24"), ("B", "10.0.2.0/24")):
    public = vpc.node(f"Public {az}", f"Public subnet in AZ-{az}", technology="Public subnet",
                      icon="aws.network.PublicSubnet",
                      properties={"network.CIDR": cidr, "network.Purpose": "ALB, NAT Gateway"})
    alb = public.infrastructure(
        f"ALB (AZ-{az})", "Traffic distribution", technology="Application Load Balancer",
        icon="aws.network.ELB",
        properties={"type": "Application Load Balancer", "specs": "2 AZs",
                    "purpose": "Traffic distribution", **SG_ALB})
    alb.deploy(load_balancer)
    albs.append(alb)
    nats.append(public.infrastructure(
        f"NAT Gateway (AZ-{az})", "Outbound internet access for the private subnet",
        technology="NAT Gateway", icon="aws.network.NATGateway"))

# -- private subnets: the ECS (Fargate) tasks ------------------------------------------------------
# ECS spreads a service's tasks over both zones: 2-10 API tasks are 1-5 per zone, 2-5 worker
# tasks at most 3 per zone.
for az, cidr in (("A", "10.0.10.0/24"), ("B", "10.0.11.0/24")):
    private = vpc.node(f"Private {az}", f"Private subnet in AZ-{az}", technology="Private subnet",
                       icon="aws.network.PrivateSubnet",
                       properties={"network.CIDR": cidr, "network.Purpose": "ECS Tasks"})
    api = private.node(
        f"ECS Task (API, AZ-{az})", "API containers", technology="AWS Fargate",
        icon="aws.compute.ECS", instances="1-5",
        properties={"type": "ECS Service: API Service", "specs": "2-10 tasks, 512 CPU, 1GB RAM",
                    "purpose": "API containers", **SG_ECS})
    for container in (product_api, order_api, user_api, websocket_server):
        api.deploy(container)
    work = private.node(
        f"ECS Task (Worker, AZ-{az})", "Background jobs", technology="AWS Fargate",
        icon="aws.compute.ECS", instances="1-3",
        properties={"type": "ECS Service: Worker Service", "specs": "2-5 tasks, 256 CPU, 512MB RAM",
                    "purpose": "Background jobs", **SG_ECS})
    work.deploy(worker)
    api_tasks.append(api)
    worker_tasks.append(work)

# -- data subnets ----------------------------------------------------------------------------------
data_a = vpc.node("Data A", "Data subnet in AZ-A", technology="Private subnet",
                  icon="aws.network.PrivateSubnet",
                  properties={"network.CIDR": "10.0.20.0/24",
                              "network.Purpose": "RDS, ElastiCache"})
data_b = vpc.node("Data B", "Data subnet in AZ-B", technology="Private subnet",
                  icon="aws.network.PrivateSubnet",
                  properties={"network.CIDR": "10.0.21.0/24",
                              "network.Purpose": "RDS, ElastiCache"})

rds_primary = data_a.infrastructure(
    "RDS Primary", "Primary database", technology="PostgreSQL 16", icon="aws.database.RDS",
    properties={"type": "PostgreSQL 16", "specs": "db.r6g.xlarge, 500GB",
                "purpose": "Primary database",
                **SG_RDS})
rds_primary.deploy(postgresql)
elasticache = data_a.infrastructure(
    "ElastiCache", "Caching, sessions", technology="Redis 7", icon="aws.database.ElastiCache",
    properties={"type": "Redis 7", "specs": "cache.r6g.large, cluster mode",
                "purpose": "Caching, sessions", **SG_REDIS})
elasticache.deploy(redis)
rds_replica = data_b.infrastructure(
    "RDS Replica", "Read replica", technology="PostgreSQL 16", icon="aws.database.RDS",
    properties={"type": "PostgreSQL 16", "specs": "db.r6g.large, 500GB", "purpose": "Read replica",
                **SG_RDS})
rds_replica.deploy(postgresql)
rds_primary.uses(rds_replica, "Replicates to", technology="PostgreSQL streaming replication")

# -- regional services outside the VPC -------------------------------------------------------------
s3 = aws.infrastructure("S3", "Static assets, uploads", technology="S3 Standard",
                        icon="aws.storage.S3",
                        properties={"type": "Standard", "specs": "-",
                                    "purpose": "Static assets, uploads"})
cloudfront = aws.infrastructure("CloudFront", "Content delivery network",
                                technology="Amazon CloudFront",
                                icon="aws.network.CloudFront")
route53 = aws.infrastructure("Route53", "DNS", technology="Amazon Route 53",
                             icon="aws.network.Route53")
ses = aws.infrastructure("SES", "Simple Email Service", technology="Amazon SES",
                         icon="aws.engagement.SES")
cloudwatch = aws.infrastructure("CloudWatch", "Monitoring: metrics, logs and alarms",
                                technology="Amazon CloudWatch", icon="aws.management.Cloudwatch")

# -- traffic between the nodes, as the security groups allow it ------------------------------------
for alb, api in zip(albs, api_tasks):
    alb.uses(api, "Forwards requests", technology="HTTP :3000")
for task in (*api_tasks, *worker_tasks):
    task.uses(rds_primary, "Reads and writes", technology="PostgreSQL :5432")
    task.uses(elasticache, "Caches, sessions, jobs", technology="Redis :6379")
for task, nat in zip((*api_tasks, *worker_tasks), (*nats, *nats)):
    task.uses(nat, "Outbound internet access")
for task in api_tasks:
    task.uses(s3, "Stores uploads")

# -- the storefront: Vercel ------------------------------------------------------------------------
vercel = prod.node("Vercel", "Hosts the Next.js storefront", technology="Vercel",
                   icon="programming.framework.Vercel")
vercel.deploy(web_app)
