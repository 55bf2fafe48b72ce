"""Tracked events.

The network graph draws ``analytics -.-> API`` and ``stoq -.-> API``: both consume events that
the gateway tracks. archdoc turns each consumer of an event into an asynchronous dependency on
its producer, which is what these two dashed arrows are.
"""

from .services import analytics, gateway, stoq

gateway.publishes(
    "stoq:restock-modal:submitted",
    "A customer submitted the stoq restock form (openInlineForm)",
)
analytics.subscribes("stoq:restock-modal:submitted", "Tracks it in the events table")
stoq.subscribes("stoq:restock-modal:submitted", "Dispatches it to stoq (external event dispatch)")
