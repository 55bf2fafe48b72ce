"""The workspace, its people and software systems."""

from archdoc import Workspace

ws = Workspace("Weather", "Forecasts for hikers")

hiker = ws.person("Hiker", "Checks the forecast")
