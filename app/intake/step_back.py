"""When a maintenance check suggests stepping back to an earlier phase (pure; table-tested in
tests/intake/test_maintenance.py). A suggestion only: the clinician confirms a phase change."""

from __future__ import annotations

from typing import Any, Final

from app.intake.schemas import PROVOCATIONS

LABELS = {
    "sitting": "Sitting is",
    "stairs_hills": "Stairs and hills are",
    "fast_running": "Fast running is",
    "deep_hip_flexion": "Deep hip bending is",
    "hamstring_stretch": "Stretching the back of the thigh is",
}
RISE = 2  # a provocation rating up by this much or more is a return of symptoms

SEE_A_CLINICIAN: Final[dict[str, Any]] = {
    "title": "See a clinician if...",
    "items": [
        "a flare-up does not settle within a week or two of easing off;",
        "sitting, stairs or running hurt clearly more than at your last re-check;",
        "tingling or numbness spreads down the leg, or the leg feels weak;",
        "you notice any of the warning signs from the daily log (see one the same day).",
    ],
    "notice": (
        "General advice, not a diagnosis, and no replacement for a clinician who knows you. "
        "You can link a clinician from Settings."
    ),
}


def changes(before: dict[str, Any], now: dict[str, Any]) -> list[dict[str, Any]]:
    """Each provocation's rating before and now."""
    return [
        {"item": k, "before": before[k], "now": now[k], "change": now[k] - before[k]}
        for k in PROVOCATIONS
    ]


def step_back_reasons(
    flare: bool, provocation: dict[str, Any] | None, baseline: dict[str, Any] | None
) -> list[str]:
    """Why stepping back may be wise: a flare, or any provocation up by 2 or more against the
    baseline (the last re-check, or the intake before the first). Empty: no suggestion."""
    reasons = []
    if flare:
        reasons.append("You had a flare-up.")
    if provocation is not None and baseline is not None:
        for change in changes(baseline, provocation):
            if change["change"] >= RISE:
                reasons.append(
                    f"{LABELS[change['item']]} up by {change['change']} "
                    f"({change['before']} -> {change['now']})."
                )
    return reasons
