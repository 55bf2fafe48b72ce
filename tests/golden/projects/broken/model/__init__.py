"""A model with known problems: the golden validation reports are built from it."""

from archdoc import Workspace

ws = Workspace("Broken shop")

customer = ws.person("Customer")
shop = ws.system("Shop", "Sells products online")
web = shop.container("Web App", "Storefront", tags=["edge"])

from model.services import billing, billing_db, orders, orders_db  # noqa: E402

customer.uses(web, "Browses")
web.uses(orders, "Creates orders")
web.uses(orders_db, "Reads orders directly", access="read")
web.uses(shop, "Belongs to the shop")
web.uses("shop.paymnts", "Pays")
orders_db.uses(orders, "Calls back")
shop.container("Web App", "A second storefront")

with ws.flow("Checkout") as f:
    f.step(customer, web, "Click")
    f.step(web, billing, "Charge")
    f.step(web, "shop.ghost", "Haunt")

prod = ws.environment("Production", "Live")
staging = ws.environment("Staging", "Tests")
node = prod.node("Cluster", instances="ten")
other = staging.node("Cluster", icon="aws.compute.Warpdrive")
node.uses(other, "Replicates")
node.deploy(shop)
prod.infrastructure("Spare LB")

ws.view("Nothing left", include=["*"], exclude=["kind:person", "kind:system"])
ws.view("Around its own system", of=web, around=shop)
ws.view("Typos", of=shop, include=["shop.web-ap", "tag:critcal"])
ws.style("critcal", color="#fb923c")
ws.view("The shop again", of=shop)  # draws what containers:shop draws
