"""Authentication layer: the tree under auth-service, and the key service beneath it."""

from .context import CORE, PHASE_CORE, SERVICE, layer, nexus, props
from .foundation import database, hsm, redis

SECTION = "Authentication Layer"

auth_service = nexus.container(
    "auth-service", "Authenticates requests for the API gateway and the business services",
    tags=[SERVICE, CORE], properties=props(SECTION, PHASE_CORE),
    group=layer(CORE),
)
user_auth = nexus.container(
    "user-auth", "Verifies user credentials against the user records",
    tags=[SERVICE, CORE], properties=props(SECTION),
    group=layer(CORE),
)
session_mgr = nexus.container(
    "session-mgr", "Creates and tracks user sessions",
    tags=[SERVICE, CORE], properties=props(SECTION, PHASE_CORE),
    group=layer(CORE),
)
token_mgr = nexus.container(
    "token-mgr", "Issues and validates access tokens",
    tags=[SERVICE, CORE], properties=props(SECTION, PHASE_CORE),
    group=layer(CORE),
)
key_service = nexus.container(
    "key-service", "Manages the signing and encryption keys",
    tags=[SERVICE, CORE], properties=props("Platform Services", PHASE_CORE),
    group=layer(CORE),
)
auth_service_v2 = nexus.container(
    "auth-service-v2", "Second version of the authentication service",
    tags=[SERVICE, CORE], properties=props(SECTION),
    group=layer(CORE),
)
pv_keys = nexus.container(
    "pv-keys", "Protects keys with the hardware security module",
    tags=[SERVICE, CORE], properties=props("Platform Services"),
    group=layer(CORE),
)

# auth-service
# ├── user-auth
# │   ├── Database
# │   └── session-mgr
# │       ├── Redis
# │       └── token-mgr
# │           ├── Redis
# │           └── key-service
# │               └── Database
# └── auth-service-v2
#     ├── auth-service
#     └── token-mgr
auth_service.uses(user_auth, "Authenticates the user", criticality="critical")
user_auth.uses(database, "Reads user credentials", technology="SQL", criticality="critical")
user_auth.uses(session_mgr, "Opens a session", criticality="critical")
session_mgr.uses(redis, "Stores sessions")
session_mgr.uses(token_mgr, "Issues the session token", criticality="critical")
token_mgr.uses(redis, "Stores tokens", criticality="critical")
token_mgr.uses(key_service, "Signs tokens with the current key")
auth_service.uses(auth_service_v2, "Delegates to the v2 implementation")  # as the tree draws it
auth_service_v2.uses(auth_service, "Falls back to the v1 implementation")
auth_service_v2.uses(token_mgr, "Issues and validates tokens")

# key-service: Database, Redis.  pv-keys: key-service, HSM.
key_service.uses(database, "Stores keys", technology="SQL")
key_service.uses(redis, "Caches keys")
pv_keys.uses(key_service, "Reads and rotates keys")
pv_keys.uses(hsm, "Seals keys in hardware")
