"""The clinician's dashboard: linked patients, most urgent first, cheap to poll."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from app.audit.service import record_list_view
from app.auth.service import Principal
from app.core.clock import today_in
from app.dashboard import statements
from app.dashboard.referrals import items_of, latest_acknowledgements
from app.dashboard.rows import dashboard_row, urgency_key
from app.models import User
from app.polling.etag import matches
from app.polling.views import Polled, PollState, current_etag

SCOPE = "clinician"


def dashboard_rows(
    session: Session,
    holder: User,
    state: PollState,
    since: tuple[int, str] | None,
    now: datetime,
) -> tuple[list[dict[str, Any]], list[uuid.UUID]]:
    """Rows for every linked patient, or only those changed after the opened cursor `since`
    (change number, local-dates digest), plus removals."""
    params: dict[str, Any] = {"holder": holder.id, "scope": SCOPE}
    query, removed = statements.ROWS, []
    if since is not None:
        params["seq"], days = since
        if days == state.days:  # same local dates: only stored changes matter
            query = statements.CHANGED_ROWS
        removed = list(session.connection().execute(statements.REMOVED, params).scalars())
    todays: dict[str, date] = {}
    rows, items = [], []
    for row in session.connection().execute(query, params):
        today = todays.get(row.timezone) or todays.setdefault(
            row.timezone, today_in(row.timezone, now)
        )
        rows.append(dashboard_row(row, row.display_name, today))
        items += items_of(row, today)
    add_acknowledgements(session, rows, items)
    rows.sort(key=urgency_key)
    live = {row["patient_id"] for row in rows}
    return rows, [pid for pid in dict.fromkeys(removed) if pid not in live]


def add_acknowledgements(session: Session, rows: list[dict[str, Any]], items: list[Any]) -> None:
    """ "Acknowledged by X at T": the newest acknowledgement of a row's open items (one query,
    only when some row has an item)."""
    acks = latest_acknowledgements(session, (i.key for i in items))
    latest: dict[uuid.UUID, tuple[str | None, datetime]] = {}
    for item in items:
        found = acks.get(item.key)
        if found and (item.patient_id not in latest or found[1] > latest[item.patient_id][1]):
            latest[item.patient_id] = found
    for row in rows:
        row["acknowledged_by"], row["acknowledged_at"] = latest.get(row["patient_id"], (None, None))


def dashboard_answer(
    session: Session,
    principal: Principal,
    token: str,
    since: str | None,
    cursor: tuple[int, str] | None,
    if_none_match: str | None,
    versions: tuple[int, int],
    now: datetime,
) -> Polled:
    """The ETag, and the body unless `If-None-Match` is current (then None: answer 304).
    `since` is the cursor as sent (part of the ETag), `cursor` what it opened to; `versions`
    the change counters read before the caller's session was checked."""
    clinician = principal.user
    etag, state = current_etag(session, principal, token, SCOPE, since, versions, now)
    if matches(etag, if_none_match):
        return Polled(etag, None)
    rows, removed = dashboard_rows(session, clinician, state, cursor, now)
    record_list_view(session, clinician, [r["patient_id"] for r in rows], "dashboard_viewed", now)
    for row in rows:
        del row["_back_offs"]
    body = {"patients": rows, "removed": removed, "cursor": state.cursor(clinician.id)}
    return Polled(etag, body)
