"""Shared steps of the programme's API tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account, put_log

TODAY = datetime.now(UTC).date()
YESTERDAY = TODAY - timedelta(days=1)
STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}
SESSION = {"loading_pain": 2, "loading_stage": 1}


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


def ready_to_step(client: TestClient, patient: Account, **today: Any) -> dict[str, Any]:
    """A calm week with two good loading sessions (3 days ago and yesterday), settled
    mornings: today's tendon decision is PR-1 progress. Returns today's guidance."""
    for n in range(6, 0, -1):
        put_log(client, patient, day(n), **STEADY, **(SESSION if n in (3, 1) else {}))
    answer = put_log(client, patient, TODAY, **(STEADY | today))
    assert answer.status_code == 201, answer.text
    return dict(answer.json()["guidance"])


def plan(client: TestClient, patient: Account) -> dict[str, Any]:
    answer = client.get("/api/v1/me/programme", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def history(client: TestClient, patient: Account, component: str | None = None) -> list[Any]:
    query = f"?component={component}" if component else ""
    answer = client.get(f"/api/v1/me/programme/history{query}", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["versions"])


def answer(client: TestClient, patient: Account, proposal_id: str, verb: str) -> Any:
    return client.post(
        f"/api/v1/me/programme/proposals/{proposal_id}/{verb}", headers=patient.headers
    )


def current(client: TestClient, patient: Account, component: str) -> dict[str, Any]:
    return dict(plan(client, patient)["components"][component]["current"])
