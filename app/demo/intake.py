"""The demo clinic's intakes and assessments (one patient for each impression) and Maja, in
maintenance, with three monthly re-checks, the middle one suggesting a step back. Written
through the same use cases as the API, at the times they happened."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.accounts.service import register_user
from app.auth.schemas import RegisterIn
from app.dashboard.patient_record import change_settings
from app.intake.assessment_schemas import AssessmentIn
from app.intake.assessments import record_assessment
from app.intake.maintenance import save_check
from app.intake.maintenance_schemas import MaintenanceIn
from app.intake.schemas import IntakeIn
from app.intake.service import save_intake
from app.models import User
from app.sharing.service import create_code, linked_patient, redeem_code

MAJA_EMAIL = "patient-maintenance@demo.loadline.app"
MAJA = "Maja Eide (maintenance)"
MAJA_DAYS = 100


def _provocation(sitting: int, minutes: int | None, others: tuple[int, ...]) -> dict[str, Any]:
    keys = ("stairs_hills", "fast_running", "deep_hip_flexion", "hamstring_stretch")
    return {"sitting": sitting, "sitting_minutes": minutes} | dict(zip(keys, others, strict=True))


TENDON_TESTS = {
    "ischial_palpation": {"side": "right", "result": "positive", "note": "Familiar pain"},
    "bent_knee_stretch": {"side": "right", "result": "positive"},
    "modified_bent_knee_stretch": {"side": "right", "result": "positive"},
    "puranen_orava": {"side": "right", "result": "positive"},
    "slump": {"side": "right", "result": "negative"},
    "straight_leg_raise": {"side": "right", "result": "negative", "range_deg": 75},
    "single_leg_bridge": {"left": 22, "right": 14, "affected": "right"},
}
NEURAL_TESTS = TENDON_TESTS | {
    "ischial_palpation": {"side": "left", "result": "negative"},
    "bent_knee_stretch": {"side": "left", "result": "negative"},
    "modified_bent_knee_stretch": {"side": "left", "result": "negative"},
    "puranen_orava": {"side": "left", "result": "negative"},
    "slump": {"side": "left", "result": "positive", "note": "Eases with the neck released"},
    "straight_leg_raise": {"side": "left", "result": "positive", "range_deg": 55},
    "single_leg_bridge": {"left": 18, "right": 21, "affected": "left"},
}
MIXED_TESTS = TENDON_TESTS | {
    "slump": {"side": "right", "result": "positive"},
    "straight_leg_raise": {"side": "right", "result": "positive", "range_deg": 60},
}
TINGLING = {"tingling": True, "reaches": "thigh", "slump_brings_on": True}
# first name -> (days ago, intake answers, impression, tests, note)
ASSESSED: dict[str, tuple[int, dict[str, Any], str, dict[str, Any], str]] = {
    "Kari": (
        40,
        {
            "sport": "Football",
            "weekly_running_km": 25,
            "want_back": "Play a full match",
            "make_goal": False,  # her goals are in app/demo/outcomes.py
            "pain_duration": "3_to_12_months",
            "provocation": _provocation(8, 20, (4, 6, 6, 5)),
            "nerve": {"tingling": False},
        },
        "tendon",
        TENDON_TESTS,
        "Tendon-led: sitting is the marker.",
    ),
    "Jonas": (
        12,
        {
            "sport": "Orienteering",
            "weekly_running_km": 40,
            "want_back": "Race in the spring",
            "pain_duration": "6_to_12_weeks",
            "provocation": _provocation(5, 45, (2, 4, 3, 4)),
            "nerve": TINGLING | {"long_leg_sitting_brings_on": True},
        },
        "neural",
        NEURAL_TESTS,
        "Neural-led: sliders only for now.",
    ),
    "Sara": (
        13,
        {
            "sport": "Sprinting",
            "weekly_running_km": 15,
            "want_back": "Sprint at full speed",
            "pain_duration": "over_12_months",
            "provocation": _provocation(7, 25, (3, 8, 6, 7)),
            "nerve": TINGLING,
        },
        "mixed",
        MIXED_TESTS,
        "Mixed: tendon load and a sensitive nerve.",
    ),
}
MAJA_INTAKE = {
    "sport": "Trail running",
    "weekly_running_km": 50,
    "want_back": "Run the mountain race",
    "pain_duration": "3_to_12_months",
    "provocation": _provocation(7, 20, (5, 7, 5, 6)),
    "nerve": {"tingling": False},
}
WEEKLY = {"kind": "weekly", "home_programme": "yes", "flare": False}
# days ago -> the check (the middle re-check has sitting up by 3: a suggestion to step back)
MAJA_CHECKS: list[tuple[float, dict[str, Any]]] = [
    (70, WEEKLY | {"kind": "recheck", "provocation": _provocation(2, 120, (1, 2, 1, 2))}),
    (56, WEEKLY | {"home_programme": "partly"}),
    (
        42,
        WEEKLY
        | {"kind": "recheck", "home_programme": "partly"}
        | {"provocation": _provocation(5, 40, (2, 3, 2, 3))},
    ),
    (35, WEEKLY),
    (14, WEEKLY | {"kind": "recheck", "provocation": _provocation(3, 90, (1, 2, 1, 2))}),
    (7, WEEKLY),
    (0.05, WEEKLY),
]
PAIN = {70: (1, 120), 56: (2, 90), 42: (4, 40), 35: (3, 60), 14: (2, 90), 7: (1, 100)}


def _assess(
    session: Session,
    patient: User,
    clinician: User,
    plan: tuple[int, dict[str, Any], str, dict[str, Any], str],
    now: datetime,
) -> None:
    days_ago, answers, impression, tests, note = plan
    save_intake(session, patient, IntakeIn.model_validate(answers), now - timedelta(days=days_ago))
    linked = linked_patient(session, clinician, str(patient.id), "clinician")
    body = AssessmentIn.model_validate(
        {"tests": tests, "impression": impression, "confirmed": True, "note": note}
    )
    record_assessment(session, clinician, linked, body, now - timedelta(days=days_ago - 1))


def _maja(session: Session, clinician: User, now: datetime) -> User:
    start = now - timedelta(days=MAJA_DAYS)
    data = RegisterIn(email=MAJA_EMAIL, password="loadline-demo", display_name=MAJA, role="patient")  # noqa: S106
    maja = register_user(session, data, start)
    _, code = create_code(session, maja, "clinician", start)
    redeem_code(session, clinician, code, "demo", start)
    plan = (MAJA_DAYS - 1, MAJA_INTAKE, "tendon", TENDON_TESTS, "Tendon-led; progressed well.")
    _assess(session, maja, clinician, plan, now)
    linked = linked_patient(session, clinician, str(maja.id), "clinician")
    change_settings(session, clinician, linked, 6, {}, None, now - timedelta(days=84))
    for days_ago, check in MAJA_CHECKS:
        pain, minutes = PAIN.get(int(days_ago), (1, 110))
        body = MaintenanceIn.model_validate(check | {"pain_week": pain, "sitting_minutes": minutes})
        save_check(session, maja, body, now - timedelta(days=days_ago))
    return maja


def write_intakes(
    session: Session, patients: dict[str, User], clinician: User, now: datetime
) -> User:
    """The assessed patients (by first name) and Maja; returns Maja."""
    for name, plan in ASSESSED.items():
        _assess(session, patients[name], clinician, plan, now)
    return _maja(session, clinician, now)
