"""ReptiDex: six consolidated services with a database each, REST and AWS SNS/SQS events."""

from .context import ws
from . import services, calls, events, flows  # noqa: F401

__all__ = ["ws"]
