"""The access log: who saw or changed a patient's data, as a tamper-evident hash chain."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from app.core.counters import ACCESS_LOG, next_value
from app.core.db import writing
from app.models import AccessLogEntry, User

GENESIS = "0" * 64


def digest_of(entity_id: uuid.UUID | None) -> str:
    return hashlib.sha256(f"loadline:{entity_id}".encode()).hexdigest() if entity_id else GENESIS


def entry_hash(entry: AccessLogEntry) -> str:
    """Hash of the fields that are never erased (personal columns are covered by digests)."""
    payload = [
        entry.at.isoformat(),
        entry.day.isoformat(),
        entry.actor_role,
        entry.action,
        entry.detail,
        entry.subject_digest,
        entry.actor_digest,
        entry.prev_hash,
    ]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def record_access(
    session: Session,
    actor: User,
    patient_ids: Iterable[uuid.UUID],
    action: str,
    now: datetime,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry per patient; the caller commits (in the same transaction as the act)."""
    ids = list(patient_ids)
    if not ids:
        return
    next_value(session, ACCESS_LOG)  # locks the chain's head until commit: one appender
    previous = session.exec(
        select(AccessLogEntry.entry_hash).order_by(col(AccessLogEntry.id).desc()).limit(1)
    ).first()
    prev_hash = previous or GENESIS
    for patient_id in ids:
        entry = AccessLogEntry(
            at=now,
            day=now.date(),
            patient_id=patient_id,
            actor_id=actor.id,
            actor_name=actor.display_name,
            actor_role=actor.role,
            action=action,
            detail=detail or {},
            subject_digest=digest_of(patient_id),
            actor_digest=digest_of(actor.id),
            prev_hash=prev_hash,
            entry_hash="",
        )
        entry.entry_hash = entry_hash(entry)
        prev_hash = entry.entry_hash
        session.add(entry)
    session.flush()  # inserted in the order added, so ids follow the chain


def already_logged_today(
    session: Session, actor_id: uuid.UUID, action: str, day: date
) -> set[uuid.UUID]:
    rows = session.exec(
        select(AccessLogEntry.patient_id).where(
            AccessLogEntry.actor_id == actor_id,
            AccessLogEntry.action == action,
            AccessLogEntry.day == day,
        )
    ).all()
    return {row for row in rows if row is not None}


def record_view_once_a_day(
    session: Session, actor: User, patient_ids: Iterable[uuid.UUID], action: str, now: datetime
) -> bool:
    """Polling views (dashboards) are logged once per viewer, patient and day. True if written."""
    seen = already_logged_today(session, actor.id, action, now.date())
    new = [pid for pid in patient_ids if pid not in seen]
    if new:
        record_access(session, actor, new, action, now)
    return bool(new)


def record_list_view(
    session: Session, actor: User, patient_ids: list[uuid.UUID], action: str, now: datetime
) -> None:
    """Record (once a day per patient) that a polled view showed these patients.

    Checked first in the read transaction, so polls after the first of the day write nothing.
    """
    seen = already_logged_today(session, actor.id, action, now.date())
    if all(pid in seen for pid in patient_ids):
        return
    with writing(session):
        record_view_once_a_day(session, actor, patient_ids, action, now)


def entries_about(session: Session, patient_id: uuid.UUID, limit: int) -> list[dict[str, Any]]:
    """The newest entries about a patient by someone else, newest first, each with its actor's
    current name beside the name stored at the time (a rename shows). The patient's own actions
    (creating or revoking a code) stay in the chain but are not "who looked at your data"."""
    found = session.exec(
        select(AccessLogEntry, User.display_name)
        .outerjoin(User, col(User.id) == col(AccessLogEntry.actor_id))
        .where(AccessLogEntry.patient_id == patient_id)
        .where(
            or_(col(AccessLogEntry.actor_id).is_(None), col(AccessLogEntry.actor_id) != patient_id)
        )
        .order_by(col(AccessLogEntry.id).desc())
        .limit(limit)
    ).all()
    return [
        {
            "at": entry.at,
            "actor_id": entry.actor_id,
            "actor_role": entry.actor_role,
            "actor_name": entry.actor_name,
            "actor_current_name": current_name,
            "action": entry.action,
            "detail": entry.detail,
        }
        for entry, current_name in found
    ]


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    first_broken_id: int | None
    problem: str | None


def verify_chain(session: Session, batch: int = 5_000) -> ChainReport:
    """Walk the chain in id order; report the first entry whose hash or link does not match."""
    prev_hash, count, after = GENESIS, 0, -1
    while True:
        rows = session.exec(
            select(AccessLogEntry)
            .where(col(AccessLogEntry.id) > after)
            .order_by(col(AccessLogEntry.id))
            .limit(batch)
        ).all()
        if not rows:
            return ChainReport(count, None, None)
        for entry in rows:
            count += 1
            assert entry.id is not None
            if entry.prev_hash != prev_hash:
                return ChainReport(count, entry.id, "does not link to the entry before it")
            if entry_hash(entry) != entry.entry_hash:
                return ChainReport(count, entry.id, "content does not match its hash")
            if entry.patient_id and digest_of(entry.patient_id) != entry.subject_digest:
                return ChainReport(count, entry.id, "patient does not match its digest")
            if entry.actor_id and digest_of(entry.actor_id) != entry.actor_digest:
                return ChainReport(count, entry.id, "actor does not match its digest")
            prev_hash, after = entry.entry_hash, entry.id


def anonymise_patient(session: Session, patient_id: uuid.UUID) -> None:
    """Before erasing a patient: entries about them keep only non-personal fields."""
    session.execute(
        update(AccessLogEntry)
        .where(col(AccessLogEntry.actor_id) == patient_id)
        .values(actor_name=None, actor_id=None)
    )
    session.execute(
        update(AccessLogEntry)
        .where(col(AccessLogEntry.patient_id) == patient_id)
        .values(patient_id=None)
    )
