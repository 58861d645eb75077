"""What the sender does with the push service's answers, the lease, and a sender that died."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import select

from app.models import PushDelivery, PushSubscription
from app.notify import lease, outbox
from app.notify.local_push import LocalPushService
from app.notify.sender import Sender
from tests.factories import register
from tests.notify.conftest import SimClock, local, subscribe


def _evening(client: TestClient, service: LocalPushService, clock: SimClock) -> Any:
    patient = register(client, timezone="UTC")
    device = subscribe(client, patient, service)
    clock.now = local("UTC", clock.now.date(), 20, 0)
    return patient, device


def _deliveries(db_session: Any) -> list[PushDelivery]:
    db_session.expire_all()
    return list(db_session.exec(select(PushDelivery)).all())


def test_410_and_404_remove_the_subscription(
    client: TestClient,
    push_service: LocalPushService,
    sender: Sender,
    clock: SimClock,
    db_session: Any,
) -> None:
    for status in (410, 404):
        _, device = _evening(client, push_service, clock)
        push_service.answer(device, status)
        report = sender.round()
        assert report.outcomes["gone"] == 1
        db_session.expire_all()
        assert (
            db_session.exec(
                select(PushSubscription).where(PushSubscription.endpoint == device.endpoint)
            ).first()
            is None
        )
        sender.round()
        assert len(push_service.to(device)) == 1  # never tried again
        clock.now = local("UTC", clock.now.date(), 12, 0)


def test_a_500_is_retried_with_back_off_then_given_up(
    client: TestClient,
    push_service: LocalPushService,
    sender: Sender,
    clock: SimClock,
    db_session: Any,
) -> None:
    _, device = _evening(client, push_service, clock)
    push_service.answer(device, *([500] * outbox.MAX_ATTEMPTS))
    start = clock.now
    sender.round()
    waits = []
    for _ in range(outbox.MAX_ATTEMPTS - 1):
        [row] = _deliveries(db_session)
        assert row.status == "pending" and row.last_status == 500 and "HTTP 500" in row.last_error
        assert row.next_attempt_at is not None
        waits.append(row.next_attempt_at - clock.now)
        clock.now = row.next_attempt_at - timedelta(seconds=1)
        sender.round()  # not yet
        clock.now = row.next_attempt_at
        sender.round()
    assert waits == list(outbox.BACKOFF)
    [row] = _deliveries(db_session)
    assert (row.status, row.attempts, row.last_status, row.next_attempt_at) == (
        "given_up",
        outbox.MAX_ATTEMPTS,
        500,
        None,
    )
    assert len(push_service.to(device)) == outbox.MAX_ATTEMPTS
    clock.now = start + timedelta(hours=2)
    sender.round()
    assert len(push_service.to(device)) == outbox.MAX_ATTEMPTS


def test_a_500_then_success_delivers_once(
    client: TestClient,
    push_service: LocalPushService,
    sender: Sender,
    clock: SimClock,
    db_session: Any,
) -> None:
    _, device = _evening(client, push_service, clock)
    push_service.answer(device, 503)
    sender.round()
    clock.advance(seconds=30)
    sender.round()
    clock.advance(minutes=10)
    sender.round()
    assert [r.answered for r in push_service.to(device)] == [503, 201]
    assert len(push_service.delivered(device)) == 1
    [row] = _deliveries(db_session)
    assert (row.status, row.attempts) == ("sent", 2)


def test_a_client_error_is_given_up_at_once(
    client: TestClient,
    push_service: LocalPushService,
    sender: Sender,
    clock: SimClock,
    db_session: Any,
) -> None:
    _, device = _evening(client, push_service, clock)
    push_service.answer(device, 400)
    sender.round()
    [row] = _deliveries(db_session)
    assert (row.status, row.attempts, row.last_status) == ("given_up", 1, 400)


def test_one_sender_holds_the_lease_until_it_expires_or_is_released(
    db_session: Any, clock: SimClock
) -> None:
    ttl = timedelta(seconds=90)
    assert lease.acquire(db_session, "a", clock.now, ttl)
    assert not lease.acquire(db_session, "b", clock.now + timedelta(seconds=89), ttl)
    assert lease.acquire(db_session, "a", clock.now + timedelta(seconds=60), ttl)  # renewed
    assert not lease.acquire(db_session, "b", clock.now + timedelta(seconds=149), ttl)
    assert lease.acquire(db_session, "b", clock.now + timedelta(seconds=150), ttl)  # expired
    lease.release(db_session, "b")
    assert lease.acquire(db_session, "a", clock.now + timedelta(seconds=151), ttl)
    assert lease.holder_of(db_session) == "a"


def test_a_second_sender_sends_nothing_while_the_first_holds_the_lease(
    client: TestClient,
    push_service: LocalPushService,
    sender: Sender,
    clock: SimClock,
    db_session: Any,
) -> None:
    _, device = _evening(client, push_service, clock)
    other = Sender(clock, sessions=lambda: nullcontext(db_session), name="other")
    assert sender.round().held
    assert not other.round().held
    assert len(push_service.to(device)) == 1


def test_a_delivery_claimed_by_a_sender_that_died_is_abandoned_not_resent(
    client: TestClient,
    push_service: LocalPushService,
    sender: Sender,
    clock: SimClock,
    db_session: Any,
) -> None:
    patient, device = _evening(client, push_service, clock)
    due = outbox.Due(__import__("uuid").UUID(patient.id), "daily_reminder", clock.now.date())
    assert outbox.enqueue(db_session, [due], clock.now) == 1
    assert outbox.enqueue(db_session, [due], clock.now) == 0  # the key exists
    [delivery_id] = outbox.due_deliveries(db_session, clock.now)
    assert outbox.claim(db_session, delivery_id, "dead-sender", clock.now) is not None
    assert outbox.claim(db_session, delivery_id, "test-sender", clock.now) is None
    clock.advance(minutes=6)
    sender.round()
    [row] = _deliveries(db_session)
    assert row.status == "abandoned"
    assert push_service.to(device) == []
