"""What a polled view's ETag is made of, and the answers a worker remembers to revalidate it.

A view over a holder's linked patients (the clinician dashboard, the coach view) changes when
a linked patient's status row changes, when a link is made or ends, or at midnight in one of
the patients' time zones. Its ETag is a digest of exactly those: the status and link change
numbers, the number of live links, the patients' local dates (and the cursor asked for).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from app.core.clock import today_in


def days_digest(zones: tuple[str, ...], now: datetime) -> str:
    days = ",".join(sorted({today_in(zone, now).isoformat() for zone in zones}))
    return hashlib.sha256(days.encode()).hexdigest()[:8]


def etag_of(status_seq: int, link_seq: int, live: int, days: str, since: str | None) -> str:
    raw = f"{status_seq}|{link_seq}|{live}|{days}|{since or ''}"
    return f'"{hashlib.sha256(raw.encode()).hexdigest()[:32]}"'


def matches(etag: str, if_none_match: str | None) -> bool:
    return bool(if_none_match) and etag in {tag.strip() for tag in (if_none_match or "").split(",")}


@dataclass(frozen=True, slots=True)
class Answer:
    """What an ETag was made of, and until when the caller's credentials hold."""

    versions: tuple[int, int]  # (change_seq, auth_seq) read just before the view's state
    status_seq: int
    link_seq: int
    live_links: int
    zones: tuple[str, ...]
    valid_until: datetime


class RememberedAnswers:
    """Cache: the last answer of each (access token, view, cursor), for the 304 shortcut.

    Owner: this module (one instance, `REMEMBERED`, per worker process). Bounded: the oldest
    entry goes past MAX_ENTRIES. Safe with several workers: an entry is only trusted when the
    database's counters still equal `versions` and the credentials have not expired, so a
    worker that missed a change (made by another) never answers 304 from it.
    """

    MAX_ENTRIES = 10_000

    def __init__(self) -> None:
        self._answers: OrderedDict[tuple[str, str, str | None], Answer] = OrderedDict()

    def remember(self, token: str, view: str, since: str | None, answer: Answer) -> None:
        key = (token, view, since)
        self._answers[key] = answer
        self._answers.move_to_end(key)
        while len(self._answers) > self.MAX_ENTRIES:
            self._answers.popitem(last=False)

    def get(self, token: str, view: str, since: str | None) -> Answer | None:
        return self._answers.get((token, view, since))


REMEMBERED = RememberedAnswers()
