"""The Clinic architecture, imported from groups.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Clinic", "Appointments and records of a clinic")

patient = ws.person("Patient", "Books appointments")
doctor = ws.person("Doctor", "Treats patients", group="Clinic staff")
receptionist = ws.person("Receptionist", "Manages the calendar", group="Clinic staff/Front desk")

records = ws.system("Patient records", "Keeps the medical records", group="In house", id="records")
portal = records.container("Portal", "Patients' web portal", technology="Vue", group="Web")
staff_app = records.container(
    "Staff app", "Doctors' and receptionists' app", technology="Vue", group="Web", id="staffapp")
api = records.container("Records API", "Records and appointments", technology="Python", id="api")
calendar = api.component("Calendar", "Free and booked slots", group="Appointments")
reminders = api.component("Reminders", "Sends reminders", group="Appointments/Notifications")
charts = api.component("Charts", "Medical charts")
db = records.database("Records DB", "Records and appointments", technology="PostgreSQL", id="db")

patient.uses(portal, "Books appointments with")
doctor.uses(staff_app, "Reads charts with")
receptionist.uses(staff_app, "Manages appointments with")
portal.uses(calendar, "Books slots with", technology="HTTPS")
staff_app.uses(charts, "Reads and updates charts with", technology="HTTPS")
staff_app.uses(calendar, "Manages slots with", technology="HTTPS")
calendar.uses(db, "Reads from and writes to", technology="SQL", access="readwrite")
charts.uses(db, "Reads from and writes to", technology="SQL", access="readwrite")
reminders.uses(calendar, "Reads upcoming appointments from")
reminders.uses(patient, "Sends reminders to", technology="SMS", interaction="async")
