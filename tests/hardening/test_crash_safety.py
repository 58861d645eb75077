"""Crash safety: SIGKILL the server mid-write-load; every acknowledged write survives."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx

from tests.database import fresh_database, migrate
from tests.hardening.test_concurrency import account
from tests.live import LiveServer

WRITERS = 6
MIN_ACKED = 60  # kill once this many writes were acknowledged (machines differ in speed)


def writer(
    base: str, headers: dict[str, str], acked: dict[str, dict[str, Any]], stop: threading.Event
) -> None:
    today = datetime.now(UTC).date()
    n = 0
    with httpx.Client(timeout=5) as client:
        while not stop.is_set() and n < 365:
            day = (today - timedelta(days=n)).isoformat()
            body = {"morning_pain": n % 11, "sitting_tolerance_min": n, "notes": f"write {n}"}
            try:
                answer = client.put(f"{base}/api/v1/me/logs/{day}", json=body, headers=headers)
            except httpx.HTTPError:
                return  # the server is gone: this write was never acknowledged
            if answer.status_code in (200, 201):
                acked[day] = body
            n += 1


def test_every_write_acknowledged_before_a_sigkill_is_there_after_restart(tmp_path: Path) -> None:
    with fresh_database(tmp_path, "crash") as url:
        migrate(url)
        server = LiveServer(url, workers=2)
        server.start()
        patients = [account(server.url) for _ in range(WRITERS)]
        acked: list[dict[str, dict[str, Any]]] = [{} for _ in patients]
        stop = threading.Event()
        threads = [
            threading.Thread(target=writer, args=(server.url, h, acked[i], stop))
            for i, h in enumerate(patients)
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while sum(len(a) for a in acked) < MIN_ACKED and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # mid-write: the writers are still sending
        stop.set()
        for thread in threads:
            thread.join(10)
        total = sum(len(a) for a in acked)
        assert total >= MIN_ACKED, "the load did not get going before the kill"

        restarted = LiveServer(url, workers=1)
        restarted.start()
        try:
            for headers, writes in zip(patients, acked, strict=True):
                if not writes:
                    continue
                start = min(writes)
                stored = httpx.get(
                    f"{restarted.url}/api/v1/me/logs",
                    params={"from": start, "to": max(writes)},
                    headers=headers,
                ).json()["logs"]
                by_day = {log["log_date"]: log for log in stored}
                for day, body in writes.items():
                    assert day in by_day, f"acknowledged write for {day} was lost"
                    assert {k: by_day[day][k] for k in body} == body
        finally:
            restarted.stop()
        print(f"\ncrash test: {total} writes acknowledged before SIGKILL, all found after restart")
