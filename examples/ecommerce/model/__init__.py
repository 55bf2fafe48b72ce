"""The e-commerce platform, described with archdoc.

``context`` declares the people and the systems around the platform, ``containers`` its
building blocks and their dependencies, ``components`` the inside of the Order API and the User
API, ``flows`` the sequence diagrams and the order data flow, ``deployment`` the AWS
infrastructure, and ``failures`` what happens when a dependency goes down.
"""

from . import components, containers, deployment, failures, flows  # noqa: F401
from .context import ws

__all__ = ["ws"]
