"""Seed a benchmark database through the app's own code: N patients with D days of logs each.

    .venv/bin/python -m bench.seed --db sqlite --name sqlite --patients 500 --days 365
    .venv/bin/python -m bench.seed --db postgres --name postgres --patients 500 --days 365 --procs 2
    .venv/bin/python -m bench.seed --refresh-tokens bench/out/accounts-sqlite.json

What runs, per patient (one process on SQLite, `--procs` processes on PostgreSQL), all of it
public use cases of the app:
  1. `app.accounts.service.register_user` (the registration use case: user, first settings row,
     status row with a change number). Argon2 runs once per seed: every account gets the same,
     real hash of PASSWORD (`password_hash=`), so the bench can also sign in normally; then
     `update_profile` sets the patient's time zone.
  2. `app.logs.history_import.import_history`, one write (BEGIN IMMEDIATE on SQLite, the
     patient's row lock on PostgreSQL): the phase changes, the whole history as daily logs plus
     their version-1 revisions (each day validated by the API's `LogIn` schema, stored exactly
     as `save_daily_log` stores them), then one recompute from the first day to today, which
     walks forward day by day calling `app.rules.evaluate` and storing decision records (the
     same records a day-by-day `save_daily_log` would leave: each day's decision reads only
     that day's 28-day window and the earlier decisions), and the status row.
  3. A sign-in session (`app.auth.service.open_session`, as `sign_in` opens it), and today's
     guidance (`guidance_for`, as the patient's first GET would compute it).
Then a clinician and a coach are registered and linked through `app.sharing.service`
(`create_code` by the patient, `redeem_code` by the holder: change numbers, access log).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.common import (
    OUT,
    PASSWORD,
    apply_env,
    create_database,
    database_url,
    migrate,
    write_json,
)

if TYPE_CHECKING:  # `app` is imported only after the environment is set (bench/common.py)
    from sqlalchemy import Engine
    from sqlmodel import Session

    from app.models import User

TIMEZONES = (
    ("Europe/Oslo", 0.55),
    ("UTC", 0.15),
    ("Europe/London", 0.15),
    ("America/New_York", 0.10),
    ("Australia/Sydney", 0.05),
)
NOTES = (
    "Long drive today, sit bone ached after an hour.",
    "Felt good, slept well.",
    "Tight after the session but settled by the evening.",
    "Desk day, stood up every 30 minutes.",
    "Tried the tensioner, tingling settled within minutes.",
    "Bit sore this morning, eased after walking.",
    "Cycled to work, no issue.",
    "Conference day on hard chairs.",
)


# --------------------------------------------------------------------------- the story


@dataclass
class Story:
    """One patient's rehab: a settling pain curve, phases, habits, flares and gaps."""

    timezone: str
    base_pain: float
    floor: float
    recovery_days: int
    adherence: float
    glider: bool
    runner: bool
    flare_rate: float
    parity: int
    phase_starts: list[tuple[int, int]]  # (day index, phase) from phase 2 on
    strict_thresholds: bool
    logs: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def make_story(index: int, days: int, seed: int) -> Story:
    rng = random.Random(seed * 1_000_003 + index)
    p2 = rng.randint(21, 42)
    p3 = p2 + rng.randint(55, 90)
    p4 = p3 + rng.randint(60, 100)
    story = Story(
        timezone=_pick(rng, TIMEZONES),
        base_pain=rng.uniform(3.0, 5.5),
        floor=rng.uniform(0.5, 2.0),
        recovery_days=rng.randint(60, 200),
        adherence=rng.uniform(0.86, 0.98),
        glider=rng.random() < 0.7,
        runner=rng.random() < 0.7,
        flare_rate=rng.uniform(1 / 90, 1 / 40),
        parity=rng.randint(0, 1),
        phase_starts=[(d, p) for d, p in ((p2, 2), (p3, 3), (p4, 4)) if d < days - 1],
        strict_thresholds=rng.random() < 0.15,
    )
    flare_left, flare_boost, gap_left = 0, 0.0, 0
    for t in range(days):
        phase = 1 + sum(1 for d, _ in story.phase_starts if t >= d)
        if flare_left == 0 and rng.random() < story.flare_rate:
            flare_left, flare_boost = rng.randint(3, 6), rng.uniform(2.5, 4.0)
        boost = flare_boost * (flare_left / 6) if flare_left else 0.0
        flare_left = max(0, flare_left - 1)
        if gap_left == 0 and t < days - 1 and rng.random() < 1 / 120:
            gap_left = rng.randint(2, 6)  # a holiday or a bad week: nothing logged
        if gap_left:
            gap_left -= 1
            continue
        last = t == days - 1
        if (last and rng.random() < 0.5) or (not last and rng.random() > story.adherence):
            continue  # today not logged yet (half of them), or a forgotten day
        progress = max(0.0, 1 - t / story.recovery_days)
        pain = story.floor + (story.base_pain - story.floor) * progress + boost
        pain += rng.gauss(0, 0.6)
        log: dict[str, Any] = {
            "morning_pain": _clamp(pain, 0, 10),
            "sitting_pain": _clamp(pain + 0.5 + rng.gauss(0, 0.5), 0, 10),
            "sitting_tolerance_min": _clamp((20 + 100 * (1 - progress) - 8 * boost) / 5, 1, 48) * 5,
        }
        if rng.random() < 0.7:
            log |= {
                "sleep": rng.randint(2, 5),
                "fatigue": rng.randint(2, 5),
                "stress": rng.randint(2, 6),
                "soreness": rng.randint(1, 5) + (1 if boost else 0),
            }
        training_day = t % 2 == story.parity
        if training_day and not (boost and rng.random() < 0.5):
            log |= {
                "loading_stage": min(phase, 4),
                "loading_pain": _clamp(pain + rng.gauss(0.3, 1.0), 0, 10),
                "session_rpe": rng.randint(4, 7),
                "session_min": rng.choice((25, 30, 35, 40, 45, 50)),
            }
        elif story.runner and phase >= 2 and t % 4 == (story.parity + 1) % 4:
            low, high = {2: (55, 69), 3: (70, 85)}.get(phase, (86, 100))
            log |= {
                "sprint_speed_pct": rng.randint(low, high),
                "sprint_pain": _clamp(pain - 0.5 + rng.gauss(0, 0.8), 0, 10),
            }
        if story.glider and rng.random() < 0.7:
            roll = rng.random()
            log |= {
                "glide_type": "tensioner" if phase >= 3 and rng.random() < 0.3 else "slider",
                "glide_pain": _clamp(pain / 2 + rng.gauss(0, 0.7), 0, 10),
                "paresthesia": "lasting" if roll < 0.01 else "settled" if roll < 0.06 else "none",
                "symptom_extent": _pick(
                    rng, (("buttock", 0.68), ("thigh", 0.25), ("below_knee", 0.05), ("none", 0.02))
                ),
            }
        flags = []
        if rng.random() < (0.02 if boost else 0.003):
            flags.append("night_rest_pain")
        if rng.random() < 0.0005:
            flags.append("new_weakness")
        if flags:
            log["red_flags"] = flags
        if rng.random() < 0.08:
            log["notes"] = rng.choice(NOTES)
        story.logs.append((t, log))
    return story


