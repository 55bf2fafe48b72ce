"""Content & Streaming."""

from .auth import session_mgr
from .context import DOMAIN, PHASE_DOMAIN, SERVICE, layer, nexus, props
from .external import cloudflare_cdn, cloudfront
from .foundation import database, storage

SECTION = "Content & Streaming"

streaming_v2 = nexus.container(
    "streaming-service-v2", "Serves live and on-demand streams to the entertainment apps",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
streamcore = nexus.container(
    "streamcore", "Streaming engine: ingests, packages and hands streams to the CDN",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
content_management = nexus.container(
    "content-management", "Catalogue and lifecycle of the platform's content",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
dsp_streaming_api = nexus.container(
    "puabo-dsp-streaming-api", "Streaming API of the PUABO DSP (music distribution)",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
dsp_metadata_mgr = nexus.container(
    "puabo-dsp-metadata-mgr", "Metadata of the PUABO DSP's tracks and releases",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
dsp_upload_mgr = nexus.container(
    "puabo-dsp-upload-mgr", "Takes content uploads for the PUABO DSP",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)

# streaming-service-v2: streamcore (Database, CDN), content-management (Database, Storage
# service), session-mgr
streaming_v2.uses(streamcore, "Starts and serves streams", criticality="critical")
streamcore.uses(database, "Stores stream state", technology="SQL")
streamcore.uses(cloudflare_cdn, "Delivers streams", criticality="critical")
streamcore.uses(cloudfront, "Delivers streams", criticality="critical")
streaming_v2.uses(content_management, "Looks up the content to stream", criticality="critical")
content_management.uses(database, "Stores the content catalogue", technology="SQL")
content_management.uses(storage, "Stores content files", criticality="critical")
streaming_v2.uses(session_mgr, "Checks the viewer's session")

# puabo-dsp-streaming-api: streamcore, puabo-dsp-metadata-mgr (Database)
dsp_streaming_api.uses(streamcore, "Streams tracks")
dsp_streaming_api.uses(dsp_metadata_mgr, "Reads track metadata")
dsp_metadata_mgr.uses(database, "Stores metadata", technology="SQL", criticality="critical")

# puabo-dsp-upload-mgr: Storage service, content-management, puabo-dsp-metadata-mgr
dsp_upload_mgr.uses(storage, "Stores uploaded files")
dsp_upload_mgr.uses(content_management, "Registers the new content", criticality="critical")
dsp_upload_mgr.uses(dsp_metadata_mgr, "Records the upload's metadata", criticality="critical")
