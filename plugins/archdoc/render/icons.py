"""Provider icons of the ``diagrams`` package: by name, or inferred from a technology."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from pathlib import Path

__all__ = [
    "icon_class_path",
    "resolve_icon",
    "infer_icon",
    "icon_file",
    "node_icon",
    "GENERIC_ICON",
]

GENERIC_ICON = "generic.compute.Rack"
"""Drawn for a node whose icon is unknown."""

# Technology words -> icon, most specific first. Matched as whole words, case-insensitively.
_INFERRED: list[tuple[str, str]] = [
    ("fargate", "aws.compute.Fargate"),
    ("ecs", "aws.compute.ECS"),
    ("eks", "aws.compute.EKS"),
    ("lambda", "aws.compute.Lambda"),
    ("ec2", "aws.compute.EC2"),
    ("aurora", "aws.database.Aurora"),
    ("rds", "aws.database.RDS"),
    ("dynamodb", "aws.database.Dynamodb"),
    ("elasticache", "aws.database.ElastiCache"),
    ("s3", "aws.storage.S3"),
    ("cloudfront", "aws.network.CloudFront"),
    ("alb", "aws.network.ElbApplicationLoadBalancer"),
    ("application load balancer", "aws.network.ElbApplicationLoadBalancer"),
    ("elb", "aws.network.ELB"),
    ("route 53", "aws.network.Route53"),
    ("route53", "aws.network.Route53"),
    ("api gateway", "aws.network.APIGateway"),
    ("vpc", "aws.network.VPC"),
    ("sqs", "aws.integration.SQS"),
    ("sns", "aws.integration.SNS"),
    ("aws", "aws.general.General"),
    ("pod", "k8s.compute.Pod"),
    ("kubernetes", "k8s.infra.Node"),
    ("k8s", "k8s.infra.Node"),
    ("postgresql", "onprem.database.Postgresql"),
    ("postgres", "onprem.database.Postgresql"),
    ("mysql", "onprem.database.Mysql"),
    ("mongodb", "onprem.database.Mongodb"),
    ("redis", "onprem.inmemory.Redis"),
    ("kafka", "onprem.queue.Kafka"),
    ("rabbitmq", "onprem.queue.Rabbitmq"),
    ("nginx", "onprem.network.Nginx"),
    ("docker", "onprem.container.Docker"),
    ("github actions", "onprem.ci.GithubActions"),
    ("jenkins", "onprem.ci.Jenkins"),
    ("linux", "onprem.compute.Server"),
    ("server", "onprem.compute.Server"),
    ("node.js", "programming.language.Nodejs"),
    ("python", "programming.language.Python"),
    ("browser", "onprem.client.Client"),
]


def icon_class_path(name: str) -> tuple[str, str] | None:
    """``"aws.compute.ECS"`` -> ``("diagrams.aws.compute", "ECS")``; None if malformed."""
    parts = name.strip().split(".")
    if len(parts) < 3 or not all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) for p in parts):
        return None
    return "diagrams." + ".".join(parts[:-1]), parts[-1]


@lru_cache(maxsize=None)
def resolve_icon(name: str) -> bool:
    """True when ``name`` names an icon class of the installed ``diagrams`` package."""
    path = icon_class_path(name)
    if path is None:
        return False
    try:
        module = importlib.import_module(path[0])
    except ImportError:
        return False
    return isinstance(getattr(module, path[1], None), type)


def infer_icon(technology: str, name: str = "") -> str | None:
    """An icon for a technology (``"AWS RDS PostgreSQL"`` -> ``aws.database.RDS``), if obvious."""
    text = f" {technology} {name} ".lower()
    for word, icon in _INFERRED:
        if re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text):
            return icon
    return None


@lru_cache(maxsize=None)
def icon_file(name: str) -> str | None:
    """The PNG file the ``diagrams`` package draws icon ``name`` with, or None."""
    path = icon_class_path(name)
    if path is None or not resolve_icon(name):
        return None
    cls = getattr(importlib.import_module(path[0]), path[1])
    icon_dir, icon = getattr(cls, "_icon_dir", None), getattr(cls, "_icon", None)
    if not icon_dir or not icon:
        return None
    import diagrams

    file = Path(diagrams.__file__).resolve().parent.parent / icon_dir / icon
    return str(file) if file.is_file() else None


def node_icon(icon: str, technology: str, name: str) -> tuple[str, bool]:
    """The icon a deployment node is drawn with, and whether a declared icon was unknown."""
    if icon:
        return (icon, False) if resolve_icon(icon) else (GENERIC_ICON, True)
    inferred = infer_icon(technology, name)
    return (inferred, False) if inferred and resolve_icon(inferred) else (GENERIC_ICON, False)
