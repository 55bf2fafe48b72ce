"""More people and software systems, and their relationships."""

from .context import hiker, ws
from .weather import web

models = ws.system("Weather models", "Numerical forecasts", external=True, id="models")

hiker.uses(web, "Checks the forecast with", technology="HTTPS")
