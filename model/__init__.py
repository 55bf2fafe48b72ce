"""The architecture of archdoc, described with archdoc.

``archdoc validate`` and the site read this package: ``context`` declares the people and the
systems, ``containers`` what archdoc is made of, ``flows`` the main scenarios and
``deployment`` where it runs, ``views`` the views the guide shows.
"""

from . import containers, deployment, flows, views  # noqa: F401 - each adds to the workspace
from .context import ws

__all__ = ["ws"]
