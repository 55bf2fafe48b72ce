"""The workspace, the platform, its users and its external dependencies."""

from archdoc import Workspace

ws = Workspace(
    "ReptiDex",
    "Reptile registry, breeding, marketplace and community platform: 6 consolidated services "
    "with database-per-service isolation, REST APIs and events over AWS SNS/SQS.",
)

reptidex = ws.system(
    "ReptiDex",
    "The ReptiDex platform: six consolidated services, each owning its database",
)
user = ws.person("User", "Breeder, keeper or buyer using ReptiDex (user-facing operations)")

# -- External dependencies ------------------------------------------------------------------------
payments = ws.system("Stripe/PayPal", "Payment processing", external=True,
                     properties={"integration": "via repti-core"})
aws = ws.system("AWS", "Amazon Web Services", external=True)
kms = aws.container("KMS", "Key management", technology="AWS KMS")
bus = aws.queue("SNS/SQS", "Event infrastructure: every event between the services",
                technology="AWS SNS/SQS")
s3 = aws.container("S3", "File storage", technology="AWS S3",
                   properties={"integration": "via repti-media"})
email_sms = ws.system("Email/SMS providers", "E-mail and SMS delivery", external=True,
                      properties={"integration": "via repti-community"})
cdn = ws.system("CDN services", "Content delivery of media files", external=True)
search_indexing = ws.system("Search indexing services", "Full-text search indexes", external=True)
grafana = ws.system("Grafana", "Monitoring and alerting", external=True,
                    properties={"integration": "via each service"})
integration_apis = ws.system("Third-party integration APIs",
                             "Partner systems that repti-ops synchronises with", external=True)
oauth = ws.system("OAuth IdPs", "Optional external identity providers", external=True,
                  properties={"integration": "via repti-core"})
