"""Foundation layer ("no dependencies") and the infrastructure the dependency trees name."""

from .context import INFRASTRUCTURE, PHASE_INFRASTRUCTURE, layer, nexus, props
from .external import azure_blob, ethereum, polygon, s3

SECTION = "Foundation Layer"

# The trees point at one "Database", one "Redis" and one "Message queue" from every section,
# so each is one element here, shared (see the page on the source document's own contradictions).
database = nexus.database(
    "Database Service", "PostgreSQL cluster; the dependency trees' \"Database\"",
    technology="PostgreSQL", tags=[INFRASTRUCTURE],
    properties=props(SECTION, PHASE_INFRASTRUCTURE, document_name="PostgreSQL"),
    group=layer(INFRASTRUCTURE),
)
redis = nexus.database(
    "Redis Service", "In-memory cache and session store; separate namespaces per service",
    technology="Redis", tags=[INFRASTRUCTURE],
    properties=props(SECTION, PHASE_INFRASTRUCTURE, document_name="Redis"),
    group=layer(INFRASTRUCTURE),
)
message_queue = nexus.queue(
    "Message Queue", "Event bus infrastructure",
    tags=[INFRASTRUCTURE], properties=props(SECTION, PHASE_INFRASTRUCTURE),
    group=layer(INFRASTRUCTURE),
)

# Infrastructure named as dependencies in the trees, not in the foundation list.
load_balancer = nexus.container(
    "Load balancer", "Balances traffic across the API gateway's instances",
    tags=[INFRASTRUCTURE], properties=props("API Gateway Layer"),
    group=layer(INFRASTRUCTURE),
)
storage = nexus.container(
    "Storage service", "Stores uploaded and managed content in cloud object storage",
    tags=[INFRASTRUCTURE], properties=props("Content & Streaming"),
    group=layer(INFRASTRUCTURE),
)
storage.uses(s3, "Stores objects", technology="AWS S3 API")
storage.uses(azure_blob, "Stores objects", technology="Azure Blob API")

blockchain_service = nexus.container(
    "Blockchain service", "Writes ledger entries to the public blockchains",
    tags=[INFRASTRUCTURE], properties=props("Financial Services"),
    group=layer(INFRASTRUCTURE),
)
blockchain_service.uses(ethereum, "Writes ledger entries")
blockchain_service.uses(polygon, "Writes ledger entries")

gpu = nexus.container(
    "GPU resources", "GPU compute that runs model inference",
    tags=[INFRASTRUCTURE], properties=props("AI Services"),
    group=layer(INFRASTRUCTURE),
)
hsm = nexus.container(
    "Hardware Security Module (HSM)", "Hardware-backed key storage",
    technology="HSM", tags=[INFRASTRUCTURE], properties=props("Platform Services"),
 group=layer(INFRASTRUCTURE),
)
alert_system = nexus.container(
    "Alert system", "Raises alerts on platform errors",
    tags=[INFRASTRUCTURE], properties=props("Platform Services"),
    group=layer(INFRASTRUCTURE),
)
