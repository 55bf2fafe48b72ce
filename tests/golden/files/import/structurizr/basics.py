"""The Bookshop architecture, imported from basics.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Bookshop", "Sells books online and in two shops")

reader = ws.person(
    "Reader", "Buys and reviews books", tags=["Customer"],
    properties={"url": "https://example.com/personas/reader"})
clerk = ws.person("Shop clerk", "Sells books at the counter", id="clerk")
payments = ws.system("Payment Gateway", "Takes card payments", external=True, id="payments")
mailer = ws.system(
    "Mailer", "Sends e-mail", external=True, tags=["SaaS"],
    properties={"vendor": "Postmark", "contract end": "2027-01"})

bookshop = ws.system("Bookshop", "Catalogue, basket and orders")
books = bookshop.database(
    "Book DB", "Books, stock and prices", technology="PostgreSQL", id="books")
events = bookshop.queue(
    "Order events", "Placed and shipped orders", technology="Kafka", id="events")
api = bookshop.container(
    "Shop API", "Catalogue, basket and order endpoints", technology="Kotlin",
    properties={"perspective.Security": "Authenticates every call with a session token",
                "perspective.Cost": "Two small instances", "perspective.Cost.value": "low"},
    id="api")
catalogue = api.component("Catalogue", "Searches books", technology="Spring MVC")

catalogue.uses(books, "Reads from", technology="SQL", access="read")

checkout = api.component("Checkout", "Takes the order and the payment", technology="Spring MVC")

checkout.uses(payments, "Charges the card", technology="HTTPS", criticality="critical")
checkout.uses(
    books, "Reads from and writes to", technology="SQL", criticality="high", access="readwrite")
checkout.uses(catalogue, "Reads prices from")

storefront = bookshop.container("Storefront", "Shows the catalogue", technology="React")

storefront.uses(api, "Calls", technology="JSON/HTTPS")

worker = bookshop.container(
    "Fulfilment worker", "Packs and ships orders", technology="Go", id="worker")

reader.uses(storefront, "Browses and buys books", technology="HTTPS")
clerk.uses(
    api, "Sells books", technology="HTTPS", tags=["Internal"], properties={"channel": "counter"})
checkout.uses(events, "Publishes order placed to", technology="Kafka", interaction="async")
worker.uses(events, "Consumes order placed from", technology="Kafka", interaction="async")
worker.uses(mailer, "Sends shipping e-mails with", technology="HTTPS")
mailer.uses(reader, "Sends e-mails to")
