"""Which clinician messages are due at an instant: an alert when a linked patient has a new
red-flag episode or an urgent/emergency referral, and the daily digest when any linked patient
needs attention. Both read the dashboard's status rows: O(linked patients) per clinician."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from app.core.clock import today_in
from app.dashboard import statements
from app.dashboard.referrals import SCOPE, items_of
from app.dashboard.rows import dashboard_row
from app.notify.due import in_window, recipients
from app.notify.outbox import Due
from app.notify.texts import DAILY_DIGEST, PATIENT_ALERT

ALERT_LEVELS = ("urgent", "emergency")
# An episode is "new" for this long after it started (a flag logged late is still news; an
# old one a clinician had no push for is on the dashboard and in the queue).
NEW_FOR = timedelta(days=2)
DIGEST_WINDOW = timedelta(hours=4)
# What "needs attention" means for the digest (the dashboard's flags).
ATTENTION = {"open_episode", "referral", "back_off_streak"}


def due_for_clinicians(session: Session, now: datetime) -> list[Due]:
    due: list[Due] = []
    for who in recipients(session, "clinician", now):
        s = who.settings
        digest_now = s.daily_digest and in_window(who.clock, s.digest_time, DIGEST_WINDOW)
        if not (s.patient_alert or digest_now):
            continue
        params = {"holder": who.user_id, "scope": SCOPE}
        needing = 0
        for row in session.connection().execute(statements.ROWS, params):
            today = today_in(row.timezone, now)
            if digest_now and ATTENTION & set(dashboard_row(row, row.display_name, today)["flags"]):
                needing += 1
            if not s.patient_alert:
                continue
            for item in items_of(row, today):
                new_episode = item.kind == "episode" and item.since >= today - NEW_FOR
                referral = item.kind == "referral" and item.level in ALERT_LEVELS
                if new_episode or (referral and item.since >= today - timedelta(days=1)):
                    # One alert per patient and date: an episode and its referral are one.
                    due.append(Due(who.user_id, PATIENT_ALERT, item.since, str(item.patient_id)))
        if needing:
            due.append(Due(who.user_id, DAILY_DIGEST, who.today))
    return due
