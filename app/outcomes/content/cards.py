"""Education cards, each readable in about a minute: modest, factual, in Loadline's own words,
citing only evidence.md (by its [S..] ids). Where our sources say nothing, the card says so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    sources: tuple[str, ...]


CARDS: Final[tuple[Card, ...]] = (
    Card(
        "sitting",
        "Sitting tips",
        "Sitting presses on the sore tendon. Short spells and a soft seat help.",
        (
            "Sitting hurts because your weight presses the tendon against the sit bone. That "
            "pressure is uncomfortable, but sitting does not damage the tendon [S20].",
            "While the tendon is irritable (often the first 2-8 weeks), sit only as long as "
            "is comfortable, then stand up or walk for a minute. Complete avoidance is "
            "usually not needed [S20].",
            "Hard chairs are often worse [S18]: a cushion, or a folded towel under the "
            "thighs so the sit bones press less, can help. Leaning far forward adds pressure "
            "[S23].",
            "Loadline asks for your sitting tolerance each day and lets you build it up "
            "about 10 minutes at a time once sitting has settled.",
        ),
        ("S18", "S20", "S23"),
    ),
    Card(
        "flare",
        "Managing a flare",
        "A flare is common. Ease the load for a few days; complete rest is rarely needed.",
        (
            "Tendon pain often feels better once you are moving and worse later, or the next "
            "morning [S18]. That is why Loadline asks about your morning.",
            "If pain is clearly higher the next day, reduce the amount of exercise; when it "
            "settles, carry on at the same load or add a little [S3]. Pain during exercise "
            "does not by itself mean harm [S7].",
            "In a flare, keep moving within comfort, shorten sitting spells and do your "
            "gentler exercises. Loadline will suggest holding or backing off.",
            "Get help quickly for numbness in the saddle area, bladder or bowel changes, new "
            "weakness, a pop with bruising, or severe pain at night or at rest [S73][S74].",
        ),
        ("S3", "S7", "S18", "S73", "S74"),
    ),
    Card(
        "sleep",
        "Sleep and recovery",
        "How you sleep and feel is worth noting: it tracks how you cope with training.",
        (
            "Recovery happens between sessions. How you feel (sleep, tiredness, stress, "
            "soreness) tracks training load more closely than many lab measures [S78], so "
            "Loadline asks about them.",
            "Our sources contain no study of sleep in hamstring tendinopathy, so there is no "
            "special rule: aim for regular, sufficient sleep, and plan harder sessions for "
            "days when you feel rested.",
            "Pain that wakes you at night or does not ease with rest is different: it is a "
            "warning sign to tell your clinician about [S68][S74].",
        ),
        ("S68", "S74", "S78"),
    ),
    Card(
        "pacing",
        "Pacing",
        "Steady, small steps beat big jumps: one change at a time.",
        (
            "Tendons adapt to load gradually. Progress is judged by how your body responds, "
            "not by the calendar [S17].",
            "A common guide: pain during exercise up to about 5 out of 10 is acceptable if "
            "it has settled by the next morning, and pain should not climb from week to week "
            "[S1][S3].",
            "Change one thing at a time (more weight, or more time, or faster running) so "
            "you can tell what caused a reaction. Loadline steps up one thing a day at most.",
            "On busy days, spread your sitting and exercise through the day instead of doing "
            "everything at once.",
        ),
        ("S1", "S3", "S17"),
    ),
    Card(
        "breathing",
        "Breathing and relaxation",
        "A calmer body can make pain easier to live with. Try two minutes of slow breathing.",
        (
            "Long-lasting pain is tiring and worrying, and how you feel about it matters: "
            "psychological factors are one of the core areas measured in tendinopathy [S41].",
            "Try this: sit or lie comfortably, breathe in through the nose for about 4 "
            "seconds and out slowly for about 6, for two minutes. Let your shoulders and jaw "
            "go loose.",
            "Our sources contain no trial of breathing exercises for this tendon problem. "
            "This is a simple way to feel calmer, not a treatment for the tendon.",
            "If worry about re-injury is holding you back, tell your clinician: confidence "
            "is part of deciding when to return to sport [S46][S47].",
        ),
        ("S41", "S46", "S47"),
    ),
    Card(
        "why-load",
        "Why load helps tendons",
        "Tendons get stronger when they are loaded gradually. Rest alone rarely fixes them.",
        (
            "Tendons adapt to the loads placed on them. Rehabilitation for this condition is "
            "based on progressive loading, watched through your pain response [S16].",
            "The steps go from holds without movement, to slow strength work with little hip "
            "bending, to deeper hip bending, and finally to springy, fast work for those who "
            "need it [S17][S19].",
            "In a trial with Achilles tendons, people who kept training within a pain guide "
            "did as well as those who rested [S1]. No trial has tested this in the hamstring "
            "tendon yet [S16], so your clinician adapts it to you.",
            "Most people need 3 to 6 months, with big differences between people [S17].",
        ),
        ("S1", "S16", "S17", "S19"),
    ),
)
CARD_IDS: Final = frozenset(card.id for card in CARDS)
