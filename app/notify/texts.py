"""What each notification says. Nothing here may carry a pain value, a decision or a red-flag
detail: the payload can be shown on a locked screen. Details are in the app, after sign-in."""

from __future__ import annotations

import json
from dataclasses import dataclass

DAILY_REMINDER = "daily_reminder"
MORNING_PROMPT = "morning_prompt"
WEEKLY_CHECKIN = "weekly_checkin"
PATIENT_ALERT = "patient_alert"
DAILY_DIGEST = "daily_digest"
PATIENT_KINDS = (DAILY_REMINDER, MORNING_PROMPT, WEEKLY_CHECKIN)
CLINICIAN_KINDS = (PATIENT_ALERT, DAILY_DIGEST)
KINDS = PATIENT_KINDS + CLINICIAN_KINDS


@dataclass(frozen=True, slots=True)
class Text:
    title: str
    body: str
    url: str  # the page the service worker opens on a tap
    ttl_seconds: int  # how long the push service keeps it for an offline device
    urgency: str  # RFC 8030 Urgency: very-low | low | normal | high


TEXTS: dict[str, Text] = {
    DAILY_REMINDER: Text(
        "Loadline", "Time for today's log. It takes a minute.", "/log", 4 * 3600, "normal"
    ),
    MORNING_PROMPT: Text(
        "Loadline",
        "How does it feel this morning? Add your morning check to today's log.",
        "/log",
        4 * 3600,
        "normal",
    ),
    WEEKLY_CHECKIN: Text(
        "Loadline", "Your weekly check-in is ready.", "/check-in", 24 * 3600, "low"
    ),
    PATIENT_ALERT: Text(
        "Loadline: a patient needs attention",
        "Open Loadline to see the referral queue.",
        "/clinician",
        24 * 3600,
        "high",
    ),
    DAILY_DIGEST: Text(
        "Loadline: patients need attention",
        "Some of your patients need attention today. Open Loadline to see who.",
        "/clinician",
        12 * 3600,
        "normal",
    ),
}


def payload(kind: str) -> bytes:
    """The JSON the service worker receives (encrypted): title, body, url, tag."""
    text = TEXTS[kind]
    body = {"title": text.title, "body": text.body, "url": text.url, "tag": kind}
    return json.dumps(body, separators=(",", ":")).encode()
