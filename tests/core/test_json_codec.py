"""Answers and JSON columns go through orjson (app/core/json_codec.py): the same JSON values as
the standard library gave, and rows the standard library wrote before still read back."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient
from sqlalchemy import String, cast, literal, type_coerce, update
from sqlmodel import Session

from app.logs import statements
from tests.factories import put_log, register

TODAY = datetime.now(UTC).date()


def test_an_answer_keeps_non_ascii_text_as_utf8_and_dates_as_iso_8601(
    client: TestClient,
) -> None:
    patient = register(client)
    notes = "Sat 40 min at the café, no ache ✓"
    answer = put_log(client, patient, TODAY, morning_pain=1, notes=notes)
    assert answer.status_code == 201, answer.text
    assert notes.encode() in answer.content  # not \u-escaped
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["log"]["notes"] == notes
    assert date.fromisoformat(body["log"]["log_date"]) == TODAY
    assert datetime.fromisoformat(body["log"]["updated_at"]).tzinfo is not None


def test_a_json_column_written_by_the_standard_library_reads_back_the_same(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    assert put_log(client, patient, TODAY, morning_pain=1).status_code == 201
    flags = ["fever_unwell", "new_weakness"]
    old_text = json.dumps(flags)  # '["fever_unwell", "new_weakness"]': spaces, as stored before
    column = statements.LOGS.c.red_flags
    dialect = db_session.get_bind().dialect.name
    # SQLite keeps the text as written; PostgreSQL parses it into its own JSON value.
    value = (
        type_coerce(old_text, String)
        if dialect == "sqlite"
        else cast(literal(old_text), column.type)
    )
    db_session.connection().execute(
        update(statements.LOGS)
        .where(
            statements.LOGS.c.patient_id == uuid.UUID(patient.id),
            statements.LOGS.c.log_date == TODAY,
        )
        .values(red_flags=value)
    )
    answer = client.get(f"/api/v1/me/logs/{TODAY.isoformat()}", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["log"]["red_flags"] == flags
