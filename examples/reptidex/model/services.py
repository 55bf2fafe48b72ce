"""The six consolidated services: purpose, port, database and external dependencies."""

from .context import (cdn, email_sms, grafana, integration_apis, kms, oauth, payments, reptidex,
                      s3, search_indexing)

FOUNDATION = "foundation"
DOMAIN = "domain"


def service(name: str, purpose: str, port: int, tier: str):  # noqa: ANN201 - a Container
    return reptidex.container(name, purpose, technology="REST API", tags=["service", tier],
                              properties={"port": port})


def database(name: str, purpose: str, owner):  # noqa: ANN001,ANN201 - a Database
    """The service's own database: only ``owner`` touches it (database per service)."""
    db = reptidex.database(name, purpose, owner=owner)
    owner.uses(db, "Reads and writes its domain data", access="readwrite")
    return db


core = service("repti-core", "Foundation service for authentication, configuration, billing, "
               "events, and telemetry", 8001, FOUNDATION)
animal = service("repti-animal", "Animal registry, lineage tracking, genetics, and breeding "
                 "management", 8002, DOMAIN)
commerce = service("repti-commerce", "Marketplace, sales transactions, and inventory management",
                   8003, DOMAIN)
media = service("repti-media", "File storage, rendering, embeds, and content management",
                8004, DOMAIN)
community = service("repti-community", "Search, notifications, community features, and "
                    "advertising", 8005, DOMAIN)
ops = service("repti-ops", "Administrative tools, audit logging, integrations, and system "
              "monitoring", 8006, DOMAIN)
SERVICES = [core, animal, commerce, media, community, ops]

# Database-per-service isolation: each service owns its database completely.
core_db = database("repti_core_db", "Auth, config, billing, events, telemetry", core)
animal_db = database("repti_animal_db", "Animals, lineage, genetics, breeding", animal)
commerce_db = database("repti_commerce_db", "Marketplace, sales, transactions", commerce)
media_db = database("repti_media_db", "File metadata, rendering jobs", media)
community_db = database("repti_community_db", "Search indexes, notifications", community)
ops_db = database("repti_ops_db", "Admin tools, audit logs, monitoring", ops)

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
