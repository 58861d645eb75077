"""Objective tests: the limb symmetry index, what each kind takes, who may record it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.errors import InvalidInput
from app.outcomes.kinds import KINDS, check_test, limb_symmetry
from tests.factories import link, register
from tests.outcomes.helpers import TODAY


@pytest.mark.parametrize(
    ("left", "right", "affected", "expected"),
    [
        pytest.param(255, 300, "left", 85.0, id="affected-left-85"),
        pytest.param(300, 255, "right", 85.0, id="affected-right-85"),
        pytest.param(270, 300, "left", 90.0, id="exactly-90"),
        pytest.param(330, 300, "left", 110.0, id="affected-stronger"),
        pytest.param(300, 255, None, 85.0, id="unknown-side-weaker-over-stronger"),
        pytest.param(255, 300, None, 85.0, id="unknown-side-either-way"),
        pytest.param(20, 25, "both", 80.0, id="both-sides-affected"),
        pytest.param(0, 0, "left", None, id="no-reference"),
        pytest.param(10, 0, "left", None, id="reference-side-zero"),
        pytest.param(1, 3, "left", 33.3, id="rounded"),
    ],
)
def test_limb_symmetry_index(
    left: float, right: float, affected: str | None, expected: float | None
) -> None:
    assert limb_symmetry(left, right, affected) == expected


GOOD: dict[str, dict[str, Any]] = {
    "hamstring_isometric": {"left": 250, "right": 300, "unit": "N", "side": "left"},
    "single_leg_bridge": {"left": 18, "right": 25, "unit": "reps"},
    "slump": {"side": "left", "result": "positive"},
    "straight_leg_raise": {"side": "right", "value": 65, "unit": "deg", "result": "negative"},
    "other": {"name": "Hop for distance", "value": 1.4, "unit": "m"},
    **{
        kind: {"side": "left", "result": "positive"}
        for kind in (
            "ischial_palpation",
            "bent_knee_stretch",
            "modified_bent_knee_stretch",
            "puranen_orava",
        )
    },
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_accepts_its_own_shape(kind: str) -> None:
    check_test({"kind": kind, **GOOD[kind]}, self_test=False)


@pytest.mark.parametrize(
    ("kind", "change", "field"),
    [
        ("hamstring_isometric", {"right": None}, "left"),
        ("hamstring_isometric", {"unit": "lb"}, "unit"),
        ("hamstring_isometric", {"value": 3}, "value"),
        ("hamstring_isometric", {"left": 6000}, "left"),
        ("hamstring_isometric", {"side": "both"}, "side"),
        ("single_leg_bridge", {"unit": "N"}, "unit"),
        ("single_leg_bridge", {"result": "positive"}, "result"),
        ("slump", {"result": None}, "result"),
        ("slump", {"side": None}, "side"),
        ("slump", {"value": 40}, "value"),
        ("straight_leg_raise", {"value": None}, "value"),
        ("straight_leg_raise", {"value": 200}, "value"),
        ("straight_leg_raise", {"left": 60, "right": 70}, "left"),
        ("other", {"name": None}, "name"),
        ("other", {"unit": None}, "unit"),
        ("other", {"side": "left"}, "side"),
        ("single_leg_bridge", {"name": "My bridge"}, "name"),
    ],
)
def test_a_kind_refuses_what_it_does_not_take(
    kind: str, change: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_test({"kind": kind, **GOOD[kind], **change}, self_test=False)
    assert raised.value.errors == [{"field": field, "message": raised.value.detail}]


@pytest.mark.parametrize(("kind", "allowed"), [(k, v.self_test) for k, v in KINDS.items()])
def test_which_tests_a_patient_may_record_alone(kind: str, allowed: bool) -> None:
    if allowed:
        check_test({"kind": kind, **GOOD[kind]}, self_test=True)
    else:
        with pytest.raises(InvalidInput):
            check_test({"kind": kind, **GOOD[kind]}, self_test=True)


def test_clinician_tests_and_self_tests_in_one_list(client: TestClient) -> None:
    patient = register(client, display_name="Pia")
    clinician = register(client, "clinician", display_name="Dr Lund")
    link(client, patient, clinician)
    base = f"/api/v1/clinician/patients/{patient.id}/tests"
    strength = {"kind": "hamstring_isometric", **GOOD["hamstring_isometric"]}
    strength["tested_on"] = (TODAY - timedelta(days=3)).isoformat()
    recorded = client.post(base, json=strength, headers=clinician.headers)
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["symmetry_pct"] == 83.3 and recorded.json()["self_test"] is False
    bridge = {"kind": "single_leg_bridge", **GOOD["single_leg_bridge"]}
    own = client.post("/api/v1/me/tests", json=bridge, headers=patient.headers)
    assert own.status_code == 201 and own.json()["self_test"] is True
    assert own.json()["symmetry_pct"] == 72.0 and own.json()["recorded_by"] == "Pia"
    slump = {"kind": "slump", **GOOD["slump"]}
    assert client.post("/api/v1/me/tests", json=slump, headers=patient.headers).status_code == 422
    listed = client.get(base, headers=clinician.headers).json()["tests"]
    assert [(t["kind"], t["recorded_by"]) for t in listed] == [
        ("single_leg_bridge", "Pia"),
        ("hamstring_isometric", "Dr Lund"),
    ]
    mine = client.get("/api/v1/me/tests", headers=patient.headers).json()["tests"]
    assert len(mine) == 2
    only = client.get(base, params={"kind": "single_leg_bridge"}, headers=clinician.headers)
    assert [t["kind"] for t in only.json()["tests"]] == ["single_leg_bridge"]
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()
    actions = {entry["action"] for entry in log["entries"]}
    assert {"test_recorded", "tests_viewed"} <= actions


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "hamstring_isometric", "left": 1, "right": 2, "unit": "N", "tested_on": "x"},
        {"kind": "unknown", "value": 1},
        {"kind": "other", "name": "Hop", "value": "1", "unit": "m"},
        {"kind": "other", "name": "Hop", "value": 1, "unit": "m", "extra": 1},
        {
            "kind": "other",
            "name": "Hop",
            "value": 1,
            "unit": "m",
            "tested_on": (TODAY + timedelta(days=1)).isoformat(),
        },
        {
            "kind": "other",
            "name": "Hop",
            "value": 1,
            "unit": "m",
            "tested_on": (TODAY - timedelta(days=400)).isoformat(),
        },
    ],
)
def test_bad_test_bodies_are_422(client: TestClient, body: dict[str, Any]) -> None:
    patient = register(client)
    assert client.post("/api/v1/me/tests", json=body, headers=patient.headers).status_code == 422


def test_the_test_kinds_are_listed_for_the_screens(client: TestClient) -> None:
    patient = register(client)
    kinds = client.get("/api/v1/test-kinds", headers=patient.headers).json()["kinds"]
    assert {k["kind"] for k in kinds} == set(KINDS)
    assert client.get("/api/v1/test-kinds").status_code == 401
