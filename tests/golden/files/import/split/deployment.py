"""Deployment environments, their nodes and what runs on them."""

from .context import ws
from .weather import api, cache, web

live = ws.environment("Live")
cloud = live.node("Cloud", "The cloud account", technology="Hetzner")
dns = cloud.infrastructure("DNS", "Public name", technology="Cloudflare")
cluster = cloud.node(
    "Cluster", "Kubernetes", technology="k3s", instances=3, tags=["Production cluster"])
web_pod = cluster.node("Web pod", technology="Kubernetes pod", instances="2..4")
web_pod.deploy(web)

dns.uses(web_pod, "Resolves to (from the instance's block)")

api_pod = cluster.node("API pod", technology="Kubernetes pod")
api_pod.deploy(api)
redis = cluster.node("Redis", technology="Redis 7")
redis.deploy(cache)

dns.uses(web_pod, "Resolves to")
web_pod.uses(api_pod, "Calls", technology="HTTP")

backup = live.node("Backup", "Nightly copies", technology="Hetzner Storage Box")
development = ws.environment("Development")
development_weather = development.node("Weather box", "A developer's machine", technology="Docker")
development_weather.deploy(web)
development_weather.deploy(api)
development_weather.deploy(cache)
tools = development.node("Tools")
mock = tools.infrastructure("Mock models", "Canned forecasts")

development_weather.uses(mock, "Downloads canned forecasts from")

staging = ws.environment("Staging")
box = staging.node("Staging box", technology="Docker Compose")
box.deploy(web)
box.deploy(api)
box.deploy(cache)
