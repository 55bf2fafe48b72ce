"""The Observatory architecture, imported from notices.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Observatory", "Telescope time and images")

astronomer = ws.person("Astronomer", "Books telescope time")
scheduler = ws.system("Scheduler", "Books telescope time", group="Observatory")
archive = ws.system("Image archive", "Stores sky images", external=True, id="archive")

astronomer.uses(scheduler, "Books time with")
scheduler.uses(archive, "Stores images in")
