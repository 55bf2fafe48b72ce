"""API gateway layer, the front ends of the startup sequence, and platform-wide dependencies."""

from .auth import auth_service, auth_service_v2
from .content import dsp_upload_mgr, streaming_v2
from .business import order_processor
from .context import (DOMAIN, FRONTEND, GATEWAY, PHASE_FRONTEND, PHASE_PLATFORM, SERVICE, end_user,
                      layer, nexus, props, ws)
from .external import (cloudflare_cdn, cloudflare_dns, cloudfront, docker_hub, ecr, elk,
                       letsencrypt, route53, sendgrid, ses, twilio)
from .foundation import load_balancer

backend_api = nexus.container(
    "backend-api", "The API gateway: routes every request to the downstream services",
    tags=[SERVICE, GATEWAY], properties=props("API Gateway Layer", PHASE_PLATFORM),
    group=layer(GATEWAY),
)

# backend-api: All downstream services, Auth services, Load balancer
backend_api.uses(auth_service, "Authenticates the request", criticality="critical")
backend_api.uses(auth_service_v2, "Authenticates the request (v2)")
backend_api.uses(load_balancer, "Sits behind the load balancer")

CRITICAL_ROUTES = {
    # The first hop of each critical path flow.
    dsp_upload_mgr.id: "Routes content uploads",
    order_processor.id: "Routes orders",
    streaming_v2.id: "Routes stream requests",
}
# "All downstream services": every domain service. (The integration hub puabo-nexus is not
# downstream: it calls backend-api itself.)
for element in list(ws.elements.values()):
    if DOMAIN in element.tags:
        if element.id in CRITICAL_ROUTES:
            backend_api.uses(element, CRITICAL_ROUTES[element.id], criticality="critical")
        else:
            backend_api.uses(element, "Routes requests")

# Frontend phase of the startup sequence: the source document names no single application.
web_apps = nexus.container(
    "Web applications", "The platform's web front ends",
    tags=[FRONTEND], properties=props("Startup Sequence", PHASE_FRONTEND),
    group=layer(FRONTEND),
)
mobile_backends = nexus.container(
    "Mobile backends", "Backends of the platform's mobile apps",
    tags=[FRONTEND], properties=props("Startup Sequence", PHASE_FRONTEND),
    group=layer(FRONTEND),
)
web_apps.uses(backend_api, "Calls the platform API", technology="HTTPS")
mobile_backends.uses(backend_api, "Calls the platform API", technology="HTTPS")
end_user.uses(web_apps, "Uses the platform", technology="HTTPS")
end_user.uses(mobile_backends, "Uses the mobile apps", technology="HTTPS")
end_user.uses(cloudflare_cdn, "Watches streams", technology="HTTPS")
end_user.uses(cloudfront, "Watches streams", technology="HTTPS")

# Platform-wide dependencies: the source document lists them without the service that uses them, so the
# platform itself depends on them.
nexus.uses(sendgrid, "Sends e-mail")
nexus.uses(ses, "Sends e-mail")
nexus.uses(twilio, "Sends SMS")
nexus.uses(docker_hub, "Pulls service images")
nexus.uses(ecr, "Pulls service images")
nexus.uses(cloudflare_dns, "Resolves the platform's domains")
nexus.uses(route53, "Resolves the platform's domains")
nexus.uses(letsencrypt, "Obtains TLS certificates")
nexus.uses(elk, "Ships logs")
