"""The weekly check-in's "is it due" hook.

The check-in itself is issue 15 and does not exist yet, so this answers False and no check-in
push is ever sent. When issue 15 lands, this one function asks its domain (`outcomes`, above
this one) whether the patient's check-in is due on `today`; the kind, its text, its switch in
the settings and the sending are all in place already.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session


def weekly_checkin_due(session: Session, patient_id: uuid.UUID, today: date) -> bool:
    """Is the patient's weekly check-in due today? (False until issue 15.)"""
    del session, patient_id, today
    return False
