"""Business, e-commerce, financial and logistics services."""

from .ai import ai_service
from .auth import auth_service, session_mgr
from .context import DOMAIN, PHASE_DOMAIN, SERVICE, layer, nexus, props
from .external import (credit_apis, google_maps, mapbox, paypal, shipping_apis, stripe,
                       traffic_api)
from .foundation import blockchain_service, database, redis
from .platform import scheduler


# -- Business Services --------------------------------------------------------------------------
billing = nexus.container(
    "billing-service", "Bills customers and takes payments",
    tags=[SERVICE, DOMAIN], properties=props("Business Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Business Services"),
)
invoice_gen = nexus.container(
    "invoice-gen", "Generates invoices",
    tags=[SERVICE, DOMAIN], properties=props("Business Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Business Services"),
)
ledger_mgr = nexus.container(
    "ledger-mgr", "Keeps the financial ledger",
    tags=[SERVICE, DOMAIN], properties=props("Financial Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Financial Services"),
)

# billing-service: Database, Payment gateway (external), invoice-gen (Database, ledger-mgr
# (Database)), auth-service
billing.uses(database, "Stores bills and payments", technology="SQL")
billing.uses(stripe, "Charges payments (payment gateway)", technology="REST")
billing.uses(paypal, "Charges payments (payment gateway)", technology="REST")
billing.uses(invoice_gen, "Generates the invoice", criticality="critical")
invoice_gen.uses(database, "Stores invoices", technology="SQL")
invoice_gen.uses(ledger_mgr, "Posts the invoice to the ledger", criticality="critical")
ledger_mgr.uses(database, "Stores ledger entries", technology="SQL", criticality="critical")
billing.uses(auth_service, "Authorises billing operations")

# ledger-mgr: Database, Blockchain service
ledger_mgr.uses(blockchain_service, "Anchors ledger entries on a blockchain")

# -- E-Commerce Services ------------------------------------------------------------------------
order_processor = nexus.container(
    "puabo-nuki-order-processor", "Processes PUABO NUKI shop orders",
    tags=[SERVICE, DOMAIN], properties=props("E-Commerce Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "E-Commerce Services"),
)
product_catalog = nexus.container(
    "puabo-nuki-product-catalog", "Catalogue of PUABO NUKI products",
    tags=[SERVICE, DOMAIN], properties=props("E-Commerce Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "E-Commerce Services"),
)
inventory_mgr = nexus.container(
    "puabo-nuki-inventory-mgr", "Stock levels and reservations",
    tags=[SERVICE, DOMAIN], properties=props("E-Commerce Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "E-Commerce Services"),
)
shipping = nexus.container(
    "puabo-nuki-shipping-service", "Ships PUABO NUKI orders",
    tags=[SERVICE, DOMAIN], properties=props("E-Commerce Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "E-Commerce Services"),
)

# puabo-nuki-order-processor: product-catalog (Database), inventory-mgr (Database, Redis),
# billing-service, shipping-service (route-optimizer, External shipping APIs)
order_processor.uses(product_catalog, "Prices the order lines")
product_catalog.uses(database, "Stores products", technology="SQL")
order_processor.uses(inventory_mgr, "Reserves stock", criticality="critical")
inventory_mgr.uses(database, "Stores stock levels", technology="SQL")
inventory_mgr.uses(redis, "Caches stock levels")
order_processor.uses(billing, "Bills the order", criticality="critical")
order_processor.uses(shipping, "Ships the order")
shipping.uses("nexus-cos.puabo-nexus-route-optimizer", "Plans the delivery route")
shipping.uses(shipping_apis, "Books carriers", technology="REST")

# -- Financial Services -------------------------------------------------------------------------
loan_processor = nexus.container(
    "puabo-blac-loan-processor", "Processes PUABO BLAC loan applications",
    tags=[SERVICE, DOMAIN], properties=props("Financial Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Financial Services"),
)
risk_assessment = nexus.container(
    "puabo-blac-risk-assessment", "Assesses the risk of a loan",
    tags=[SERVICE, DOMAIN], properties=props("Financial Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Financial Services"),
)

# puabo-blac-loan-processor: risk-assessment (ai-service, ledger-mgr, External credit APIs),
# billing-service, Database
loan_processor.uses(risk_assessment, "Assesses the application")
risk_assessment.uses(ai_service, "Scores the risk")
risk_assessment.uses(ledger_mgr, "Reads the applicant's ledger history")
risk_assessment.uses(credit_apis, "Checks credit", technology="REST")
loan_processor.uses(billing, "Sets up repayments")
loan_processor.uses(database, "Stores loans", technology="SQL")

# -- Logistics Services -------------------------------------------------------------------------
fleet_manager = nexus.container(
    "puabo-nexus-fleet-manager", "Manages the logistics fleet",
    tags=[SERVICE, DOMAIN], properties=props("Logistics Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Logistics Services"),
)
driver_backend = nexus.container(
    "puabo-nexus-driver-app-backend", "Backend of the drivers' mobile app",
    tags=[SERVICE, DOMAIN], properties=props("Logistics Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Logistics Services"),
)
route_optimizer = nexus.container(
    "puabo-nexus-route-optimizer", "Optimises delivery routes",
    tags=[SERVICE, DOMAIN], properties=props("Logistics Services", PHASE_DOMAIN),
    group=layer(DOMAIN, "Logistics Services"),
)

# puabo-nexus-fleet-manager: Database, scheduler, Redis
fleet_manager.uses(database, "Stores vehicles and assignments", technology="SQL")
fleet_manager.uses(scheduler, "Schedules shifts and jobs")
fleet_manager.uses(redis, "Caches vehicle positions")

# puabo-nexus-driver-app-backend: fleet-manager, route-optimizer (ai-service, Maps API
# (external), Traffic data API), session-mgr, Database
driver_backend.uses(fleet_manager, "Reads the driver's assignments")
driver_backend.uses(route_optimizer, "Gets the route")
route_optimizer.uses(ai_service, "Predicts travel times")
route_optimizer.uses(google_maps, "Reads maps and routes (maps API)", technology="REST")
route_optimizer.uses(mapbox, "Reads maps and routes (maps API)", technology="REST")
route_optimizer.uses(traffic_api, "Reads live traffic", technology="REST")
driver_backend.uses(session_mgr, "Checks the driver's session")
driver_backend.uses(database, "Stores trips", technology="SQL")
