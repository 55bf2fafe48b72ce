"""The Fleet architecture, imported from archetypes.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Fleet", "Tracks a fleet of delivery vans")

dispatcher = ws.person("Dispatcher", "Plans the routes")
driver = ws.person("Driver", "Works with the fleet")

fleet = ws.system("Fleet tracking", "Positions and routes of the vans", id="fleet")
console = fleet.container(
    "Console", "The dispatchers' screen", technology="Java 21", tags=["Application"])
routes = fleet.container(
    "Route planner", "Plans the day's routes", technology="Spring Boot 3",
    tags=["Application", "Service"], id="routes")
tracker = fleet.container(
    "Tracker", "Receives van positions", technology="Spring Boot 3, Netty",
    tags=["Application", "Service"])
positions = fleet.database("Positions", "Every van's last positions", technology="PostgreSQL 16")

van = ws.system("Van telematics", "The box in each van", external=True, id="van")

dispatcher.uses(console, "Plans routes with")
driver.uses(console, "Reads the route with")
console.uses(routes, "Asks for routes", technology="HTTPS", properties={"port": "443"})
routes.uses(tracker, "Reads positions from", technology="gRPC", properties={"port": "443"})
van.uses(tracker, "Sends positions to", technology="MQTT", interaction="async")
tracker.uses(positions, "Stores positions in", technology="SQL", access="write")
