"""Share of a `PUT /me/logs/{date}` request's server time spent in the rules (one process).

Builds a throwaway SQLite database, a patient with 28 days of history, then sends PUTs to the
real app in-process. A timer wraps the ASGI app (the server-side request time, without the
client) and another wraps `app.rules.evaluate` as the write path calls it; the SQL statements
each PUT sends are counted too, and the process CPU time per PUT (client included) is given
because, unlike wall time, other load on a shared machine hardly moves it.

Run: .venv/bin/python bench/rules_share.py [requests]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="loadline-share-"))
os.environ.update(
    DATABASE_URL=f"sqlite:///{WORK / 'share.db'}",
    ENVIRONMENT="test",
    SECRET_KEY="rules-share-benchmark-secret-0123456789abcdef",  # noqa: S106
)

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import event  # noqa: E402

from app.core.db import get_engine  # noqa: E402
from app.logs import decision_batch  # noqa: E402
from app.main import app  # noqa: E402
from tests.database import migrate  # noqa: E402

timers = {"app": 0.0, "app_cpu": 0.0, "rules": 0.0, "rule_calls": 0, "statements": 0}


class AppTimer:
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        start, cpu = time.perf_counter(), time.thread_time()
        await self.inner(scope, receive, send)
        if scope["type"] == "http" and scope["method"] == "PUT":
            timers["app"] += time.perf_counter() - start
            # The app runs in the test client's event-loop thread (database work inline on
            # SQLite): that thread's CPU time is the server's, without the client's.
            timers["app_cpu"] += time.thread_time() - cpu


def timed_evaluate(original: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timers["rules"] += time.perf_counter() - start
            timers["rule_calls"] += 1

    return wrapper


def main(requests: int) -> None:
    migrate(os.environ["DATABASE_URL"])
    # Wrap the rules where the write path calls them (the name it imported).
    decision_batch.evaluate = timed_evaluate(decision_batch.evaluate)  # type: ignore[attr-defined]

    def count(*_: Any) -> None:
        timers["statements"] += 1

    event.listen(get_engine(), "before_cursor_execute", count)
    # Entered as a context, the client runs the app's lifespan as uvicorn does (its garbage
    # collector tuning included: app.main.tune_garbage_collector), so the PUTs are timed
    # as a server runs them.
    with TestClient(AppTimer(app)) as client:
        run(client, requests)


def run(client: TestClient, requests: int) -> None:
    email, password = "share@example.org", "share-password"
    client.post(
        "/api/v1/auth/register",
        json={"email": email, "password": password, "display_name": "S", "role": "patient"},
    )
    token = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    today = datetime.now(UTC).date()
    for n in range(28, 0, -1):
        body = {
            "morning_pain": n % 4,
            "sitting_pain": 2,
            "sitting_tolerance_min": 50 + n,
            "loading_pain": 2 if n % 2 else None,
            "loading_stage": 2 if n % 2 else None,
        }
        client.put(f"/api/v1/me/logs/{today - timedelta(days=n)}", json=body, headers=headers)
    timers.update(app=0.0, app_cpu=0.0, rules=0.0, rule_calls=0, statements=0)
    cpu = time.process_time()
    for i in range(requests):
        body = {"morning_pain": i % 6, "sitting_pain": (i // 6) % 5, "sitting_tolerance_min": 60}
        client.put(f"/api/v1/me/logs/{today}", json=body, headers=headers)
    cpu_per_request = (time.process_time() - cpu) / requests * 1000
    per_request = timers["app"] / requests * 1000
    share = timers["rules"] / timers["app"]
    print(f"{requests} PUTs of today's log over a 28-day history (SQLite, in-process)")
    print(f"  server time per PUT : {per_request:.2f} ms")
    print(f"  server CPU per PUT  : {timers['app_cpu'] / requests * 1000:.3f} ms (its thread)")
    print(f"  process CPU per PUT : {cpu_per_request:.2f} ms (the in-process client included)")
    print(
        f"  rules per PUT       : {timers['rules'] / requests * 1000:.3f} ms "
        f"({timers['rule_calls'] / requests:.1f} evaluations)"
    )
    print(f"  share in the rules  : {share:.1%}")
    print(f"  SQL statements/PUT  : {timers['statements'] / requests:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
