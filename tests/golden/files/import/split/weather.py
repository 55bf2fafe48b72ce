"""The Weather system: its containers, components and their relationships."""

from .context import ws

weather = ws.system("Weather", "Forecasts per mountain hut")
web = weather.container("Web", "Forecast pages", technology="Svelte")
api = weather.container("Forecast API", "Forecasts", technology="Python", id="api")
cache = weather.database("Cache", "Forecasts of the hour", technology="Redis")

web.uses(api, "Reads forecasts from", technology="HTTPS")
api.uses(cache, "Reads from and writes to", technology="RESP", access="readwrite")
