"""Profile the hot request paths in-process with pyinstrument, on a copy of a seeded database.

    .venv/bin/python -m bench.profile --accounts bench/out/accounts-sqlite.json --requests 300

The app (`app.main:app`, the real middleware, dependencies and routes) is called through ASGI
in this thread, with `anyio.to_thread.run_sync` inlined: FastAPI runs sync `def` routes and
dependencies in a thread pool, which pyinstrument (it samples one thread) would not see. So the
profile is the CPU work of a request; the thread-pool hop itself and waiting for SQLite's write
lock under concurrency are not in it (the load runs measure those).

For each path: a short unprofiled warm-up, an unprofiled timing pass (mean in-process ms per
request), then `--requests` profiled requests. Reported: the top functions by self time
(where the CPU goes: library code included) and the top app functions by inclusive time
(which of our functions to optimise), both as shares of the profiled time. Full text and HTML
renders are written to bench/out/profile-<path>.{txt,html}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.common import (
    APP_ROOT,
    OUT,
    apply_env,
    copy_database,
    drop_database,
    sibling_url,
    write_json,
)

PATHS = ("put", "dashboard", "dashboard_304", "guidance", "coach")
SHARE = {"coach": 4}  # slow paths get fewer requests (count // SHARE)


def _inline_threadpool() -> None:
    import anyio.to_thread

    async def run_sync(func: Any, *args: Any, **_kwargs: Any) -> Any:
        return func(*args)

    anyio.to_thread.run_sync = run_sync  # type: ignore[assignment]


async def call(
    app: Any,
    method: str,
    path: str,
    token: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    seen: dict[str, str] | None = None,
) -> int:
    """One HTTP request through the ASGI app; returns the status code (headers into `seen`)."""
    raw = [(b"host", b"bench"), (b"authorization", f"Bearer {token}".encode())]
    if body is not None:
        raw += [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    path_only, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path_only,
        "raw_path": path_only.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": raw,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body or b"", "more_body": False}
        return {"type": "http.disconnect"}

    status = 0

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
            if seen is not None:
                seen.update((k.decode().lower(), v.decode()) for k, v in message["headers"])

    await app(scope, receive, send)
    return status


def put_body(rng: random.Random, n: int) -> bytes:
    body: dict[str, Any] = {
        "morning_pain": rng.randint(0, 5),
        "sitting_pain": rng.randint(0, 6),
        "sitting_tolerance_min": rng.randint(6, 24) * 5,
        "sleep": rng.randint(2, 5),
        "fatigue": rng.randint(2, 5),
        "stress": rng.randint(2, 6),
        "soreness": rng.randint(1, 5),
        "notes": f"bench profile {n}",
    }
    if rng.random() < 0.5:
        body |= {
            "loading_stage": rng.randint(1, 3),
            "loading_pain": rng.randint(0, 6),
            "session_rpe": rng.randint(4, 7),
            "session_min": rng.randint(5, 10) * 5,
        }
    if rng.random() < 0.5:
        body |= {
            "glide_type": "slider",
            "glide_pain": rng.randint(0, 3),
            "paresthesia": "none",
            "symptom_extent": "buttock",
        }
    return json.dumps(body).encode()


Request = tuple[Any, ...]  # (method, path, token, body[, headers])


def requests_for(
    path: str, accounts: dict[str, Any], count: int, seed: int, etag: str = ""
) -> list[Request]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    patients = accounts["patients"]
    out: list[Request] = []
    for n in range(count):
        p = patients[rng.randrange(len(patients))]
        if path == "put":
            today = now.astimezone(ZoneInfo(p["timezone"])).date()
            day = today - timedelta(days=rng.randrange(7))
            out.append(("PUT", f"/api/v1/me/logs/{day.isoformat()}", p["token"], put_body(rng, n)))
        elif path == "guidance":
            out.append(("GET", "/api/v1/me/guidance", p["token"], None))
        elif path == "dashboard":
            out.append(("GET", "/api/v1/clinician/patients", accounts["clinician"]["token"], None))
        elif path == "dashboard_304":
            out.append(
                (
                    "GET",
                    "/api/v1/clinician/patients",
                    accounts["clinician"]["token"],
                    None,
                    {"If-None-Match": etag},
                )
            )
        elif path == "coach":
            out.append(("GET", "/api/v1/coach/athletes", accounts["coach"]["token"], None))
        else:
            raise ValueError(path)
    return out


def _key(frame: Any) -> tuple[str, str, int]:
    return (
        frame.function or "?",
        frame.file_path_short or frame.file_path or "?",
        frame.line_no or 0,
    )


def hotspots(root: Any, top: int = 10) -> dict[str, Any]:
    """Top functions by self time, and top app functions by inclusive time (recursion once)."""
    total = root.time or 1e-9
    self_time: dict[tuple[str, str, int], float] = defaultdict(float)
    app_time: dict[tuple[str, str, int], float] = defaultdict(float)
    app_dir = str(APP_ROOT / "app")

    def walk(frame: Any, active: frozenset[tuple[str, str, int]]) -> None:
        if frame.is_synthetic:
            return
        key = _key(frame)
        self_time[key] += frame.total_self_time
        in_app = (frame.file_path or "").startswith(app_dir)
        if in_app and frame.function != "__call__" and key not in active:  # not middleware
            app_time[key] += frame.time
            active = active | {key}
        for child in frame.children:
            walk(child, active)

    walk(root, frozenset())

    def rows(table: dict[tuple[str, str, int], float]) -> list[dict[str, Any]]:
        ranked = sorted(table.items(), key=lambda kv: kv[1], reverse=True)[:top]
        return [
            {
                "function": f,
                "where": f"{file}:{line}",
                "seconds": round(t, 3),
                "share": round(t / total, 3),
            }
            for (f, file, line), t in ranked
        ]

    return {
        "total_seconds": round(total, 3),
        "self": rows(self_time),
        "app_inclusive": rows(app_time),
    }


def profile(
    accounts: dict[str, Any], paths: tuple[str, ...], count: int, interval: float = 0.0005
) -> dict[str, Any]:
    source = accounts["db_url"]
    copy = sibling_url(source, "_profile")
    copy_database(source, copy)
    apply_env(copy)
    _inline_threadpool()
    from pyinstrument import Profiler

    from app.main import app

    loop = asyncio.new_event_loop()
    results: dict[str, Any] = {
        "requests": count,
        "db": source.split(":")[0],
        "interval_s": interval,
        "paths": {},
    }
    try:
        # The first read of the day writes the access log / computes missing guidance: once.
        for path in paths:
            if path == "dashboard_304":
                continue
            for req in requests_for(path, accounts, 3 if path == "put" else 20, seed=1):
                loop.run_until_complete(call(app, *req))
        for path in paths:
            n = max(10, count // SHARE.get(path, 1))
            etag = ""
            if path == "dashboard_304":
                seen: dict[str, str] = {}
                loop.run_until_complete(
                    call(
                        app,
                        "GET",
                        "/api/v1/clinician/patients",
                        accounts["clinician"]["token"],
                        seen=seen,
                    )
                )
                etag = seen.get("etag", "")
            timing = requests_for(path, accounts, max(10, n // 3), seed=2, etag=etag)
            statuses: dict[int, int] = defaultdict(int)
            started, cpu = time.perf_counter(), time.process_time()
            for req in timing:
                statuses[loop.run_until_complete(call(app, *req))] += 1
            mean_ms = (time.perf_counter() - started) / len(timing) * 1000
            cpu_ms = (time.process_time() - cpu) / len(timing) * 1000
            profiled = requests_for(path, accounts, n, seed=3, etag=etag)
            profiler = Profiler(interval=interval, async_mode="disabled")
            profiler.start()
            for req in profiled:
                statuses[loop.run_until_complete(call(app, *req))] += 1
            profiler.stop()
            (OUT / f"profile-{path}.txt").write_text(
                profiler.output_text(unicode=True, color=False, show_all=False)
            )
            (OUT / f"profile-{path}.html").write_text(profiler.output_html())
            session = profiler.last_session
            assert session is not None
            spots = hotspots(session.root_frame())
            results["paths"][path] = {
                "requests": n,
                "mean_ms_unprofiled": round(mean_ms, 2),
                "cpu_ms_unprofiled": round(cpu_ms, 2),
                "statuses": dict(statuses),
                **spots,
            }
            print(
                f"  [profile] {path}: {mean_ms:.1f} ms ({cpu_ms:.1f} ms CPU) per request, statuses "
                f"{dict(statuses)}",
                file=sys.stderr,
                flush=True,
            )
    finally:
        loop.close()
        from app.core.db import get_engine

        get_engine().dispose()
        drop_database(copy)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=Path, default=OUT / "accounts-sqlite.json")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--paths", default=",".join(PATHS))
    parser.add_argument("--out", type=Path, default=OUT / "profile.json")
    args = parser.parse_args(argv)
    accounts = json.loads(args.accounts.read_text())
    result = profile(accounts, tuple(args.paths.split(",")), args.requests)
    write_json(args.out, result)
    for path, data in result["paths"].items():
        print(f"\n## {path}: {data['mean_ms_unprofiled']} ms/request in-process")
        for title, key in (("self time", "self"), ("app functions, inclusive", "app_inclusive")):
            print(f"  top by {title}:")
            for row in data[key]:
                print(f"    {row['share']:6.1%}  {row['function']}  ({row['where']})")


if __name__ == "__main__":
    main()
