"""The one adapter from stored data to the rules' inputs maps every field by name."""

from __future__ import annotations

import uuid
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.logs.decisions import load_day_logs
from app.logs.records import RecordRow
from app.logs.rules_input import DAY_LOG_COLUMNS, day_log, day_log_reader, prior_decision
from app.rules import DayLog, PriorDecision
from tests.factories import put_log, register

DAY = date(2026, 11, 20)
STORED = {  # a log as a revision stores it (the API's LogIn, dumped)
    "morning_pain": 3,
    "sitting_pain": 4,
    "sitting_tolerance_min": 45,
    "loading_pain": 2,
    "loading_stage": 2,
    "sprint_pain": None,
    "sprint_speed_pct": None,
    "glide_pain": 1,
    "glide_type": "slider",
    "paresthesia": "none",
    "symptom_extent": "buttock",
    "red_flags": ["night_rest_pain"],
    "red_flags_reviewed": True,
    "sleep": 3,
    "fatigue": 2,
    "stress": 4,
    "soreness": 2,
    "session_rpe": 5,
    "session_min": 30,
    "notes": "not read by the rules",
}
EXPECTED = DayLog(
    log_date=DAY,
    morning_pain=3,
    sitting_pain=4,
    sitting_tolerance_min=45,
    loading_pain=2,
    loading_stage=2,
    glide_pain=1,
    glide_type="slider",
    paresthesia="none",
    symptom_extent="buttock",
    red_flags=frozenset({"night_rest_pain"}),
    red_flags_reviewed=True,
    sleep=3,
    fatigue=2,
    stress=4,
    soreness=2,
    session_rpe=5,
    session_min=30,
)


def test_a_day_log_is_built_from_a_stored_revision_by_field_name() -> None:
    assert day_log({**STORED, "log_date": DAY}) == EXPECTED


def test_a_field_missing_from_old_stored_data_takes_the_rules_default() -> None:
    assert day_log({"log_date": DAY, "morning_pain": 2}) == DayLog(log_date=DAY, morning_pain=2)
    assert day_log({"log_date": DAY, "red_flags": None}).red_flags == frozenset()
    with pytest.raises(TypeError):
        day_log({"morning_pain": 2})  # the date is required


def test_rows_are_read_by_column_name_whatever_the_column_order() -> None:
    keys = ["patient_id", *reversed([f.name for f in fields(DayLog)])]
    row = [uuid.uuid4(), *(({**STORED, "log_date": DAY})[k] for k in keys[1:])]
    assert day_log_reader(keys)(row) == EXPECTED
    short = day_log_reader(["morning_pain", "log_date"])
    assert short([5, DAY]) == DayLog(log_date=DAY, morning_pain=5)


def test_every_day_log_field_has_a_column_of_the_same_name() -> None:
    assert [column.key for column in DAY_LOG_COLUMNS] == [f.name for f in fields(DayLog)]


def test_a_prior_decision_is_built_by_name_from_a_record_or_a_row() -> None:
    record = RecordRow(7, DAY, "hold", None, False, False, "PM-4 SI-1", "digest", "2026.11")
    expected = PriorDecision(DAY, "hold", frozenset({"PM-4", "SI-1"}))
    assert prior_decision(record) == expected == record.prior()
    row = SimpleNamespace(decision_date=DAY, decision="hold", rules="PM-4 SI-1", extra=1)
    assert prior_decision(row) == expected
    assert prior_decision(SimpleNamespace(decision_date=DAY, decision="progress", rules="")) == (
        PriorDecision(DAY, "progress", frozenset())
    )


def test_every_prior_decision_field_is_a_field_of_the_stored_record() -> None:
    assert {f.name for f in fields(PriorDecision)} <= {f.name for f in fields(RecordRow)}


def test_a_log_written_through_the_api_reads_back_as_the_same_day_log(
    client: TestClient, db_session: Any
) -> None:
    patient = register(client)
    today = datetime.now(UTC).date()
    body = {k: v for k, v in STORED.items() if v is not None}
    assert put_log(client, patient, today - timedelta(days=1), **body).status_code in (200, 201)
    logs, canonical = load_day_logs(
        db_session, uuid.UUID(patient.id), today - timedelta(days=2), today
    )
    day = today - timedelta(days=1)
    assert logs == {day: day_log({**STORED, "log_date": day})}
    assert canonical[day].startswith(f"({day!r}, 3, 4, 45,")  # the digest's text, by DayLog order
