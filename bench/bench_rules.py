"""Evaluations per second of app.rules.evaluate on a realistic 28-day history (one core).

Figures are calls per CPU-second of this single-threaded process (time.process_time).

Run: python bench/bench_rules.py [seconds]
The history has loading, running and glide days, wellness and sitting values, and 27 prior
decisions; the patient is in phase 2 for 20 days, so phase readiness is checked in full.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.rules import (
    DayLog,
    PatientState,
    PriorDecision,
    assess_readiness,
    evaluate,
)

TODAY = dt.date(2026, 11, 23)


def realistic_history(today: dt.date = TODAY) -> list[DayLog]:
    """28 days: loading Mon/Wed/Fri, jogs Tue/Sat, sliders most days, a few gaps."""
    logs = []
    for k in range(27, -1, -1):
        day = today - dt.timedelta(days=k)
        if k in (9, 16, 23):
            continue  # not logged
        weekday = day.weekday()
        loading = weekday in (0, 2, 4)
        run = weekday in (1, 5)
        glides = weekday != 6
        logs.append(
            DayLog(
                log_date=day,
                morning_pain=2 + (k % 3 == 0),
                sitting_pain=2 + (k % 4 == 0),
                sitting_tolerance_min=45 + (27 - k),
                loading_pain=2 + (k % 2) if loading else None,
                loading_stage=2 if loading else None,
                sprint_pain=1 + (k % 2) if run else None,
                sprint_speed_pct=60 + (k % 3) * 3 if run else None,
                glide_pain=1 if glides else None,
                glide_type="slider" if glides else None,
                paresthesia="none" if glides else None,
                symptom_extent="buttock",
                sleep=3,
                fatigue=3 + (k % 2),
                stress=2,
                soreness=3,
                session_rpe=5 if loading or run else None,
                session_min=40 if loading or run else None,
            )
        )
    return logs


def prior_decisions(today: dt.date = TODAY) -> list[PriorDecision]:
    rules = (frozenset({"PR-1", "PR-4"}), frozenset({"PM-6"}), frozenset({"MD-1"}))
    return [
        PriorDecision(
            today - dt.timedelta(days=k),
            "progress" if k % 3 == 0 else "hold",
            rules[k % 3],
        )
        for k in range(1, 28)
    ]


def _rates(call: Callable[[], object], seconds: float, rounds: int = 5) -> list[float]:
    """Calls per CPU-second of this process in each round (CPU time, not wall time, so other
    load on the machine does not count against the figure: it is the one-core rate)."""
    rates = []
    for _ in range(rounds):
        count, batch = 0, 500
        started = time.process_time()
        while (elapsed := time.process_time() - started) < seconds / rounds:
            for _ in range(batch):
                call()
            count += batch
        rates.append(count / elapsed)
    return rates


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    logs = realistic_history()
    prior = prior_decisions()
    state = PatientState(phase=2, phase_started_on=TODAY - dt.timedelta(days=20))
    guidance = evaluate(logs, TODAY, state, prior)
    print(f"sample: {guidance.decision}, rules {[r.rule for r in guidance.reasons]}")
    for label, call in (
        ("evaluate", lambda: evaluate(logs, TODAY, state, prior)),
        ("assess_readiness", lambda: assess_readiness(guidance, logs, TODAY)),
    ):
        rates = sorted(_rates(call, seconds))
        print(
            f"{label}: {rates[len(rates) // 2]:,.0f} calls per CPU-second (median of "
            f"{len(rates)} rounds, best {rates[-1]:,.0f}); 28-day history, 27 prior decisions"
        )


if __name__ == "__main__":
    main()
