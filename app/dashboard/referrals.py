"""The clinician's referral queue: the open red-flag episodes of linked patients, and referrals
of their latest decisions that no open episode explains, most urgent first. A clinician can
acknowledge an item ("seen, acting"); only a clearance (clearances.py) closes an episode.

An item is an episode (dated by its start) or a referral (dated by its decision: a later
decision with a referral is a new item). Its id is a UUID derived from patient, kind and date,
so it is stable across polls and needs no table of its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select as select_columns
from sqlalchemy import tuple_
from sqlmodel import Session, col

from app.audit.service import record_access, record_list_view
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import NotFound
from app.dashboard import statements
from app.dashboard.rows import REFERRAL_RANK
from app.logs.status import touch_status
from app.models import ReferralAcknowledgement, User

SCOPE = "clinician"
ITEM_NAMESPACE = uuid.UUID("6b1f1e64-8a8e-4c47-9a57-3f1f0c2d9e10")
REFERRAL_LIVE_DAYS = 6  # as the dashboard: a referral shows for a week after its decision


@dataclass(frozen=True, slots=True)
class QueueItem:
    patient_id: uuid.UUID
    display_name: str
    kind: str  # episode | referral
    level: str  # routine | soon | urgent | emergency
    since: date
    flags: tuple[str, ...] = ()
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None

    @property
    def id(self) -> uuid.UUID:
        return item_id(self.patient_id, self.kind, self.since)

    @property
    def key(self) -> tuple[uuid.UUID, str, date]:
        return (self.patient_id, self.kind, self.since)


def item_id(patient_id: uuid.UUID, kind: str, since: date) -> uuid.UUID:
    return uuid.uuid5(ITEM_NAMESPACE, f"{patient_id}/{kind}/{since.isoformat()}")


def items_of(row: Any, today: date) -> list[QueueItem]:
    """A status row's items (columns of patient_status plus display_name)."""
    items = [
        QueueItem(
            row.patient_id,
            row.display_name,
            "episode",
            e["level"],
            date.fromisoformat(e["started_on"]),
            tuple(e["flags"]),
        )
        for e in row.open_episodes or ()
    ]
    top = max((REFERRAL_RANK[i.level] for i in items), default=0)
    live = row.decision_date is not None and row.decision_date >= today - timedelta(
        days=REFERRAL_LIVE_DAYS
    )
    if row.referral and live and REFERRAL_RANK[row.referral] > top:
        items.append(
            QueueItem(row.patient_id, row.display_name, "referral", row.referral, row.decision_date)
        )
    return items


def urgency(item: QueueItem) -> tuple[Any, ...]:
    return (-REFERRAL_RANK[item.level], item.since, item.kind, item.display_name.lower())


def linked_items(session: Session, clinician: User, now: datetime) -> list[QueueItem]:
    """Every item of the clinician's live-linked patients, most urgent first (no ack yet)."""
    params = {"holder": clinician.id, "scope": SCOPE}
    items: list[QueueItem] = []
    for row in session.connection().execute(statements.ROWS, params):
        items += items_of(row, today_in(row.timezone, now))
    return sorted(items, key=urgency)


def latest_acknowledgements(
    session: Session, keys: Iterable[tuple[uuid.UUID, str, date]]
) -> dict[tuple[uuid.UUID, str, date], tuple[str | None, datetime]]:
    """For each item key, the newest acknowledgement: the clinician's name and when."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return {}
    ack = ReferralAcknowledgement
    rows = session.execute(
        select_columns(
            col(ack.patient_id),
            col(ack.kind),
            col(ack.since),
            col(User.display_name),
            col(ack.acknowledged_at),
        )
        .outerjoin(User, col(User.id) == col(ack.clinician_id))
        .where(tuple_(col(ack.patient_id), col(ack.kind), col(ack.since)).in_(wanted))
        .order_by(col(ack.acknowledged_at))
    ).all()
    return {(pid, kind, since): (name, at) for pid, kind, since, name, at in rows}


def with_acknowledgements(session: Session, items: list[QueueItem]) -> list[QueueItem]:
    acks = latest_acknowledgements(session, (i.key for i in items))
    return [
        replace(i, acknowledged_by=acks[i.key][0], acknowledged_at=acks[i.key][1])
        if i.key in acks
        else i
        for i in items
    ]


def referral_queue(session: Session, clinician: User, now: datetime) -> list[QueueItem]:
    """The queue (logged once a day per patient shown, like the dashboard)."""
    items = with_acknowledgements(session, linked_items(session, clinician, now))
    shown = list(dict.fromkeys(i.patient_id for i in items))
    record_list_view(session, clinician, shown, "referrals_viewed", now)
    return items


def acknowledge(session: Session, clinician: User, item: uuid.UUID, now: datetime) -> QueueItem:
    """Record "seen, acting" on an item of the caller's queue (404 for any other id). The
    patient's status row changes (the dashboard's ETag moves) and the access log says who."""
    found = next((i for i in linked_items(session, clinician, now) if i.id == item), None)
    if found is None:
        raise NotFound("No such referral in your queue.")
    with writing(session):
        session.add(
            ReferralAcknowledgement(
                patient_id=found.patient_id,
                kind=found.kind,
                since=found.since,
                level=found.level,
                clinician_id=clinician.id,
                acknowledged_at=now,
            )
        )
        touch_status(session, found.patient_id, now)
        detail = {"kind": found.kind, "since": found.since.isoformat()}
        record_access(session, clinician, [found.patient_id], "referral_acknowledged", now, detail)
    return replace(found, acknowledged_by=clinician.display_name, acknowledged_at=now)
