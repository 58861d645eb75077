"""A clinician records that they checked a patient's red flags: the episodes that started on
or before that date close, every decision from it is recomputed, and the patient's access log
says who did it (POST /clinician/patients/{id}/clearances)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import Conflict, InvalidInput
from app.logs.backlog import finish_pending, lock_patient
from app.logs.episodes import add_clearance, episodes_on, list_clearances
from app.models import User
from app.rules import Episode
from app.sharing.service import LinkedPatient


@dataclass(frozen=True, slots=True)
class RecordedClearance:
    id: object
    checked_on: date
    closed: tuple[Episode, ...]


def record_clearance(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    checked_on: date,
    note: str | None,
    now: datetime,
) -> RecordedClearance:
    """422 for a date in the future or before the oldest open episode; 409 when none is open."""
    patient = linked.patient
    today = today_in(patient.timezone, now)
    if checked_on > today:
        raise InvalidInput("checked_on", f"must not be after the patient's today ({today})")
    with writing(session):
        lock_patient(session, patient.id)
        open_now = episodes_on(session, patient.id, today)
        if not open_now:
            raise Conflict("No red-flag episode is open for this patient.")
        oldest = open_now[0].started_on
        if checked_on < oldest:
            raise InvalidInput(
                "checked_on", f"must be on or after {oldest}, when the oldest open episode began"
            )
        closed = tuple(e for e in open_now if e.started_on <= checked_on)
        row, pending = add_clearance(
            session, patient.id, clinician.id, checked_on, note, today, now
        )
        detail = {"checked_on": checked_on.isoformat(), "closed": len(closed)}
        record_access(session, clinician, [patient.id], "clearance_recorded", now, detail)
    if pending:
        finish_pending(session, patient.id, today, now)
    return RecordedClearance(row.id, checked_on, closed)


def clearance_views(session: Session, linked: LinkedPatient) -> list[dict[str, object]]:
    """The patient's clearances, newest first, with the checking clinician's name."""
    rows = list_clearances(session, linked.patient.id)
    ids = {row.clinician_id for row in rows if row.clinician_id}
    if not rows:
        return []
    query = select(User.id, User.display_name).where(col(User.id).in_(ids))
    names: dict[object, str] = {user_id: name for user_id, name in session.exec(query).all()}
    return [
        {
            "id": row.id,
            "checked_on": row.checked_on,
            "note": row.note,
            "checked_by": names.get(row.clinician_id) if row.clinician_id else None,
            "created_at": row.created_at,
        }
        for row in rows
    ]
