"""AI Services."""

from .context import DOMAIN, INFRASTRUCTURE, PHASE_DOMAIN, SERVICE, layer, nexus, props
from .foundation import database, gpu

SECTION = "AI Services"

ai_service = nexus.container(
    "ai-service", "Runs the platform's machine-learning models",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
ml_models = nexus.database(
    "ML models", "Trained models the AI service loads", owner=ai_service,
    tags=["infrastructure"], properties=props(SECTION),
    group=layer(INFRASTRUCTURE),
)
kei_ai = nexus.container(
    "kei-ai", "The Kei AI assistant",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
studio_ai = nexus.container(
    "nexus-cos-studio-ai", "AI tools of the creator studio",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
puaboai_sdk = nexus.container(
    "puaboai-sdk", "SDK service exposing the AI service to partners",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
ai_dispatch = nexus.container(
    "puabo-nexus-ai-dispatch", "AI dispatch of the logistics fleet",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)

# kei-ai: ai-service (ML models, GPU resources), Database
kei_ai.uses(ai_service, "Runs inference")
ai_service.uses(ml_models, "Loads models", access="read")
ai_service.uses(gpu, "Runs inference on GPUs")
kei_ai.uses(database, "Stores conversations", technology="SQL")

# nexus-cos-studio-ai: kei-ai, content-management
studio_ai.uses(kei_ai, "Asks the assistant")
studio_ai.uses("nexus-cos.content-management", "Reads and enriches content")

# puaboai-sdk: ai-service
puaboai_sdk.uses(ai_service, "Runs inference")

# puabo-nexus-ai-dispatch: kei-ai, scheduler, puabo-nexus-fleet-manager
ai_dispatch.uses(kei_ai, "Plans dispatches")
ai_dispatch.uses("nexus-cos.scheduler", "Schedules dispatches")
ai_dispatch.uses("nexus-cos.puabo-nexus-fleet-manager", "Assigns vehicles")
