"""Red-flag episodes end to end: they stay on the patient's guidance, the clinician's dashboard
and the coach's view until the patient ticks "checked" or a linked clinician records a check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account, link, put_log, register

TODAY = datetime.now(UTC).date()
STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def day(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


def guidance(client: TestClient, patient: Account, on: int = 0) -> dict[str, Any]:
    answer = client.get(f"/api/v1/me/guidance?date={day(on)}", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def rules(g: dict[str, Any]) -> set[str]:
    return {r["rule"] for r in g["reasons"]}


def clear(client: TestClient, clinician: Account, patient: Account, on: int, **extra: Any) -> Any:
    return client.post(
        f"/api/v1/clinician/patients/{patient.id}/clearances",
        json={"checked_on": day(on), **extra},
        headers=clinician.headers,
    )


def flagged(client: TestClient, flag: str = "saddle_numbness", on: int = -2) -> Account:
    patient = register(client)
    for n in range(-6, 1):
        fields = STEADY | ({"red_flags": [flag]} if n == on else {})
        assert put_log(client, patient, TODAY + timedelta(days=n), **fields).status_code == 201
    return patient


def test_saddle_numbness_stays_an_emergency_on_every_later_day_until_checked(
    client: TestClient,
) -> None:
    patient = flagged(client)
    for n in (-1, 0, 1):  # later days, tomorrow included (logged or not)
        g = guidance(client, patient, n)
        assert g["referral"] == "emergency", n
        assert "RF-5" in rules(g) and "RF-1" not in rules(g)
        assert all(c["decision"] == "back_off" for c in g["components"].values())
        assert g["open_episodes"] == [
            {"started_on": day(-2), "level": "emergency", "flags": ["saddle_numbness"]}
        ]
    message = next(
        r["message"] for r in guidance(client, patient)["reasons"] if r["rule"] == "RF-5"
    )
    assert "no training" in message and "A clinician has checked me" in message


def test_ticking_checked_on_a_later_day_closes_the_episode_for_that_day_and_after(
    client: TestClient,
) -> None:
    patient = flagged(client)
    put_log(client, patient, TODAY, **STEADY, red_flags_reviewed=True)
    assert guidance(client, patient, -1)["referral"] == "emergency"  # before the tick
    g = guidance(client, patient)
    assert g["referral"] is None and g["open_episodes"] == []
    assert "RF-5" not in rules(g)
    log = client.get(f"/api/v1/me/logs/{day(0)}", headers=patient.headers).json()["log"]
    assert log["red_flags_reviewed"] is True


def test_a_clinicians_check_closes_episodes_recomputes_and_is_in_the_access_log(
    client: TestClient,
) -> None:
    patient = flagged(client, "new_weakness", on=-3)
    clinician = register(client, "clinician", display_name="Dr Check")
    link(client, patient, clinician)
    answer = clear(client, clinician, patient, -1, note="Seen in clinic, strength normal.")
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["checked_on"] == day(-1)
    assert body["closed"] == [{"started_on": day(-3), "level": "urgent", "flags": ["new_weakness"]}]
    assert guidance(client, patient, -2)["referral"] == "urgent"  # before the check: unchanged
    assert guidance(client, patient, -1)["referral"] is None
    assert guidance(client, patient)["open_episodes"] == []
    entries = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    assert ("clearance_recorded", "Dr Check") in {(e["action"], e["actor_name"]) for e in entries}
    record = client.get(f"/api/v1/clinician/patients/{patient.id}", headers=clinician.headers)
    assert record.json()["open_episodes"] == []
    (check,) = record.json()["clearances"]
    assert check["checked_by"] == "Dr Check" and check["note"].startswith("Seen in clinic")
    assert clear(client, clinician, patient, 0).status_code == 409  # nothing left to close


def test_a_check_is_refused_in_the_future_before_the_episode_or_with_nothing_open(
    client: TestClient,
) -> None:
    patient = flagged(client, on=-2)
    calm = register(client)
    clinician = register(client, "clinician")
    link(client, patient, clinician)
    link(client, calm, clinician)
    future = clear(client, clinician, patient, 1)
    assert future.status_code == 422 and future.json()["errors"][0]["field"] == "checked_on"
    before = clear(client, clinician, patient, -3)
    assert before.status_code == 422 and day(-2) in before.json()["errors"][0]["message"]
    assert clear(client, clinician, calm, 0).status_code == 409
    assert clear(client, clinician, patient, 0, extra_field=1).status_code == 422
    assert guidance(client, patient)["referral"] == "emergency"  # nothing was stored


def test_a_later_episode_stays_open_when_a_check_predates_it(client: TestClient) -> None:
    patient = register(client)
    clinician = register(client, "clinician")
    link(client, patient, clinician)
    put_log(client, patient, TODAY - timedelta(days=4), **STEADY, red_flags=["pop_with_bruising"])
    put_log(client, patient, TODAY - timedelta(days=1), **STEADY, red_flags=["both_legs"])
    answer = clear(client, clinician, patient, -3)
    assert [e["started_on"] for e in answer.json()["closed"]] == [day(-4)]
    g = guidance(client, patient)
    assert [e["started_on"] for e in g["open_episodes"]] == [day(-1)]
    assert g["referral"] == "emergency"


def test_an_episode_tops_the_dashboard_from_the_next_poll_until_it_is_closed(
    client: TestClient,
) -> None:
    clinician = register(client, "clinician")
    patient = flagged(client, on=-2)
    other = register(client, display_name="Aaron Urgent Today")
    link(client, patient, clinician)
    link(client, other, clinician)
    put_log(client, other, TODAY, **STEADY, red_flags=["new_weakness"])
    first = client.get("/api/v1/clinician/patients", headers=clinician.headers)
    rows = first.json()["patients"]
    assert rows[0]["patient_id"] == patient.id
    assert "open_episode" in rows[0]["flags"] and rows[0]["referral"] == "emergency"
    assert rows[0]["open_episodes"][0]["flags"] == ["saddle_numbness"]
    etag = first.headers["ETag"]
    unchanged = client.get(
        "/api/v1/clinician/patients", headers={**clinician.headers, "If-None-Match": etag}
    )
    assert unchanged.status_code == 304
    assert clear(client, clinician, patient, 0).status_code == 201
    after = client.get(
        "/api/v1/clinician/patients", headers={**clinician.headers, "If-None-Match": etag}
    )
    assert after.status_code == 200 and after.headers["ETag"] != etag
    row = next(r for r in after.json()["patients"] if r["patient_id"] == patient.id)
    assert "open_episode" not in row["flags"] and row["open_episodes"] == []
    assert after.json()["patients"][0]["patient_id"] == other.id


def test_the_coach_sees_not_ready_while_an_emergency_episode_is_open(client: TestClient) -> None:
    coach = register(client, "coach")
    clinician = register(client, "clinician")
    patient = flagged(client, on=-2)
    link(client, patient, coach)
    link(client, patient, clinician)
    client.delete(f"/api/v1/me/logs/{day(0)}", headers=patient.headers)  # nothing logged today
    (row,) = client.get("/api/v1/coach/athletes", headers=coach.headers).json()["athletes"]
    assert row["readiness"] == "not_ready"
    assert row["restrictions"] == ["Rest from training today"]
    assert "saddle" not in str(row) and "RF-" not in str(row)
    clear(client, clinician, patient, 0)
    (row,) = client.get("/api/v1/coach/athletes", headers=coach.headers).json()["athletes"]
    assert row["readiness"] != "not_ready"


def test_removing_a_flag_ticked_by_mistake_removes_its_episode(client: TestClient) -> None:
    patient = flagged(client, "fever_unwell", on=-1)
    assert guidance(client, patient)["open_episodes"] != []
    put_log(client, patient, TODAY - timedelta(days=1), **STEADY)
    assert guidance(client, patient)["open_episodes"] == []


def test_an_episode_older_than_the_28_day_window_stays_open(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY - timedelta(days=40), **STEADY, red_flags=["new_weakness"])
    for n in range(-35, 1, 5):
        put_log(client, patient, TODAY + timedelta(days=n), **STEADY)
    g = guidance(client, patient)
    assert g["referral"] == "urgent"
    assert [e["started_on"] for e in g["open_episodes"]] == [day(-40)]


def test_the_new_log_fields_are_validated(client: TestClient) -> None:
    patient = register(client)
    ok = put_log(client, patient, TODAY, red_flags=["sexual_dysfunction"], red_flags_reviewed=False)
    assert ok.status_code == 201 and ok.json()["guidance"]["referral"] == "emergency"
    for bad in ("yes", 1, None):
        answer = put_log(client, patient, TODAY, red_flags_reviewed=bad)
        assert answer.status_code == 422, bad
        assert answer.json()["errors"][0]["field"].endswith("red_flags_reviewed")
