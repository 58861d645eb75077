"""Log dates are bounded: from 2 years (730 days) before the account was created, in the
patient's time zone, up to tomorrow. Outside, every date input is a clear 422, never a 500."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from app.logs.service import BACKFILL_DAYS
from tests.factories import link, put_log, register

TODAY = datetime.now(UTC).date()  # the accounts below are created today (UTC)
EARLIEST = TODAY - timedelta(days=BACKFILL_DAYS)
ANCIENT = ["0001-01-01", "0001-01-27", "0001-01-28", "1900-03-01"]


def _problem_field(answer: object) -> str:
    body = answer.json()  # type: ignore[attr-defined]
    assert body["status"] == 422 and body["type"].endswith("validation-error"), body
    return str(body["errors"][0]["field"])


@pytest.mark.parametrize("day", ANCIENT)
def test_a_log_dated_before_the_bound_is_422_not_500(client: TestClient, day: str) -> None:
    patient = register(client)
    answer = client.put(f"/api/v1/me/logs/{day}", json={"morning_pain": 2}, headers=patient.headers)
    assert answer.status_code == 422, answer.text
    assert _problem_field(answer) == "log_date"
    assert EARLIEST.isoformat() in answer.json()["detail"]


@pytest.mark.parametrize("day", ANCIENT)
def test_guidance_before_the_bound_is_422_not_500(client: TestClient, day: str) -> None:
    patient = register(client)
    answer = client.get(f"/api/v1/me/guidance?date={day}", headers=patient.headers)
    assert answer.status_code == 422, answer.text
    assert _problem_field(answer) == "date"


@pytest.mark.parametrize("query", ["to=0001-01-01", "from=0001-01-01&to=0001-01-02"])
def test_a_log_list_reaching_before_the_bound_is_422_not_500(
    client: TestClient, query: str
) -> None:
    patient = register(client)
    clinician = register(client, "clinician")
    link(client, patient, clinician)
    mine = client.get(f"/api/v1/me/logs?{query}", headers=patient.headers)
    assert mine.status_code == 422, mine.text
    theirs = client.get(
        f"/api/v1/clinician/patients/{patient.id}/logs?{query}", headers=clinician.headers
    )
    assert theirs.status_code == 422, theirs.text


def test_the_bound_is_two_years_before_the_account_was_created(client: TestClient) -> None:
    patient = register(client)
    assert put_log(client, patient, EARLIEST, morning_pain=2).status_code == 201
    early = put_log(client, patient, EARLIEST - timedelta(days=1), morning_pain=2)
    assert early.status_code == 422
    guidance = f"/api/v1/me/guidance?date={EARLIEST.isoformat()}"
    assert client.get(guidance, headers=patient.headers).status_code == 200
    before = f"/api/v1/me/guidance?date={(EARLIEST - timedelta(days=1)).isoformat()}"
    assert client.get(before, headers=patient.headers).status_code == 422


def test_the_bound_is_documented_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in (("/api/v1/me/logs/{log_date}", "put"), ("/api/v1/me/guidance", "get")):
        text = paths[path][method]["description"]
        assert "2 years" in text and "tomorrow" in text, (path, text)