# --------------------------------------------------------------------------- app side
# Only public use cases of the app (no private names): a rename there fails mypy on bench/ and
# tests/bench/test_seed_smoke.py, instead of breaking the benchmark silently.

_STATE: dict[str, Any] = {}


def _engine(url: str) -> Engine:
    """One engine per process (built by the app's own `build_engine`: pragmas, BEGIN IMMEDIATE)."""
    if _STATE.get("url") != url:
        from app.core.db import build_engine

        _STATE["url"], _STATE["engine"] = url, build_engine(url)
    engine: Engine = _STATE["engine"]
    return engine


def register(
    session: Session, email: str, name: str, role: str, when: datetime, password_hash: str
) -> User:
    """The registration use case, with the real hash of PASSWORD made once per seed."""
    from app.accounts.service import register_user
    from app.auth.schemas import RegisterIn

    data = RegisterIn(email=email, password=PASSWORD, display_name=name, role=role)
    return register_user(session, data, when, password_hash=password_hash)


def sign_in(session: Session, user_id: uuid.UUID, now: datetime) -> str:
    """A sign-in session with its tokens, as `sign_in` opens it (without Argon2)."""
    from app.auth.service import open_session
    from app.core.db import writing

    with writing(session):
        return open_session(session, user_id, now).access_token


