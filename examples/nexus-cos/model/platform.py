"""Platform services of the startup sequence: scheduler, glitch (backend-api: gateway.py)."""

from .context import PHASE_PLATFORM, PLATFORM, SERVICE, layer, nexus, props
from .external import grafana, prometheus
from .foundation import alert_system, database, message_queue, redis

scheduler = nexus.container(
    "scheduler", "Schedules jobs and dispatches them over the message queue",
    tags=[SERVICE, PLATFORM], properties=props("Business Services", PHASE_PLATFORM),
    group=layer(PLATFORM),
)
glitch = nexus.container(
    "glitch", "Tracks errors and platform health, and raises alerts",
    tags=[SERVICE, PLATFORM], properties=props("Platform Services", PHASE_PLATFORM),
    group=layer(PLATFORM),
)

# scheduler: Database, Redis, Message queue
scheduler.uses(database, "Stores schedules", technology="SQL")
scheduler.uses(redis, "Holds locks and due jobs")
scheduler.uses(message_queue, "Dispatches due jobs", interaction="async")

# glitch: Database, Monitoring stack, Alert system
glitch.uses(database, "Stores incidents", technology="SQL")
glitch.uses(prometheus, "Reads metrics (monitoring stack)")
glitch.uses(grafana, "Publishes dashboards (monitoring stack)")
glitch.uses(alert_system, "Raises alerts")
