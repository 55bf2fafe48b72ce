"""metatwin (listed with the platform services) and the specialized services."""

from .ai import ai_service
from .auth import auth_service, user_auth
from .business import billing, ledger_mgr
from .content import content_management, streamcore, streaming_v2
from .context import DOMAIN, INTEGRATION, PHASE_DOMAIN, SERVICE, layer, nexus, props
from .external import ethereum, polygon
from .foundation import database


metatwin = nexus.container(
    "metatwin", "Digital twins of creators and venues",
    tags=[SERVICE, DOMAIN], properties=props("Platform Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Platform Services"),
)
creator_hub = nexus.container(
    "creator-hub-v2", "Where creators publish, stream and get paid",
    tags=[SERVICE, DOMAIN], properties=props("Specialized Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Specialized Services"),
)
musicchain = nexus.container(
    "puabomusicchain", "Music rights and royalties on a blockchain",
    tags=[SERVICE, DOMAIN], properties=props("Specialized Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Specialized Services"),
)
puaboverse = nexus.container(
    "puaboverse-v2", "Virtual world for live experiences",
    tags=[SERVICE, DOMAIN], properties=props("Specialized Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Specialized Services"),
)
# The integration hub calls backend-api, so it sits above the gateway, in its own layer.
puabo_nexus = nexus.container(
    "puabo-nexus", "Integration hub across the platform's services",
    tags=[SERVICE, INTEGRATION], properties=props("Specialized Services", PHASE_DOMAIN),
    group=layer(INTEGRATION),
)

# metatwin: ai-service, Database, streamcore
metatwin.uses(ai_service, "Animates the twin")
metatwin.uses(database, "Stores twins", technology="SQL")
metatwin.uses(streamcore, "Streams the twin")

# creator-hub-v2: content-management, billing-service, user-auth, streaming-service-v2
creator_hub.uses(content_management, "Publishes creators' content")
creator_hub.uses(billing, "Pays creators")
creator_hub.uses(user_auth, "Authenticates creators")
creator_hub.uses(streaming_v2, "Streams creators' shows")

# puabomusicchain: Blockchain network, ledger-mgr, content-management, billing-service
musicchain.uses(ethereum, "Records rights (blockchain network)")
musicchain.uses(polygon, "Records rights (blockchain network)")
musicchain.uses(ledger_mgr, "Posts royalties")
musicchain.uses(content_management, "Reads the music catalogue")
musicchain.uses(billing, "Pays royalties")

# puaboverse-v2: streaming-service-v2, ai-service, content-management, metatwin
puaboverse.uses(streaming_v2, "Streams live experiences")
puaboverse.uses(ai_service, "Drives characters")
puaboverse.uses(content_management, "Reads world content")
puaboverse.uses(metatwin, "Places digital twins in the world")

# puabo-nexus: Multiple services (integration hub), auth-service, backend-api, Database.
# "Multiple services" names none, so only the named ones are modelled.
puabo_nexus.uses(auth_service, "Authenticates integrations")
puabo_nexus.uses("nexus-cos.backend-api", "Calls the platform API")
puabo_nexus.uses(database, "Stores integration state", technology="SQL")
