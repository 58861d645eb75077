"""Daily logs: idempotent PUT, nulls kept, ETag / If-Match, ranges, time zones, privacy."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

from tests.factories import put_log, register

TODAY = datetime.now(UTC).date()
FULL_LOG = {
    "morning_pain": 3,
    "sitting_pain": 2,
    "sitting_tolerance_min": 45,
    "loading_pain": 3,
    "loading_stage": 2,
    "sprint_pain": None,
    "sprint_speed_pct": None,
    "glide_pain": 1,
    "glide_type": "slider",
    "paresthesia": "none",
    "symptom_extent": "buttock",
    "red_flags": [],
    "sleep": 3,
    "fatigue": 2,
    "stress": 4,
    "soreness": 3,
    "session_rpe": 6,
    "session_min": 40,
    "notes": "Bridges felt fine.",
}


def url(day: date) -> str:
    return f"/api/v1/me/logs/{day.isoformat()}"


def test_first_put_creates_with_201_and_the_same_body_again_gives_200_and_the_same_state(
    client: TestClient,
) -> None:
    patient = register(client)
    first = put_log(client, patient, TODAY, **FULL_LOG)
    assert first.status_code == 201
    second = put_log(client, patient, TODAY, **FULL_LOG)
    assert second.status_code == 200
    assert second.json() == first.json()
    assert second.headers["etag"] == first.headers["etag"]
    listed = client.get("/api/v1/me/logs", headers=patient.headers).json()["logs"]
    assert [item["log_date"] for item in listed] == [TODAY.isoformat()]


def test_put_answers_the_log_and_that_days_guidance(client: TestClient) -> None:
    patient = register(client)
    body = put_log(client, patient, TODAY, **FULL_LOG).json()
    assert {k: body["log"][k] for k in FULL_LOG} == FULL_LOG
    guidance = body["guidance"]
    assert guidance["date"] == TODAY.isoformat()
    assert guidance["decision"] in {"progress", "hold", "back_off"}
    assert set(guidance["components"]) == {"tendon", "running", "neural", "sitting"}
    assert guidance["ruleset"] == "2026.12"


def test_null_stays_null_and_is_never_turned_into_zero(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY, morning_pain=None, sitting_pain=0)
    log = client.get(url(TODAY), headers=patient.headers).json()["log"]
    assert log["morning_pain"] is None
    assert log["sitting_pain"] == 0
    assert log["loading_pain"] is None and log["sitting_tolerance_min"] is None


def test_put_is_a_full_replacement(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY, morning_pain=4, notes="first")
    replaced = put_log(client, patient, TODAY, sitting_pain=1)
    assert replaced.status_code == 200
    log = replaced.json()["log"]
    assert log["morning_pain"] is None and log["notes"] is None and log["sitting_pain"] == 1


def test_red_flags_are_deduplicated_and_kept_in_a_stable_order(client: TestClient) -> None:
    patient = register(client)
    body = put_log(
        client, patient, TODAY, red_flags=["night_rest_pain", "fever_unwell", "night_rest_pain"]
    ).json()
    assert body["log"]["red_flags"] == ["fever_unwell", "night_rest_pain"]


def test_get_has_an_etag_and_if_match_guards_against_lost_updates(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY, morning_pain=2)
    etag = client.get(url(TODAY), headers=patient.headers).headers["etag"]
    ok = client.put(
        url(TODAY), json={"morning_pain": 3}, headers={**patient.headers, "If-Match": etag}
    )
    assert ok.status_code == 200
    stale = client.put(
        url(TODAY), json={"morning_pain": 9}, headers={**patient.headers, "If-Match": etag}
    )
    assert stale.status_code == 412
    assert client.get(url(TODAY), headers=patient.headers).json()["log"]["morning_pain"] == 3


def test_if_match_star_requires_an_existing_log(client: TestClient) -> None:
    patient = register(client)
    star = {**patient.headers, "If-Match": "*"}
    assert client.put(url(TODAY), json={"morning_pain": 1}, headers=star).status_code == 412
    put_log(client, patient, TODAY, morning_pain=1)
    assert client.put(url(TODAY), json={"morning_pain": 2}, headers=star).status_code == 200


def test_tomorrow_is_accepted_but_the_day_after_is_422(client: TestClient) -> None:
    patient = register(client)
    assert put_log(client, patient, TODAY + timedelta(days=1), morning_pain=1).status_code == 201
    late = put_log(client, patient, TODAY + timedelta(days=2), morning_pain=1)
    assert late.status_code == 422
    assert late.json()["errors"][0]["field"] == "log_date"


def test_tomorrow_is_counted_in_the_patients_time_zone(client: TestClient) -> None:
    # Pick a zone whose local date is ahead of UTC right now, if any; Kiritimati is UTC+14.
    patient = register(client, timezone="Pacific/Kiritimati")
    local_today = datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    assert (
        put_log(client, patient, local_today + timedelta(days=1), morning_pain=1).status_code == 201
    )
    assert (
        put_log(client, patient, local_today + timedelta(days=2), morning_pain=1).status_code == 422
    )


def test_list_defaults_to_the_last_28_days_in_date_order(client: TestClient) -> None:
    patient = register(client)
    for offset in (0, 3, 27, 28, 40):
        put_log(client, patient, TODAY - timedelta(days=offset), morning_pain=offset % 10)
    logs = client.get("/api/v1/me/logs", headers=patient.headers).json()["logs"]
    assert [log["log_date"] for log in logs] == [
        (TODAY - timedelta(days=o)).isoformat() for o in (27, 3, 0)
    ]
    assert all(log["decision"] in {"progress", "hold", "back_off"} for log in logs)
    ranged = client.get(
        "/api/v1/me/logs",
        params={
            "from": (TODAY - timedelta(days=40)).isoformat(),
            "to": (TODAY - timedelta(days=28)).isoformat(),
        },
        headers=patient.headers,
    ).json()["logs"]
    assert [log["log_date"] for log in ranged] == [
        (TODAY - timedelta(days=o)).isoformat() for o in (40, 28)
    ]


def test_delete_removes_the_log_and_answers_404_afterwards(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY, morning_pain=2)
    assert client.delete(url(TODAY), headers=patient.headers).status_code == 204
    assert client.get(url(TODAY), headers=patient.headers).status_code == 404
    assert client.delete(url(TODAY), headers=patient.headers).status_code == 404
    assert put_log(client, patient, TODAY, morning_pain=2).status_code == 201


def test_a_patient_never_reads_changes_or_learns_of_another_patients_log(
    client: TestClient,
) -> None:
    alice, bob = register(client), register(client)
    put_log(client, alice, TODAY, morning_pain=6, notes="alice's secret")
    assert client.get(url(TODAY), headers=bob.headers).status_code == 404
    assert client.get("/api/v1/me/logs", headers=bob.headers).json() == {"logs": []}
    assert "alice" not in client.get("/api/v1/me/guidance", headers=bob.headers).text
    assert client.delete(url(TODAY), headers=bob.headers).status_code == 404
    assert put_log(client, bob, TODAY, morning_pain=1).status_code == 201
    alice_log = client.get(url(TODAY), headers=alice.headers).json()["log"]
    assert alice_log["morning_pain"] == 6 and alice_log["notes"] == "alice's secret"


def test_guidance_defaults_to_today_and_exists_before_todays_log(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY - timedelta(days=1), morning_pain=2, loading_pain=2)
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers)
    assert guidance.status_code == 200
    assert guidance.json()["date"] == TODAY.isoformat()
    assert guidance.json()["decision"] == "hold"
