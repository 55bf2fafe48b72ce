"""Deployment views: diagrams SVG with embedded icons, the Mermaid fallback, icon checks."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from archdoc import Workspace
from archdoc.config import ArchdocConfig
from archdoc.render.diagrams_script import diagrams_script
from archdoc.render.icons import infer_icon, resolve_icon
from archdoc.site import SiteContext, render_block
from archdoc.site.diagrams import Drawing
from archdoc.validation.registry import RuleContext, run_rules
from archdoc.views import DeploymentView, ViewIndex

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz `dot` is not installed"
)


def deployment_view(ws: Workspace, environment: str = "production") -> DeploymentView:
    view = ViewIndex(ws)[f"deployment:{environment}"]
    assert isinstance(view, DeploymentView)
    return view


def render_svg(ws: Workspace, environment: str = "production") -> str:
    drawing = Drawing()
    try:
        return drawing.svg(deployment_view(ws, environment))
    finally:
        drawing.close()


def aws_model() -> Workspace:
    ws = Workspace("Shop")
    shop = ws.system("Shop", "Sells things")
    api = shop.container("Order API", "Orders", technology="Node.js")
    db = shop.database("Orders DB", technology="PostgreSQL", owner=api)
    api.uses(db, "Reads and writes", technology="SQL")
    prod = ws.environment("Production")
    region = prod.node("AWS eu-west-1", technology="AWS")
    vpc = region.node("VPC", icon="aws.network.VPC", properties={"network.cidr": "10.0.0.0/16"})
    ecs = vpc.node("ECS cluster", technology="ECS Fargate", instances="2-10",
                   properties={"security-group.inbound": "443 from ALB"})
    ecs.deploy(api, instances=3)
    vpc.infrastructure("RDS primary", technology="Amazon RDS").deploy(db)
    vpc.node("Mystery", icon="aws.compute.NoSuchThing")
    return ws


@needs_dot
def test_svg_has_clusters_labels_and_embedded_icons_only() -> None:
    svg = render_svg(aws_model())
    assert svg.count('class="cluster archdoc-boundary') >= 3  # region, VPC, ECS cluster, RDS
    text = html.unescape(svg)  # Graphviz writes "-" as "&#45;"
    for label in ("AWS eu-west-1", "VPC", "ECS cluster", "Order API", "× 3", "Orders DB"):
        assert label in text
    assert "data:image/png;base64," in svg
    assert "<symbol" in svg and "<use" in svg
    hrefs = re.findall(r'(?:xlink:)?href="([^"]+)"', svg)
    assert hrefs and all(h.startswith(("#", "data:", "archdoc:element:")) for h in hrefs), \
        "no external file references"
    assert "/tmp" not in svg and "site-packages" not in svg


@needs_dot
def test_svg_is_byte_identical_for_the_same_model() -> None:
    first = render_svg(aws_model())
    second = render_svg(aws_model())
    assert first == second


def test_script_is_a_runnable_diagrams_program() -> None:
    script = diagrams_script(deployment_view(aws_model()), filename="production")
    compile(script.source, "deployment.py", "exec")
    assert "from diagrams.aws.network import VPC" in script.source
    assert "from diagrams.aws.compute import Fargate" in script.source  # inferred from technology
    assert "Edge(label='SQL')" in script.source  # the relationship between deployed containers
    assert script.unknown_icons == ["production.aws-eu-west-1.vpc.mystery"]


@pytest.mark.parametrize(
    ("technology", "icon"),
    [("Amazon RDS", "aws.database.RDS"), ("ECS Fargate", "aws.compute.Fargate"),
     ("PostgreSQL 16", "onprem.database.Postgresql"), ("Kubernetes", "k8s.infra.Node"),
     ("Redis", "onprem.inmemory.Redis"), ("something else", None)],
)
def test_icons_are_inferred_from_technology(technology: str, icon: str | None) -> None:
    assert infer_icon(technology) == icon
    if icon:
        assert resolve_icon(icon)


def test_unknown_icon_is_a_warning_at_the_declaring_line() -> None:
    ws = aws_model()
    findings = [d for d in run_rules(RuleContext(config=ArchdocConfig(), workspace=ws))
                if d.rule == "unknown-icon"]
    assert len(findings) == 1
    assert findings[0].severity == "warning"
    assert findings[0].location is not None and findings[0].location.file == __file__
    assert "aws.compute.NoSuchThing" in findings[0].message


def test_without_dot_the_view_is_drawn_with_mermaid_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import archdoc.site.diagrams as diagrams

    monkeypatch.setattr(diagrams, "graphviz_available", lambda: False)
    context = SiteContext(workspace=aws_model())
    markdown = render_block(
        context, "deployment:production", "architecture/deployment/production.md"
    )
    assert 'class="archdoc-mermaid"' in markdown and "flowchart TB" in markdown
    assert "subgraph" in markdown
    assert not context.assets
    assert len(context.notices) == 1 and "graphviz" in context.notices[0].lower()
    render_block(context, "deployment:production", "architecture/deployment/production.md")
    assert len(context.notices) == 1, "warned once"


@needs_dot
def test_with_dot_the_page_holds_the_drawing_with_links_to_the_containers() -> None:
    context = SiteContext(workspace=aws_model())
    markdown = render_block(
        context, "deployment:production", "architecture/deployment/production.md"
    )
    assert '<svg' in markdown and 'class="archdoc-svg"' in markdown
    assert 'xlink:href="../../elements/shop.order-api/"' in markdown
    assert not context.assets


def test_property_tables_and_inventory() -> None:
    from archdoc.site.pages.deployment import deployment_pages

    context = SiteContext(workspace=aws_model(), options={"deployment": "mermaid"})
    page = deployment_pages(context)[0].markdown
    assert "## Network" in page and "10.0.0.0/16" in page
    assert "## Security group" in page and "443 from ALB" in page
    assert "| ECS cluster" in page.replace("&nbsp;", "") or "ECS cluster" in page
