"""Synchronous communication: the REST APIs each service consumes."""

from .context import user
from .services import animal, commerce, community, core, media, ops

# Foundation service pattern: every service depends on repti-core.
animal.uses(core, "Auth validation, config", technology="REST", criticality="critical")
commerce.uses(core, "Authentication, billing", technology="REST", criticality="critical")
media.uses(core, "Auth, file permissions", technology="REST", criticality="critical")
community.uses(core, "Authentication, configuration", technology="REST", criticality="critical")
ops.uses(core, "Authentication, events access", technology="REST", criticality="critical")

# Cross-service data validation and retrieval.
commerce.uses(animal, "Product data, ownership validation", technology="REST")
community.uses(animal, "Search indexing data", technology="REST")

# User-facing operations requiring immediate response.
user.uses(core, "Signs up, signs in, manages billing", technology="HTTPS")
user.uses(animal, "Registers animals, lineage and breeding", technology="HTTPS")
user.uses(commerce, "Lists, buys and sells animals", technology="HTTPS")
user.uses(media, "Uploads photos, embeds pedigrees", technology="HTTPS")
user.uses(community, "Searches, posts and reads notifications", technology="HTTPS")
