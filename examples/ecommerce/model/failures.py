"""Failure modes: what breaks when a dependency goes down, and what softens it."""

from .containers import elasticsearch, postgresql, redis
from .context import email_service, payment_provider

postgresql.failure_mode(impact="Full outage", mitigation="Multi-AZ, automatic failover",
                        recovery="Automatic failover to the standby")
redis.failure_mode(impact="Degraded performance", mitigation="Circuit breaker",
                   fallback="Fallback to DB")
elasticsearch.failure_mode(impact="Search unavailable", fallback="Fallback to DB search")
payment_provider.failure_mode(impact="Checkout unavailable", mitigation="Queue orders, retry")
email_service.failure_mode(impact="Emails delayed", mitigation="Queue emails, retry")
