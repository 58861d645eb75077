"""An edit to the first day of a year of logs: total time, and how long write locks are held.

    .venv/bin/python -m bench.backfill --db sqlite --rounds 3
    BENCH_APP_ROOT=bench/out/app-REF .venv/bin/python -m bench.backfill   # the app at a git ref

One patient is seeded with 365 days (`bench.seed.seed_patient`, the seeder's own story), then
the first day is written twice per round, as `PUT /me/logs/{date}` does (the use case, then the
follow-up transactions of the backlog where the app has them, app/logs/backlog.py):
  - `red flag`: new_weakness on the first day opens an episode every later day carries, so all
    365 decisions change (the worst case);
  - `back to normal`: the original log again (every decision changes back).
Each write transaction's lock hold is timed by engine events: from the end of `BEGIN`
(SQLite: BEGIN IMMEDIATE, the database-wide write lock; PostgreSQL: the transaction, which
holds the patient's row lock) to `COMMIT`. On SQLite a probe process also writes to the same
database every millisecond meanwhile and reports its longest wait: what any other writer
(another patient's PUT in another worker) would have waited.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import multiprocessing
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from bench.common import apply_env, create_database, database_url, migrate, sqlite_path

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.synchronize import Event


def _probe(path: str, stop: Event, ready: Event, out: Connection) -> None:
    """Write to the database every millisecond until `stop`, waiting for the lock as the app's
    writers do (app.core.db.run_db: try, then back off 0.5 ms doubling up to 20 ms); send the
    waits (seconds)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=0")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_probe (at REAL)")
    waits: list[float] = []
    ready.set()
    while not stop.is_set():
        started = time.perf_counter()
        pause = 0.0005
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError:
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        waits.append(time.perf_counter() - started)
        conn.execute("INSERT INTO bench_probe VALUES (?)", (started,))
        conn.execute("COMMIT")
        time.sleep(0.001)
    conn.close()
    out.send(waits)


def measure(kind: str, rounds: int) -> dict[str, Any]:
    url = database_url(kind, "backfill")
    apply_env(url)
    create_database(url)
    migrate(url)
    from sqlalchemy import event
    from sqlmodel import Session

    from app.core.db import WRITE_OPTION
    from app.core.security import hash_password
    from app.logs import service

    backlog: Any = None
    with contextlib.suppress(ImportError):  # the app before the backlog has none
        from app.logs import backlog
    from app.logs.schemas import LogIn
    from app.models import DailyLog, User
    from bench.seed import _engine, seed_patient

    engine = _engine(url)
    now = datetime.now(UTC).replace(microsecond=0)
    with Session(engine, expire_on_commit=False) as session:
        seeded = seed_patient(session, 1, 365, 1, now, None, hash_password("bench-password"))
    first = date.fromisoformat(seeded["first_day"])
    holds: list[float] = []

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):  # write transactions only
            conn.info["bench_t0"] = time.perf_counter()

    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        started = conn.info.pop("bench_t0", None)
        if started is not None:
            holds.append(time.perf_counter() - started)

    continue_recompute = getattr(service, "continue_recompute", None)  # absent before the backlog
    pause = getattr(backlog, "PAUSE_S", 0.0) if backlog else 0.0
    gc.collect()
    gc.freeze()  # as the app's lifespan does (app.main.tune_garbage_collector)
    gc.set_threshold(50_000, 50, 100)
    results: dict[str, list[dict[str, Any]]] = {"red flag": [], "back to normal": []}
    with Session(engine, expire_on_commit=False) as session:
        user = session.get(User, uuid.UUID(seeded["id"]))
        original = session.exec(
            DailyLog.__table__.select().where(  # type: ignore[attr-defined]
                DailyLog.__table__.c.patient_id == user.id,  # type: ignore[attr-defined,union-attr]
                DailyLog.__table__.c.log_date == first,  # type: ignore[attr-defined]
            )
        ).first()
        assert user is not None and original is not None
        fields = {name: getattr(original, name) for name in LogIn.model_fields}
        bodies = {
            "red flag": LogIn(**{**fields, "red_flags": ["new_weakness"]}),
            "back to normal": LogIn(**fields),
        }
        for _ in range(rounds):
            for name, body in bodies.items():
                probe = _start_probe(url) if kind == "sqlite" else None
                holds.clear()
                started = time.perf_counter()
                saved = service.save_daily_log(session, user, first, body, datetime.now(UTC))
                if continue_recompute is not None and getattr(saved, "pending", False):
                    while continue_recompute(session, user, datetime.now(UTC)):
                        time.sleep(pause)  # as the route awaits between two transactions
                total = time.perf_counter() - started
                waits = _stop_probe(probe) if probe else []
                results[name].append(
                    {
                        "total_ms": total * 1000,
                        "transactions": len(holds),
                        "longest_hold_ms": max(holds) * 1000,
                        "holds_ms": [round(h * 1000, 2) for h in holds],
                        "probe_writes": len(waits),
                        "probe_longest_wait_ms": max(waits, default=0.0) * 1000,
                    }
                )
    engine.dispose()
    return {"kind": kind, "first_day": str(first), "results": results}


def _start_probe(url: str) -> tuple[Any, Any, Any, Any]:
    ctx = multiprocessing.get_context("spawn")
    stop, ready = ctx.Event(), ctx.Event()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_probe, args=(str(sqlite_path(url)), stop, ready, sender))
    process.start()
    ready.wait(30)
    time.sleep(0.05)
    return process, stop, receiver, sender


def _stop_probe(probe: tuple[Any, Any, Any, Any]) -> list[float]:
    process, stop, receiver, _sender = probe
    time.sleep(0.05)
    stop.set()
    waits: list[float] = receiver.recv()
    process.join(30)
    return waits


def report(measured: dict[str, Any]) -> str:
    lines = [
        f"{measured['kind']}: edit of the first day of 365 days of logs ({measured['first_day']})",
        "| edit | total ms (median) | transactions | longest lock hold ms (median, max) "
        "| probe writer's longest wait ms (max) |",
        "|---|---|---|---|---|",
    ]
    for name, runs in measured["results"].items():
        longest = [run["longest_hold_ms"] for run in runs]
        waits = [run["probe_longest_wait_ms"] for run in runs]
        lines.append(
            f"| {name} | {statistics.median(r['total_ms'] for r in runs):.0f} "
            f"| {runs[0]['transactions']} "
            f"| {statistics.median(longest):.1f}, {max(longest):.1f} "
            f"| {max(waits):.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print every figure as JSON too")
    args = parser.parse_args(argv)
    measured = measure(args.db, args.rounds)
    print(report(measured))
    if args.json:
        json.dump(measured, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
