"""The notification tests' parts: a local push service that decrypts what it receives, a test
clock, and a sender that runs inside the test's transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from app.notify.local_push import Device, LocalPushService
from app.notify.sender import Sender
from tests.factories import Account


@dataclass
class SimClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def push_service() -> Iterator[LocalPushService]:
    with LocalPushService() as service:
        yield service


@pytest.fixture
def clock() -> SimClock:
    """Noon UTC today (the real today: the API refuses logs dated after tomorrow)."""
    return SimClock(datetime.combine(datetime.now(UTC).date(), time(12), tzinfo=UTC))


def local(zone: str, day: date, hour: int, minute: int = 0) -> datetime:
    """A local wall-clock time in a zone, as an aware UTC instant."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.fixture
def sender(db_session: Any, clock: SimClock) -> Iterator[Sender]:
    """A sender on the test's own session (its writes roll back with the test)."""
    made = Sender(clock, sessions=lambda: nullcontext(db_session), name="test-sender")
    yield made
    made.http.close()


def subscribe(client: TestClient, account: Account, service: LocalPushService) -> Device:
    device = service.new_device()
    answer = client.post(
        "/api/v1/me/push-subscriptions", json=device.subscription(), headers=account.headers
    )
    assert answer.status_code == 201, answer.text
    return device


def rounds(
    sender: Sender, clock: SimClock, service: LocalPushService, until: datetime, step: timedelta
) -> dict[str, list[datetime]]:
    """Run the sender every `step` of simulated time up to `until` (inclusive); returns, per
    endpoint, the simulated times of the rounds in which it received a message."""
    seen: dict[str, list[datetime]] = {}
    while clock.now <= until:
        before = len(service.received)
        sender.round()
        for got in service.received[before:]:
            seen.setdefault(service.origin + got.path, []).append(clock.now)
        clock.now += step
    return seen
