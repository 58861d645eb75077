"""A linked patient's record as a clinician reads it, and the settings a clinician changes."""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import InvalidInput
from app.dashboard.clearances import clearance_views
from app.logs.backlog import finish_pending, recompute_from
from app.logs.episodes import episodes_on
from app.logs.records import guidances_between
from app.logs.service import LoggedDay, list_logs, lock_patient, log_view
from app.logs.status import refresh_status
from app.models import DecisionRecord, PatientSetting, User
from app.patients.settings import (
    add_setting,
    changes_anything,
    load_history,
    state_on,
    thresholds_of,
)
from app.rules import PatientState, Thresholds
from app.sharing.service import LinkedPatient

HISTORY_DAYS = 28
BACKDATE_LIMIT_DAYS = 365


def _setting_view(row: PatientSetting, names: dict[Any, str]) -> dict[str, Any]:
    return {
        "effective_on": row.effective_on,
        "phase": row.phase,
        "thresholds": asdict(thresholds_of(row)),
        "changed_by": names.get(row.changed_by_id) if row.changed_by_id else None,
        "changed_at": row.changed_at,
    }


def _profile(session: Session, linked: LinkedPatient, now: datetime) -> dict[str, Any]:
    patient = linked.patient
    history = load_history(session, patient.id)
    state = state_on(history, today_in(patient.timezone, now))
    changers = {row.changed_by_id for row in history if row.changed_by_id}
    names = dict(
        session.exec(select(User.id, User.display_name).where(col(User.id).in_(changers))).all()
    )
    return {
        "profile": {
            "patient_id": patient.id,
            "display_name": patient.display_name,
            "timezone": patient.timezone,
            "phase": state.phase,
            "phase_started_on": state.phase_started_on,
            "linked_since": linked.link.created_at,
        },
        "thresholds": asdict(state.thresholds),
        "threshold_history": [_setting_view(row, names) for row in history],
    }


def read_patient_record(
    session: Session, clinician: User, linked: LinkedPatient, now: datetime
) -> dict[str, Any]:
    """Profile, thresholds with history, and the last 28 days of logs and decisions."""
    patient = linked.patient
    today = today_in(patient.timezone, now)
    finish_pending(session, patient.id, today, now, up_to=today)  # no stale decision shown
    with writing(session):  # the read itself is recorded
        start = today - timedelta(days=HISTORY_DAYS - 1)
        days = list_logs(session, patient, start, today, now)
        decisions = guidances_between(session, patient.id, start, today)
        record = _profile(session, linked, now) | {
            "logs": [_log_item(day) for day in days],
            "decisions": decisions,
            "open_episodes": [e.as_dict() for e in episodes_on(session, patient.id, today)],
            "clearances": clearance_views(session, linked),
        }
        record_access(session, clinician, [patient.id], "record_viewed", now)
    return record


def read_patient_logs(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    start: date | None,
    end: date | None,
    now: datetime,
) -> list[dict[str, Any]]:
    patient = linked.patient
    finish_pending(session, patient.id, today_in(patient.timezone, now), now, up_to=end)
    with writing(session):
        days = list_logs(session, linked.patient, start, end, now)
        detail = {"from": str(start) if start else None, "to": str(end) if end else None}
        record_access(session, clinician, [linked.patient.id], "logs_viewed", now, detail)
    return [_log_item(day) for day in days]


def _log_item(day: LoggedDay) -> dict[str, Any]:
    item = log_view(day.log)
    item["decision"] = day.record.decision if day.record else None
    item["referral"] = day.record.referral if day.record else None
    return item


