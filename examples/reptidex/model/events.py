"""Events: what each service publishes and subscribes to, and why.

The services publish event families (``auth.session.*``); the model keeps each family as the
source document writes it. Where a subscriber names one member of a family (``org.member.added``), the
producer publishes that member too, so producer and consumer meet on the exact name.
"""

from .context import bus, ws
from .services import animal, commerce, community, core, media, ops

PUBLISHES = {
    core: [
        "auth.user.created", "auth.user.updated", "auth.session.*",
        "org.created", "org.updated", "org.member.*", "org.member.added",
        "config.updated", "config.feature.toggled",
        "billing.subscription.*", "billing.subscription.updated", "billing.invoice.*",
        "events.published", "telemetry.tracked",
    ],
    animal: [
        "animal.created", "animal.updated", "animal.transferred",
        "lineage.updated", "lineage.validated", "pedigree.generated",
        "breeding.paired", "breeding.clutch.*", "breeding.clutch.created", "breeding.offspring.*",
        "genetics.prediction.*", "genetics.trait.*",
        "taxonomy.species.*", "taxonomy.morph.*",
    ],
    commerce: [
        "marketplace.listing.*", "marketplace.listing.created", "marketplace.search.*",
        "sales.inquiry.*", "sales.transaction.*",
        "inventory.reserved", "inventory.transferred", "inventory.available",
        "order.created", "order.updated", "order.completed",
    ],
    media: [
        "file.uploaded", "file.processed", "file.deleted",
        "render.pedigree.*", "render.chart.*", "render.export.*",
        "embed.widget.*", "embed.profile.*",
        "content.updated", "content.published",
    ],
    community: [
        "search.indexed", "search.query.*",
        "notification.sent", "notification.delivered",
        "community.post.*", "community.interaction.*",
        "advertising.campaign.*", "advertising.impression.*",
    ],
    ops: [
        "admin.action.*", "admin.moderation.*",
        "audit.logged", "audit.compliance.*",
        "integration.sync.*", "integration.error.*",
        "monitoring.alert.*", "monitoring.health.*",
    ],
}
MEMBERS = {
    "org.member.added": "org.member.*",
    "billing.subscription.updated": "billing.subscription.*",
    "breeding.clutch.created": "breeding.clutch.*",
    "marketplace.listing.created": "marketplace.listing.*",
}

for producer, names in PUBLISHES.items():
    for name in names:
        family = MEMBERS.get(name)
        producer.publishes(name, f"one of {family}" if family else "", via=bus)

# -- Subscriptions the source document names, with its reasons ---------------------------------------------
animal.subscribes("auth.user.created", "Setup initial data", via=bus)
animal.subscribes("org.member.added", "Access control updates", via=bus)
animal.subscribes("media.uploaded", "Animal photo attachments", via=bus)

commerce.subscribes("animal.created", "Auto-create inventory", via=bus)
commerce.subscribes("animal.transferred", "Update ownership", via=bus)
commerce.subscribes("billing.subscription.updated", "Access control", via=bus)
commerce.subscribes("payment.completed", "Order fulfillment", via=bus)

media.subscribes("animal.created", "Auto-generate placeholders", via=bus)
media.subscribes("lineage.updated", "Re-render pedigree charts", via=bus)
media.subscribes("profile.updated", "Refresh embedded widgets", via=bus)

community.subscribes("animal.created", "Index for search", via=bus)
community.subscribes("marketplace.listing.created", "Index for discovery", via=bus)
community.subscribes("profile.updated", "Update search data", via=bus)
community.subscribes("breeding.clutch.created", "Community notifications", via=bus)

# -- "All service events": repti-core (telemetry and audit) and repti-ops (audit logging) -------
core.uses(bus, "Consumes all service events (telemetry, audit, system health)",
          interaction="async", operation="*")
ops.uses(bus, "Consumes all service events (audit logging, monitoring, compliance)",
         interaction="async", operation="*")
for producer, names in PUBLISHES.items():
    for name in names:
        if producer is not core:
            core.subscribes(name, "System health events (for monitoring)"
                            if name == "monitoring.health.*"
                            else "All service events (for telemetry and audit)")
        if producer is not ops:
            ops.subscribes(name, "User actions (for compliance tracking) and audit logging"
                           if name.startswith(("auth.", "org."))
                           else "All service events (for audit logging)")

assert len(ws.events) >= sum(len(n) for n in PUBLISHES.values())
