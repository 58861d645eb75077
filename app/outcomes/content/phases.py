"""The phase guide: what each of the six phases is for, what to do, what to avoid, and a
realistic range of weeks. The ranges are a convention that adds up to the 3-6 months most
people need [S17]; progression is by symptom response, not by date [S17]."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, slots=True)
class PhaseGuide:
    number: int
    purpose: str
    do: tuple[str, ...]
    avoid: tuple[str, ...]
    weeks: tuple[int, int] | None  # typical range; None: ongoing
    cards: tuple[str, ...]
    sources: tuple[str, ...]


TOTAL_TYPICAL: Final = "Most people need 3 to 6 months in all, with large differences [S17]."
TIMELINE_NOTE: Final = (
    "The weeks are typical ranges, not deadlines: you move on when your body's response says "
    "so and your clinician agrees [S17]."
)

GUIDES: Final[Mapping[int, PhaseGuide]] = MappingProxyType(
    {
        g.number: g
        for g in (
            PhaseGuide(
                1,
                "Settle the irritable tendon and nerve, and learn your usual pain levels.",
                (
                    "Isometric holds (pushing without moving) as prescribed, aiming to ease "
                    "pain [S17][S21].",
                    "Gentle nerve sliders if prescribed.",
                    "Break up sitting into comfortable spells [S20].",
                    "Log every day, including the morning score: it is your 24-hour check.",
                ),
                (
                    "Aggressive hamstring stretching: it presses the tendon against the bone "
                    "[S23].",
                    "Long spells of sitting, especially on hard seats [S18][S20].",
                    "Loaded deep hip bending (deep squats, lunges, bending far forward) "
                    "[S23][S24].",
                    "Running: it starts in phase 2.",
                ),
                (2, 6),
                ("sitting", "flare", "why-load"),
                ("S17", "S18", "S20", "S21", "S23", "S24"),
            ),
            PhaseGuide(
                2,
                "Build strength with little hip bending, and start easy jogging.",
                (
                    "Slow, heavy strength work (bridges, curls, hip extension) with little "
                    "hip bending [S19].",
                    "Easy jogging only, if it settles by the next morning.",
                    "Sliders, then tensioners when the nerve is calm [S57].",
                ),
                (
                    "Deep hip bending under load for now [S24].",
                    "Hills and fast running: they load the tendon most [S18].",
                    "Adding two things in one day: one step at a time.",
                ),
                (4, 8),
                ("pacing", "why-load", "sitting"),
                ("S18", "S19", "S24", "S57"),
            ),
            PhaseGuide(
                3,
                "Add hip bending as it becomes comfortable, and faster running.",
                (
                    "Strength work with progressively more hip bending, as comfortable [S19].",
                    "Tempo running, agility and early jumping drills.",
                    "Tensioners with movement if prescribed.",
                ),
                (
                    "Sprinting and steep hills until phase 4 [S18].",
                    "Sudden jumps in speed or exercise stage.",
                ),
                (3, 5),
                ("pacing", "flare"),
                ("S18", "S19"),
            ),
            PhaseGuide(
                4,
                "Prepare for your sport: high-speed running, then sprinting, and sport drills.",
                (
                    "Sport-specific drills and springy, fast work [S19].",
                    "High-speed running, then sprints, one speed band at a time.",
                    "Keep your strength work going.",
                ),
                (
                    "Big jumps in speed or volume.",
                    "Skipping the next-morning check after hard sessions [S1][S3].",
                ),
                (2, 4),
                ("pacing", "sleep"),
                ("S1", "S3", "S19"),
            ),
            PhaseGuide(
                5,
                "Return to full training, and review return to sport with your clinician.",
                (
                    "Full training sessions, building up towards competition [S46][S47].",
                    "The return-to-sport review with your clinician: pain, strength symmetry, "
                    "sprinting, confidence and your goals.",
                ),
                (
                    "Playing matches before the review.",
                    "Dropping your strength programme.",
                ),
                (2, 3),
                ("breathing", "pacing"),
                ("S46", "S47"),
            ),
            PhaseGuide(
                6,
                "Keep the tendon strong: a home programme and periodic check-ins.",
                (
                    "A home strength programme, continued.",
                    "The weekly check-in and an occasional strength test.",
                ),
                (
                    "Stopping strength work altogether.",
                    "Sudden spikes in sitting, training or speed.",
                ),
                None,
                ("why-load", "sleep"),
                (),
            ),
        )
    }
)
