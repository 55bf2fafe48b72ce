"""The Listening architecture, imported from catalog-info.yaml by `archdoc import backstage`."""

from archdoc import Workspace

ws = Workspace("Listening", "Everything a listener touches")

playback = ws.system(
    "Playback", "Streams tracks to the listeners' devices", owner="playback-team",
    group="Listening/Playback", tags=["core"])

discovery = ws.system(
    "Discovery", "Helps listeners find music", owner="discovery-team", group="Listening")

web_player = playback.container(
    "Web player", "Plays music in the browser", owner="playback-team",
    properties={"type": "website", "lifecycle": "production",
                "github.com/project-slug": "streaming/web-player",
                "link:Production": "https://player.example.com"})
stream_service = playback.container(
    "Stream service", "Serves audio segments", owner="playback-team",
    properties={"type": "service", "lifecycle": "production", "provides": "stream-api"})
tracks_db = playback.database(
    "Tracks DB", "Track metadata and audio locations", owner="playback-team",
    properties={"type": "database"})
play_events = playback.queue(
    "Play events", "One event per track played", owner="playback-team",
    properties={"type": "kafka-topic"})
artwork = playback.database(
    "Artwork bucket", "Album covers", owner="playback-team", properties={"type": "s3-bucket"},
    id="artwork")
licence_check = playback.container(
    "Licence check", "Checks a track may be played in a country", owner="playback-team",
    properties={"type": "service", "lifecycle": "experimental"})

catalogue_service = discovery.container(
    "Catalogue service", "Artists, albums and tracks", owner="discovery-team",
    properties={"type": "service", "lifecycle": "production",
                "provides": "catalogue-api, charts-api"})

recommender = ws.system(
    "recommender", "Suggests what to play next", owner="discovery-team",
    properties={"type": "service", "lifecycle": "experimental"})

codec = stream_service.component(
    "Codec", "Transcodes tracks on the fly",
    properties={"type": "library", "lifecycle": "production", "owner": "playback-team"})

stream_service.uses(tracks_db)
stream_service.uses(play_events)
stream_service.uses(artwork)
stream_service.uses(licence_check)
web_player.uses(licence_check)
catalogue_service.uses(play_events)
web_player.uses(
    stream_service, "Audio segments by track", technology="openapi", operation="stream-api")
web_player.uses(
    catalogue_service, "Search and browse the catalogue", technology="graphql",
    operation="catalogue-api")
recommender.uses(
    catalogue_service, "Search and browse the catalogue", technology="graphql",
    operation="catalogue-api")
