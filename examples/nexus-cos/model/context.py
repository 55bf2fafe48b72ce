"""The workspace, the platform itself and its users."""

from archdoc import Workspace

ws = Workspace(
    "Nexus COS",
    "A platform of services for streaming, content, commerce, finance, logistics and AI, "
    "started in layers on shared PostgreSQL, Redis and a message queue.",
)

nexus = ws.system(
    "Nexus COS",
    "The Nexus COS platform: every internal service of the dependency document.",
)

end_user = ws.person(
    "End user",
    "Uses the web and mobile applications and watches streams delivered by the CDN",
)

# Tags by tier. The `layers:` option of mkdocs.yml orders these tiers top first; the seed's
# startup phase of each service is kept as the property `seed_startup_phase`.
FRONTEND = "frontend"
INTEGRATION = "integration"
GATEWAY = "gateway"
DOMAIN = "domain"
PLATFORM = "platform"
CORE = "core"
INFRASTRUCTURE = "infrastructure"
SERVICE = "service"
"""Every application service the seed names (the ones its "43 services" counts)."""

PHASE_INFRASTRUCTURE = "1. Infrastructure (0-30s)"
PHASE_CORE = "2. Core Services (30-60s)"
PHASE_PLATFORM = "3. Platform Services (60-90s)"
PHASE_DOMAIN = "4. Domain Services (90-120s)"
PHASE_FRONTEND = "5. Frontend (120-150s)"


def props(section: str, phase: str | None = None, **more: str) -> dict[str, str]:
    """Properties every service carries: the seed section it is listed in, its startup phase."""
    values = {"seed_section": section}
    if phase:
        values["seed_startup_phase"] = phase
    values.update(more)
    return values
