"""A battery of malformed requests: each gets a 4xx problem document, never a 500."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import Account, register

TODAY = datetime.now(UTC).date().isoformat()
LOG = f"/api/v1/me/logs/{TODAY}"
JSON = {"Content-Type": "application/json"}


def raw(body: str | bytes) -> dict[str, Any]:
    return {"content": body, "headers": JSON}


CASES: list[tuple[str, str, str, dict[str, Any], int]] = [
    ("unknown-api-route", "GET", "/api/v1/nope", {}, 404),
    ("api-root", "GET", "/api", {}, 404),
    ("wrong-method-register", "DELETE", "/api/v1/auth/register", {}, 405),
    ("wrong-method-token", "PUT", "/api/v1/auth/token", {}, 405),
    ("malformed-json", "PUT", LOG, raw("{"), 400),
    ("truncated-json", "PUT", LOG, raw('{"morning_pain": 3'), 400),
    ("invalid-utf8", "PUT", LOG, raw(b'{"notes": "\xff\xfe"}'), 400),
    ("deeply-nested-json", "PUT", LOG, raw("[" * 20000 + "]" * 20000), 400),
    ("json-array-not-object", "PUT", LOG, {"json": []}, 422),
    ("json-null-body", "PUT", LOG, raw("null"), 422),
    ("empty-body", "PUT", LOG, raw(""), 422),
    ("string-for-int", "PUT", LOG, {"json": {"morning_pain": "3"}}, 422),
    ("pain-above-10", "PUT", LOG, {"json": {"morning_pain": 11}}, 422),
    ("pain-below-0", "PUT", LOG, {"json": {"sitting_pain": -1}}, 422),
    ("fractional-pain", "PUT", LOG, {"json": {"loading_pain": 3.5}}, 422),
    ("boolean-for-int", "PUT", LOG, {"json": {"sprint_pain": True}}, 422),
    ("huge-integer", "PUT", LOG, {"json": {"morning_pain": 10**30}}, 422),
    (
        "integer-past-64-bits-in-tolerance",
        "PUT",
        LOG,
        {"json": {"sitting_tolerance_min": 2**70}},
        422,
    ),
    ("float-overflow", "PUT", LOG, raw('{"morning_pain": 1e400}'), 422),
    ("five-thousand-digit-number", "PUT", LOG, raw('{"morning_pain": ' + "9" * 5000 + "}"), 400),
    ("nan-literal", "PUT", LOG, raw('{"morning_pain": NaN}'), 422),
    ("unknown-field", "PUT", LOG, {"json": {"morning_pain": 2, "mood": 5}}, 422),
    ("bad-enum", "PUT", LOG, {"json": {"glide_type": "banana"}}, 422),
    ("red-flags-not-a-list", "PUT", LOG, {"json": {"red_flags": "saddle_numbness"}}, 422),
    ("unknown-red-flag", "PUT", LOG, {"json": {"red_flags": ["dizzy"]}}, 422),
    ("notes-too-long", "PUT", LOG, {"json": {"notes": "x" * 2001}}, 422),
    ("notes-with-nul", "PUT", LOG, {"json": {"notes": "a\u0000b"}}, 422),
    ("notes-with-lone-surrogate", "PUT", LOG, raw('{"notes": "\\ud800"}'), 422),
    ("tolerance-above-720", "PUT", LOG, {"json": {"sitting_tolerance_min": 721}}, 422),
    ("stage-5", "PUT", LOG, {"json": {"loading_stage": 5}}, 422),
    ("wellness-0", "PUT", LOG, {"json": {"sleep": 0}}, 422),
    ("impossible-date", "PUT", "/api/v1/me/logs/2026-13-45", {"json": {}}, 422),
    ("word-for-date", "PUT", "/api/v1/me/logs/yesterday", {"json": {}}, 422),
    ("date-after-tomorrow", "PUT", "/api/v1/me/logs/2999-01-01", {"json": {}}, 422),
    ("body-over-64kb", "PUT", LOG, raw(json.dumps({"notes": "x" * 70_000})), 413),
    ("stale-if-match", "PUT", LOG, {"json": {}, "headers": {"If-Match": '"nope"'}}, 412),
    ("list-bad-from", "GET", "/api/v1/me/logs?from=soon", {}, 422),
    ("list-from-after-to", "GET", "/api/v1/me/logs?from=2026-02-01&to=2026-01-01", {}, 422),
    ("list-range-too-long", "GET", "/api/v1/me/logs?from=2000-01-01&to=2026-01-01", {}, 422),
    ("guidance-far-future", "GET", "/api/v1/me/guidance?date=2999-01-01", {}, 422),
    ("delete-missing-log", "DELETE", "/api/v1/me/logs/2020-01-01", {}, 404),
    ("get-missing-log", "GET", "/api/v1/me/logs/2020-01-01", {}, 404),
    (
        "register-bad-role",
        "POST",
        "/api/v1/auth/register",
        {
            "json": {
                "email": "a@b.org",
                "password": "12345678",
                "display_name": "A",
                "role": "admin",
            }
        },
        422,
    ),
    (
        "register-bad-email",
        "POST",
        "/api/v1/auth/register",
        {"json": {"email": "nobody", "password": "12345678", "display_name": "A", "role": "coach"}},
        422,
    ),
    (
        "register-empty-name",
        "POST",
        "/api/v1/auth/register",
        {
            "json": {
                "email": "e@b.org",
                "password": "12345678",
                "display_name": "  ",
                "role": "coach",
            }
        },
        422,
    ),
    ("token-missing-fields", "POST", "/api/v1/auth/token", {"data": {}}, 422),
    (
        "token-as-json",
        "POST",
        "/api/v1/auth/token",
        {"json": {"username": "a", "password": "b"}},
        422,
    ),
    (
        "refresh-extra-field",
        "POST",
        "/api/v1/auth/refresh",
        {"json": {"refresh_token": "x", "y": 1}},
        422,
    ),
    (
        "refresh-unknown-token",
        "POST",
        "/api/v1/auth/refresh",
        {"json": {"refresh_token": "x"}},
        401,
    ),
    ("patch-me-number-timezone", "PATCH", "/api/v1/me", {"json": {"timezone": 123}}, 422),
    ("patch-me-unknown-field", "PATCH", "/api/v1/me", {"json": {"role": "clinician"}}, 422),
]


@pytest.fixture
def patient(client: TestClient) -> Account:
    return register(client)


def assert_problem(answer: Any, status: int) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    body = answer.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert "Traceback" not in answer.text


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_malformed_request_gets_a_problem_document(
    client: TestClient,
    patient: Account,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
) -> None:
    headers = {**patient.headers, **kwargs.pop("headers", {})}
    answer = client.request(method, path, headers=headers, **kwargs)
    assert_problem(answer, status)


def test_validation_problems_name_each_field_at_fault(client: TestClient, patient: Account) -> None:
    answer = client.put(LOG, json={"morning_pain": 11, "glide_type": "x"}, headers=patient.headers)
    assert_problem(answer, 422)
    fields = {error["field"] for error in answer.json()["errors"]}
    assert fields == {"morning_pain", "glide_type"}


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no-header"),
        pytest.param({"Authorization": "Bearer garbage"}, id="garbage-token"),
        pytest.param({"Authorization": "Basic dXNlcjpwYXNz"}, id="basic-scheme"),
        pytest.param({"Authorization": "Bearer " + "a" * 5000}, id="oversized-token"),
    ],
)
def test_missing_or_bad_credentials_get_401(client: TestClient, headers: dict[str, str]) -> None:
    assert_problem(client.get("/api/v1/me/logs", headers=headers), 401)


def test_a_rejected_write_leaves_the_saved_log_untouched(
    client: TestClient, patient: Account
) -> None:
    assert (
        client.put(
            LOG, json={"morning_pain": 2, "notes": "kept"}, headers=patient.headers
        ).status_code
        == 201
    )
    for bad in ({"morning_pain": 99}, {"notes": "x" * 3000}, {"unknown": 1}):
        assert client.put(LOG, json=bad, headers=patient.headers).status_code == 422
    log = client.get(LOG, headers=patient.headers).json()["log"]
    assert log["morning_pain"] == 2 and log["notes"] == "kept"


def test_a_clinician_cannot_use_the_patient_log_endpoints(client: TestClient) -> None:
    clinician = register(client, "clinician")
    assert_problem(client.get("/api/v1/me/logs", headers=clinician.headers), 403)
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    assert_problem(
        client.put(f"/api/v1/me/logs/{yesterday}", json={}, headers=clinician.headers), 403
    )


def test_a_streamed_body_over_the_limit_gets_413_without_content_length(
    client: TestClient, patient: Account
) -> None:
    def chunks() -> Any:
        yield b'{"notes": "'
        for _ in range(10):
            yield b"x" * 10_000
        yield b'"}'

    answer = client.put(LOG, content=chunks(), headers={**patient.headers, **JSON})
    assert_problem(answer, 413)


def test_a_known_api_path_with_the_wrong_method_is_405_with_allow(client: TestClient) -> None:
    answer = client.get("/api/v1/auth/token")
    assert_problem(answer, 405)
    assert answer.headers["allow"] == "POST"


def test_an_unknown_api_path_is_404_whatever_the_method(client: TestClient) -> None:
    for method in ("GET", "POST", "PUT", "DELETE"):
        assert_problem(client.request(method, "/api/v1/nothing-here"), 404)


def test_dates_must_be_written_as_iso_dates_not_numbers(
    client: TestClient, patient: Account
) -> None:
    for path in ("/api/v1/me/logs/0", "/api/v1/me/logs/20260101", "/api/v1/me/guidance?date=0"):
        assert_problem(client.get(path, headers=patient.headers), 422)
