"""The clinician's use cases: the dashboard, a patient's record, and settings changes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, or_
from sqlmodel import Session, col, select

from app.audit.service import already_logged_today, record_view_once_a_day
from app.auth.service import Principal
from app.core.clock import today_in
from app.core.db import begin_write
from app.core.errors import InvalidInput
from app.dashboard.revalidation import (
    Answer,
    days_digest,
    etag_of,
    read_versions,
    remembered,
)
from app.dashboard.rows import dashboard_row, urgency_key
from app.models import CareLink, PatientStatus, User

SCOPE = "clinician"


@dataclass(frozen=True, slots=True)
class DashboardState:
    """What the dashboard's ETag and cursor are made of (one aggregate query)."""

    status_seq: int
    link_seq: int
    live_links: int
    zones: tuple[str, ...]
    days: str  # digest of the patients' local dates: day-derived fields change at midnight

    @property
    def cursor(self) -> str:
        return f"{max(self.status_seq, self.link_seq)}.{self.days}"

    def etag(self, since: str | None) -> str:
        return etag_of(self.status_seq, self.link_seq, self.live_links, self.days, since)


def _live_links(holder_id: Any, scope: Any) -> Any:
    return (
        col(CareLink.holder_id) == holder_id,
        col(CareLink.scope) == scope,
        col(CareLink.revoked_at).is_(None),
    )


# Built once (they run on every poll): the change numbers behind the ETag, in one query...
_STATE = (
    select(
        func.max(PatientStatus.change_seq),
        func.count(),
        select(func.max(CareLink.change_seq))
        .where(
            col(CareLink.holder_id) == bindparam("holder"),
            col(CareLink.scope) == bindparam("scope"),
        )
        .scalar_subquery(),
    )
    .select_from(CareLink)
    .join(PatientStatus, col(PatientStatus.patient_id) == col(CareLink.patient_id))
    .where(*_live_links(bindparam("holder"), bindparam("scope")))
)
# ...and the patients' time zones, which only change with those numbers, so they are cached.
_ZONES = (
    select(col(User.timezone))
    .distinct()
    .join(CareLink, col(CareLink.patient_id) == col(User.id))
    .where(*_live_links(bindparam("holder"), bindparam("scope")))
)
_zone_cache: dict[tuple[Any, ...], tuple[str, ...]] = {}
ZONE_CACHE_SIZE = 4096


def _zones(session: Session, key: tuple[Any, ...], params: dict[str, Any]) -> tuple[str, ...]:
    """Keyed by database change numbers, so a worker can never serve stale zones."""
    zones = _zone_cache.get(key)
    if zones is None:
        zones = tuple(session.execute(_ZONES, params).scalars().all())
        if len(_zone_cache) >= ZONE_CACHE_SIZE:
            _zone_cache.clear()
        _zone_cache[key] = zones
    return zones


def dashboard_state(session: Session, holder: User, scope: str, now: datetime) -> DashboardState:
    params = {"holder": holder.id, "scope": scope}
    status_seq, live, link_seq = session.execute(_STATE, params).one()
    zones = _zones(session, (holder.id, scope, status_seq, live, link_seq), params)
    return DashboardState(status_seq or 0, link_seq or 0, live, zones, days_digest(zones, now))


def parse_cursor(since: str) -> tuple[int, str]:
    seq, _, days = since.partition(".")
    if not seq.isdigit() or len(seq) > 18 or not days:
        raise InvalidInput("since", "must be a cursor returned by an earlier dashboard answer")
    return int(seq), days


_STATUS = PatientStatus.__table__  # type: ignore[attr-defined]
_ROWS = (
    select(_STATUS, col(User.display_name), col(User.timezone))
    .join(CareLink, col(CareLink.patient_id) == _STATUS.c.patient_id)
    .join(User, col(User.id) == _STATUS.c.patient_id)
    .where(*_live_links(bindparam("holder"), bindparam("scope")))
)
_CHANGED_ROWS = _ROWS.where(
    or_(_STATUS.c.change_seq > bindparam("seq"), col(CareLink.change_seq) > bindparam("seq"))
)
_REMOVED = select(col(CareLink.patient_id)).where(
    col(CareLink.holder_id) == bindparam("holder"),
    col(CareLink.scope) == bindparam("scope"),
    col(CareLink.revoked_at).is_not(None),
    col(CareLink.change_seq) > bindparam("seq"),
)


def dashboard_rows(
    session: Session, holder: User, state: DashboardState, since: str | None, now: datetime
) -> tuple[list[dict[str, Any]], list[uuid.UUID]]:
    """Rows for every linked patient, or only those changed after `since` (plus removals)."""
    params: dict[str, Any] = {"holder": holder.id, "scope": SCOPE}
    query, removed = _ROWS, []
    if since is not None:
        params["seq"], days = parse_cursor(since)
        if days == state.days:  # same local dates: only stored changes matter
            query = _CHANGED_ROWS
        removed = list(session.connection().execute(_REMOVED, params).scalars())
    todays: dict[str, date] = {}
    rows = []
    for row in session.connection().execute(query, params):
        today = todays.get(row.timezone) or todays.setdefault(
            row.timezone, today_in(row.timezone, now)
        )
        rows.append(dashboard_row(row, row.display_name, today))
    rows.sort(key=urgency_key)
    live = {row["patient_id"] for row in rows}
    return rows, [pid for pid in dict.fromkeys(removed) if pid not in live]


def log_list_view(
    session: Session, holder: User, patient_ids: list[uuid.UUID], action: str, now: datetime
) -> None:
    """Record (once a day per patient) that a polling view showed these patients.

    Checked first in the read transaction, so polls after the first of the day write nothing.
    """
    seen = already_logged_today(session, holder.id, action, now.date())
    if all(pid in seen for pid in patient_ids):
        return
    begin_write(session)
    record_view_once_a_day(session, holder, patient_ids, action, now)
    session.commit()


def matches(etag: str, if_none_match: str | None) -> bool:
    return bool(if_none_match) and etag in {tag.strip() for tag in (if_none_match or "").split(",")}


def current_etag(
    session: Session, principal: Principal, token: str, view: str, since: str | None, now: datetime
) -> tuple[str, DashboardState]:
    """The view's ETag now, remembered for cheap revalidation of the next poll."""
    versions = read_versions(session)  # before the state: a change in between is not missed
    state = dashboard_state(session, principal.user, view, now)
    answer = Answer(
        versions,
        state.status_seq,
        state.link_seq,
        state.live_links,
        state.zones,
        principal.valid_until,
    )
    remembered.remember(token, view, since, answer)
    return state.etag(since), state


def dashboard_answer(
    session: Session,
    principal: Principal,
    token: str,
    since: str | None,
    if_none_match: str | None,
    now: datetime,
) -> tuple[str, dict[str, Any] | None]:
    """The ETag, and the body unless `If-None-Match` is current (then None: answer 304)."""
    clinician = principal.user
    etag, state = current_etag(session, principal, token, SCOPE, since, now)
    if matches(etag, if_none_match):
        return etag, None
    rows, removed = dashboard_rows(session, clinician, state, since, now)
    log_list_view(session, clinician, [r["patient_id"] for r in rows], "dashboard_viewed", now)
    for row in rows:
        del row["_back_offs"]
    return etag, {"patients": rows, "removed": removed, "cursor": state.cursor}
