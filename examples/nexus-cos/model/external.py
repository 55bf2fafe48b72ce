"""External dependencies, by the categories of the seed's "External Dependencies" section.

Each category is an external software system, and each vendor the seed names is a container
of it, so the site draws one container view per category and "who uses which vendor" is a
generated table. The dependency trees name some categories generically ("Payment gateway
(external)", "CDN", "Maps API (external)"): those relationships point at the vendors.
"""

from .context import ws

THIRD_PARTY = "Third-Party Services"
INFRA = "Infrastructure Dependencies"


def category(name: str, group: str, description: str):  # noqa: ANN201 - a SoftwareSystem
    tag = "third-party" if group == THIRD_PARTY else "infrastructure-dependency"
    return ws.system(name, description, external=True, tags=[tag],
                     properties={"category": name, "group": group})


def vendor(system, name: str, description: str, technology: str = ""):  # noqa: ANN001,ANN201
    tag = "third-party" if system.properties["group"] == THIRD_PARTY else "infrastructure-dependency"
    return system.container(name, description, technology=technology, tags=[tag],
                            properties={"category": system.properties["category"], "vendor": name})


# -- Third-party services ---------------------------------------------------------------------
payments = category("Payment Processors", THIRD_PARTY,
                    "Card and wallet payments; the trees' \"Payment gateway (external)\"")
stripe = vendor(payments, "Stripe", "Payment processor", "REST API")
paypal = vendor(payments, "PayPal", "Payment processor", "REST API")

cloud_storage = category("Cloud Storage", THIRD_PARTY, "Object storage behind the Storage service")
s3 = vendor(cloud_storage, "AWS S3", "Object storage", "AWS S3")
azure_blob = vendor(cloud_storage, "Azure Blob", "Object storage", "Azure Blob Storage")

cdn = category("CDN", THIRD_PARTY, "Content delivery networks serving streams to end users")
cloudflare_cdn = vendor(cdn, "CloudFlare", "CDN", "CloudFlare CDN")
cloudfront = vendor(cdn, "AWS CloudFront", "CDN", "AWS CloudFront")

maps = category("Maps & Routing", THIRD_PARTY, "Maps and routing; the trees' \"Maps API (external)\"")
google_maps = vendor(maps, "Google Maps API", "Maps and routing API", "REST API")
mapbox = vendor(maps, "Mapbox", "Maps and routing API", "REST API")

email = category("Email", THIRD_PARTY, "Transactional e-mail")
sendgrid = vendor(email, "SendGrid", "E-mail delivery", "REST API")
ses = vendor(email, "AWS SES", "E-mail delivery", "AWS SES")

sms = category("SMS", THIRD_PARTY, "Text messages")
twilio = vendor(sms, "Twilio", "SMS delivery", "REST API")

blockchain = category("Blockchain", THIRD_PARTY, "Public blockchain networks")
ethereum = vendor(blockchain, "Ethereum", "Blockchain network", "Ethereum")
polygon = vendor(blockchain, "Polygon", "Blockchain network", "Polygon")

# Named only in the dependency trees, with no vendor.
shipping_apis = ws.system("External shipping APIs", "Carrier APIs used to ship orders",
                          external=True, tags=["third-party"],
                          properties={"category": "Shipping", "group": THIRD_PARTY})
credit_apis = ws.system("External credit APIs", "Credit bureau APIs used to assess loan risk",
                        external=True, tags=["third-party"],
                        properties={"category": "Credit", "group": THIRD_PARTY})
traffic_api = ws.system("Traffic data API", "Live traffic data for route optimisation",
                        external=True, tags=["third-party"],
                        properties={"category": "Maps & Routing", "group": THIRD_PARTY})

# -- Infrastructure dependencies --------------------------------------------------------------
registry = category("Container Registry", INFRA, "Where the service images are pulled from")
docker_hub = vendor(registry, "Docker Hub", "Container registry")
ecr = vendor(registry, "AWS ECR", "Container registry", "AWS ECR")

dns = category("DNS", INFRA, "Name resolution for the platform's domains")
cloudflare_dns = vendor(dns, "CloudFlare", "DNS", "CloudFlare DNS")
route53 = vendor(dns, "Route53", "DNS", "AWS Route 53")

certificates = category("SSL Certificates", INFRA, "TLS certificates")
letsencrypt = vendor(certificates, "Let's Encrypt", "Certificate authority", "ACME")

monitoring = category("Monitoring", INFRA, "Metrics and dashboards; the trees' \"Monitoring stack\"")
prometheus = vendor(monitoring, "Prometheus", "Metrics collection", "Prometheus")
grafana = vendor(monitoring, "Grafana", "Dashboards", "Grafana")

logging = category("Logging", INFRA, "Central log collection and search")
elk = vendor(logging, "ELK Stack", "Log collection and search", "Elasticsearch, Logstash, Kibana")
