"""The six consolidated services: purpose, port, database and external dependencies."""

from .context import (cdn, email_sms, grafana, integration_apis, kms, oauth, payments, reptidex,
                      s3, search_indexing)

FOUNDATION = "foundation"
DOMAIN = "domain"

core = reptidex.container(
    "repti-core", "Foundation service for authentication, configuration, billing, events, "
    "and telemetry", technology="REST API", tags=["service", FOUNDATION], properties={"port": 8001},
)
animal = reptidex.container(
    "repti-animal", "Animal registry, lineage tracking, genetics, and breeding management",
    technology="REST API", tags=["service", DOMAIN], properties={"port": 8002},
)
commerce = reptidex.container(
    "repti-commerce", "Marketplace, sales transactions, and inventory management",
    technology="REST API", tags=["service", DOMAIN], properties={"port": 8003},
)
media = reptidex.container(
    "repti-media", "File storage, rendering, embeds, and content management",
    technology="REST API", tags=["service", DOMAIN], properties={"port": 8004},
)
community = reptidex.container(
    "repti-community", "Search, notifications, community features, and advertising",
    technology="REST API", tags=["service", DOMAIN], properties={"port": 8005},
)
ops = reptidex.container(
    "repti-ops", "Administrative tools, audit logging, integrations, and system monitoring",
    technology="REST API", tags=["service", DOMAIN], properties={"port": 8006},
)
SERVICES = [core, animal, commerce, media, community, ops]

# Database-per-service isolation: each service owns its database completely, and only its
# owner uses it.
core_db = reptidex.database("repti_core_db", "Auth, config, billing, events, telemetry",
                            owner=core)
animal_db = reptidex.database("repti_animal_db", "Animals, lineage, genetics, breeding",
                              owner=animal)
commerce_db = reptidex.database("repti_commerce_db", "Marketplace, sales, transactions",
                                owner=commerce)
media_db = reptidex.database("repti_media_db", "File metadata, rendering jobs", owner=media)
community_db = reptidex.database("repti_community_db", "Search indexes, notifications",
                                 owner=community)
ops_db = reptidex.database("repti_ops_db", "Admin tools, audit logs, monitoring", owner=ops)
core.uses(core_db, "Reads and writes its domain data", access="readwrite")
animal.uses(animal_db, "Reads and writes its domain data", access="readwrite")
commerce.uses(commerce_db, "Reads and writes its domain data", access="readwrite")
media.uses(media_db, "Reads and writes its domain data", access="readwrite")
community.uses(community_db, "Reads and writes its domain data", access="readwrite")
ops.uses(ops_db, "Reads and writes its domain data", access="readwrite")

# External dependencies, as each service lists them.
core.uses(payments, "Processes payments", technology="REST")
core.uses(kms, "Manages keys", technology="AWS SDK")
core.uses(email_sms, "Sends e-mail and SMS (via integrations)", interaction="async")
core.uses(oauth, "Signs users in with an optional OAuth IdP", technology="OAuth 2.0")
# repti-animal: none (internal business logic). repti-commerce: payments via repti-core.
media.uses(s3, "Stores files", technology="AWS S3 API")
media.uses(cdn, "Delivers content")
community.uses(email_sms, "Sends notifications", interaction="async")
community.uses(search_indexing, "Indexes and queries search content")
ops.uses(integration_apis, "Synchronises integrations")
# Monitoring: Grafana integration via each service (repti-ops: monitoring and alerting).
for svc in SERVICES:
    svc.uses(grafana, "Reports metrics" + (" and alerts" if svc is ops else ""),
             interaction="async", criticality="low")