def seed_patient(
    session: Session,
    index: int,
    days: int,
    seed: int,
    now: datetime,
    changed_by: uuid.UUID | None,
    password_hash: str,
) -> dict[str, Any]:
    from app.accounts.schemas import MePatch
    from app.accounts.service import update_profile
    from app.core.clock import today_in
    from app.logs.history_import import ImportedDay, ImportedSetting, import_history
    from app.logs.schemas import LogIn
    from app.logs.service import guidance_for
    from app.rules import Thresholds

    story = make_story(index, days, seed)
    email = f"patient{index:04d}@bench.loadline.app"
    registered = now - timedelta(days=days)
    name = f"Bench Patient {index:04d}"
    user = register(session, email, name, "patient", registered, password_hash)
    user = update_profile(session, user, MePatch(timezone=story.timezone), now)
    today = today_in(story.timezone, now)
    first = today - timedelta(days=days - 1)
    thresholds = (
        Thresholds(pain_ceiling=4, safe_pain=2) if story.strict_thresholds else Thresholds()
    )
    settings = [ImportedSetting(first, 1, thresholds)] if story.strict_thresholds else []
    settings += [
        ImportedSetting(first + timedelta(days=day_index), phase, thresholds)
        for day_index, phase in story.phase_starts
    ]
    history = []
    for day_index, fields in story.logs:
        day = first + timedelta(days=day_index)
        written = min(now, datetime.combine(day, dtime(20, 30), UTC))
        history.append(ImportedDay(day, LogIn(**fields), written))  # the API's validation
    decided = import_history(
        session,
        user,
        history,
        now,
        settings=settings,
        changed_by=changed_by,
        decide_from=first,
    )
    token = sign_in(session, user.id, now)
    # Today's guidance, as the patient's first GET would compute it when today is not logged.
    guidance_for(session, user, today, now)
    return {
        "index": index,
        "id": str(user.id),
        "email": email,
        "timezone": story.timezone,
        "first_day": first.isoformat(),
        "today": today.isoformat(),
        "logs": len(story.logs),
        "records": decided,
        "token": token,
    }


def _seed_batch(job: tuple[str, list[int], int, int, str, str | None, str]) -> list[dict[str, Any]]:
    """Worker: seed a few patients (each in its own transactions) on this process's engine."""
    url, indices, days, seed, now_iso, changed_by, password_hash = job
    apply_env(url)
    from sqlmodel import Session

    now = datetime.fromisoformat(now_iso)
    holder = uuid.UUID(changed_by) if changed_by else None
    out = []
    with Session(_engine(url), expire_on_commit=False) as session:
        for index in indices:
            out.append(seed_patient(session, index, days, seed, now, holder, password_hash))
    return out


def link(session: Session, patient_id: str, holder: User, scope: str, now: datetime) -> None:
    from app.models import User
    from app.sharing.service import create_code, redeem_code

    patient = session.get(User, uuid.UUID(patient_id))
    assert patient is not None
    _share, code = create_code(session, patient, scope, now)
    redeem_code(session, holder, code, "127.0.0.1", now)


