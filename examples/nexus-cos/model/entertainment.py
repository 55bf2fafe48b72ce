"""Entertainment services."""

from .auth import user_auth
from .business import billing
from .content import content_management, streaming_v2
from .context import DOMAIN, PHASE_DOMAIN, SERVICE, layer, nexus, props
from .foundation import database

SECTION = "Entertainment Services"


boom_boom_room = nexus.container(
    "boom-boom-room-live", "Live entertainment room",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
vscreen_hollywood = nexus.container(
    "vscreen-hollywood", "Film screening and distribution",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
v_caster_pro = nexus.container(
    "v-caster-pro", "Broadcast production tool",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
v_prompter_pro = nexus.container(
    "v-prompter-pro", "Teleprompter for live streams",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)
v_screen_pro = nexus.container(
    "v-screen-pro", "Screen and playback production tool",
    tags=[SERVICE, DOMAIN], properties=props(SECTION, PHASE_DOMAIN),
    group=layer(DOMAIN, SECTION),
)

# boom-boom-room-live: streaming-service-v2, content-management, user-auth
boom_boom_room.uses(streaming_v2, "Streams the live room")
boom_boom_room.uses(content_management, "Reads the room's content")
boom_boom_room.uses(user_auth, "Authenticates participants")

# vscreen-hollywood: content-management, billing-service, creator-hub-v2
vscreen_hollywood.uses(content_management, "Reads films")
vscreen_hollywood.uses(billing, "Charges for screenings")
vscreen_hollywood.uses("nexus-cos.creator-hub-v2", "Publishes creators' films")

# v-caster-pro: Database, content-management
v_caster_pro.uses(database, "Stores productions", technology="SQL")
v_caster_pro.uses(content_management, "Reads and publishes content")

# v-prompter-pro: streaming-service-v2, Database
v_prompter_pro.uses(streaming_v2, "Follows the live stream")
v_prompter_pro.uses(database, "Stores scripts", technology="SQL")

# v-screen-pro: content-management, streaming-service-v2
v_screen_pro.uses(content_management, "Reads content")
v_screen_pro.uses(streaming_v2, "Plays streams")
