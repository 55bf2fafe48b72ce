"""External dependencies, by the categories of the source document's "External Dependencies" section.

Each category is an external software system, tagged `third-party` or
`infrastructure-dependency` with the properties `category` and `group`, and each vendor the
source document names is a container of it, so the site draws one view per category and "who uses which
vendor" is a generated table. The dependency trees name some categories generically ("Payment
gateway (external)", "CDN", "Maps API (external)"): those relationships point at the vendors.
"""

from .context import ws

THIRD_PARTY = "Third-Party Services"
INFRA = "Infrastructure Dependencies"
TP = ["third-party"]
ID = ["infrastructure-dependency"]

# -- Third-party services ---------------------------------------------------------------------
payments = ws.system("Payment Processors", "Card and wallet payments; the trees' \"Payment "
                     "gateway (external)\"", external=True, tags=TP,
                     properties={"category": "Payment Processors", "group": THIRD_PARTY})
stripe = payments.container("Stripe", "Payment processor", technology="REST API", tags=TP,
                            properties={"category": "Payment Processors", "vendor": "Stripe"})
paypal = payments.container("PayPal", "Payment processor", technology="REST API", tags=TP,
                            properties={"category": "Payment Processors", "vendor": "PayPal"})

cloud_storage = ws.system("Cloud Storage", "Object storage behind the Storage service",
                          external=True, tags=TP,
                          properties={"category": "Cloud Storage", "group": THIRD_PARTY})
s3 = cloud_storage.container("AWS S3", "Object storage", technology="AWS S3", tags=TP,
                             properties={"category": "Cloud Storage", "vendor": "AWS S3"})
azure_blob = cloud_storage.container("Azure Blob", "Object storage",
                                     technology="Azure Blob Storage", tags=TP,
                                     properties={"category": "Cloud Storage",
                                                 "vendor": "Azure Blob"})

cdn = ws.system("CDN", "Content delivery networks serving streams to end users",
                external=True, tags=TP, properties={"category": "CDN", "group": THIRD_PARTY})
cloudflare_cdn = cdn.container("CloudFlare", "CDN", technology="CloudFlare CDN", tags=TP,
                               properties={"category": "CDN", "vendor": "CloudFlare"})
cloudfront = cdn.container("AWS CloudFront", "CDN", technology="AWS CloudFront", tags=TP,
                           properties={"category": "CDN", "vendor": "AWS CloudFront"})

maps = ws.system("Maps & Routing", "Maps and routing; the trees' \"Maps API (external)\"",
                 external=True, tags=TP,
                 properties={"category": "Maps & Routing", "group": THIRD_PARTY})
google_maps = maps.container("Google Maps API", "Maps and routing API", technology="REST API",
                             tags=TP, properties={"category": "Maps & Routing",
                                                  "vendor": "Google Maps API"})
mapbox = maps.container("Mapbox", "Maps and routing API", technology="REST API", tags=TP,
                        properties={"category": "Maps & Routing", "vendor": "Mapbox"})

email = ws.system("Email", "Transactional e-mail", external=True, tags=TP,
                  properties={"category": "Email", "group": THIRD_PARTY})
sendgrid = email.container("SendGrid", "E-mail delivery", technology="REST API", tags=TP,
                           properties={"category": "Email", "vendor": "SendGrid"})
ses = email.container("AWS SES", "E-mail delivery", technology="AWS SES", tags=TP,
                      properties={"category": "Email", "vendor": "AWS SES"})

sms = ws.system("SMS", "Text messages", external=True, tags=TP,
                properties={"category": "SMS", "group": THIRD_PARTY})
twilio = sms.container("Twilio", "SMS delivery", technology="REST API", tags=TP,
                       properties={"category": "SMS", "vendor": "Twilio"})

blockchain = ws.system("Blockchain", "Public blockchain networks", external=True, tags=TP,
                       properties={"category": "Blockchain", "group": THIRD_PARTY})
ethereum = blockchain.container("Ethereum", "Blockchain network", technology="Ethereum", tags=TP,
                                properties={"category": "Blockchain", "vendor": "Ethereum"})
polygon = blockchain.container("Polygon", "Blockchain network", technology="Polygon", tags=TP,
                               properties={"category": "Blockchain", "vendor": "Polygon"})

# Named only in the dependency trees, with no vendor.
shipping_apis = ws.system("External shipping APIs", "Carrier APIs used to ship orders",
                          external=True, tags=TP,
                          properties={"category": "Shipping", "group": THIRD_PARTY})
credit_apis = ws.system("External credit APIs", "Credit bureau APIs used to assess loan risk",
                        external=True, tags=TP,
                        properties={"category": "Credit", "group": THIRD_PARTY})
traffic_api = ws.system("Traffic data API", "Live traffic data for route optimisation",
                        external=True, tags=TP,
                        properties={"category": "Maps & Routing", "group": THIRD_PARTY})

# -- Infrastructure dependencies --------------------------------------------------------------
registry = ws.system("Container Registry", "Where the service images are pulled from",
                     external=True, tags=ID,
                     properties={"category": "Container Registry", "group": INFRA})
docker_hub = registry.container("Docker Hub", "Container registry", tags=ID,
                                properties={"category": "Container Registry",
                                            "vendor": "Docker Hub"})
ecr = registry.container("AWS ECR", "Container registry", technology="AWS ECR", tags=ID,
                         properties={"category": "Container Registry", "vendor": "AWS ECR"})

dns = ws.system("DNS", "Name resolution for the platform's domains", external=True, tags=ID,
                properties={"category": "DNS", "group": INFRA})
cloudflare_dns = dns.container("CloudFlare", "DNS", technology="CloudFlare DNS", tags=ID,
                               properties={"category": "DNS", "vendor": "CloudFlare"})
route53 = dns.container("Route53", "DNS", technology="AWS Route 53", tags=ID,
                        properties={"category": "DNS", "vendor": "Route53"})

certificates = ws.system("SSL Certificates", "TLS certificates", external=True, tags=ID,
                         properties={"category": "SSL Certificates", "group": INFRA})
letsencrypt = certificates.container("Let's Encrypt", "Certificate authority", technology="ACME",
                                     tags=ID, properties={"category": "SSL Certificates",
                                                          "vendor": "Let's Encrypt"})

monitoring = ws.system("Monitoring", "Metrics and dashboards; the trees' \"Monitoring stack\"",
                       external=True, tags=ID,
                       properties={"category": "Monitoring", "group": INFRA})
prometheus = monitoring.container("Prometheus", "Metrics collection", technology="Prometheus",
                                  tags=ID, properties={"category": "Monitoring",
                                                       "vendor": "Prometheus"})
grafana = monitoring.container("Grafana", "Dashboards", technology="Grafana", tags=ID,
                               properties={"category": "Monitoring", "vendor": "Grafana"})

logging = ws.system("Logging", "Central log collection and search", external=True, tags=ID,
                    properties={"category": "Logging", "group": INFRA})
elk = logging.container("ELK Stack", "Log collection and search",
                        technology="Elasticsearch, Logstash, Kibana", tags=ID,
                        properties={"category": "Logging", "vendor": "ELK Stack"})
