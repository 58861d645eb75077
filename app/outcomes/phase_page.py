"""The phase page: what the phase is for, what to do and avoid, the criteria for the next phase
with the patient's own live status (the rules' phase_criteria; in phase 5 the return-to-sport
review), a timeline of the six phases, and the education cards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.models import ReturnToSportReview, User
from app.outcomes.content import CONTENT_VERSION, DISCLAIMER
from app.outcomes.content.cards import CARDS
from app.outcomes.content.phases import GUIDES, TIMELINE_NOTE, TOTAL_TYPICAL
from app.outcomes.content.sources import cited
from app.outcomes.return_to_sport import REVIEW_PHASE, current_criteria
from app.outcomes.rule_inputs import load_rule_inputs, phase_check
from app.rules import PHASES, PhaseCriterion
from app.sharing.service import LinkedPatient

LABELS = {
    "days_in_phase": "Time in this phase",
    "no_referral_today": "No referral today",
    "no_back_off_7d": "No back-off in the last 7 days",
    "no_back_off_14d": "No back-off in the last 14 days",
    "no_back_off_today": "No back-off today",
    "logged_4_of_7": "Logging at least 4 days a week",
    "morning_pain_mean_7d": "Morning pain settled",
    "sitting_tolerance_rising": "Sitting tolerance rising",
    "pr1_in_2_weeks": "Tendon loading stepped up in 2 separate weeks",
    "morning_pain_at_baseline": "Morning pain at your usual level",
    "tempo_progress_twice": "Ready to step up from tempo running twice",
    "runs_above_95": "Every run faster than 95%",
    "runs_each_week": "Running in each of the last 2 weeks",
}
NOTES = {
    "automatic": "A suggestion from your logs: your clinician confirms any move to the next phase.",
    "review": "Your clinician goes through these with you and confirms; nothing is automatic.",
    "none": "This is the last phase: keep up your home programme.",
}


def _criterion(c: PhaseCriterion) -> dict[str, Any]:
    return {
        "id": c.id,
        "label": LABELS.get(c.id, c.id),
        "met": c.met,
        "value": c.value,
        "target": c.target,
        "text": c.text,
    }


def _timeline(phase: int) -> list[dict[str, Any]]:
    rows = []
    for number, info in PHASES.items():
        weeks = GUIDES[number].weeks
        rows.append(
            {
                "number": number,
                "name": info.name,
                "weeks_low": weeks[0] if weeks else None,
                "weeks_high": weeks[1] if weeks else None,
                "typical": f"{weeks[0]}-{weeks[1]} weeks" if weeks else "ongoing",
                "status": "done" if number < phase else "current" if number == phase else "ahead",
            }
        )
    return rows


def _last_review(session: Session, patient: User) -> Any:
    return session.exec(
        select(col(ReturnToSportReview.confirmed_on))
        .where(ReturnToSportReview.patient_id == patient.id)
        .order_by(col(ReturnToSportReview.confirmed_at).desc())
        .limit(1)
    ).first()


def phase_page(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    today = today_in(patient.timezone, now)
    inputs = load_rule_inputs(session, patient.id, today)
    state = inputs.state
    phase = state.phase
    info, guide = PHASES[phase], GUIDES[phase]
    if phase == REVIEW_PHASE:
        kind, items = "review", current_criteria(session, patient.id, today)
    elif phase in PHASES and phase + 1 in PHASES:
        kind, items = "automatic", [_criterion(c) for c in phase_check(inputs).criteria]
    else:
        kind, items = "none", []
    started = state.phase_started_on
    return {
        "phase": phase,
        "name": info.name,
        "started_on": started,
        "days_in_phase": (today - started).days if started else None,
        "purpose": guide.purpose,
        "do": list(guide.do),
        "avoid": list(guide.avoid),
        "plan": {"loading": info.loading, "running_cap": info.running_cap, "neural": info.neural},
        "next_phase": (
            {"number": phase + 1, "name": PHASES[phase + 1].name} if phase + 1 in PHASES else None
        ),
        "criteria": {
            "kind": kind,
            "items": items,
            "met": sum(1 for c in items if c["met"]),
            "all_met": bool(items) and all(c["met"] for c in items),
            "note": NOTES[kind],
            "review_confirmed_on": _last_review(session, patient) if kind == "review" else None,
        },
        "timeline": _timeline(phase),
        "timeline_note": TIMELINE_NOTE,
        "total_typical": TOTAL_TYPICAL,
        "cards": list(guide.cards),
        "sources": cited(tuple(dict.fromkeys((*guide.sources, "S17")))),
        "disclaimer": DISCLAIMER,
        "content_version": CONTENT_VERSION,
    }


def read_phase_page(
    session: Session, clinician: User, linked: LinkedPatient, now: datetime
) -> dict[str, Any]:
    with writing(session):
        page = phase_page(session, linked.patient, now)
        record_access(session, clinician, [linked.patient.id], "phase_page_viewed", now)
    return page


def education() -> dict[str, Any]:
    return {
        "version": CONTENT_VERSION,
        "disclaimer": DISCLAIMER,
        "cards": [
            {
                "id": card.id,
                "title": card.title,
                "summary": card.summary,
                "minutes": 1,
                "paragraphs": list(card.paragraphs),
                "sources": cited(card.sources),
                "disclaimer": DISCLAIMER,
            }
            for card in CARDS
        ],
    }
