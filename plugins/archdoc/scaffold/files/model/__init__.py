"""The architecture model: archdoc imports this package and reads its Workspace."""

from archdoc import Workspace

ws = Workspace("{{ name }}", description="What the system does, in one sentence")

user = ws.person("User", "Someone who uses the system")
system = ws.system("{{ name }}", "What the system does, in one sentence", id="{{ name_id }}")

web = system.container("Web app", "The user interface", technology="TypeScript, React")
api = system.container("API", "Business logic behind the web app", technology="Python, FastAPI")
db = system.database("Database", "Stores the system's data", technology="PostgreSQL", owner=api)

user.uses(web, "Uses", technology="HTTPS")
web.uses(api, "Calls", technology="JSON/HTTPS", operation="/api/*")
api.uses(db, "Reads and writes", technology="SQL")

with ws.flow("Sign in", "A user signs in") as flow:
    flow.step(user, web, "Enters credentials")
    flow.step(web, api, "POST /api/sessions")
    flow.step(api, db, "Looks up the user")
    flow.reply(api, web, "Session token")
