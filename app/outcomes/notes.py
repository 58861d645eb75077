"""Clinicians' notes: a note is read by its author only, and by the patient once the author
shares it. Another clinician linked to the same patient sees neither. Writing, sharing and
reading notes go into the patient's access log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.db import writing
from app.core.errors import Conflict, NotFound
from app.models import ClinicianNote, User
from app.outcomes.objective import names_of
from app.sharing.service import LinkedPatient

MAX_NOTES = 500
LIST_LIMIT = 200


def note_view(note: ClinicianNote) -> dict[str, Any]:
    return {
        "id": note.id,
        "text": note.text,
        "shared": note.shared,
        "shared_at": note.shared_at,
        "created_at": note.created_at,
    }


def own_notes(
    session: Session, author_id: uuid.UUID, patient_id: uuid.UUID, limit: int = LIST_LIMIT
) -> list[ClinicianNote]:
    """The author's notes on a patient, newest first."""
    return list(
        session.exec(
            select(ClinicianNote)
            .where(ClinicianNote.patient_id == patient_id, ClinicianNote.author_id == author_id)
            .order_by(col(ClinicianNote.created_at).desc())
            .limit(limit)
        ).all()
    )


def write_note(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    text: str,
    shared: bool,
    now: datetime,
) -> dict[str, Any]:
    patient_id = linked.patient.id
    with writing(session):
        if len(own_notes(session, clinician.id, patient_id, MAX_NOTES)) >= MAX_NOTES:
            raise Conflict(f"At most {MAX_NOTES} notes per patient.")
        note = ClinicianNote(
            patient_id=patient_id,
            author_id=clinician.id,
            text=text,
            shared=shared,
            shared_at=now if shared else None,
            created_at=now,
        )
        session.add(note)
        session.flush()
        detail = {"note": str(note.id), "shared": shared}
        record_access(session, clinician, [patient_id], "note_written", now, detail)
    return note_view(note)


def share_note(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    note_id: uuid.UUID,
    shared: bool,
    now: datetime,
) -> dict[str, Any]:
    """Share a note with the patient, or stop sharing it; 404 unless it is your own."""
    with writing(session):
        note = session.get(ClinicianNote, note_id)
        if note is None or note.patient_id != linked.patient.id or note.author_id != clinician.id:
            raise NotFound("No such note.")
        if note.shared != shared:
            note.shared, note.shared_at = shared, now if shared else None
            session.add(note)
            action = "note_shared" if shared else "note_unshared"
            detail = {"note": str(note.id)}
            record_access(session, clinician, [linked.patient.id], action, now, detail)
    return note_view(note)


def read_notes(
    session: Session, clinician: User, linked: LinkedPatient, now: datetime
) -> list[dict[str, Any]]:
    with writing(session):
        notes = own_notes(session, clinician.id, linked.patient.id)
        record_access(session, clinician, [linked.patient.id], "notes_viewed", now)
    return [note_view(note) for note in notes]


def shared_notes(session: Session, patient: User) -> list[dict[str, Any]]:
    """Every note a clinician shared with this patient, newest first."""
    notes = session.exec(
        select(ClinicianNote)
        .where(ClinicianNote.patient_id == patient.id, col(ClinicianNote.shared))
        .order_by(col(ClinicianNote.created_at).desc())
        .limit(LIST_LIMIT)
    ).all()
    names = names_of(session, {note.author_id for note in notes})
    return [
        {
            "id": note.id,
            "text": note.text,
            "written_by": names.get(note.author_id) if note.author_id else None,
            "shared_at": note.shared_at,
            "created_at": note.created_at,
        }
        for note in notes
    ]
