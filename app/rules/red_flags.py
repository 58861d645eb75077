"""Red flags (RF-1..RF-5): reported flags trigger a clinician, never a diagnosis.

RF-1..RF-4 read today's flags; RF-5 carries an episode opened on an earlier day until it is
reviewed or cleared (episodes.py derives which are open).
"""

from __future__ import annotations

from collections.abc import Collection

from .combine import ALL_AT_MOST_HOLD, ALL_BACK_OFF, Fired
from .episodes import earlier_episode_level
from .history import History
from .model import ALL, CRITICAL, EMERGENCY, REFERRAL_RANK, SOON, URGENT, WARNING

_CAUDA_EQUINA = frozenset(
    {"saddle_numbness", "bladder_bowel_change", "both_legs", "sexual_dysfunction"}
)
_OTHER_CAUSE = frozenset({"fever_unwell", "night_rest_pain"})
_FORCING = REFERRAL_RANK[URGENT]


def _flags(h: History) -> Collection[str]:
    today = h.days[0]
    return today.red_flags if today is not None else ()


def rf1_cauda_equina(h: History) -> Fired | None:
    """RF-1: saddle numbness, bladder/bowel change (incl. difficulty passing urine), new
    symptoms in both legs, or new loss of genital sensation or sexual function -> emergency,
    all back_off.

    Source: cauda equina guidance (BMJ Best Practice; NICE CKS 2018; GIRFT CES pathway).
    """
    if not _CAUDA_EQUINA.isdisjoint(_flags(h)):
        return Fired("RF-1", ALL, CRITICAL, ALL_BACK_OFF, EMERGENCY)
    return None


def rf2_new_weakness(h: History) -> Fired | None:
    """RF-2: new weakness -> urgent (same day) referral, all back_off.

    Source: red-flag guidance.
    """
    if "new_weakness" in _flags(h):
        return Fired("RF-2", ALL, CRITICAL, ALL_BACK_OFF, URGENT)
    return None


def rf3_pop_with_bruising(h: History) -> Fired | None:
    """RF-3: a sudden pop with bruising (possible avulsion) -> urgent referral, all back_off.

    Source: avulsion literature.
    """
    if "pop_with_bruising" in _flags(h):
        return Fired("RF-3", ALL, CRITICAL, ALL_BACK_OFF, URGENT)
    return None


def rf4_other_cause(h: History) -> Fired | None:
    """RF-4: fever/unwell or night/rest pain -> referral soon, all components at most hold.

    Source: red-flag guidance; the timing is convention.
    """
    if not _OTHER_CAUSE.isdisjoint(_flags(h)):
        return Fired("RF-4", ALL, WARNING, ALL_AT_MOST_HOLD, SOON)
    return None


def rf5_open_episode(h: History) -> Fired | None:
    """RF-5: an episode opened on an earlier day is still open -> its level (the highest of
    the open ones): emergency/urgent all back_off, soon all at most hold.

    Source: convention: a red flag is resolved by a person, not by a quiet day.
    """
    episode = earlier_episode_level(h.episodes, h.today)
    if episode is None:
        return None
    started = (episode.started_on.isoformat(),)
    if REFERRAL_RANK[episode.level] >= _FORCING:
        return Fired("RF-5", ALL, CRITICAL, ALL_BACK_OFF, episode.level, "stop", started)
    return Fired("RF-5", ALL, WARNING, ALL_AT_MOST_HOLD, episode.level, "hold", started)
