"""Exports of the outcomes: the check-ins on their own (JSON, CSV with one row per week, FHIR),
and the outcomes' part of the whole-record export (`GET /me/export`), registered below."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.core.db import begin_snapshot
from app.core.json_codec import plain
from app.logs.export import FHIR_SECTIONS, JSON_SECTIONS
from app.models import CheckIn, Goal, User
from app.outcomes.checkins import activities_of, check_in_view
from app.outcomes.fhir import (
    check_in_response,
    global_change_code_system,
    goal_resource,
    questionnaire_resource,
    test_observation,
    urn,
)
from app.outcomes.goals import goal_list
from app.outcomes.notes import shared_notes
from app.outcomes.objective import names_of, test_view, tests_of
from app.outcomes.questionnaire import MAX_ACTIVITIES, QUESTIONNAIRE_VERSION

CSV_COLUMNS = [
    "week_start",
    "answered_on",
    *(f"activity_{n}_{part}" for n in range(1, MAX_ACTIVITIES + 1) for part in ("label", "score")),
    "confidence",
    "fear",
    "global_change",
    "global_change_score",
]


def _rows(session: Session, patient: User) -> list[CheckIn]:
    return list(
        session.exec(
            select(CheckIn)
            .where(CheckIn.patient_id == patient.id)
            .order_by(col(CheckIn.week_start))
        ).all()
    )


def _labels(session: Session, patient: User) -> dict[str, str]:
    return {str(a.id): a.label for a in activities_of(session, patient.id, current_only=False)}


def check_ins_json(session: Session, patient: User) -> dict[str, Any]:
    labels = _labels(session, patient)
    data: dict[str, Any] = plain(
        {
            "questionnaire_version": QUESTIONNAIRE_VERSION,
            "activities": [
                {"id": a.id, "label": a.label, "position": a.position, "retired_at": a.retired_at}
                for a in activities_of(session, patient.id, current_only=False)
            ],
            "check_ins": [check_in_view(row, labels) for row in _rows(session, patient)],
        }
    )
    return data


def check_ins_csv(session: Session, patient: User) -> str:
    """One row per week; an activity not rated that week is an empty cell, never 0."""
    begin_snapshot(session)
    labels = _labels(session, patient)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in _rows(session, patient):
        view = check_in_view(row, labels)
        cells: list[Any] = [view["week_start"].isoformat(), view["answered_on"].isoformat()]
        rated = view["activities"] + [None] * (MAX_ACTIVITIES - len(view["activities"]))
        for rating in rated[:MAX_ACTIVITIES]:
            cells += [_csv_safe(rating["label"]), rating["score"]] if rating else ["", ""]
        cells += [row.confidence, row.fear, view["global_change"], row.global_change]
        writer.writerow(cells)
    return out.getvalue()


def _csv_safe(value: str) -> str:
    """Neutralise spreadsheet formulas in free text (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def check_ins_fhir(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    """An R4 collection Bundle: the Patient, the Questionnaire, its code system, the answers."""
    begin_snapshot(session)
    patient_ref = urn("patient", patient.id)
    entries = [
        {
            "fullUrl": patient_ref,
            "resource": {"resourceType": "Patient", "name": [{"text": patient.display_name}]},
        },
        *fhir_entries(session, patient, patient_ref, tests=False),
    ]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": entries,
    }


def fhir_entries(
    session: Session, patient: User, patient_ref: str, tests: bool = True
) -> list[dict[str, Any]]:
    """The outcomes' entries of a Bundle about `patient_ref`."""
    labels = _labels(session, patient)
    entries = [
        {
            "fullUrl": urn("questionnaire", QUESTIONNAIRE_VERSION),
            "resource": questionnaire_resource(),
        },
        {
            "fullUrl": urn("codesystem", QUESTIONNAIRE_VERSION),
            "resource": global_change_code_system(),
        },
    ]
    entries += [
        {
            "fullUrl": urn("check-in", row.id),
            "resource": check_in_response(row, patient_ref, labels),
        }
        for row in _rows(session, patient)
    ]
    if not tests:
        return entries
    rows = tests_of(session, patient.id, limit=10_000)
    names = names_of(session, {row.recorded_by_id for row in rows})
    entries += [
        {
            "fullUrl": urn("test", row.id),
            "resource": test_observation(row, patient_ref, names.get(row.recorded_by_id)),
        }
        for row in reversed(rows)
    ]
    goals = session.exec(select(Goal).where(Goal.patient_id == patient.id)).all()
    entries += [
        {"fullUrl": urn("goal", goal.id), "resource": goal_resource(goal, patient_ref)}
        for goal in goals
    ]
    return entries


def outcomes_json(session: Session, patient: User) -> dict[str, Any]:
    """The outcomes' part of the whole-record JSON export."""
    tests = tests_of(session, patient.id, limit=10_000)
    names = names_of(session, {row.recorded_by_id for row in tests})
    data: dict[str, Any] = plain(
        {
            **check_ins_json(session, patient),
            "tests": [test_view(row, names) for row in tests],
            "goals": goal_list(session, patient.id)["goals"],
            "shared_notes": shared_notes(session, patient),
        }
    )
    return data


JSON_SECTIONS["outcomes"] = outcomes_json
FHIR_SECTIONS.append(fhir_entries)
