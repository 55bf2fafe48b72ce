"""The Payroll architecture, imported from workspace.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Payroll", "Pays the employees")

employee = ws.person("Employee", "Works here")

hr = ws.system("HR", "People and contracts", tags=["Shared"])

employee.uses(hr, "Updates their details in")

payroll = ws.system("Payroll", "Monthly pay")
runner = payroll.container("Pay runner", "Computes the pay", technology="C#", id="runner")

payroll.uses(hr, "Reads contracts from")

hr_api = hr.container("HR API", "Contracts", technology="Java", id="hrapi")

runner.uses(hr_api, "Reads contracts from", technology="HTTPS")
employee.uses(payroll, "Reads payslips in")
