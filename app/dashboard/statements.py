"""Prebuilt Core statements of the dashboard: it is polled, so its rows are read as plain
columns with statements built once at import (bench/RESULTS.md, "Dashboard rows")."""

from __future__ import annotations

from sqlalchemy import bindparam, or_
from sqlmodel import col, select

from app.models import CareLink, PatientStatus, User
from app.polling.statements import live_links

STATUS = PatientStatus.__table__  # type: ignore[attr-defined]

# Every linked patient's status row, with their name and time zone...
ROWS = (
    select(STATUS, col(User.display_name), col(User.timezone))
    .join(CareLink, col(CareLink.patient_id) == STATUS.c.patient_id)
    .join(User, col(User.id) == STATUS.c.patient_id)
    .where(*live_links(bindparam("holder"), bindparam("scope")))
)
# ...only those changed after a cursor...
CHANGED_ROWS = ROWS.where(
    or_(STATUS.c.change_seq > bindparam("seq"), col(CareLink.change_seq) > bindparam("seq"))
)
# ...and the patients whose link ended after it.
REMOVED = select(col(CareLink.patient_id)).where(
    col(CareLink.holder_id) == bindparam("holder"),
    col(CareLink.scope) == bindparam("scope"),
    col(CareLink.revoked_at).is_not(None),
    col(CareLink.change_seq) > bindparam("seq"),
)
