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

# Tags by tier. The `layers:` option of mkdocs.yml orders these tiers top first; the source document's
# startup phase of each service is kept as the property `documented_startup_phase`.
FRONTEND = "frontend"
INTEGRATION = "integration"
GATEWAY = "gateway"
DOMAIN = "domain"
PLATFORM = "platform"
CORE = "core"
INFRASTRUCTURE = "infrastructure"
SERVICE = "service"
"""Every application service the source document names (the ones its "43 services" counts)."""

PHASE_INFRASTRUCTURE = "1. Infrastructure (0-30s)"
PHASE_CORE = "2. Core Services (30-60s)"
PHASE_PLATFORM = "3. Platform Services (60-90s)"
PHASE_DOMAIN = "4. Domain Services (90-120s)"
PHASE_FRONTEND = "5. Frontend (120-150s)"


def props(section: str, phase: str | None = None, **more: str) -> dict[str, str]:
    """Properties every service carries: the source document section it is listed in, its startup phase."""
    values = {"document_section": section}
    if phase:
        values["documented_startup_phase"] = phase
    values.update(more)
    return values

LAYERS = {
    FRONTEND: "Frontend",
    INTEGRATION: "Integration hub",
    GATEWAY: "API gateway",
    DOMAIN: "Domain services",
    PLATFORM: "Platform services",
    CORE: "Core services",
    INFRASTRUCTURE: "Infrastructure",
}
"""The layers of the source document, top first, drawn as groups in every view."""


def layer(tier: str, section: str = "") -> str:
    """The group an element is drawn in: its layer; a domain service also in the section of the
    document that lists it (``"Domain services/AI Services"``)."""
    return f"{LAYERS[tier]}/{section}" if tier == DOMAIN and section else LAYERS[tier]
