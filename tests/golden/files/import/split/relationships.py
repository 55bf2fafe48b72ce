"""Relationships between the elements declared before."""

from .weather import api
from .context_2 import models

api.uses(models, "Downloads forecasts from", technology="HTTPS")
