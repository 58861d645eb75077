"""The coach's readiness view: a traffic light and plain restrictions, never clinical values."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from app.readiness.schemas import VOCABULARY
from tests.factories import Account, link, put_log, register

API = "/api/v1/coach/athletes"
TODAY = datetime.now(UTC).date()
STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def athletes(client: TestClient, coach: Account) -> list[dict[str, Any]]:
    answer = client.get(API, headers=coach.headers)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["athletes"])


def test_readiness_follows_todays_guidance(client: TestClient) -> None:
    coach = register(client, "coach")
    steady = register(client, display_name="Steady")
    sore = register(client, display_name="Sore")
    silent = register(client, display_name="Silent")
    for athlete in (steady, sore, silent):
        link(client, athlete, coach)
    for n in range(6, -1, -1):
        put_log(client, steady, TODAY - timedelta(days=n), **STEADY)
        put_log(client, sore, TODAY - timedelta(days=n), **STEADY)
    put_log(client, sore, TODAY, **STEADY, loading_pain=7, loading_stage=2, notes="hurts a lot")
    put_log(client, silent, TODAY - timedelta(days=5), **STEADY)
    by_name = {a["display_name"]: a for a in athletes(client, coach)}
    assert by_name["Sore"]["readiness"] == "not_ready"
    assert by_name["Silent"]["readiness"] == "unknown"
    assert by_name["Steady"]["readiness"] in {"ready", "modified"}
    assert "No running today" in by_name["Steady"]["restrictions"]  # phase 1 has no running
    assert by_name["Steady"]["as_of"] == TODAY.isoformat()


def test_the_coach_answer_contains_no_clinical_values(client: TestClient) -> None:
    coach, athlete = register(client, "coach"), register(client, display_name="Kari")
    link(client, athlete, coach)
    put_log(
        client,
        athlete,
        TODAY,
        morning_pain=9,
        sitting_pain=8,
        loading_pain=7,
        glide_pain=6,
        notes="secret note about my pelvis",
        red_flags=["night_rest_pain"],
        paresthesia="lasting",
    )
    raw = client.get(API, headers=coach.headers).text
    body = json.loads(raw)
    (row,) = body["athletes"]
    assert set(body) == {"athletes"}
    assert set(row) == {"athlete_id", "display_name", "readiness", "restrictions", "as_of"}
    assert set(row["restrictions"]) <= VOCABULARY
    for forbidden in (
        "secret",
        "night_rest_pain",
        "lasting",
        "pain",
        "RF-4",
        "FL-1",
        "referral",
        "back_off",
        "medical review",
        "9",
        "8",
    ):
        assert forbidden not in raw.replace(row["athlete_id"], "").replace(row["as_of"], ""), (
            forbidden
        )


def test_the_coach_view_answers_304_while_nothing_changes(client: TestClient) -> None:
    coach, athlete = register(client, "coach"), register(client)
    link(client, athlete, coach)
    etag = client.get(API, headers=coach.headers).headers["etag"]
    assert client.get(API, headers={**coach.headers, "If-None-Match": etag}).status_code == 304
    put_log(client, athlete, TODAY, morning_pain=1)
    assert client.get(API, headers={**coach.headers, "If-None-Match": etag}).status_code == 200


def test_a_coach_sees_only_athletes_linked_with_coach_scope(client: TestClient) -> None:
    coach, mine, other = register(client, "coach"), register(client), register(client)
    link(client, mine, coach)
    clinician = register(client, "clinician")
    link(client, other, clinician)
    assert [a["athlete_id"] for a in athletes(client, coach)] == [mine.id]
