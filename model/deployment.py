"""Where archdoc runs: a developer's machine, the CI runner, and the host serving the site."""

from .containers import adr_directory, built_site, cli, core, mcp_server, model_package, plugin
from .context import ws

# -- a developer's machine -----------------------------------------------------------------------

dev = ws.environment("Developer machine", "Where the model and the decisions are written")
laptop = dev.node("Workstation", technology="Linux, macOS or Windows")
dev_venv = laptop.node("Virtual environment",
                       "`.venv`, made by `make test` or `pip install 'archdoc[mkdocs]'`",
                       technology="Python 3.10+")
dev_venv.deploy(cli)
dev_venv.deploy(plugin)
dev_venv.deploy(core)
dev_venv.deploy(mcp_server)
checkout = laptop.node("Working copy", "The Git working tree of the documented repository",
                       technology="file system")
checkout.deploy(model_package)
checkout.deploy(adr_directory)
checkout.deploy(built_site)
dev_dot = laptop.infrastructure("Graphviz", technology="dot")
dev_venv.uses(dev_dot, "Runs dot for deployment views", technology="subprocess")
preview = laptop.infrastructure("Preview server", "`mkdocs serve` on localhost:8000, live reload",
                                technology="MkDocs")
preview.uses(checkout, "Watches and serves the files", technology="file system")

# -- the CI runner -------------------------------------------------------------------------------

# The id is explicit: "ci" is already the id of the CI system in the context.
ci_env = ws.environment("CI", "A pull request's pipeline, e.g. GitHub Actions", id="ci-pipeline")
runner = ci_env.node("Runner", "One job: check out, install, validate, build",
                     technology="ubuntu-latest")
ci_venv = runner.node(
    "Python environment", "`pip install 'archdoc[mkdocs]'`", technology="Python 3.12"
)
ci_venv.deploy(cli)
ci_venv.deploy(plugin)
ci_venv.deploy(core)
ci_checkout = runner.node("Checkout", "The pull request's tree", technology="actions/checkout")
ci_checkout.deploy(model_package)
ci_checkout.deploy(adr_directory)
ci_checkout.deploy(built_site)
ci_dot = runner.infrastructure("Graphviz", technology="apt-get install graphviz")
ci_venv.uses(ci_dot, "Runs dot for deployment views", technology="subprocess")

# -- the host serving the site -------------------------------------------------------------------

hosting = ws.environment("Static hosting", "Where readers find the site")
host = hosting.node("Web server", "Any static file server; no server-side code",
                    technology="GitHub Pages, S3 or nginx")
host.deploy(built_site)
browser = hosting.infrastructure("Browser", "The reader's browser; draws the Mermaid diagrams",
                                 technology="any evergreen browser", instances="1-1000")
browser.uses(host, "Fetches pages, mermaid.js and search index", technology="HTTPS")
