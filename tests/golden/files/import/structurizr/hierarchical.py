"""The Payments architecture, imported from hierarchical.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Payments")

merchant = ws.person("Merchant", "Sells with the card terminal")

acquiring = ws.system("Acquiring", "Accepts card payments")
acquiring_api = acquiring.container("API", "Authorises payments", technology="Java")
router = acquiring_api.component(
    "Router", "Picks the card scheme and the acquirer", technology="Java")
ledger = acquiring.database("Ledger", "Books every payment", technology="PostgreSQL")

router.uses(ledger, "Records payments in", access="write")

settlement = ws.system("Settlement", "Pays the merchants out")
settlement_api = settlement.container("API", "Lists payouts", technology="Go")

settlement_api.uses(ledger, "Reads bookings from", access="read")
merchant.uses(acquiring_api, "Takes payments with", technology="ISO 8583")
merchant.uses(settlement_api, "Checks payouts with", technology="HTTPS")
