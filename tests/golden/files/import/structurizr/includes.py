"""The City Library architecture, imported from workspace.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("City Library")

member = ws.person("Member", "Borrows books and e-books.\nPays a yearly fee.")
librarian = ws.person("Librarian", "Runs the City Library")

catalogue = ws.system("Catalogue", "Every book of the City Library")
search = catalogue.container("Search", "Finds books", technology="Python 3.12")
index = catalogue.database("Index", "Search index", technology="OpenSearch")

search.uses(index, "Queries", access="read")

lending = ws.system("Lending", "Loans and returns")
desk = lending.container("Desk app", "Checks books out and in", technology="Kotlin", id="desk")

lending.uses(catalogue, "Reads book details from")
desk.uses(search, "Looks up books with", technology="HTTPS")
member.uses(search, "Looks up books with", technology="HTTPS")
librarian.uses(lending, "Lends books with", technology="HTTPS")
