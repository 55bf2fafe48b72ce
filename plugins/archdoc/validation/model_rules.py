"""Rules over the static model, the flows and the events."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from archdoc.analysis.structure import sync_cycles
from archdoc.model.flows import FlowMessage, FlowNote, walk
from archdoc.model.workspace import Workspace
from archdoc.validation.base import Finding, RuleContext, rule
from archdoc.validation.view_rules import view_references


@rule(
    "duplicate-id", severity="error",
    summary="Two elements have the same id (the same name under one parent).",
    explanation="""Ids are how ADRs, pages and the CLI refer to elements, so each must name one
    thing. Two elements with the same name under the same parent get the same id; the second is
    kept under a `~2` suffix so the rest of the model can still be checked. Rename one of them,
    or give it an explicit `id=`.""",
)
def duplicate_id(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.workspace
    for dup in ctx.workspace.duplicates:
        first = f" (first declared at {dup.first})" if dup.first else ""
        yield Finding(
            f"duplicate id {dup.id!r}{first}; this one is kept as {dup.renamed_to!r}",
            dup.second, "rename one of them or pass a distinct id= argument", dup.id,
        )


@rule(
    "dangling-reference",
    severity="error",
    summary=(
        "A relationship, flow, event, owner, deployment or view names an id that is not in "
        "the model."
    ),
    explanation="""Elements can be referred to by id (`web.uses("shop.order-api")`) before or
    without being declared. Every such id must name an element of the workspace once the model
    is complete; a typo or a removed element leaves a reference that points nowhere, and the
    diagram or table it feeds would silently lose it. A view's selector (`"shop.*"`,
    `"tag:critical"`, `"kind:queue"`) must name at least one element.""",
)
def dangling_reference(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    known = ws.elements.keys() | ws.nodes.keys()

    def missing(id: str | None) -> bool:
        return id is not None and id not in known

    for r in ws.relationships:
        if r.source_id in known and r.destination_id in known:
            continue
        for end, id in (("source", r.source_id), ("destination", r.destination_id)):
            if missing(id):
                yield Finding(f"relationship {r.id}: {end} {id!r} is not in the model",
                              r.location, ws.suggest(id), r.id)
    for event in ws.events.values():
        for link in (*event.producers, *event.consumers):
            if missing(link.via_id):
                yield Finding(f"event {event.name!r}: via {link.via_id!r} is not in the model",
                              link.location, ws.suggest(link.via_id or ""), event.name)
    for element in ws.elements.values():
        if element.data_owner_id is not None and element.data_owner_id not in known:
            yield Finding(f"{element.id}: owner {element.data_owner_id!r} is not in the model",
                          element.location, ws.suggest(element.data_owner_id or ""), element.id)
    for flow in ws.flows:
        for item in walk(flow.items):
            ids = ([item.source_id, item.destination_id] if isinstance(item, FlowMessage)
                   else item.over_ids if isinstance(item, FlowNote) else [])
            for id in ids:
                if id not in ws.elements:
                    yield Finding(f"flow {flow.name!r}: participant {id!r} is not in the model",
                                  item.location, ws.suggest(id), flow.id)
    for instance in ws.instances:
        if instance.container_id not in ws.elements:
            yield Finding(
                f"{instance.node_id}: deployed container {instance.container_id!r} is not "
                "in the model",
                instance.location,
                ws.suggest(instance.container_id),
                instance.id,
            )
    if ws.views:
        yield from view_references(ws)


@rule(
    "relationship-not-allowed",
    severity="error",
    summary=(
        "A relationship between an element and itself, its parent or child, or across model "
        "and deployment."
    ),
    explanation="""A relationship says one thing depends on another. An element does not depend
    on itself, and a container does not "use" the system it is part of (nor a component its own
    container): such a line carries no information and breaks the views. Deployment nodes relate
    only to deployment nodes, and model elements only to model elements; deploy a container on a
    node with `node.deploy(container)` instead.""",
)
def relationship_not_allowed(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    ancestors, nodes = ctx.ancestors, ws.nodes
    for r in ws.relationships:
        source, destination = r.source_id, r.destination_id
        if source == destination:
            yield Finding(f"{source} uses itself", r.location, "remove the relationship", r.id)
            continue
        src_chain, dst_chain = ancestors.get(source), ancestors.get(destination)
        if src_chain is not None and dst_chain is not None:  # two elements of the model
            if source in dst_chain or destination in src_chain:
                yield Finding(f"{source} and {destination} are parent and child; a relationship "
                              "between them is not allowed", r.location,
                              "relate the child to elements outside its parent instead", r.id)
        elif nodes and ((src_chain is not None and destination in nodes)
                        or (source in nodes and dst_chain is not None)):
            yield Finding(f"relationship {r.id} joins a model element and a deployment node",
                          r.location, "use node.deploy(container) to place a container on a node",
                          r.id)


@rule(
    "unbacked-flow-step", severity="error",
    summary="A flow step between two elements that have no relationship.",
    explanation="""A flow (a dynamic view) tells a story along the static model. A step between
    two elements that the model does not connect, directly or through their parents and
    children, is either a missing relationship or a wrong step; the dependency tables and impact
    analysis would miss it, and Structurizr refuses such a step in a dynamic view. Declare the
    relationship with `uses`, or fix the step. A reply travels back along the relationship of the
    request it answers, so the relationship in the other direction backs it.""",
)
def unbacked_flow_step(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    elements = ws.elements
    steps = [
        (flow, m)
        for flow in ws.flows
        for m in flow.messages()
        if m.source_id in elements
        and m.destination_id in elements
        and m.source_id != m.destination_id
    ]
    if not steps:
        return
    ancestors = ctx.ancestors

    def chain(id: str) -> tuple[str, ...]:
        """The element and its ancestors, by id."""
        return (id, *ancestors[id])

    endpoints = {end for _, m in steps for end in (m.source_id, m.destination_id)}
    # A step's own pair is backed by a relationship between its participants or anything
    # inside them: ``inside`` holds the participants and everything they contain.
    inside, stack = set(endpoints), list(endpoints)
    while stack:
        for child in ws.children_ids(stack.pop()):
            if child not in inside:
                inside.add(child)
                stack.append(child)
    # A step between children details a dependency declared between their ancestors.
    relevant = {a for end in endpoints for a in chain(end)}
    rolled: set[tuple[str, str]] = set()
    """Pairs of participants backed by a relationship between them or their insides."""
    declared: set[tuple[str, str]] = set()
    """Declared pairs among the participants and their ancestors."""
    for r in ws.relationships:
        source, destination = r.source_id, r.destination_id
        if source in relevant and destination in relevant and source != destination \
                and source not in ancestors[destination] \
                and destination not in ancestors[source]:  # parent-child is not allowed
            declared.add((source, destination))
        if source in inside and destination in inside:
            for a in chain(source):
                if a in endpoints:
                    for b in chain(destination):
                        if b in endpoints:
                            rolled.add((a, b))
    for event in ws.events.values():
        for c in event.consumers:
            for p in event.producers:
                rolled.add((p.element_id, c.element_id))
                declared.add((p.element_id, c.element_id))
    for flow, message in steps:
        s, d = message.source_id, message.destination_id
        backed = (s, d) in rolled or (d, s) in rolled or any(
            (a, b) in declared or (b, a) in declared for a in chain(s) for b in chain(d))
        if not backed:
            yield Finding(
                f"flow {flow.name!r}: {message.kind} {s} -> {d} is backed by no relationship",
                message.location, _unbacked_hint(ws, message), flow.id,
            )


def _variable(id: str) -> str:
    """The name a model file would likely give the element: its id's last part."""
    return id.split(".")[-1].replace("-", "_")


