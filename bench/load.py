"""Load runner: start the real server (uvicorn) on a seeded database and drive it with wrk.

    .venv/bin/python -m bench.load --accounts bench/out/accounts-sqlite.json --workers 1
    .venv/bin/python -m bench.load --growth bench/out/accounts-growth14.json \
        bench/out/accounts-sqlite.json

Each configuration runs on a fresh copy of the seeded database (SQLite file copy, or
`CREATE DATABASE ... TEMPLATE` on PostgreSQL), so every run starts from the same state. The
server is `uvicorn app.main:app --workers W --log-level warning` with ENVIRONMENT=production,
a fixed SECRET_KEY and ACCESS_TOKEN_MINUTES=600. /healthz is measured before the first
scenario and after every scenario; a scenario's ratio is its requests/s over the mean of the
/healthz runs just before and just after it (the load generator shares the 2 cores with the
server and with whatever else runs, so absolute numbers drift and ratios do not).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench.common import (
    APP_ROOT,
    LUA,
    OUT,
    ROOT,
    SERVER_ENV,
    VENV_BIN,
    app_env,
    copy_database,
    drop_database,
    ensure_wrk,
    kind_of,
    sibling_url,
    write_json,
)

PUT_DAYS_BACK = 7  # PUT dates: the patient's today and the 6 days before (back-filling a week)
SCENARIOS = ("guidance", "dashboard", "dashboard_304", "coach", "put")
LABELS = {
    "healthz": "GET /healthz",
    "guidance": "GET /me/guidance",
    "dashboard": "GET /clinician/patients (200)",
    "dashboard_304": "GET /clinician/patients (304)",
    "coach": "GET /coach/athletes",
    "put": "PUT /me/logs/{date}",
}


# --------------------------------------------------------------------------- HTTP helpers


def http(
    method: str,
    url: str,
    token: str | None = None,
    headers: dict[str, str] | None = None,
    body: Any = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 (http://)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU seconds of every live process in a process group (the server and its
    workers), from /proc. Contention from other processes does not change it, unlike req/s."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid:  # pgrp; utime and stime are fields 14 and 15 of stat
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- the server


class Server:
    """uvicorn in its own process group (so its workers stop with it); stderr to a log file."""

    def __init__(self, database_url: str, workers: int, label: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = OUT / "logs" / f"server-{label}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        env = os.environ | app_env() | SERVER_ENV | {"DATABASE_URL": database_url}
        self.command = [
            str(VENV_BIN / "uvicorn"),
            "app.main:app",
            "--app-dir",
            str(APP_ROOT),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            self.command,
            cwd=APP_ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()  # never leave a server behind
            raise

    def _wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: see {self.log_path}")
            try:
                status, _, body = http("GET", self.base + "/readyz", timeout=5)
                if status == 200:
                    return
                if status == 503:
                    raise RuntimeError(f"/readyz: {body.decode()[:300]}")
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("server did not become ready")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group of the process we started
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()

    def cpu_seconds(self) -> float:
        return group_cpu_seconds(self.process.pid)

    def log_problems(self) -> dict[str, int]:
        text = self.log_path.read_text(errors="replace")
        return {
            "database_is_locked": text.count("database is locked"),
            "tracebacks": text.count("Traceback"),
            "lines": len(text.splitlines()),
        }


@contextmanager
def running_server(database_url: str, workers: int, label: str) -> Iterator[Server]:
    server = Server(database_url, workers, label)
    try:
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------- wrk


def wrk(
    url: str,
    script: str,
    *,
    duration: float,
    threads: int,
    connections: int,
    headers: dict[str, str] | None = None,
    args: list[str] | None = None,
    timeout_s: int = 10,
    server: Server | None = None,
) -> dict[str, Any]:
    """One wrk run; returns requests/s, latency (ms) and error counts from BENCH_JSON (and
    the server's CPU milliseconds per answered request when `server` is given)."""
    command = [
        ensure_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration:g}s",
        "--latency",
        f"--timeout={timeout_s}s",
        "-s",
        str(LUA / script),
    ]
    for key, value in (headers or {}).items():
        command += ["-H", f"{key}: {value}"]
    command.append(url)
    if args:
        command += ["--", *args]
    cpu_before = server.cpu_seconds() if server else 0.0
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 120, check=False
    )
    cpu = server.cpu_seconds() - cpu_before if server else None
    line = next((x for x in done.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    lat = raw["latency_us"]
    errors = raw["errors"]
    seconds = raw["duration_us"] / 1e6
    return {
        "rps": round(raw["requests"] / seconds, 1),
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "p50_ms": round(lat["p50"] / 1000, 2),
        "p90_ms": round(lat["p90"] / 1000, 2),
        "p99_ms": round(lat["p99"] / 1000, 2),
        "mean_ms": round(lat["mean"] / 1000, 2),
        "max_ms": round(lat["max"] / 1000, 2),
        "statuses": {k: v for k, v in sorted(raw["statuses"].items())},
        "non_2xx_3xx": errors["status"],
        "socket_errors": {k: errors[k] for k in ("connect", "read", "write", "timeout")},
        "threads": threads,
        "connections": connections,
        "server_cpu_ms_per_req": round(cpu * 1000 / raw["requests"], 3)
        if cpu is not None and raw["requests"]
        else None,
        "server_cpu_util": round(cpu / seconds, 2) if cpu is not None and seconds else None,
    }


def settle(server: Server | None = None, result: dict[str, Any] | None = None) -> None:
    """Let the server finish what wrk left in flight (up to one request per connection)
    before the next measurement: wait until its processes use < 10% of a core (max 5 s)."""
    if server is None:
        time.sleep(min(5.0, max(0.5, 2 * (result or {}).get("p99_ms", 0) / 1000)))
        return
    deadline = time.monotonic() + 5
    previous = server.cpu_seconds()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        current = server.cpu_seconds()
        if current - previous < 0.02:
            return
        previous = current


def errors_of(result: dict[str, Any]) -> int:
    return int(result["non_2xx_3xx"]) + int(sum(result["socket_errors"].values()))


# --------------------------------------------------------------------------- scenarios


def _patient_today(row: dict[str, Any], now: datetime) -> date:
    return now.astimezone(ZoneInfo(row["timezone"])).date()


def write_data_files(accounts: dict[str, Any], label: str) -> tuple[Path, Path]:
    """Token list (guidance) and shuffled "token date" pairs (PUT) for the Lua scripts."""
    now = datetime.now(UTC)
    patients = accounts["patients"]
    data = OUT / "data"
    data.mkdir(parents=True, exist_ok=True)
    tokens = data / f"tokens-{label}.txt"
    tokens.write_text("".join(f"{p['token']}\n" for p in patients))
    pairs = [
        f"{p['token']} {(_patient_today(p, now) - timedelta(days=k)).isoformat()}\n"
        for p in patients
        for k in range(PUT_DAYS_BACK)
    ]
    random.Random(7).shuffle(pairs)
    put_file = data / f"put-{label}.txt"
    put_file.write_text("".join(pairs))
    return tokens, put_file


def warm_up(base: str, accounts: dict[str, Any]) -> dict[str, Any]:
    """Every patient's guidance once (a day without a record is computed on first read, once),
    the dashboard and coach view once (the first view of a day writes the access log), a few
    PUTs (so write statements are compiled in the workers)."""
    started = time.perf_counter()
    statuses: dict[str, int] = {}
    for row in accounts["patients"]:
        status, _, _ = http("GET", base + "/api/v1/me/guidance", row["token"])
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    for _ in range(3):
        http("GET", base + "/api/v1/clinician/patients", accounts["clinician"]["token"])
        http("GET", base + "/api/v1/coach/athletes", accounts["coach"]["token"])
    now = datetime.now(UTC)
    for row in accounts["patients"][-10:]:
        day = _patient_today(row, now) - timedelta(days=3)
        http(
            "PUT",
            f"{base}/api/v1/me/logs/{day.isoformat()}",
            row["token"],
            body={"morning_pain": 2, "notes": "bench warm-up"},
        )
    bad = {k: v for k, v in statuses.items() if not k.startswith("2")}
    if bad:
        raise RuntimeError(f"warm-up guidance answers: {statuses} (expired tokens? reseed)")
    return {"seconds": round(time.perf_counter() - started, 1), "guidance": statuses}


def run_config(
    accounts: dict[str, Any],
    workers: int,
    *,
    duration: float,
    threads: int,
    connections: int,
    label: str,
    scenarios: tuple[str, ...] = SCENARIOS,
    keep_copy: bool = False,
) -> dict[str, Any]:
    """All scenarios against one server (database x workers), /healthz around each."""
    ensure_wrk()
    source = accounts["db_url"]
    copy = sibling_url(source, "_run")
    t0 = time.perf_counter()
    copy_database(source, copy)
    copied_s = time.perf_counter() - t0
    tokens_file, put_file = write_data_files(accounts, label)
    clinician, coach = accounts["clinician"], accounts["coach"]
    common: dict[str, Any] = {"duration": duration, "threads": threads, "connections": connections}
    results: dict[str, Any] = {
        "label": label,
        "db": kind_of(source),
        "workers": workers,
        "dataset": {
            "patients": accounts["patients_count"],
            "days": accounts["days"],
            "clinician_patients": len(clinician["patient_ids"]),
            "coach_athletes": len(coach["athlete_ids"]),
        },
        "copy_seconds": round(copied_s, 1),
        "scenarios": {},
        "healthz": [],
    }
    try:
        with running_server(copy, workers, label) as server:
            base = server.base
            common["server"] = server
            results["warm_up"] = warm_up(base, accounts)
            results["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]

            def healthz() -> float:
                result = wrk(base + "/healthz", "get.lua", **common)
                results["healthz"].append(result)
                settle(server)
                return float(result["rps"])

            def scenario(name: str) -> dict[str, Any]:
                auth = {"Authorization": f"Bearer {clinician['token']}"}
                if name == "guidance":
                    return wrk(
                        base + "/api/v1/me/guidance",
                        "guidance.lua",
                        args=[str(tokens_file)],
                        **common,
                    )
                if name == "dashboard":
                    return wrk(
                        base + "/api/v1/clinician/patients", "get.lua", headers=auth, **common
                    )
                if name == "dashboard_304":
                    status, head, _ = http(
                        "GET", base + "/api/v1/clinician/patients", clinician["token"]
                    )
                    etag = head.get("ETag") or head.get("etag")
                    if status != 200 or not etag:
                        raise RuntimeError(f"dashboard answered {status} without an ETag")
                    result = wrk(
                        base + "/api/v1/clinician/patients",
                        "get.lua",
                        headers=auth | {"If-None-Match": etag},
                        **common,
                    )
                    result["etag"] = etag
                    return result
                if name == "coach":
                    return wrk(
                        base + "/api/v1/coach/athletes",
                        "get.lua",
                        headers={"Authorization": f"Bearer {coach['token']}"},
                        **common,
                    )
                if name == "put":
                    return wrk(
                        base + "/api/v1/me/logs", "put_logs.lua", args=[str(put_file)], **common
                    )
                raise ValueError(name)

            before = healthz()
            for name in scenarios:
                print(f"  [{label}] {name} ...", file=sys.stderr, flush=True)
                result = scenario(name)
                settle(server)
                after = healthz()
                base_rps = statistics.fmean([before, after])
                result["healthz_rps"] = round(base_rps, 1)
                result["healthz_before_after"] = [before, after]
                result["ratio"] = round(result["rps"] / base_rps, 3) if base_rps else None
                cpu_h = [h["server_cpu_ms_per_req"] for h in results["healthz"][-2:]]
                if result.get("server_cpu_ms_per_req") and all(cpu_h):
                    # The same comparison in server CPU per request: immune to contention.
                    result["cpu_ratio"] = round(
                        statistics.fmean(cpu_h) / result["server_cpu_ms_per_req"], 3
                    )
                result["errors"] = errors_of(result)
                results["scenarios"][name] = result
                print(
                    f"  [{label}] {name}: {result['rps']:.0f} req/s, p50 {result['p50_ms']} ms, "
                    f"p99 {result['p99_ms']} ms, {result['ratio']:.1%} of /healthz "
                    f"({base_rps:.0f}), statuses {result['statuses']}, errors {result['errors']}",
                    file=sys.stderr,
                    flush=True,
                )
                before = after
        results["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        rates = [h["rps"] for h in results["healthz"]]
        results["healthz_spread"] = {
            "min": min(rates),
            "max": max(rates),
            "cv": round(statistics.pstdev(rates) / statistics.fmean(rates), 3),
        }
        results["server_log"] = server.log_problems()
        results["server_log_path"] = str(server.log_path.relative_to(ROOT))
    finally:
        if not keep_copy:
            drop_database(copy)
    return results


def growth(
    short: dict[str, Any],
    long: dict[str, Any],
    *,
    duration: float,
    connections: int,
    rounds: int = 2,
    endpoints: tuple[str, ...] = ("dashboard", "guidance"),
    workers: int = 1,
) -> dict[str, Any]:
    """Latency with a short vs a long history: two servers up at once, measured alternately
    (short, long, long, short, ...) so drift in the machine's load hits both alike."""
    results: dict[str, Any] = {
        "short_days": short["days"],
        "long_days": long["days"],
        "db": kind_of(long["db_url"]),
        "workers": workers,
        "connections": connections,
        "rounds": rounds,
        "endpoints": {},
    }
    copies = {}
    for key, accounts in (("short", short), ("long", long)):
        source = accounts["db_url"]
        copies[key] = sibling_url(source, "_growth")
        copy_database(source, copies[key])
    try:
        with (
            running_server(copies["short"], workers, "growth-short") as s_short,
            running_server(copies["long"], workers, "growth-long") as s_long,
        ):
            servers = {"short": (s_short, short), "long": (s_long, long)}
            files = {k: write_data_files(a, f"growth-{k}") for k, (_, a) in servers.items()}
            for server, accounts in servers.values():
                warm_up(server.base, accounts)
            order = ["short", "long", "long", "short"] * rounds
            order = order[: 2 * rounds]
            for endpoint in endpoints:
                runs: dict[str, list[dict[str, Any]]] = {"short": [], "long": []}
                for key in order:
                    server, accounts = servers[key]
                    if endpoint == "dashboard":
                        result = wrk(
                            server.base + "/api/v1/clinician/patients",
                            "get.lua",
                            headers={"Authorization": f"Bearer {accounts['clinician']['token']}"},
                            duration=duration,
                            threads=1,
                            connections=connections,
                            server=server,
                        )
                    elif endpoint == "guidance":
                        result = wrk(
                            server.base + "/api/v1/me/guidance",
                            "guidance.lua",
                            args=[str(files[key][0])],
                            duration=duration,
                            threads=1,
                            connections=connections,
                            server=server,
                        )
                    else:
                        result = wrk(
                            server.base + "/api/v1/me/logs",
                            "put_logs.lua",
                            args=[str(files[key][1])],
                            duration=duration,
                            threads=1,
                            connections=connections,
                            server=server,
                        )
                    runs[key].append(result)
                    settle(server)
                summary: dict[str, Any] = {}
                for key, items in runs.items():
                    summary[key] = {
                        "p50_ms": round(statistics.fmean(r["p50_ms"] for r in items), 2),
                        "mean_ms": round(statistics.fmean(r["mean_ms"] for r in items), 2),
                        "p99_ms": round(statistics.fmean(r["p99_ms"] for r in items), 2),
                        "rps": round(statistics.fmean(r["rps"] for r in items), 1),
                        "errors": sum(errors_of(r) for r in items),
                        "cpu_ms_per_req": round(
                            statistics.fmean(r["server_cpu_ms_per_req"] or 0 for r in items), 3
                        ),
                        "statuses": [r["statuses"] for r in items],
                    }
                summary["ratio_p50"] = round(
                    summary["long"]["p50_ms"] / summary["short"]["p50_ms"], 3
                )
                summary["ratio_mean"] = round(
                    summary["long"]["mean_ms"] / summary["short"]["mean_ms"], 3
                )
                if summary["short"]["cpu_ms_per_req"]:
                    summary["ratio_cpu"] = round(
                        summary["long"]["cpu_ms_per_req"] / summary["short"]["cpu_ms_per_req"], 3
                    )
                summary["runs"] = runs
                results["endpoints"][endpoint] = summary
                print(
                    f"  [growth] {endpoint}: {short['days']} d p50 {summary['short']['p50_ms']} ms"
                    f" / mean {summary['short']['mean_ms']} ms; {long['days']} d p50 "
                    f"{summary['long']['p50_ms']} ms / mean {summary['long']['mean_ms']} ms; "
                    f"ratio p50 {summary['ratio_p50']}, mean {summary['ratio_mean']}",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        for copy in copies.values():
            drop_database(copy)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=Path, help="accounts JSON written by bench.seed")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--duration", type=float, default=10, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument(
        "--growth",
        nargs=2,
        type=Path,
        metavar=("SHORT_JSON", "LONG_JSON"),
        help="compare latency on two seeds instead",
    )
    parser.add_argument("--growth-connections", type=int, default=1)
    parser.add_argument("--out", type=Path, help="result JSON (default bench/out/load-*.json)")
    args = parser.parse_args(argv)
    if args.growth:
        short, long = (json.loads(p.read_text()) for p in args.growth)
        result = growth(short, long, duration=args.duration, connections=args.growth_connections)
        write_json(args.out or OUT / "growth.json", result)
        return
    if not args.accounts:
        parser.error("--accounts or --growth is required")
    accounts = json.loads(args.accounts.read_text())
    label = f"{accounts['kind']}-w{args.workers}"
    result = run_config(
        accounts,
        args.workers,
        duration=args.duration,
        threads=args.threads,
        connections=args.connections,
        label=label,
        scenarios=tuple(args.scenarios.split(",")),
    )
    write_json(args.out or OUT / f"load-{label}.json", result)


if __name__ == "__main__":
    main()
