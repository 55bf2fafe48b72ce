"""The Parcels architecture, imported from dynamic.dsl by `archdoc import structurizr`."""

from archdoc import Workspace

ws = Workspace("Parcels", "Tracks parcels from sender to recipient")

sender = ws.person("Sender", "Sends parcels")
recipient = ws.person("Recipient", "Receives parcels")

parcels = ws.system("Parcel tracking", "Labels, scans and notifications", id="parcels")
app = parcels.container("App", "Senders' and recipients' app", technology="Flutter")
api = parcels.container("Tracking API", "Labels and scans", technology="Go", id="api")
labels = api.component("Labels", "Prints labels")
scans = api.component("Scans", "Records scans")
notifier = parcels.container("Notifier", "Sends notifications", technology="Node.js")
db = parcels.database("Tracking DB", "Parcels and scans", technology="PostgreSQL", id="db")

sms = ws.system("SMS gateway", "Sends text messages", external=True, id="sms")

sender.uses(app, "Creates labels with")
recipient.uses(app, "Follows parcels with")
app.uses(labels, "Creates labels with", technology="HTTPS")
app.uses(scans, "Reads scans from", technology="HTTPS")
labels.uses(db, "Reads from and writes to", technology="SQL", access="readwrite")
scans.uses(db, "Reads from and writes to", technology="SQL", access="readwrite")
scans.uses(notifier, "Tells about scans", technology="HTTPS")
notifier.uses(sms, "Sends texts with", technology="HTTPS")
notifier.uses(app, "Pushes notifications to", technology="FCM", interaction="async")
sms.uses(recipient, "Texts", technology="SMS", interaction="async")

with ws.flow("Printing a label", id="label") as f:
    f.step(sender, app, "Enters the addresses")
    f.step(app, api, "POST /labels")
    f.step(api, db, "Stores the parcel")
    f.reply(db, api, "The parcel id")
    f.reply(api, app, "201 Created with the label")
    f.reply(app, sender, "Shows the label")

with ws.flow(
    "A scan reaches the recipient", "From the depot's scanner to the recipient's phone",
    id="scan") as f:
    f.step(scans, notifier, "Parcel scanned at the depot")
    with f.parallel():
        f.step(notifier, sms, "Text the recipient")
        f.step(sms, recipient, "Texts")
    with f.also():
        f.step(notifier, app, "Push to the recipient's phone")
    f.step(app, scans, "The app shows the new scan")

with ws.flow("Numbered steps", id="ordered") as f:
    f.step(sender, parcels, "Creates a label")
    with f.parallel():
        f.step(parcels, sms, "Texts the recipient")
    with f.also():
        f.reply(parcels, recipient, "E-mails the recipient")
    f.step(sms, recipient, "Delivers the text")

with ws.flow("A step the model does not know", id="unbacked") as f:
    f.step(sender, recipient, "Hands over the parcel")
