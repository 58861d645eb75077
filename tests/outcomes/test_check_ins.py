"""The weekly check-in: activities named once, one answer per ISO week (idempotent), trends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tests.factories import register
from tests.outcomes.helpers import MONDAY, TODAY, check_in, set_activities

API = "/api/v1/me/check-ins"


def test_the_first_check_in_is_created_and_the_same_answer_again_changes_nothing(
    client: TestClient,
) -> None:
    patient = register(client)
    film, run = set_activities(client, patient, "Sit through a film", "Run 5 km")
    scores = {film["id"]: 4, run["id"]: 2}
    first = check_in(client, patient, confidence=4, fear=7, scores=scores, expected=201)
    assert first["week_start"] == MONDAY.isoformat() and first["version"] == 1
    assert [(a["label"], a["score"]) for a in first["activities"]] == [
        ("Sit through a film", 4),
        ("Run 5 km", 2),
    ]
    again = check_in(client, patient, confidence=4, fear=7, scores=scores, expected=200)
    assert again == first
    changed = check_in(client, patient, confidence=6, fear=7, scores=scores, expected=200)
    assert changed["id"] == first["id"] and changed["version"] == 2
    page = client.get(API, headers=patient.headers).json()
    assert len(page["check_ins"]) == 1 and page["this_week"]["confidence"] == 6
    assert page["due"] is False and page["week_start"] == MONDAY.isoformat()


def test_a_check_in_counts_for_the_iso_week_of_its_answer_date(client: TestClient) -> None:
    patient = register(client)
    last_week = check_in(client, patient, answered_on=TODAY - timedelta(days=7), expected=201)
    assert last_week["week_start"] == (MONDAY - timedelta(days=7)).isoformat()
    page = client.get(API, headers=patient.headers).json()
    assert page["due"] is True and page["overdue"] is False and page["this_week"] is None
    check_in(client, patient, expected=201)
    assert client.get(API, headers=patient.headers).json()["due"] is False


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"answered_on": (TODAY - timedelta(days=29)).isoformat()}, "answered_on"),
        ({"answered_on": (TODAY + timedelta(days=2)).isoformat()}, "answered_on"),
        ({"confidence": 11}, "confidence"),
        ({"fear": -1}, "fear"),
        ({"confidence": True}, "confidence"),
        ({"confidence": "7"}, "confidence"),
        ({"global_change": "a_lot_better"}, "global_change"),
        ({"mood": 3}, "mood"),
        (
            {"activities": [{"activity_id": "00000000-0000-0000-0000-000000000000", "score": 3}]},
            "activities",
        ),
    ],
)
def test_invalid_answers_are_422(client: TestClient, change: dict[str, object], field: str) -> None:
    patient = register(client)
    body = {"confidence": 5, "fear": 5, "global_change": "no_change", **change}
    answer = client.post(API, json=body, headers=patient.headers)
    assert answer.status_code == 422, answer.text
    assert field in {e["field"].split(".")[0] for e in answer.json()["errors"]}


def test_activities_are_named_once_and_a_changed_one_keeps_its_old_scores(
    client: TestClient,
) -> None:
    patient = register(client)
    film, run = set_activities(client, patient, "Sit through a film", "Run 5 km")
    check_in(client, patient, scores={film["id"]: 3, run["id"]: 2}, answered_on=MONDAY)
    kept, drive = set_activities(client, patient, "sit through a film", "Drive 2 hours")
    assert kept["id"] == film["id"] and kept["label"] == "sit through a film"
    assert drive["id"] != run["id"]
    retired = {"activity_id": run["id"], "score": 5}
    body = {"confidence": 5, "fear": 5, "global_change": "better", "activities": [retired]}
    assert client.post(API, json=body, headers=patient.headers).status_code == 422
    page = client.get(API, headers=patient.headers).json()
    assert [a["label"] for a in page["activities"]] == ["sit through a film", "Drive 2 hours"]
    trend_labels = [(a["label"], a["current"]) for a in page["trends"]["activities"]]
    assert ("Run 5 km", False) in trend_labels  # its earlier score still shows in the trend
    assert page["check_ins"][0]["activities"][1]["label"] == "Run 5 km"


@pytest.mark.parametrize(
    "labels",
    [["a", "Run"], ["Run 5 km", "run 5 km"], ["One", "Two", "Three", "Four"], ["Fine\x00"]],
)
def test_bad_activity_lists_are_422(client: TestClient, labels: list[str]) -> None:
    patient = register(client)
    answer = client.put(f"{API}/activities", json={"activities": labels}, headers=patient.headers)
    assert answer.status_code == 422


def test_rating_an_activity_twice_is_422(client: TestClient) -> None:
    patient = register(client)
    (film,) = set_activities(client, patient, "Sit through a film")
    twice = [{"activity_id": film["id"], "score": 3}] * 2
    body = {"confidence": 5, "fear": 5, "global_change": "better", "activities": twice}
    assert client.post(API, json=body, headers=patient.headers).status_code == 422


def test_trends_show_each_measure_by_week_with_a_direction(client: TestClient) -> None:
    patient = register(client)
    (run,) = set_activities(client, patient, "Run 5 km")
    for weeks_ago, (confidence, fear, score) in enumerate([(7, 3, 6), (5, 5, 4), (3, 6, 2)]):
        check_in(
            client,
            patient,
            confidence=confidence,
            fear=fear,
            scores={run["id"]: score},
            answered_on=MONDAY - timedelta(weeks=weeks_ago),
        )
    trends = client.get(API, headers=patient.headers).json()["trends"]
    assert [p["value"] for p in trends["confidence"]["points"]] == [3, 5, 7]
    assert trends["confidence"]["latest"] == 7 and trends["confidence"]["change"] == 4
    assert trends["confidence"]["direction"] == "improving"
    assert trends["fear"]["change"] == -3 and trends["fear"]["direction"] == "improving"
    assert trends["activities"][0]["direction"] == "improving"
    assert trends["global_change"]["direction"] == "stable"


def test_the_range_is_checked(client: TestClient) -> None:
    patient = register(client)
    backwards = {"from": TODAY.isoformat(), "to": (TODAY - timedelta(days=1)).isoformat()}
    assert client.get(API, params=backwards, headers=patient.headers).status_code == 422
    too_long = {"from": (TODAY - timedelta(days=400)).isoformat(), "to": TODAY.isoformat()}
    assert client.get(API, params=too_long, headers=patient.headers).status_code == 422


def test_the_form_is_served_in_the_apps_own_words(client: TestClient) -> None:
    patient = register(client)
    form = client.get(API, headers=patient.headers).json()["questionnaire"]
    assert [item["id"] for item in form["items"]] == [
        "activities",
        "confidence",
        "fear",
        "global_change",
    ]
    assert len(form["items"][3]["options"]) == 7
    assert "never change" in form["note"]
