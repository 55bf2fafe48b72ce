"""Level 1, system context: who uses the platform and which systems it relies on."""

from archdoc import Workspace

ws = Workspace("E-Commerce Platform",
               "Online shop: storefront, mobile app, admin portal and the APIs behind them")

# -- actors ---------------------------------------------------------------------------------------
customer = ws.person("Customer", "End user who browses and purchases products")
admin = ws.person("Admin", "Internal staff managing products and orders", tags=["staff"])

# -- the system ---------------------------------------------------------------------------------
shop = ws.system("E-Commerce System", "Sells products online: catalogue, cart, checkout, accounts",
                 id="ecommerce")

# -- external systems -----------------------------------------------------------------------------
payment_provider = ws.system(
    "Payment Provider", "Stripe for payment processing", external=True,
    properties={"vendor": "Stripe", "integration": "REST API",
                "retention": "Payment data: 7 years (reference only)"})
email_service = ws.system(
    "Email Service", "SendGrid for transactional emails", external=True,
    properties={"vendor": "SendGrid", "integration": "REST API"})
warehouse = ws.system(
    "Warehouse System", "Third-party inventory management", external=True,
    properties={"integration": "Webhook + API"})
sms_service = ws.system(
    "SMS Service", "Twilio for text messages", external=True,
    properties={"vendor": "Twilio", "integration": "REST API"})
