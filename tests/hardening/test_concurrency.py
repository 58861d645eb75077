"""Concurrent writers against a real server: one log per day, no lock errors, nothing lost."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx

from app.rules import DayLog, PatientState, evaluate
from tests.factories import rules_only
from tests.live import LiveServer, live_server

PASSWORD = "concurrency-password"


def account(base: str, role: str = "patient") -> dict[str, str]:
    email = f"{role}-{threading.get_ident()}-{datetime.now(UTC).timestamp()}@example.org"
    created = httpx.post(
        f"{base}/api/v1/auth/register",
        json={"email": email, "password": PASSWORD, "display_name": "Load", "role": role},
    )
    assert created.status_code == 201, created.text
    token = httpx.post(f"{base}/api/v1/auth/token", data={"username": email, "password": PASSWORD})
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def test_twenty_simultaneous_puts_for_one_day_leave_one_log_and_a_matching_decision(
    tmp_path: Path,
) -> None:
    with live_server(tmp_path) as server:
        headers = account(server.url)
        today = datetime.now(UTC).date()
        url = f"{server.url}/api/v1/me/logs/{today}"
        start = threading.Barrier(20)

        def put(i: int) -> httpx.Response:
            body = {"morning_pain": i % 11, "sitting_pain": (i * 3) % 11, "notes": f"writer {i}"}
            with httpx.Client(timeout=30) as client:
                start.wait()
                return client.put(url, json=body, headers=headers)

        with ThreadPoolExecutor(20) as pool:
            answers = list(pool.map(put, range(20)))
        assert all(a.status_code in (200, 201) for a in answers), [a.text for a in answers]
        assert sum(a.status_code == 201 for a in answers) == 1
        logs = httpx.get(f"{server.url}/api/v1/me/logs", headers=headers).json()["logs"]
        assert len(logs) == 1
        final = httpx.get(url, headers=headers).json()
        log = final["log"]
        expected = evaluate(
            [
                DayLog(
                    log_date=today,
                    morning_pain=log["morning_pain"],
                    sitting_pain=log["sitting_pain"],
                )
            ],
            today,
            PatientState(phase=1, phase_started_on=today),
        ).as_dict()
        assert rules_only(final["guidance"]) == expected


def write_history(base: str, headers: dict[str, str], days: list[date]) -> list[int]:
    statuses = []
    with httpx.Client(timeout=30) as client:
        for n, day in enumerate(days):
            body = {"morning_pain": n % 6, "sitting_pain": 2, "sitting_tolerance_min": 60}
            statuses.append(
                client.put(f"{base}/api/v1/me/logs/{day}", json=body, headers=headers).status_code
            )
    return statuses


def test_two_worker_processes_writing_one_database_produce_no_errors(tmp_path: Path) -> None:
    with live_server(tmp_path, workers=2) as server:
        patients = [account(server.url) for _ in range(8)]
        today = datetime.now(UTC).date()
        days = [today - timedelta(days=n) for n in range(30, -1, -1)]
        with ThreadPoolExecutor(8) as pool:
            results: list[Any] = list(
                pool.map(lambda h: write_history(server.url, h, days), patients)
            )
        statuses = [s for result in results for s in result]
        assert statuses.count(201) == len(statuses) == 8 * 31, sorted(set(statuses))
        for headers in patients:
            listed = httpx.get(
                f"{server.url}/api/v1/me/logs", params={"from": str(days[0])}, headers=headers
            ).json()["logs"]
            assert len(listed) == 31


def test_server_fixture_reports_a_failed_start(tmp_path: Path) -> None:
    server = LiveServer("sqlite:////nonexistent-dir/x.db")
    try:
        server.start(ready_within=6)  # a working server is ready in a few seconds
    except RuntimeError:
        return
    finally:
        server.stop()
    raise AssertionError("a server without a database must not become ready")


def test_failed_sign_ins_are_limited_across_worker_processes(tmp_path: Path) -> None:
    """The counter lives in the database: two workers share it, so five failures are five."""
    with live_server(tmp_path, workers=2) as server, httpx.Client(base_url=server.url) as http:
        email = f"limited-{datetime.now(UTC).timestamp()}@example.org"
        body = {"email": email, "password": PASSWORD, "display_name": "L", "role": "patient"}
        assert http.post("/api/v1/auth/register", json=body).status_code == 201
        wrong = {"username": email, "password": "not the password"}
        # New connections spread the attempts over both workers.
        codes = [
            httpx.post(f"{server.url}/api/v1/auth/token", data=wrong).status_code for _ in range(8)
        ]
        assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
        right = httpx.post(
            f"{server.url}/api/v1/auth/token", data={"username": email, "password": PASSWORD}
        )
        assert right.status_code == 429 and int(right.headers["retry-after"]) > 0
