"""Rules over environments, deployment nodes and deployed containers."""

from __future__ import annotations

from collections.abc import Iterator

from archdoc.analysis.instances import instances_range
from archdoc.validation.base import Finding, RuleContext, rule


@rule(
    "invalid-instances", severity="error",
    summary="An instance count that is not a number or a range such as \"2-10\".",
    explanation="""`instances` says how many copies of a node or a deployed container run: a
    whole number (`3`), or a range of autoscaling (`"2-10"`, low end first). Anything else cannot
    be shown in the inventory or summed.""",
)
def invalid_instances(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for node in ws.nodes.values():
        if instances_range(node.instances) is None:
            yield Finding(f"node {node.id}: instances={node.instances!r} is not a count or a range",
                          node.location, 'write instances=3 or instances="2-10"', node.id)
    for instance in ws.instances:
        if instances_range(instance.instances) is None:
            yield Finding(
                f"{instance.id}: instances={instance.instances!r} is not a count or a range",
                instance.location,
                'write instances=3 or instances="2-10"',
                instance.id,
            )


@rule(
    "invalid-deployment", severity="error",
    summary="Something other than a container deployed on a node.",
    explanation="""Nodes run containers: services, databases and queues. A person, a software
    system or a component cannot be deployed; deploy the containers that make them up.""",
)
def invalid_deployment(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    for instance in ws.instances:
        element = ws.elements.get(instance.container_id)
        if element is not None and element.kind not in ("container", "database", "queue"):
            yield Finding(f"{instance.node_id} deploys {element.kind_label.lower()} {element.id}",
                          instance.location, "deploy its containers instead", instance.id)


@rule(
    "container-not-deployed", severity="warning",
    summary="An internal container that no environment runs (when the model has environments).",
    explanation="""Once a model describes its environments, every container of the organisation's
    own systems should run somewhere; one that is deployed nowhere is missing from the
    deployment views, or no longer exists. External systems are exempt.""",
)
def container_not_deployed(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    if not ws.environments:
        return
    deployed = {i.container_id for i in ws.instances}
    for element in ws.elements.values():
        if element.kind in ("container", "database", "queue") and not element.external \
                and element.id not in deployed:
            yield Finding(f"container {element.id} is deployed in no environment",
                          element.location, "add node.deploy(...) in an environment", element.id)


@rule(
    "cross-environment-relationship", severity="error",
    summary="A relationship between deployment nodes of two environments.",
    explanation="""Environments are separate worlds: production does not call staging. A
    relationship from a node of one environment to a node of another is almost always a
    copy-paste slip; model the shared piece in each environment instead.""",
)
def cross_environment_relationship(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    if not ws.nodes:
        return
    for r in ws.relationships:
        a, b = ws.nodes.get(r.source_id), ws.nodes.get(r.destination_id)
        if a and b and a.environment_id != b.environment_id:
            yield Finding(f"{a.id} ({a.environment_id}) uses {b.id} ({b.environment_id})",
                          r.location, "relate nodes of the same environment only", r.id)


@rule(
    "unused-infrastructure", severity="warning",
    summary="An infrastructure node that runs nothing and that nothing uses.",
    explanation="""An infrastructure node (a load balancer, a managed database, a DNS zone) is
    there to serve something. One with no deployed container and no relationship is either
    leftover or missing its connections.""",
)
def unused_infrastructure(ctx: RuleContext) -> Iterator[Finding]:
    ws = ctx.workspace
    assert ws
    if not any(node.kind == "infrastructure" for node in ws.nodes.values()):
        return
    used = {i.node_id for i in ws.instances}
    for r in ws.relationships:
        used.add(r.source_id)
        used.add(r.destination_id)
    for node in ws.nodes.values():
        if node.kind == "infrastructure" and node.id not in used:
            yield Finding(f"infrastructure node {node.id} runs nothing and nothing uses it",
                          node.location, "deploy a container on it, relate it, or remove it",
                          node.id)


@rule(
    "unknown-icon", severity="warning",
    summary="A deployment node whose `icon` names no icon of the `diagrams` package.",
    explanation="""Deployment views draw each node with a provider icon of the `diagrams` package,
    named like its import path: `aws.compute.ECS`, `aws.database.RDS`, `k8s.compute.Pod`,
    `onprem.database.PostgreSQL`. An icon that does not exist is drawn as a generic node; fix the
    name (the `diagrams` documentation lists every icon), or leave `icon` empty to let archdoc
    infer one from the technology.""",
)
def unknown_icon(ctx: RuleContext) -> Iterator[Finding]:
    from archdoc.render.icons import resolve_icon

    ws = ctx.workspace
    assert ws
    for node in ws.nodes.values():
        if node.icon and not resolve_icon(node.icon):
            yield Finding(
                f"node {node.id}: icon {node.icon!r} is not an icon of the diagrams package",
                node.location,
                "use a name like 'aws.compute.ECS' or leave icon empty",
                node.id,
            )
