"""The sender: one round plans what is due and delivers what is pending, while holding the lease.

Run it in the app's lifespan (`start_in_app`, every NOTIFY_INTERVAL_SECONDS in each worker; the
lease lets one of them send) or as `python -m app.notify run` (app/notify/__main__.py). The
clock is an argument: the real one in production, a test clock in the tests and the demo.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import requests
from sqlmodel import Session

from app.core.clock import utcnow
from app.core.config import get_settings
from app.core.db import get_engine
from app.notify import lease, outbox, push
from app.notify.alerts import due_for_clinicians
from app.notify.due import due_for_patients

log = logging.getLogger("loadline.notify")
Clock = Callable[[], datetime]
Sessions = Callable[[], AbstractContextManager[Session]]


def own_session() -> Session:
    """A session of its own (not a request's): the sender's writes commit as it goes."""
    return Session(get_engine(), expire_on_commit=False)


@dataclass
class Report:
    """What one round did."""

    at: datetime
    held: bool = False
    planned: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def __str__(self) -> str:
        done = " ".join(f"{k}={v}" for k, v in sorted(self.outcomes.items()))
        lease_state = "held" if self.held else "elsewhere"
        return f"round at {self.at.isoformat()}: lease={lease_state} planned={self.planned} {done}"


def sender_name() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Sender:
    """One process's sender. `clock` gives "now"; `engine` the database to use."""

    def __init__(
        self, clock: Clock = utcnow, sessions: Sessions | None = None, name: str | None = None
    ) -> None:
        settings = get_settings()
        self.clock = clock
        self.sessions = sessions or own_session
        self.name = name or sender_name()
        self.lease_ttl = timedelta(seconds=settings.notify_lease_seconds)
        self.http = requests.Session()

    def round(self) -> Report:
        """Take (or renew) the lease; if held, plan what is due and send what is pending."""
        report = Report(self.clock())
        with self.sessions() as session:
            report.held = lease.acquire(session, self.name, report.at, self.lease_ttl)
            if not report.held:
                return report
            outbox.abandon_stale(session, report.at)
            due = due_for_patients(session, report.at) + due_for_clinicians(session, report.at)
            report.planned = outbox.enqueue(session, due, report.at)
            for delivery_id in outbox.due_deliveries(session, report.at):
                now = self.clock()
                if not lease.acquire(session, self.name, now, self.lease_ttl):
                    break  # taken over (this round overran the lease): stop sending
                claimed = outbox.claim(session, delivery_id, self.name, now)
                if claimed is None:
                    continue
                outcome = (
                    push.send(self.http, claimed.target, claimed.message.kind, claimed.message.key)
                    if claimed.target
                    else push.Outcome(None, "the subscription was removed")
                )
                report.outcomes[outbox.record(session, claimed, outcome, self.clock())] += 1
        return report

    def stop(self) -> None:
        """Release the lease so another process takes over at once."""
        with self.sessions() as session:
            lease.release(session, self.name)
        self.http.close()


async def run_in_background(sender: Sender, interval: float) -> None:
    """Rounds every `interval` seconds, off the event loop, until cancelled."""
    try:
        while True:
            try:
                report = await asyncio.to_thread(sender.round)
                if report.planned or report.outcomes:
                    log.info("%s", report)
            except Exception:  # a bad round must not end the loop; the next one retries
                log.exception("notification round failed")
            await asyncio.sleep(interval)
    finally:
        await asyncio.to_thread(sender.stop)


@contextlib.asynccontextmanager
async def start_in_app() -> AsyncIterator[None]:
    """The lifespan part: a background sender when push and NOTIFY_IN_APP are on."""
    settings = get_settings()
    if not (settings.push_enabled and settings.notify_in_app):
        yield
        return
    task = asyncio.create_task(run_in_background(Sender(), settings.notify_interval_seconds))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
