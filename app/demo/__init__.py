"""Demo data for `make run`: a clinic written through the same service code as the API, so every
day carries its real guidance. Running it again changes nothing."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from app.accounts.service import register_user
from app.auth.schemas import RegisterIn
from app.core.clock import utcnow
from app.demo.cohort import COHORT, write_story
from app.demo.intake import write_intakes
from app.demo.kari import DAYS, write_kari
from app.demo.outcomes import write_outcomes
from app.models import DecisionRecord, User
from app.sharing.service import create_code, redeem_code

DEMO_PASSWORD = "loadline-demo"  # noqa: S105 (printed for the demo)
PATIENT_EMAIL = "patient@demo.loadline.app"
CLINICIAN_EMAIL = "clinician@demo.loadline.app"
COACH_EMAIL = "coach@demo.loadline.app"
COACHED = {"Kari", "Anders", "Jonas"}


def _register(session: Session, email: str, name: str, role: str, now: datetime) -> User:
    data = RegisterIn(email=email, password=DEMO_PASSWORD, display_name=name, role=role)
    return register_user(session, data, now - timedelta(days=DAYS))


def _share(session: Session, patient: User, holder: User, now: datetime) -> None:
    _, code = create_code(session, patient, holder.role, now)
    redeem_code(session, holder, code, "demo", now)


def load_demo(session: Session, now: datetime | None = None) -> dict[str, str]:
    """Create the demo clinic unless it exists; returns role -> email of the demo accounts."""
    now = now or utcnow()
    accounts = {"patient": PATIENT_EMAIL, "clinician": CLINICIAN_EMAIL, "coach": COACH_EMAIL}
    if session.exec(select(User.id).where(User.email == CLINICIAN_EMAIL)).first():
        return accounts
    clinician = _register(session, CLINICIAN_EMAIL, "Dr Amira Haddad (physio)", "clinician", now)
    coach = _register(session, COACH_EMAIL, "Coach Lars Vik", "coach", now)
    kari = session.exec(select(User).where(User.email == PATIENT_EMAIL)).first()
    if kari is None:
        kari = _register(session, PATIENT_EMAIL, "Kari (demo patient)", "patient", now)
        write_kari(session, kari, clinician, now)
    patients = [kari]
    for n, (name, phase, days, story) in enumerate(COHORT, start=1):
        patient = _register(session, f"patient{n}@demo.loadline.app", name, "patient", now)
        write_story(session, patient, clinician, phase, days, story, now)
        patients.append(patient)
    shared_at = now - timedelta(days=DAYS)  # linked since they started
    for patient in patients:
        _share(session, patient, clinician, shared_at)
        if patient.display_name.split()[0] in COACHED:
            _share(session, patient, coach, shared_at)
    by_name = {patient.display_name.split()[0]: patient for patient in patients}
    write_outcomes(session, by_name, clinician, now)
    write_intakes(session, by_name, clinician, now)
    return accounts


def decision_counts(session: Session, email: str) -> Counter[str]:
    patient = session.exec(select(User).where(User.email == email)).one()
    rows = session.exec(
        select(DecisionRecord).where(
            DecisionRecord.patient_id == patient.id, col(DecisionRecord.superseded_at).is_(None)
        )
    ).all()
    counts = Counter(row.decision for row in rows)
    counts.update(f"referral:{row.referral}" for row in rows if row.referral)
    counts.update(f"rule:{rule}" for row in rows for rule in row.rules.split())
    return counts
