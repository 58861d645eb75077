"""The 28-day window read (statements.DAY_LOGS) skips decoding the empty flag list; what the
rules and the inputs digest get from it is exactly what the plain columns give."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import bindparam, select
from sqlmodel import Session

from app.logs import statements
from app.logs.decision_inputs import read_logs
from app.logs.rules_input import DAY_LOG_COLUMNS
from tests.factories import put_log, register

TODAY = datetime.now(UTC).date()
PLAIN = select(*DAY_LOG_COLUMNS).where(
    statements.LOGS.c.patient_id == bindparam("pid"),
    statements.LOGS.c.log_date >= bindparam("start"),
    statements.LOGS.c.log_date <= bindparam("end"),
)


def test_the_window_read_gives_the_same_logs_and_digest_texts_as_the_plain_columns(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    flags = {3: ["fever_unwell"], 2: ["new_weakness", "saddle_numbness"], 1: []}
    for n in range(5, -1, -1):
        extra = {"red_flags": flags[n]} if n in flags else {}
        put_log(client, patient, TODAY - timedelta(days=n), morning_pain=n % 3, **extra)
    params = {"pid": uuid.UUID(patient.id), "start": TODAY - timedelta(days=5), "end": TODAY}
    connection = db_session.connection()
    fast = read_logs(connection.execute(statements.DAY_LOGS, params))
    plain = read_logs(connection.execute(PLAIN, params))
    assert fast == plain
    logs, texts = fast
    assert len(logs) == 6
    assert logs[TODAY - timedelta(days=2)].red_flags == {"new_weakness", "saddle_numbness"}
    assert logs[TODAY - timedelta(days=3)].red_flags == {"fever_unwell"}
    assert logs[TODAY].red_flags == frozenset()
    assert "[]" in texts[TODAY]  # the empty list, as stored records' digests were made from
