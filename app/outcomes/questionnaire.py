"""The weekly check-in's questions, in Loadline's own words (no licensed questionnaire is
reproduced): the patient's own activities rated 0-10 (a Patient-Specific-Functional-Scale-like
part), confidence to return, fear of re-injury, and a 7-point global rating of change.

Versioned data: the PWA shows these texts as given, and the FHIR export names this version.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

QUESTIONNAIRE_VERSION: Final = "2026.12-1"
QUESTIONNAIRE_URL: Final = "https://loadline.app/fhir/Questionnaire/weekly-check-in"
MAX_ACTIVITIES: Final = 3

# The 7-point global rating of change: stored as -3..+3, named in the API.
GLOBAL_CHANGE: Final[Mapping[str, int]] = MappingProxyType(
    {
        "much_worse": -3,
        "worse": -2,
        "slightly_worse": -1,
        "no_change": 0,
        "slightly_better": 1,
        "better": 2,
        "much_better": 3,
    }
)
GLOBAL_CHANGE_NAME: Final[Mapping[int, str]] = MappingProxyType(
    {score: name for name, score in GLOBAL_CHANGE.items()}
)
GLOBAL_CHANGE_TEXT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "much_worse": "Much worse",
        "worse": "Worse",
        "slightly_worse": "A little worse",
        "no_change": "About the same",
        "slightly_better": "A little better",
        "better": "Better",
        "much_better": "Much better",
    }
)

ITEMS: Final[tuple[dict[str, Any], ...]] = (
    {
        "id": "activities",
        "text": "How well can you do each of your activities now?",
        "help": "Name up to 3 things your hamstring makes hard (once; you can change them). "
        "0 = I can't do it at all, 10 = as well as before the problem started.",
        "kind": "score",
        "low": 0,
        "high": 10,
    },
    {
        "id": "confidence",
        "text": "How confident are you that you can go back to your sport or activity?",
        "help": "0 = not confident at all, 10 = completely confident.",
        "kind": "score",
        "low": 0,
        "high": 10,
    },
    {
        "id": "fear",
        "text": "How worried are you about hurting your hamstring again?",
        "help": "0 = not worried at all, 10 = extremely worried.",
        "kind": "score",
        "low": 0,
        "high": 10,
    },
    {
        "id": "global_change",
        "text": "Since you started your rehab, how is your hamstring overall?",
        "help": "Pick the one that fits best.",
        "kind": "choice",
        "options": [{"code": k, "text": v} for k, v in GLOBAL_CHANGE_TEXT.items()],
    },
)


def questionnaire() -> dict[str, Any]:
    """The check-in form as the API gives it (the PWA renders these texts)."""
    return {
        "version": QUESTIONNAIRE_VERSION,
        "items": [dict(item) for item in ITEMS],
        "note": "Trends for you and your clinician: these answers never change your daily "
        "guidance.",
    }
