"""Failure modes, from the error handling and data consistency rules of the platform."""

from .services import analytics, bus, gateway, inventory, notification, payment

GATEWAY = "API Gateway handles the service's unavailability"
HEALTH = "/health/ endpoint: service status, database connectivity, dependency checks"

payment.failure_mode(
    impact="Orders cannot be paid",
    mitigation="Saga compensation: the reservation is released and the order cancelled",
    fallback=GATEWAY,
    detection=HEALTH,
    recovery="Retry mechanisms for transient failures",
)
inventory.failure_mode(
    impact="Orders cannot reserve or confirm stock",
    mitigation="Saga compensation in reverse order: refund, release, cancel",
    fallback=GATEWAY,
    detection=HEALTH,
    recovery="Retry mechanisms for transient failures",
)
notification.failure_mode(
    impact="Order confirmations and product notifications are delayed",
    mitigation="Retries for transient failures; dead letter queue for persistent failures",
    fallback="Graceful degradation: orders complete without the notification",
    detection=HEALTH,
)
analytics.failure_mode(
    impact="Business intelligence and metrics are stale",
    mitigation="Events wait on the event bus until the service is back",
    fallback="Graceful degradation of a non-critical feature",
    detection=HEALTH,
)
bus.failure_mode(
    impact="Event-driven updates and the order saga stall",
    mitigation="Idempotent consumers; retries for transient failures",
    fallback="Dead letter queues for persistent failures",
)
gateway.failure_mode(
    impact="No client request reaches any service",
    mitigation="Circuit breaker pattern for external dependencies",
    detection=HEALTH,
)
