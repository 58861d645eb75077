"""A patient's phase and thresholds over time: rows take effect on a date and are never edited."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date

from sqlmodel import Session

from app.core.memo import Memo
from app.models import PatientSetting
from app.patients import statements
from app.rules import PatientState, Thresholds

THRESHOLD_NAMES = tuple(f.name for f in fields(Thresholds))


def load_history(session: Session, patient_id: uuid.UUID) -> list[PatientSetting]:
    """The patient's settings rows, oldest first (plain rows with the same attributes)."""
    rows = session.connection().execute(statements.HISTORY, {"pid": patient_id}).all()
    return rows  # type: ignore[return-value]


# Recent patients' histories, by patient id, with the id of the newest row. Rows are only ever
# added (and deleted with the account), so a history is unchanged while its newest id is: a log
# write reads that id in its first statement (app/logs/plan.py) and the rows only when it
# moved. Per process (app/core/memo.py); the rows are immutable, the list is copied.
_HISTORIES: Memo[uuid.UUID, tuple[int, tuple[PatientSetting, ...]]] = Memo(4096)


def history_as_of(
    session: Session, patient_id: uuid.UUID, newest_id: int | None
) -> list[PatientSetting]:
    """`load_history`, known unchanged while its newest row's id is `newest_id` (read in the
    caller's transaction: None when the patient has no row)."""
    found = _HISTORIES.get(patient_id)
    if found is not None and newest_id is not None and found[0] == newest_id:
        return list(found[1])
    history = load_history(session, patient_id)
    if history and max(row.id or 0 for row in history) == newest_id:
        _HISTORIES.put(patient_id, (newest_id, tuple(history)))
    return history


def add_setting(
    session: Session,
    patient_id: uuid.UUID,
    effective_on: date,
    phase: int,
    thresholds: Thresholds,
    changed_by_id: uuid.UUID | None = None,
) -> PatientSetting:
    row = PatientSetting(
        patient_id=patient_id,
        effective_on=effective_on,
        phase=phase,
        changed_by_id=changed_by_id,
        **asdict(thresholds),
    )
    session.add(row)
    return row


def setting_on(history: Sequence[PatientSetting], day: date) -> PatientSetting:
    """The row in force on `day`: the most recently made change already in effect that day.

    A change applies from its effective date onwards, over older changes, even ones with a
    later effective date. Days before every effective date take the earliest-effective row.
    """
    in_effect = [row for row in history if row.effective_on <= day]
    if not in_effect:
        return min(history, key=lambda row: (row.effective_on, row.id or 0))
    return max(in_effect, key=lambda row: row.id or 0)


def changes_anything(
    history: Sequence[PatientSetting], effective_on: date, phase: int, thresholds: Thresholds
) -> bool:
    """Whether a new row (phase, thresholds) from `effective_on` would change any day: its
    phase, thresholds or the day its phase started (a phase dated earlier changes that).

    The new row would be in force from `effective_on` on (the newest change wins), and so on
    days before it when it becomes the earliest. What is in force only changes on effective
    dates, so comparing on `effective_on` and on every other effective date is enough.
    """
    if not history:
        return True
    newest = max(row.id or 0 for row in history) + 1
    candidate = PatientSetting(
        id=newest,
        patient_id=history[0].patient_id,
        effective_on=effective_on,
        phase=phase,
        **{name: getattr(thresholds, name) for name in THRESHOLD_NAMES},
    )
    after = [*history, candidate]
    days = {effective_on} | {row.effective_on for row in history}
    return any(state_on(history, day) != state_on(after, day) for day in days)


def thresholds_of(row: PatientSetting) -> Thresholds:
    return Thresholds(**{name: getattr(row, name) for name in THRESHOLD_NAMES})


def phase_started_on(history: Sequence[PatientSetting], day: date) -> date:
    """The first day of the unbroken run of the phase in force on `day`.

    Settings only change on effective dates, so walking back over those dates is enough.
    """
    phase = setting_on(history, day).phase
    boundaries = sorted(
        {row.effective_on for row in history if row.effective_on <= day}, reverse=True
    )
    started = boundaries[-1] if boundaries else day
    for boundary in boundaries:
        if setting_on(history, boundary).phase != phase:
            break
        started = boundary
    return started


def state_on(history: Sequence[PatientSetting], day: date) -> PatientState:
    """What the rules are told about the patient on `day`: phase, since when, thresholds."""
    return state_of(setting_on(history, day), phase_started_on(history, day))


def state_of(row: PatientSetting, started_on: date | None) -> PatientState:
    return PatientState(phase=row.phase, phase_started_on=started_on, thresholds=thresholds_of(row))
