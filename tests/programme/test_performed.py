"""Logging against the plan: `performed` names the version done and whether as prescribed (or
the doses done); it is checked against the patient's plan and never fills another field."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account, put_log, register
from tests.programme.helpers import STEADY, TODAY, current


def done(client: TestClient, patient: Account, **changed: Any) -> dict[str, Any]:
    tendon = current(client, patient, "tendon")["version_id"]
    neural = current(client, patient, "neural")["version_id"]
    return {
        "tendon": {"version_id": tendon, "as_prescribed": True},
        "neural": {"version_id": neural, "as_prescribed": True},
    } | changed


def test_done_as_prescribed_is_stored_with_the_log_and_fills_nothing(client: TestClient) -> None:
    patient = register(client)
    performed = done(client, patient)
    saved = put_log(client, patient, TODAY, **STEADY, loading_pain=2, performed=performed)
    assert saved.status_code == 201, saved.text
    log = saved.json()["log"]
    assert log["performed"]["tendon"]["as_prescribed"] is True
    assert log["loading_stage"] is None and log["glide_type"] is None  # never filled in
    again = put_log(client, patient, TODAY, **STEADY, loading_pain=2, performed=performed)
    assert again.status_code == 200 and again.json()["log"]["version"] == 1  # same body
    with_fields = put_log(
        client,
        patient,
        TODAY,
        **STEADY,
        loading_pain=2,
        loading_stage=1,
        glide_type="slider",
        performed=performed,
    )
    assert with_fields.status_code == 200, with_fields.text


def test_changed_doses_are_recorded(client: TestClient) -> None:
    patient = register(client)
    version = current(client, patient, "tendon")["version_id"]
    changed = {
        "version_id": version,
        "as_prescribed": False,
        "exercises": [{"exercise": "isometric_heel_dig", "sets": 2, "hold_s": 20}],
    }
    saved = put_log(client, patient, TODAY, loading_pain=3, performed={"tendon": changed})
    assert saved.status_code == 201, saved.text
    assert saved.json()["log"]["performed"]["tendon"]["exercises"][0]["hold_s"] == 20
    export = client.get("/api/v1/me/export?format=csv", headers=patient.headers).text
    assert '"{""tendon"":{""version_id""' in export


def test_performed_that_does_not_fit_the_plan_is_422(client: TestClient) -> None:
    patient, other = register(client), register(client)
    mine = current(client, patient, "tendon")["version_id"]
    neural = current(client, patient, "neural")["version_id"]
    theirs = current(client, other, "tendon")["version_id"]
    cases: list[tuple[dict[str, Any], str]] = [
        ({"performed": {"tendon": {"version_id": theirs, "as_prescribed": True}}}, "version_id"),
        ({"performed": {"running": {"version_id": mine, "as_prescribed": True}}}, "version_id"),
        ({"performed": {"tendon": {"version_id": mine, "as_prescribed": False}}}, "performed"),
        (
            {"performed": {"tendon": {"version_id": mine, "as_prescribed": True, "exercises": []}}},
            "performed",
        ),
        (
            {
                "loading_stage": 2,
                "performed": {"tendon": {"version_id": mine, "as_prescribed": True}},
            },
            "loading_stage",
        ),
        (
            {
                "glide_type": "tensioner",
                "performed": {"neural": {"version_id": neural, "as_prescribed": True}},
            },
            "glide_type",
        ),
        (
            {
                "performed": {
                    "tendon": {
                        "version_id": mine,
                        "as_prescribed": False,
                        "exercises": [{"exercise": "isometric_heel_dig", "sets": 3, "reps": 8}],
                    }
                }
            },
            "performed.tendon.exercises",
        ),
        (
            {
                "performed": {
                    "tendon": {
                        "version_id": mine,
                        "as_prescribed": False,
                        "exercises": [{"exercise": "nordic_curl", "sets": 3, "reps": 8}],
                    }
                }
            },
            "performed.tendon.exercises",
        ),
        ({"performed": {"tendon": {"version_id": "nope", "as_prescribed": True}}}, "performed"),
        (
            {
                "performed": {
                    "sitting": {"version_id": mine, "as_prescribed": False, "minutes": 9999}
                }
            },
            "performed",
        ),
    ]
    for body, field in cases:
        refused = put_log(client, patient, TODAY, **body)
        assert refused.status_code == 422, (body, refused.text)
        assert any(field in e["field"] for e in refused.json()["errors"]), refused.json()
    assert client.get(f"/api/v1/me/logs/{TODAY}", headers=patient.headers).status_code == 404
