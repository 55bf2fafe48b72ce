"""The source document's two event flow examples (titles only in the source document; steps from its event lists)."""

from .context import bus, payments, user, ws
from .services import animal, animal_db, commerce, commerce_db, core, core_db, ops

with ws.flow("User Registration Flow", "A new user signs up; the services set up around it") as f:
    f.step(user, core, "Sign up", technology="HTTPS")
    f.step(core, core_db, "Create user")
    f.step(core, bus, "auth.user.created")
    with f.parallel("repti-animal"):
        f.step(bus, animal, "auth.user.created")
        f.step(animal, animal_db, "Setup initial data")
    with f.also("repti-ops"):
        f.step(bus, ops, "auth.user.created")
        f.note(ops, "Audit log, compliance tracking")
    f.reply(core, user, "Account created, JWT")

with ws.flow("Animal Sale Transaction Flow", "A buyer purchases a listed animal") as f:
    f.step(user, commerce, "Buy listed animal", technology="HTTPS")
    f.step(commerce, core, "Validate JWT", technology="REST")
    f.step(commerce, animal, "Product data, ownership validation", technology="REST")
    f.step(commerce, core, "Process payment (billing)", technology="REST")
    f.step(core, payments, "Charge")
    f.step(commerce, commerce_db, "Record sales transaction")
    f.step(commerce, bus, "sales.transaction.*, order.created, inventory.reserved")
    f.note(commerce, "Fulfils the order on payment.completed, which no service publishes")
    f.step(animal, bus, "animal.transferred")
    f.step(bus, commerce, "animal.transferred: update ownership")
    f.step(commerce, bus, "order.completed, inventory.transferred")
    f.reply(commerce, user, "Order completed")
