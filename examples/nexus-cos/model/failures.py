"""Failure modes: the source document's graceful degradation, circuit breakers and health checks."""

from .ai import ai_service
from .external import cdn
from .foundation import database, message_queue, redis

CIRCUIT_BREAKER = ("Circuit breaker: opens after 5 consecutive failures, half-open after 30 s, "
                   "closes after 3 successful requests")

# Graceful degradation: "Cache miss -> Fetch from database".
redis.failure_mode(
    impact="Cache misses; sessions and tokens stored in Redis are unavailable",
    mitigation=CIRCUIT_BREAKER,
    fallback="Cache miss: fetch from the database",
    detection="Startup health check: Redis availability",
)
# "AI service down -> Use rule-based system".
ai_service.failure_mode(
    impact="AI features unavailable (Kei AI, risk scoring, route prediction, twins)",
    mitigation=CIRCUIT_BREAKER,
    fallback="Use the rule-based system",
    detection="Circuit breaker opens after 5 consecutive failures",
)
# "CDN unavailable -> Serve from origin".
cdn.failure_mode(
    impact="Streams cannot be delivered through the CDN",
    mitigation=CIRCUIT_BREAKER,
    fallback="Serve from origin (streamcore)",
    detection="Startup health check: external API accessibility",
)
# The health checks verify database connectivity first; the source document gives no fallback for it, nor
# for the message queue: with no fallback, what depends on them breaks.
database.failure_mode(
    impact="Every service that needs the Database fails its startup health check",
    mitigation=CIRCUIT_BREAKER,
    detection="Startup health check: database connectivity",
)
message_queue.failure_mode(
    impact="Scheduled jobs are not dispatched",
    mitigation=CIRCUIT_BREAKER,
    detection="Startup health check of the infrastructure phase",
)
