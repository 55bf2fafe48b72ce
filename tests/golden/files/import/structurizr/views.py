"""The Ticketing architecture, imported from views.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Ticketing", "Sells concert tickets")

fan = ws.person("Fan", "Buys tickets")
organiser = ws.person("Organiser", "Sets up events", tags=["Staff"])
bank = ws.system("Bank", "Card payments", external=True)

tickets = ws.system("Ticketing", "Events, seats and tickets", id="tickets")
web = tickets.container(
    "Web shop", "Sells tickets", technology="Next.js", tags=["Critical"], id="web")
admin = tickets.container(
    "Admin app", "Sets up events and seats", technology="React", tags=["Internal"], id="admin")
api = tickets.container(
    "Ticket API", "Seats and orders", technology="Rust", tags=["Critical"], id="api")
seats = api.component("Seat map", "Free and held seats", id="seats")
orders = api.component("Orders", "Places orders")

orders.uses(seats, "Holds seats in")

db = tickets.database("Ticket DB", "Events, seats and orders", technology="PostgreSQL", id="db")

web.uses(orders, "Places orders with", technology="HTTPS")
admin.uses(seats, "Sets up seats with", technology="HTTPS")
seats.uses(db, "Reads from and writes to", technology="SQL", access="readwrite")
orders.uses(db, "Reads from and writes to", technology="SQL", access="readwrite")
fan.uses(web, "Buys tickets with", technology="HTTPS")
organiser.uses(admin, "Sets up events with", technology="HTTPS")
orders.uses(
    bank, "Charges cards with", technology="HTTPS", criticality="critical", tags=["Critical"])

ws.view("What fans see", exclude=[organiser], around=tickets, id="fans-only")
ws.view(
    "The critical path", "Containers tagged Critical, and who uses them", of=tickets,
    include=["tag:Critical", fan, bank], direction="LR", id="critical")
ws.view(
    "Ticketing containers (no-staff)", of=tickets, include=["*"], exclude=["tag:Staff"],
    id="no-staff")
ws.view(
    "Ticket API components (api-parts)", of=api, include=["tickets.api.*", web, db],
    direction="RL", id="api-parts")
ws.view("Ticketing containers (around-the-api)", of=tickets, around=api, id="around-the-api")
ws.view("people", include=["kind:person", "kind:system"])
ws.style("Critical", color="#fb923c", border="#c2410c", text="#ffffff", width=4)
