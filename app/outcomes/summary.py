"""The one-page visit summary a clinician prints: the period since the last visit, aggregated.

"The last visit" is the latest day before today (the patient's local date) on which this
clinician viewed this patient's summary or wrote a note about them, both read from the access
log. Without one, the period is the last six weeks. The period spans at most 26 weeks.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import InvalidInput
from app.logs.decision_inputs import load_day_logs
from app.logs.episodes import episodes_on, list_clearances
from app.logs.records import current_rows
from app.models import AccessLogEntry, ClinicianNote, User
from app.outcomes.checkins import activities_of, check_ins_between
from app.outcomes.goals import current_goal, goals_of
from app.outcomes.objective import names_of, test_view, tests_of
from app.outcomes.plan_changes import plan_changes_section, plan_history_between
from app.outcomes.summary_parts import (
    check_ins_part,
    decisions_part,
    episodes_part,
    logs_part,
    week_rows,
)
from app.patients.settings import load_history, state_on
from app.rules import PHASES
from app.sharing.service import LinkedPatient

VISIT_ACTIONS = ("summary_viewed", "note_written")
DEFAULT_DAYS = 42
MAX_DAYS = 183
NOTE_CHARS = 280
LISTED_NOTES = 5
LISTED_TESTS = 12


def last_visit(session: Session, clinician: User, patient: User, today: date) -> date | None:
    """The latest local date before today with a summary viewed or a note written."""
    zone = ZoneInfo(patient.timezone)
    rows = session.exec(
        select(AccessLogEntry.at)
        .where(
            AccessLogEntry.actor_id == clinician.id,
            AccessLogEntry.patient_id == patient.id,
            col(AccessLogEntry.action).in_(VISIT_ACTIONS),
        )
        .order_by(col(AccessLogEntry.id).desc())
        .limit(50)
    ).all()
    for at in rows:
        day = at.astimezone(zone).date()
        if day < today:
            return day
    return None


def summary_period(
    session: Session,
    clinician: User,
    patient: User,
    start: date | None,
    end: date | None,
    today: date,
) -> dict[str, Any]:
    """The period asked for, or since the last visit (default six weeks), checked."""
    end = end or today
    visit = last_visit(session, clinician, patient, today) if start is None else None
    if start is not None:
        basis = "requested"
    elif visit is not None:
        start, basis = max(visit, end - timedelta(days=MAX_DAYS - 1)), "since_last_visit"
    else:
        start, basis = end - timedelta(days=DEFAULT_DAYS - 1), "last_six_weeks"
    if start > end:
        raise InvalidInput("from", "must be on or before `to`")
    if (end - start).days >= MAX_DAYS:
        raise InvalidInput("from", f"the summary may span at most {MAX_DAYS} days")
    if end > today + timedelta(days=1):
        raise InvalidInput("to", "must not be after tomorrow")
    days = (end - start).days + 1
    return {"from": start, "to": end, "days": days, "basis": basis, "last_visit_on": visit}


def _goals(session: Session, patient_id: uuid.UUID, start: date, end: date) -> dict[str, Any]:
    goals = goals_of(session, patient_id)
    current = current_goal(goals)

    def brief(g: Any) -> dict[str, Any]:
        return {"text": g.text, "target_on": g.target_on, "status": g.status, "on": g.status_on}

    def in_period(day: date | None) -> bool:
        return day is not None and start <= day <= end

    return {
        "current": brief(current) if current else None,
        "active": [brief(g) for g in goals if g.status == "active"],
        "met_in_period": [brief(g) for g in goals if g.status == "met" and in_period(g.status_on)],
        "dropped_in_period": [
            brief(g) for g in goals if g.status == "dropped" and in_period(g.status_on)
        ],
        "set_in_period": sum(1 for g in goals if start <= g.created_at.date() <= end),
    }


def _notes(
    session: Session, clinician: User, patient_id: uuid.UUID, start: date, end: date
) -> list[dict[str, Any]]:
    notes = session.exec(
        select(ClinicianNote)
        .where(ClinicianNote.patient_id == patient_id, ClinicianNote.author_id == clinician.id)
        .order_by(col(ClinicianNote.created_at).desc())
        .limit(100)
    ).all()
    found = [n for n in notes if start <= n.created_at.date() <= end][:LISTED_NOTES]
    return [
        {
            "written_on": n.created_at.date(),
            "shared": n.shared,
            "text": n.text[:NOTE_CHARS],
            "truncated": len(n.text) > NOTE_CHARS,
        }
        for n in found
    ]


def visit_summary(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    start: date | None,
    end: date | None,
    now: datetime,
) -> dict[str, Any]:
    """Everything of the period, aggregated; the view is recorded (it marks a visit)."""
    patient = linked.patient
    today = today_in(patient.timezone, now)
    period = summary_period(session, clinician, patient, start, end, today)
    first, last = period["from"], period["to"]
    with writing(session):
        state = state_on(load_history(session, patient.id), last)
        logs, _ = load_day_logs(session, patient.id, first, last)
        records = current_rows(session, patient.id, first, last)
        check_ins = check_ins_between(session, patient.id, first, last)
        labels = {
            str(a.id): a.label for a in activities_of(session, patient.id, current_only=False)
        }
        tests = [t for t in tests_of(session, patient.id) if first <= t.tested_on <= last]
        tests = tests[:LISTED_TESTS]
        test_names = names_of(session, {t.recorded_by_id for t in tests})
        clearances = [
            c for c in list_clearances(session, patient.id) if first <= c.checked_on <= last
        ]
        checkers = names_of(session, {c.clinician_id for c in clearances})
        checks = [
            {
                "checked_on": c.checked_on,
                "checked_by": checkers.get(c.clinician_id) if c.clinician_id else None,
            }
            for c in clearances
        ]
        answer = {
            "patient": {
                "patient_id": patient.id,
                "display_name": patient.display_name,
                "phase": state.phase,
                "phase_name": PHASES[state.phase].name,
                "phase_started_on": state.phase_started_on,
            },
            "period": period,
            "generated_at": now,
            "prepared_for": clinician.display_name,
            "logs": logs_part(logs, period["days"]),
            "weeks": week_rows(first, last, logs, records, check_ins, labels),
            "decisions": decisions_part(records, period["days"]),
            "episodes": episodes_part(logs, episodes_on(session, patient.id, today), checks),
            "check_ins": check_ins_part(check_ins, labels),
            "tests": [test_view(t, test_names) for t in reversed(tests)],
            "plan_changes": plan_changes_section(
                plan_history_between(session, patient.id, first, last)
            ),
            "goals": _goals(session, patient.id, first, last),
            "notes": _notes(session, clinician, patient.id, first, last),
        }
        detail = {"from": first.isoformat(), "to": last.isoformat()}
        record_access(session, clinician, [patient.id], "summary_viewed", now, detail)
    return answer
