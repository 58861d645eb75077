"""Exactly once with two real sender processes on one database, driven by a test clock through
a simulated day of reminders. With the lease as configured, and with a zero-length lease (both
processes send in every round: then only the unique keys and the claims keep it exactly once)."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import create_engine
from sqlmodel import Session, select

from app.accounts.schemas import MePatch
from app.accounts.service import register_user, update_profile
from app.auth.schemas import RegisterIn
from app.core.db import configure_sqlite
from app.logs.schemas import LogIn
from app.logs.service import save_daily_log
from app.models import Notification, PushDelivery, User
from app.notify.local_push import Device, LocalPushService
from app.notify.preferences import change_settings
from app.notify.subscriptions import save_subscription
from tests.database import ROOT, fresh_database, migrate

ZONES = ["Europe/Oslo", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"]
STEP = timedelta(minutes=10)


def _populate(url: str, service: LocalPushService, day: Any) -> dict[str, bool]:
    """Ten patients, two per zone: one logs today, one does not; a few pick 21:30. Returns
    endpoint -> whether a reminder is expected."""
    engine = create_engine(url)
    if url.startswith("sqlite"):
        configure_sqlite(engine, 10000)
    now = datetime.now(UTC)
    expected: dict[str, bool] = {}
    with Session(engine, expire_on_commit=False) as session:
        for n, zone in enumerate(ZONES):
            for logs in (False, True):
                data = RegisterIn(
                    email=f"p{n}{int(logs)}@two.invalid",
                    password="two-processes",
                    display_name=f"P{n}{int(logs)}",
                    role="patient",
                )
                user: User = register_user(session, data, now - timedelta(days=3))
                update_profile(session, user, MePatch(timezone=zone), now)
                if n % 2:
                    change_settings(session, user, {"reminder_time": time(21, 30)}, now)
                device: Device = service.new_device()
                keys = device.subscription()["keys"]
                save_subscription(session, user, device.endpoint, keys["p256dh"], keys["auth"], now)
                if logs:
                    save_daily_log(session, user, day, LogIn(morning_pain=1), now)
                expected[device.endpoint] = not logs
    engine.dispose()
    return expected


def _set_clock(path: Path, now: datetime) -> None:
    staged = path.with_suffix(".next")
    staged.write_text(now.isoformat())
    staged.replace(path)  # atomic: a reader never sees a half-written time


def _reader(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line.strip())


def _wait_for_round(lines: queue.Queue[str], at: datetime, seen: list[str]) -> None:
    want = f"round at {at.isoformat()}:"
    while True:
        line = lines.get(timeout=60)
        seen.append(line)
        if line.startswith(want):
            return


@pytest.mark.slow
@pytest.mark.parametrize("lease_seconds", ["90", "0"], ids=["lease", "no-lease"])
def test_two_sender_processes_send_each_reminder_exactly_once(
    tmp_path: Path, lease_seconds: str
) -> None:
    day = datetime.now(UTC).date()
    with fresh_database(tmp_path, "two_senders") as url, LocalPushService() as service:
        migrate(url)
        expected = _populate(url, service, day)
        clock_file = tmp_path / "clock"
        # 06:00 UTC to 05:00 UTC the next day: each zone's evening of `day` (20:00 or 21:30,
        # plus the 2-hour catch-up window) falls inside it once, and no other date's does.
        now = datetime.combine(day, time(6), tzinfo=UTC)
        _set_clock(clock_file, now)
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "NOTIFY_LEASE_SECONDS": lease_seconds,
            "ENVIRONMENT": "test",
        }
        command = [sys.executable, "-m", "app.notify", "run", "--clock-file", str(clock_file)]
        processes, streams, logs = [], [], [[], []]
        errors = [(tmp_path / f"sender{n}.err").open("w") for n in range(2)]
        for n in range(2):
            proc = subprocess.Popen(
                [*command, "--interval", "0.01"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=errors[n],
                text=True,
            )
            lines: queue.Queue[str] = queue.Queue()
            threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
            processes.append(proc)
            streams.append(lines)
        try:
            end = now + timedelta(hours=23)
            while now <= end:
                for lines, seen in zip(streams, logs, strict=True):
                    _wait_for_round(lines, now, seen)
                now += STEP
                _set_clock(clock_file, now)
        finally:
            for proc in processes:
                proc.terminate()
            for n, proc in enumerate(processes):
                code = proc.wait(timeout=30)
                errors[n].close()
                tail = (tmp_path / f"sender{n}.err").read_text()[-3000:]
                assert code == 0, tail

        counts = Counter(service.origin + got.path for got in service.received)
        assert {e: counts.get(e, 0) for e in expected} == {e: int(v) for e, v in expected.items()}
        assert all(got.answered == 201 for got in service.received)
        for endpoint, want in expected.items():
            if want:
                [message] = service.delivered(service.devices[endpoint])
                assert message["tag"] == "daily_reminder"
        held = [sum("lease=held" in line for line in seen) for seen in logs]
        assert all(n > 0 for n in held), held  # both processes took part
        engine = create_engine(url)
        with Session(engine) as session:
            assert len(session.exec(select(Notification)).all()) == sum(expected.values())
            statuses = Counter(d.status for d in session.exec(select(PushDelivery)).all())
            assert statuses == {"sent": sum(expected.values())}
        engine.dispose()
