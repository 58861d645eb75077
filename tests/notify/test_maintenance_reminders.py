"""In phase 6 the daily log is optional (issue 17): the evening reminder is not sent."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from app.notify.local_push import LocalPushService
from app.notify.sender import Sender
from tests.factories import link, register
from tests.notify.conftest import SimClock, local, rounds, subscribe


def test_a_phase_6_patient_gets_no_daily_log_reminder(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock
) -> None:
    day = clock.now.date()
    phase_1 = register(client, timezone="Europe/Oslo")
    phase_6 = register(client, timezone="Europe/Oslo")
    clinician = register(client, "clinician")
    link(client, phase_6, clinician)
    moved = client.patch(
        f"/api/v1/clinician/patients/{phase_6.id}", json={"phase": 6}, headers=clinician.headers
    )
    assert moved.status_code == 200, moved.text
    devices = {who.id: subscribe(client, who, push_service) for who in (phase_1, phase_6)}
    clock.now = local("Europe/Oslo", day, 19, 0)
    seen = rounds(
        sender, clock, push_service, local("Europe/Oslo", day, 21, 0), timedelta(minutes=5)
    )
    reminded = [
        who
        for who in (phase_1, phase_6)
        if any(d["tag"] == "daily_reminder" for d in push_service.delivered(devices[who.id]))
    ]
    assert seen.get(devices[phase_1.id].endpoint)
    assert reminded == [phase_1]