def change_settings(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    phase: int | None,
    thresholds: dict[str, int],
    effective_on: date | None,
    now: datetime,
) -> dict[str, Any]:
    """Add a settings row taking effect on a date; guidance is recomputed from that date.

    A patch that would change no day writes no row (and recomputes nothing). Either way the
    answer shows the patient's settings, so it is logged as a read (`settings_viewed`).
    """
    patient = linked.patient
    today = today_in(patient.timezone, now)
    effective = effective_on or today
    if not today - timedelta(days=BACKDATE_LIMIT_DAYS) <= effective <= today:
        raise InvalidInput(
            "effective_on", f"must be today or within the last {BACKDATE_LIMIT_DAYS} days"
        )
    with writing(session):
        lock_patient(session, patient.id)
        complete = apply_settings(
            session, clinician, patient, phase, thresholds, effective, today, now
        )
        if complete:
            profile = _profile(session, linked, now)
            record_access(session, clinician, [patient.id], "settings_viewed", now)
    if not complete:  # the later days' backlog, in short transactions (app/logs/backlog.py)
        finish_pending(session, patient.id, today, now)
        with writing(session):
            profile = _profile(session, linked, now)
            record_access(session, clinician, [patient.id], "settings_viewed", now)
    return profile


def apply_settings(
    session: Session,
    clinician: User,
    patient: User,
    phase: int | None,
    thresholds: dict[str, int],
    effective: date,
    today: date,
    now: datetime,
) -> bool:
    """`change_settings` inside the caller's write (after `lock_patient`), without its read
    of the profile: the row, its decisions and the access-log entries of what changed; nothing
    when no day would change. False when later days are left to `finish_pending`."""
    history = load_history(session, patient.id)
    current = state_on(history, effective)
    new_thresholds = replace(current.thresholds, **thresholds)
    if not new_thresholds.safe_pain < new_thresholds.pain_ceiling < new_thresholds.severe_pain:
        raise InvalidInput("thresholds", "must keep safe_pain < pain_ceiling < severe_pain")
    new_phase = phase if phase is not None else current.phase
    if not changes_anything(history, effective, new_phase, new_thresholds):
        return True
    return _add_setting(
        session, clinician, patient.id, effective, today, now, current, new_phase, new_thresholds
    )


def _add_setting(
    session: Session,
    clinician: User,
    patient_id: uuid.UUID,
    effective: date,
    today: date,
    now: datetime,
    current: PatientState,
    new_phase: int,
    new_thresholds: Thresholds,
) -> bool:
    """The settings row, the decisions recomputed from its date (the first transaction's
    share of them: False when a backlog is left), the status row and the access-log entries
    of what changed (inside change_settings' write)."""
    add_setting(session, patient_id, effective, new_phase, new_thresholds, clinician.id)
    session.flush()
    progress = recompute_from(
        session, patient_id, effective, today, "settings_changed", now, changed_by=clinician.id
    )
    if progress.complete:
        refresh_status(session, patient_id, today, now, recomputed=progress.done)
    if new_phase != current.phase:
        detail = {"from": current.phase, "to": new_phase, "effective_on": effective.isoformat()}
        record_access(session, clinician, [patient_id], "phase_changed", now, detail)
    changed = sorted(
        name
        for name, value in asdict(new_thresholds).items()
        if getattr(current.thresholds, name) != value
    )
    if changed:
        detail = {"changed": changed, "effective_on": effective.isoformat()}
        record_access(session, clinician, [patient_id], "thresholds_changed", now, detail)
    return progress.complete


def read_decision_history(
    session: Session, clinician: User, linked: LinkedPatient, day: date, now: datetime
) -> list[DecisionRecord]:
    """Every decision made for `day`, current and superseded, oldest first, with its inputs."""
    patient = linked.patient
    finish_pending(session, patient.id, today_in(patient.timezone, now), now, up_to=day)
    with writing(session):
        rows = list(
            session.exec(
                select(DecisionRecord)
                .where(
                    DecisionRecord.patient_id == linked.patient.id,
                    DecisionRecord.decision_date == day,
                )
                .order_by(col(DecisionRecord.id))
            ).all()
        )
        detail = {"date": day.isoformat()}
        record_access(session, clinician, [linked.patient.id], "decisions_viewed", now, detail)
    return rows
