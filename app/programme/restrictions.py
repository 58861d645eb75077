"""What a coach may know of the plan: restrictions in plain words from a fixed vocabulary, never
doses or pain (the coach's response model can hold only these phrases and the rules' own).

From the plan: the fastest band it runs (or no running), no deep hip-flexion work before stage
3 exercises, no jumping or bounding before stage 4 (energy storage)."""

from __future__ import annotations

from typing import Final

from app.programme.prescriptions import Catalogue, Running, Tendon, band_rank, stage_of
from app.programme.state import PlanState
from app.rules.model import SPRINT
from app.rules.readiness import NO_DEEP_HIP_FLEXION, NO_RUNNING, RUN_AT_MOST

NO_PLYOMETRICS: Final = "No jumping or bounding drills"
# The phrases the plan adds to the rules' vocabulary (app.rules.readiness.RESTRICTIONS).
PLAN_RESTRICTIONS: Final = frozenset({NO_PLYOMETRICS})
# Running phrases, strictest first: of two, the coach sees the stricter.
RUNNING_ORDER: Final = (NO_RUNNING, *(RUN_AT_MOST[band] for band in sorted(RUN_AT_MOST)))


def plan_restrictions(state: PlanState, catalogue: Catalogue) -> list[str]:
    out = []
    running = state.rx("running")
    assert isinstance(running, Running)
    rank = band_rank(running.band)
    if rank < 0:
        out.append(NO_RUNNING)
    elif rank < SPRINT:
        out.append(RUN_AT_MOST[rank])
    tendon = state.rx("tendon")
    assert isinstance(tendon, Tendon)
    stage = stage_of(tendon, catalogue)
    if stage < 3:
        out.append(NO_DEEP_HIP_FLEXION)
    if stage < 4:
        out.append(NO_PLYOMETRICS)
    return out


def merged(rules: list[str], plan: list[str]) -> list[str]:
    """The rules' restrictions with the plan's added: one running limit (the stricter), no
    phrase twice, the rules' order first."""
    out = list(rules)
    for phrase in plan:
        if phrase in out:
            continue
        if phrase in RUNNING_ORDER:
            limits = [p for p in out if p in RUNNING_ORDER]
            stricter = min(limits, key=RUNNING_ORDER.index, default=None)
            if stricter is not None and RUNNING_ORDER.index(stricter) <= RUNNING_ORDER.index(
                phrase
            ):
                continue
            out = [p for p in out if p not in RUNNING_ORDER]
        out.append(phrase)
    return out
