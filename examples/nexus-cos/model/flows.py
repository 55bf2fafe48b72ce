"""The critical path flows of the source document, step for step."""

from .auth import auth_service, session_mgr, token_mgr, user_auth
from .business import billing, invoice_gen, inventory_mgr, ledger_mgr, order_processor
from .content import (content_management, dsp_metadata_mgr, dsp_upload_mgr, streamcore,
                      streaming_v2)
from .context import end_user, ws
from .external import cdn
from .foundation import database, redis, storage
from .gateway import backend_api

with ws.flow("User Authentication Flow", "Critical path: a sign-in through the auth layer") as f:
    f.step(backend_api, auth_service, "Authenticate")
    f.step(auth_service, user_auth, "Verify credentials")
    f.step(user_auth, database, "Read user record")
    f.step(user_auth, session_mgr, "Open session")
    f.step(session_mgr, token_mgr, "Issue token")
    f.step(token_mgr, redis, "Store token")
    f.reply(session_mgr, user_auth, "Session and token")
    f.reply(auth_service, backend_api, "Authenticated")

with ws.flow("Content Upload Flow", "Critical path: an upload through the PUABO DSP") as f:
    f.step(backend_api, dsp_upload_mgr, "Upload content")
    f.step(dsp_upload_mgr, content_management, "Register content")
    f.step(content_management, storage, "Store file")
    f.step(dsp_upload_mgr, dsp_metadata_mgr, "Record metadata")
    f.step(dsp_metadata_mgr, database, "Write metadata")
    f.reply(dsp_upload_mgr, backend_api, "Upload accepted")

with ws.flow("Order Processing Flow", "Critical path: a PUABO NUKI order to the ledger") as f:
    f.step(backend_api, order_processor, "Place order")
    f.step(order_processor, inventory_mgr, "Reserve stock")
    f.step(order_processor, billing, "Bill order")
    f.step(billing, invoice_gen, "Generate invoice")
    f.step(invoice_gen, ledger_mgr, "Post to ledger")
    f.step(ledger_mgr, database, "Write ledger entry")
    f.reply(order_processor, backend_api, "Order placed")

with ws.flow("Streaming Flow", "Critical path: a stream from the API to the end user") as f:
    f.step(backend_api, streaming_v2, "Start stream")
    f.step(streaming_v2, streamcore, "Open stream")
    f.step(streaming_v2, content_management, "Look up content")
    f.step(streamcore, cdn, "Push stream to the CDN")
    f.step(cdn, end_user, "Deliver stream")