def _unbacked_hint(ws: Workspace, message: FlowMessage) -> str:
    """How to back a step: the caller uses the called. A reply (or a step to a person, which
    nothing depends on) answers a request, so the element it goes to is the one that uses."""
    s, d = message.source_id, message.destination_id
    if message.kind == "reply" or ws.elements[d].kind == "person":
        return f"declare the request it answers: {_variable(d)}.uses({_variable(s)}, ...)" + (
            ""
            if message.kind == "reply"
            else f", and make this step a reply: f.reply({_variable(s)}, {_variable(d)}, ...)"
        )
    return f"declare it: {_variable(s)}.uses({_variable(d)}, ...)"


@rule(
    "sync-cycle", severity="error",
    summary="Services that depend on each other synchronously, in a cycle.",
    explanation="""When A calls B and B (directly or through others) calls A synchronously,
    neither can start, deploy or fail alone: a slow B makes A slow, which makes B slow. Break
    the cycle with an event (`interaction="async"`, `publishes`/`subscribes`), by moving the
    shared part into its own service, or by inverting one dependency. Asynchronous loops, such as
    a saga answering through events, are allowed.""",
)
def sync_cycle(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for cycle in sync_cycles(ctx.graph):
        first_edge = ctx.graph.dependency(cycle[0], cycle[1 % len(cycle)])
        sync_rels = [r for r in first_edge.relationships if r.interaction == "sync"]
        location = sync_rels[0].location if sync_rels else ws.elements[cycle[0]].location
        path = " -> ".join([*cycle, cycle[0]])
        yield Finding(f"synchronous dependency cycle: {path}", location,
                      "make one of these dependencies asynchronous or remove it", cycle[0])


@rule(
    "multiple-writers", severity="error",
    summary="A datastore written by more than one container.",
    explanation="""With a database per service, exactly one service writes each datastore; two
    writers couple their schemas and releases and make ownership of the data unclear. Let the
    owner expose an API or publish events, and give other services `access="read"` if they must
    read it directly (that is reported by `foreign-datastore-access`). A relationship to a
    database writes unless it says `access="read"`; a component's access counts for its
    container, and so does an owner given as a component.""",
)
def multiple_writers(ctx: RuleContext) -> Iterator[Finding]:
    for verdict in ctx.data_ownership:
        if not verdict.shared_writes:
            continue
        writers = verdict.writers
        last = list(verdict.writes.values())[-1] if verdict.writes else verdict.owner_writes
        location = last[0].location if last else verdict.datastore.location
        yield Finding(f"datastore {verdict.id} is written by {len(writers)} containers: "
                      f"{', '.join(writers)}", location,
                      "keep one writer (the owner); others go through its API", verdict.id)


@rule(
    "foreign-datastore-access", severity="warning",
    summary="A container reads a datastore owned by another container.",
    explanation="""Database-per-service: a service's data is reached through its API or its
    events, not its tables. Reading another service's datastore directly ties you to its schema.
    Declare the owner with `database(..., owner=service)`; every other container that reads the
    datastore is reported here (one that writes it is reported by `multiple-writers`).""",
)
def foreign_datastore_access(ctx: RuleContext) -> Iterator[Finding]:
    for verdict in ctx.data_ownership:
        if not verdict.foreign_reads:
            continue
        for unit, relationships in verdict.reads.items():
            for r in relationships:
                yield Finding(f"{unit} reads {verdict.id}, which {verdict.owner} owns",
                              r.location, f"ask {verdict.owner} through its API or events", r.id)


@rule(
    "datastore-without-owner", severity="warning",
    summary="A database with no owning container.",
    explanation="""Every datastore should belong to one service, which the data ownership page
    names and `multiple-writers` and `foreign-datastore-access` check against. Pass the owning
    container: `database("Orders DB", owner=orders)`.""",
)
def datastore_without_owner(ctx: RuleContext) -> Iterator[Finding]:
    for verdict in ctx.data_ownership:
        if verdict.unowned:
            yield Finding(f"datastore {verdict.id} has no owner", verdict.datastore.location,
                          "pass owner=<the container that owns its data>", verdict.id)


@rule(
    "event-without-producer", severity="error",
    summary="An event that is consumed but that nothing publishes.",
    explanation="""A subscriber waits for an event that no element of the model publishes: a
    typo in the event name, or a producer missing from the model. Declare the producer with
    `publishes("name")`.""",
)
def event_without_producer(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for event in ws.events.values():
        if not event.producers:
            yield Finding(f"event {event.name!r} has consumers but no producer",
                          event.consumers[0].location,
                          _close_event(ws.events, event.name) or "declare it: x.publishes(...)",
                          event.name)


@rule(
    "event-without-consumer", severity="warning",
    summary="An event that is published but never consumed.",
    explanation="""An event nobody consumes is dead weight, or a consumer is missing from the
    model. Declare the consumers with `subscribes("name", "why")`, or remove the event.""",
)
def event_without_consumer(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for event in ws.events.values():
        if not event.consumers:
            yield Finding(
                f"event {event.name!r} is published but never consumed",
                event.producers[0].location,
                _close_event(ws.events, event.name) or "declare a consumer: y.subscribes(...)",
                event.name,
            )


def _close_event(events: Mapping[str, object], name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, [e for e in events if e != name], n=1, cutoff=0.8)
    return f"did you mean {close[0]!r}?" if close else ""


@rule(
    "missing-description", severity="warning",
    summary="A person, system or container without a description.",
    explanation="""Descriptions are what a reader of the diagrams and tables learns an element
    is for; the C4 labels show them. Give each person, software system and container one short
    sentence. Components, queues and databases are exempt.""",
)
def missing_description(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for element in ws.elements.values():
        if element.kind in ("person", "system", "container") and not element.description.strip():
            yield Finding(f"{element.kind_label.lower()} {element.id} has no description",
                          element.location, "pass a description as the second argument", element.id)


@rule(
    "unconnected-element", severity="warning",
    summary="An element with no relationship: it stands alone in every view.",
    explanation="""Every element appears in the generated views, but one that nothing uses and
    that uses nothing stands alone in each of them and in no dependency table. Either a
    relationship is missing, or the element is not part of the architecture any more.""",
)
def unconnected_element(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    connected = {r.source_id for r in ws.relationships}
    connected.update([r.destination_id for r in ws.relationships])
    for event in ws.events.values():
        connected.update(link.element_id for link in (*event.producers, *event.consumers))
    for flow in ws.flows:
        connected.update(flow.participant_ids())
    connected.update(e.id for e in ws.elements.values() if e.data_owner_id)
    connected.update(e.data_owner_id for e in ws.elements.values() if e.data_owner_id)
    for element in ws.elements.values():
        if element.kind == "component" or element.id in connected:
            continue
        if not _connected_inside(ws, element.id, connected):  # connected through its insides
            yield Finding(f"{element.kind_label.lower()} {element.id} has no relationship",
                          element.location, "declare how it is used with uses(), or remove it",
                          element.id)


def _connected_inside(ws: Workspace, id: str, connected: set[str]) -> bool:
    """Whether anything inside element ``id`` is connected."""
    stack = [id]
    while stack:
        for child in ws.children_ids(stack.pop()):
            if child in connected:
                return True
            stack.append(child)
    return False
