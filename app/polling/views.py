"""Polled views over a holder's linked patients: their state, ETag and change cursor.

A view (the clinician dashboard, the coach view) registers its path in `POLLED_VIEWS` and
calls `current_etag` first on every poll: that answers `If-None-Match` and teaches the
revalidation shortcut (app/polling/revalidation.py) to answer the next poll with 304 before
routing. The view is named by the link scope it lists ("clinician", "coach").
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlmodel import Session

from app.auth.service import Principal
from app.core.counters import AUTH_SEQ, CHANGE_SEQ
from app.models import User
from app.polling import statements
from app.polling.cursor import seal_cursor
from app.polling.etag import REMEMBERED, Answer, days_digest, etag_of


class PolledViews:
    """Registry: the paths whose GET the revalidation shortcut may answer, and their view.

    Filled by each polled view's router when it is imported (before the app is created);
    read by the shortcut on every request.
    """

    def __init__(self) -> None:
        self._views: dict[str, str] = {}

    def register(self, path: str, view: str) -> None:
        self._views[path] = view

    def view_at(self, path: str) -> str | None:
        return self._views.get(path)


POLLED_VIEWS = PolledViews()


class Polled(NamedTuple):
    """A poll's answer: the view's ETag, and its body (None: `If-None-Match` is current, 304)."""

    etag: str
    body: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class PollState:
    """What a view's ETag and cursor are made of (one aggregate query)."""

    status_seq: int
    link_seq: int
    live_links: int
    zones: tuple[str, ...]
    days: str  # digest of the patients' local dates: day-derived fields change at midnight

    def cursor(self, holder_id: uuid.UUID) -> str:
        """The opaque change cursor of this state, for this holder only (app/polling/cursor.py)."""
        return seal_cursor(holder_id, max(self.status_seq, self.link_seq), self.days)

    def etag(self, since: str | None) -> str:
        return etag_of(self.status_seq, self.link_seq, self.live_links, self.days, since)


class ZoneCache:
    """Cache: the time zones of a holder's linked patients, keyed by the view's change numbers.

    Owner: this module (one instance, `ZONES`, per worker process). A time zone only changes
    with a status row's change number (a profile change touches the row), and the key holds
    those numbers, so a worker can never serve stale zones. Cleared when full.
    """

    MAX_ENTRIES = 4096

    def __init__(self) -> None:
        self._zones: dict[tuple[Any, ...], tuple[str, ...]] = {}

    def zones(
        self, session: Session, key: tuple[Any, ...], params: dict[str, Any]
    ) -> tuple[str, ...]:
        zones = self._zones.get(key)
        if zones is None:
            zones = tuple(session.execute(statements.ZONES, params).scalars().all())
            if len(self._zones) >= self.MAX_ENTRIES:
                self._zones.clear()
            self._zones[key] = zones
        return zones


ZONES = ZoneCache()


def poll_state(session: Session, holder: User, view: str, now: datetime) -> PollState:
    params = {"holder": holder.id, "scope": view}
    status_seq, live, link_seq = session.execute(statements.STATE, params).one()
    zones = ZONES.zones(session, (holder.id, view, status_seq, live, link_seq), params)
    return PollState(status_seq or 0, link_seq or 0, live, zones, days_digest(zones, now))


def read_versions(session: Session) -> tuple[int, int]:
    """The (change_seq, auth_seq) counters: anything a polled view shows moves one of them."""
    rows = dict(session.connection().execute(statements.COUNTERS).all())
    return rows.get(CHANGE_SEQ, 0), rows.get(AUTH_SEQ, 0)


def current_etag(
    session: Session,
    principal: Principal,
    token: str,
    view: str,
    since: str | None,
    versions: tuple[int, int],
    now: datetime,
) -> tuple[str, PollState]:
    """The view's ETag now, remembered for cheap revalidation of the next poll.

    `versions`: the counters as `read_versions` gave them *before* the caller's session was
    checked. Read after it, a logout committed in between would already be counted in them,
    and the revoked token would be remembered as current (issue 12): read before, the logout
    moves the counters past what is remembered, and the next poll goes through the app (401).
    The view's state is read after them, so a change in between is not missed either.
    """
    state = poll_state(session, principal.user, view, now)
    answer = Answer(
        versions,
        state.status_seq,
        state.link_seq,
        state.live_links,
        state.zones,
        principal.valid_until,
    )
    REMEMBERED.remember(token, view, since, answer)
    return state.etag(since), state
