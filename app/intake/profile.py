"""The starting profile: a pure function of the intake's answers (table-tested in
tests/intake/test_starting_profile.py). It is a hint for the clinician, who confirms or
changes it; it is not a diagnosis, is never read by the rules and never changes a setting."""

from __future__ import annotations

from typing import Any

HIGH = 6  # a provocation rating from which it counts as a strong provocation
SHORT_SITTING_MIN = 30  # sitting tolerance at or under which sitting is the marker
LOW = 3  # every rating at or under this, with long sitting, suggests phase 2
LONG_SITTING_MIN = 60
TENDON_SIGNS = ("sitting", "deep_hip_flexion", "hamstring_stretch", "fast_running")
NOTICE = (
    "A starting point suggested from your answers, for your clinician to confirm or change. "
    "It is not a diagnosis and does not replace a clinician's assessment. Without a linked "
    "clinician you start in phase 1 with the default plan."
)


def _marker(provocation: dict[str, Any]) -> tuple[str | None, list[str]]:
    sitting, minutes = provocation["sitting"], provocation.get("sitting_minutes")
    if sitting >= HIGH and minutes is not None and minutes <= SHORT_SITTING_MIN:
        return "sitting", [
            f"Sitting provokes it strongly ({sitting}/10) within {minutes} minutes: "
            "sitting tolerance is the marker to follow."
        ]
    ratings = {k: provocation[k] for k in (*TENDON_SIGNS, "stairs_hills")}
    top = max(ratings, key=lambda k: (ratings[k], k == "sitting"))
    if ratings[top] == 0:
        return None, []
    return top, [f"The strongest provocation is {top.replace('_', ' ')} ({ratings[top]}/10)."]


def starting_profile(answers: dict[str, Any]) -> dict[str, Any]:
    """Suggested phase, emphasis and marker from an intake (IntakeIn.model_dump())."""
    provocation, nerve = answers["provocation"], answers["nerve"]
    red_flags = list(answers.get("red_flags") or [])
    marker, reasons = _marker(provocation)
    neural = bool(nerve["tingling"]) and bool(
        nerve.get("slump_brings_on") or nerve.get("long_leg_sitting_brings_on")
    )
    tendon = any(provocation[k] >= HIGH for k in TENDON_SIGNS)
    if neural:
        reasons.append(
            "Tingling that slumping or long-leg sitting brings on: a neural emphasis "
            "(nerve sliders only, the nerve questions first)."
        )
    if neural and tendon:
        emphasis = "mixed"
    elif neural:
        emphasis = "neural"
    elif tendon:
        emphasis = "tendon"
        reasons.append(
            "Strong provocation by sitting, deep hip bending or stretching: tendon load."
        )
    else:
        emphasis = "general"
    minutes = provocation.get("sitting_minutes")
    calm = all(provocation[k] <= LOW for k in (*TENDON_SIGNS, "stairs_hills"))
    long_sitting = minutes is None or minutes >= LONG_SITTING_MIN
    phase = 1
    if calm and long_sitting and not nerve["tingling"] and not red_flags:
        phase = 2
        reasons.append("Every provocation is low and sitting is comfortable: phase 2 may suit.")
    if red_flags:
        reasons.insert(0, "Warning signs reported: see a clinician before starting the programme.")
    return {
        "suggested_phase": phase,
        "emphasis": emphasis,
        "marker": marker,
        "glide_type": "slider" if neural else None,
        "neural_questions_first": neural,
        "red_flags": red_flags,
        "reasons": reasons,
        "notice": NOTICE,
    }