def seed(
    kind: str,
    name: str,
    patients: int,
    days: int,
    clinician_links: int = 200,
    coach_links: int = 20,
    procs: int = 2,
    seed_value: int = 1,
    accounts_path: Path | None = None,
) -> dict[str, Any]:
    url = database_url(kind, name)
    apply_env(url)
    from sqlalchemy import func, text
    from sqlmodel import Session, select

    from app.core.security import hash_password
    from app.models import CareLink, DailyLog, DecisionRecord, LogRevision

    timings: dict[str, float] = {}
    started = time.perf_counter()
    create_database(url)
    migrate(url)
    timings["create_and_migrate_s"] = time.perf_counter() - started
    now = datetime.now(UTC).replace(microsecond=0)
    password_hash = hash_password(PASSWORD)

    mark = time.perf_counter()
    with Session(_engine(url), expire_on_commit=False) as session:
        clinician = register(
            session,
            "clinician@bench.loadline.app",
            "Bench Clinician",
            "clinician",
            now - timedelta(days=days),
            password_hash,
        )
        coach = register(
            session,
            "coach@bench.loadline.app",
            "Bench Coach",
            "coach",
            now - timedelta(days=days),
            password_hash,
        )
    _engine(url).dispose()  # nothing pooled crosses into the worker processes

    procs = 1 if kind == "sqlite" else max(1, procs)
    batch = 10
    # The clinician "changed" the phases of the patients they follow (changed_by_id).
    jobs = [
        (
            url,
            list(range(start, min(start + batch, patients))),
            days,
            seed_value,
            now.isoformat(),
            str(clinician.id) if start < clinician_links else None,
            password_hash,
        )
        for start in range(0, patients, batch)
    ]
    seeded: list[dict[str, Any]] = []

    def progress() -> None:
        rate = len(seeded) / max(time.perf_counter() - mark, 1e-9)
        print(
            f"  {name}: {len(seeded)}/{patients} patients ({rate:.1f}/s)",
            file=sys.stderr,
            flush=True,
        )

    if procs == 1:
        for job in jobs:
            seeded += _seed_batch(job)
            if len(seeded) % 100 == 0:
                progress()
    else:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(procs) as pool:
            for rows in pool.imap_unordered(_seed_batch, jobs):
                seeded += rows
                if len(seeded) % 100 == 0:
                    progress()
    seeded.sort(key=lambda row: row["index"])
    timings["patients_s"] = time.perf_counter() - mark

    mark = time.perf_counter()
    linked = [row["id"] for row in seeded[:clinician_links]]
    athletes = [row["id"] for row in seeded[:coach_links]]
    with Session(_engine(url), expire_on_commit=False) as session:
        for pid in linked:
            link(session, pid, clinician, "clinician", now)
        for pid in athletes:
            link(session, pid, coach, "coach", now)
        clinician_token = sign_in(session, clinician.id, now)
        coach_token = sign_in(session, coach.id, now)
        timings["links_s"] = time.perf_counter() - mark

        mark = time.perf_counter()
        if kind == "postgres":
            with _engine(url).connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE"))
        counts = {
            "daily_logs": session.exec(select(func.count()).select_from(DailyLog)).one(),
            "log_revisions": session.exec(select(func.count()).select_from(LogRevision)).one(),
            "decision_records": session.exec(
                select(func.count()).select_from(DecisionRecord)
            ).one(),
            "care_links": session.exec(select(func.count()).select_from(CareLink)).one(),
        }
    if kind == "sqlite":
        with _engine(url).connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    _engine(url).dispose()
    timings["finish_s"] = time.perf_counter() - mark
    total = time.perf_counter() - started
    accounts = {
        "name": name,
        "kind": kind,
        "db_url": url,
        "seeded_at": now.isoformat(),
        "password": PASSWORD,
        "patients_count": patients,
        "days": days,
        "seed": {
            "seconds": round(total, 2),
            "processes": procs,
            "timings": {k: round(v, 2) for k, v in timings.items()},
            "counts": counts,
        },
        "patients": seeded,
        "clinician": {
            "id": str(clinician.id),
            "email": clinician.email,
            "token": clinician_token,
            "patient_ids": linked,
        },
        "coach": {
            "id": str(coach.id),
            "email": coach.email,
            "token": coach_token,
            "athlete_ids": athletes,
        },
    }
    path = accounts_path or OUT / f"accounts-{name}.json"
    write_json(path, accounts)
    print(
        f"seeded {name} ({kind}): {patients} patients x {days} days in {total:.1f} s "
        f"({procs} process{'es' if procs > 1 else ''}); {counts}; accounts in {path}",
        file=sys.stderr,
    )
    return accounts


def refresh_tokens(accounts_path: Path) -> dict[str, Any]:
    """New sign-in sessions (and access tokens) for every account of an existing seed."""
    accounts: dict[str, Any] = json.loads(accounts_path.read_text())
    url = accounts["db_url"]
    apply_env(url)
    from sqlmodel import Session

    now = datetime.now(UTC).replace(microsecond=0)
    with Session(_engine(url), expire_on_commit=False) as session:
        for row in [*accounts["patients"], accounts["clinician"], accounts["coach"]]:
            row["token"] = sign_in(session, uuid.UUID(row["id"]), now)
    _engine(url).dispose()
    accounts["tokens_issued_at"] = now.isoformat()
    write_json(accounts_path, accounts)
    return accounts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--name", help="database name suffix (default: the --db value)")
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--clinician-links", type=int, default=200)
    parser.add_argument("--coach-links", type=int, default=20)
    parser.add_argument("--procs", type=int, default=2, help="processes (PostgreSQL only)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the stories")
    parser.add_argument("--accounts", type=Path, help="where to write accounts JSON")
    parser.add_argument(
        "--refresh-tokens",
        type=Path,
        metavar="ACCOUNTS_JSON",
        help="only mint new tokens for an existing seed",
    )
    args = parser.parse_args(argv)
    if args.refresh_tokens:
        refresh_tokens(args.refresh_tokens)
        return
    if args.clinician_links > args.patients or args.coach_links > args.patients:
        parser.error("cannot link more patients than are seeded")
    seed(
        args.db,
        args.name or args.db,
        args.patients,
        args.days,
        args.clinician_links,
        args.coach_links,
        args.procs,
        args.seed,
        args.accounts,
    )


if __name__ == "__main__":
    main()
