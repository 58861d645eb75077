"""Small builders for the outcome tests, through the public API."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account

TODAY = datetime.now(UTC).date()
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def set_activities(client: TestClient, patient: Account, *labels: str) -> list[dict[str, Any]]:
    answer = client.put(
        "/api/v1/me/check-ins/activities",
        json={"activities": list(labels)},
        headers=patient.headers,
    )
    assert answer.status_code == 200, answer.text
    activities: list[dict[str, Any]] = answer.json()["activities"]
    return activities


def check_in(
    client: TestClient,
    patient: Account,
    *,
    confidence: int = 5,
    fear: int = 5,
    global_change: str = "no_change",
    scores: dict[str, int] | None = None,
    answered_on: date | None = None,
    expected: int | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "confidence": confidence,
        "fear": fear,
        "global_change": global_change,
        "activities": [{"activity_id": k, "score": v} for k, v in (scores or {}).items()],
    }
    if answered_on is not None:
        body["answered_on"] = answered_on.isoformat()
    answer = client.post("/api/v1/me/check-ins", json=body, headers=patient.headers)
    if expected is not None:
        assert answer.status_code == expected, answer.text
    else:
        assert answer.status_code in (200, 201), answer.text
    result: dict[str, Any] = answer.json()
    return result
