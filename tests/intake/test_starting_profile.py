"""The starting profile, a pure function of the intake: a table of answers and the hint each
one gives. It never carries a diagnosis and never changes settings (tested through the API)."""

from __future__ import annotations

from typing import Any

import pytest

from app.intake.profile import starting_profile
from tests.intake.helpers import intake_body, provocation

CALM = provocation(
    sitting=1,
    sitting_minutes=None,
    stairs_hills=1,
    fast_running=2,
    deep_hip_flexion=1,
    hamstring_stretch=2,
)
NEURAL = {"tingling": True, "reaches": "thigh", "slump_brings_on": True}
LONG_LEG = {"tingling": True, "reaches": "below_knee", "long_leg_sitting_brings_on": True}
TINGLE_ONLY = {"tingling": True, "reaches": "thigh"}

CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "high sitting provocation with short tolerance: phase 1, sitting is the marker",
        intake_body(),
        {"suggested_phase": 1, "emphasis": "tendon", "marker": "sitting", "glide_type": None},
    ),
    (
        "high sitting but a long tolerance: the marker is the strongest provocation",
        intake_body(provocation=provocation(sitting_minutes=90, hamstring_stretch=8)),
        {"suggested_phase": 1, "emphasis": "tendon", "marker": "hamstring_stretch"},
    ),
    (
        "tingling with slump: neural emphasis, sliders only, nerve questions first",
        intake_body(provocation=CALM | {"sitting": 4, "sitting_minutes": 45}, nerve=NEURAL),
        {
            "suggested_phase": 1,
            "emphasis": "neural",
            "glide_type": "slider",
            "neural_questions_first": True,
        },
    ),
    (
        "tingling with long-leg sitting and strong tendon provocation: mixed",
        intake_body(nerve=LONG_LEG),
        {"emphasis": "mixed", "glide_type": "slider", "marker": "sitting"},
    ),
    (
        "tingling that nothing brings on is no neural emphasis",
        intake_body(provocation=CALM, nerve=TINGLE_ONLY),
        {"emphasis": "general", "glide_type": None, "suggested_phase": 1},
    ),
    (
        "everything calm and sitting comfortable: phase 2 may suit",
        intake_body(provocation=CALM),
        {"suggested_phase": 2, "emphasis": "general", "neural_questions_first": False},
    ),
    (
        "calm but a red flag: phase 1 and the flags listed first",
        intake_body(provocation=CALM, red_flags=["night_rest_pain"]),
        {"suggested_phase": 1, "red_flags": ["night_rest_pain"]},
    ),
    (
        "nothing provokes it at all: no marker",
        intake_body(provocation={k: 0 for k in provocation()} | {"sitting_minutes": None}),
        {"marker": None, "suggested_phase": 2},
    ),
]


@pytest.mark.parametrize(("answers", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_starting_profile_follows_the_table(
    answers: dict[str, Any], expected: dict[str, Any]
) -> None:
    profile = starting_profile(answers)
    assert {k: profile[k] for k in expected} == expected
    assert "not a diagnosis" in profile["notice"]


def test_red_flags_come_first_among_the_reasons() -> None:
    profile = starting_profile(intake_body(red_flags=["saddle_numbness"]))
    assert profile["reasons"][0].startswith("Warning signs reported")
