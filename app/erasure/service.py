"""Erasing an account: it reaches every domain (the database cascades; the access log is
anonymised), so it sits above them all."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, col

from app.audit.service import anonymise_patient
from app.core.counters import AUTH_SEQ, next_value
from app.core.db import writing
from app.models import User


def erase_account(session: Session, user: User) -> None:
    """Delete the account; the database cascades to every row that belongs to it, and the
    access log keeps only non-personal fields of entries about a patient."""
    with writing(session):
        if user.role == "patient":
            anonymise_patient(session, user.id)
        session.execute(delete(User).where(col(User.id) == user.id))
        next_value(session, AUTH_SEQ)  # its sessions are gone with it
