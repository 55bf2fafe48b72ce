"""The model against reality: the dependencies running systems show, compared with the model.

Readers (one module per source) turn Jaeger's and Zipkin's dependencies JSON, the OpenTelemetry
servicegraph connector's request counter and Docker Compose files into :class:`Observations`;
:mod:`~archdoc.drift.mapping` finds the element each observed service stands for, and
:func:`compare` gives a :class:`DriftReport`: every dependency declared and seen, declared and
never seen, or seen and not declared. The rules ``undeclared-dependency``,
``unobserved-dependency`` and ``unmapped-service`` report from it, the site draws a page of it,
and :meth:`DriftReport.lifted_status` is the status of each arrow a diagram marks.
"""

from archdoc.drift.compare import (
    DriftEdge,
    DriftReport,
    DriftStatus,
    Evidence,
    UnmappedService,
    compare,
)
from archdoc.drift.compose import read_compose
from archdoc.drift.jaeger import read_jaeger
from archdoc.drift.mapping import SERVICE_NAME, Match, ServiceMap
from archdoc.drift.observed import ObservedCall, ObservedPair, Observations, ObservedSource
from archdoc.drift.servicegraph import read_servicegraph
from archdoc.drift.sources import ObservedFiles, read_observations

__all__ = [
    "SERVICE_NAME",
    "DriftEdge",
    "DriftReport",
    "DriftStatus",
    "Evidence",
    "Match",
    "ObservedCall",
    "ObservedFiles",
    "ObservedPair",
    "ObservedSource",
    "Observations",
    "ServiceMap",
    "UnmappedService",
    "compare",
    "read_compose",
    "read_jaeger",
    "read_observations",
    "read_servicegraph",
]
