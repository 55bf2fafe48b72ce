"""The workspace, the people who use MyShop, and the MyShop system."""

from archdoc import Workspace

ws = Workspace(
    "MyShop",
    "E-commerce platform built from microservices that work together to provide a cohesive "
    "shopping experience",
)

customer = ws.person("Customer", "Browses products, places orders and receives confirmations")
admin = ws.person("Admin", "Manages the product catalogue")

myshop = ws.system(
    "MyShop",
    "The MyShop e-commerce platform: an API gateway in front of seven microservices",
)
