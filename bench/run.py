"""One command for the whole benchmark: seed, load (wrk), history growth, profile, report.

    bench/run.sh                 # default: 500 x 365 on SQLite and PostgreSQL, 1 and 2 workers
    bench/run.sh --quick         # about 3 minutes, indicative only (runs shorter than 10 s)
    bench/run.sh --app-ref HEAD  # measure a git ref of the app instead of the working tree

Writes bench/out/results-<UTC time>.json (and results-latest.json), a Markdown report
bench/out/report-<UTC time>.md (also printed to stdout). See bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import (
    APP_ROOT,
    OUT,
    PYTHON,
    ROOT,
    app_env,
    database_exists,
    drop_database,
    ensure_wrk,
    machine,
    write_json,
)
from bench.load import LABELS, SCENARIOS, growth, run_config

TARGET_PUT_RATIO = 0.25
TARGET_PUT_P99_MS = 100
TARGET_304_RATIO = 0.70
TARGET_GROWTH = 1.25
# Two workers can only beat one if the server gets more than one core (wrk takes the rest).
MIN_CORES_W2 = 1.2


def app_fingerprint() -> dict[str, Any]:
    digest = hashlib.sha256()
    for folder in ("app", "migrations"):
        for path in sorted((APP_ROOT / folder).rglob("*.py")):
            digest.update(str(path.relative_to(APP_ROOT)).encode())
            digest.update(path.read_bytes())

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    return {
        "root": str(APP_ROOT),
        "ref": os.environ.get("BENCH_APP_REF") or "working tree",
        "head": git("rev-parse", "--short", "HEAD"),
        "dirty_app_files": []
        if APP_ROOT != ROOT
        else git("status", "--porcelain", "--", "app", "migrations").splitlines(),
        "sha256": digest.hexdigest()[:16],
    }


def export_ref(ref: str) -> Path:
    """`git archive` of the app at `ref` (app/, migrations/, alembic.ini) under bench/out."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", ref)
    target = OUT / f"app-{safe}"
    if target.exists():
        subprocess.run(["rm", "-rf", str(target)], check=True)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "app", "migrations", "alembic.ini"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


# --------------------------------------------------------------------------- steps


def seed_or_reuse(
    kind: str, name: str, patients: int, days: int, args: argparse.Namespace, fingerprint: str
) -> dict[str, Any]:
    path = OUT / f"accounts-{name}.json"
    base = [str(PYTHON), "-m", "bench.seed"]
    env = os.environ | app_env()
    if args.reuse and path.exists():
        old = json.loads(path.read_text())
        if not database_exists(old["db_url"]):
            old = {}
        same = (old.get("patients_count"), old.get("days"), old.get("app_fingerprint")) == (
            patients,
            days,
            fingerprint,
        )
        if same:
            print(f"reusing seed {name} (tokens refreshed)", file=sys.stderr)
            subprocess.run([*base, "--refresh-tokens", str(path)], env=env, cwd=ROOT, check=True)
            reused: dict[str, Any] = json.loads(path.read_text())
            return reused | {"reused": True}
    command = [
        *base,
        "--db",
        kind,
        "--name",
        name,
        "--patients",
        str(patients),
        "--days",
        str(days),
        "--clinician-links",
        str(min(args.clinician_links, patients)),
        "--coach-links",
        str(min(args.coach_links, patients)),
        "--procs",
        str(args.seed_procs),
        "--accounts",
        str(path),
    ]
    print("$ " + shlex.join(command[1:]), file=sys.stderr, flush=True)
    subprocess.run(command, env=env, cwd=ROOT, check=True)
    accounts: dict[str, Any] = json.loads(path.read_text())
    accounts["app_fingerprint"] = fingerprint
    write_json(path, accounts)
    return accounts


def run_profile(accounts_path: Path, requests: int) -> dict[str, Any]:
    out = OUT / "profile.json"
    command = [
        str(PYTHON),
        "-m",
        "bench.profile",
        "--accounts",
        str(accounts_path),
        "--requests",
        str(requests),
        "--out",
        str(out),
    ]
    print("$ " + shlex.join(command[1:]), file=sys.stderr, flush=True)
    subprocess.run(
        command, env=os.environ | app_env(), cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    profile: dict[str, Any] = json.loads(out.read_text())
    return profile


# --------------------------------------------------------------------------- targets


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    loads = results.get("loads", {})
    checks: list[dict[str, Any]] = []

    def check(name: str, ok: bool | None, value: str) -> None:
        checks.append({"target": name, "met": ok, "value": value})

    w1 = loads.get("sqlite-w1", {}).get("scenarios", {})
    if "put" in w1:
        put = w1["put"]
        locked = loads["sqlite-w1"].get("server_log", {}).get("database_is_locked", 0)
        check(
            f"PUT, SQLite, 1 worker, {put['connections']} connections: >= 25% of /healthz",
            put["ratio"] >= TARGET_PUT_RATIO,
            f"{put['ratio']:.1%}",
        )
        check(
            "PUT, SQLite, 1 worker: p99 < 100 ms",
            put["p99_ms"] < TARGET_PUT_P99_MS,
            f"{put['p99_ms']:.0f} ms",
        )
        check(
            "PUT, SQLite, 1 worker: zero error responses, no 'database is locked'",
            put["errors"] == 0 and locked == 0,
            f"{put['non_2xx_3xx']} non-2xx/3xx, {sum(put['socket_errors'].values())} socket "
            f"errors, {locked} 'database is locked' in the server log",
        )
    for label, load in loads.items():
        r304 = load["scenarios"].get("dashboard_304")
        if r304:
            only_304 = set(r304["statuses"]) == {"304"}
            check(
                f"Dashboard 304 revalidation >= 70% of /healthz ({label})",
                r304["ratio"] >= TARGET_304_RATIO and only_304,
                f"{r304['ratio']:.1%}" + ("" if only_304 else f" statuses {r304['statuses']}"),
            )
    grow = results.get("growth")
    if grow:
        for endpoint, data in grow["endpoints"].items():
            worst = max(data["ratio_p50"], data["ratio_mean"])
            check(
                f"History growth, {endpoint}: {grow['long_days']}-day latency <= 1.25x "
                f"{grow['short_days']}-day",
                worst <= TARGET_GROWTH,
                f"p50 x{data['ratio_p50']:.2f}, mean x{data['ratio_mean']:.2f}",
            )
    for db in ("sqlite", "postgres"):
        one, two = loads.get(f"{db}-w1"), loads.get(f"{db}-w2")
        if not two:
            continue
        errors = sum(s["errors"] for s in two["scenarios"].values())
        locked = two.get("server_log", {}).get("database_is_locked", 0)
        check(
            f"Two workers on {db}: no errors",
            errors == 0 and locked == 0,
            f"{errors} errors, {locked} 'database is locked'",
        )
        cores = [h.get("server_cpu_util") or 0 for h in two.get("healthz", [])]
        got = sum(cores) / len(cores) if cores else 0
        if one and got and got < MIN_CORES_W2:
            check(
                f"Two workers on {db}: more throughput than one (every scenario)",
                None,
                f"inconclusive: the 2-worker server got only {got:.2f} cores on /healthz "
                "(other load on the machine); re-run when it is quiet",
            )
        elif one:
            gains = {
                name: s["rps"] / one["scenarios"][name]["rps"]
                for name, s in two["scenarios"].items()
                if name in one["scenarios"] and one["scenarios"][name]["rps"]
            }
            slower = [n for n, g in gains.items() if g <= 1.0]
            check(
                f"Two workers on {db}: more throughput than one (every scenario)",
                not slower,
                ", ".join(f"{n} x{g:.2f}" for n, g in gains.items()),
            )
    return checks


# --------------------------------------------------------------------------- report


def _cores(load: dict[str, Any]) -> float:
    cores = [h.get("server_cpu_util") or 0 for h in load.get("healthz", [])]
    return sum(cores) / len(cores) if cores else 0.0


def _ms(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def report(results: dict[str, Any]) -> str:
    m = results["machine"]
    a = results["app"]
    dirty = f", {len(a['dirty_app_files'])} uncommitted app files" if a["dirty_app_files"] else ""
    lines = [
        f"# Loadline bench, {results['started_utc']}",
        "",
        f"Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['ram_gib']} GiB RAM, Python "
        f"{m['python']}, {m['wrk']}. App: {a['ref']} (HEAD {a['head']}, app sha256 "
        f"{a['sha256']}{dirty}).",
        f"Command: `{results['command']}` ({results['total_minutes']:.1f} min). wrk "
        f"-t{results['params']['threads']} -c{results['params']['connections']} "
        f"-d{results['params']['duration']:g}s per run; /healthz measured before and after each "
        "scenario in the same server; ratio = scenario req/s / mean of those two.",
        "Time per step (s): "
        + ", ".join(f"{k} {v:.0f}" for k, v in results.get("phase_seconds", {}).items())
        + ".",
    ]
    if results["params"]["duration"] < 10:
        lines += ["", "**Quick mode: runs shorter than 10 s, indicative only.**"]
    lines += [
        "",
        "## Seeding",
        "",
        "| dataset | DB | patients x days | processes | seconds | logs | decision records |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, seed in results["seeds"].items():
        if "seconds" not in seed:
            continue
        reused = " (reused)" if seed.get("reused") else ""
        lines.append(
            f"| {name} | {seed['kind']} | {seed['patients']} x {seed['days']} | "
            f"{seed['processes']} | {seed['seconds']:.1f}{reused} | "
            f"{seed['counts']['daily_logs']:,} | {seed['counts']['decision_records']:,} |"
        )
    lines += [
        "",
        "## Load",
        "",
        "| scenario | DB | workers | req/s | p50 ms | p99 ms | /healthz req/s | ratio | "
        "errors | statuses | server CPU ms/req | CPU ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for load in results["loads"].values():
        for name, s in load["scenarios"].items():
            cpu, cpu_ratio = s.get("server_cpu_ms_per_req"), s.get("cpu_ratio")
            statuses = " ".join(f"{k}:{v}" for k, v in s["statuses"].items())
            lines.append(
                f"| {LABELS[name]} | {load['db']} | {load['workers']} | {s['rps']:.0f} | "
                f"{_ms(s['p50_ms'])} | {_ms(s['p99_ms'])} | {s['healthz_rps']:.0f} | "
                f"{s['ratio']:.1%} | {s['errors']} | {statuses} | "
                f"{f'{cpu:.2f}' if cpu else ''} | {f'{cpu_ratio:.1%}' if cpu_ratio else ''} |"
            )
    lines += [
        "",
        "Noise: /healthz across each configuration's runs (req/s min-max, coefficient "
        "of variation, mean CPU cores the server processes got during /healthz) and the "
        "1-minute load average at start/end: "
        + "; ".join(
            f"{label}: {ld['healthz_spread']['min']:.0f}-{ld['healthz_spread']['max']:.0f} "
            f"(cv {ld['healthz_spread']['cv']:.0%}), server on {_cores(ld):.2f} cores, load "
            f"{ld['loadavg_start'][0]:.1f}/{ld['loadavg_end'][0]:.1f}"
            for label, ld in results["loads"].items()
            if "healthz_spread" in ld
        )
        + ". "
        "Server CPU ms/req is the uvicorn processes' user+system CPU per answered request "
        "(PostgreSQL's own CPU not included); CPU ratio = /healthz CPU per request / the "
        "scenario's, a contention-free cross-check of the throughput ratio.",
    ]
    logs = {label: load.get("server_log", {}) for label, load in results["loads"].items()}
    lines += [
        "",
        "Server logs: "
        + "; ".join(
            f"{label}: {v.get('database_is_locked', 0)} 'database is locked', "
            f"{v.get('tracebacks', 0)} tracebacks"
            for label, v in logs.items()
        )
        + ".",
    ]
    grow = results.get("growth")
    if grow:
        lines += [
            "",
            f"## History growth ({grow['db']}, {grow['workers']} worker, "
            f"{grow['connections']} connection, {grow['short_days']} vs {grow['long_days']} "
            f"days, same patients and links, runs alternated {grow['rounds']}x each)",
            "",
            f"| endpoint | p50 {grow['short_days']} d | p50 {grow['long_days']} d | ratio p50 | "
            f"mean {grow['short_days']} d | mean {grow['long_days']} d | ratio mean | "
            "ratio server CPU/req | errors |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for endpoint, d in grow["endpoints"].items():
            cpu = f"x{d['ratio_cpu']:.2f}" if d.get("ratio_cpu") else ""
            lines.append(
                f"| {endpoint} | {_ms(d['short']['p50_ms'])} | {_ms(d['long']['p50_ms'])} | "
                f"x{d['ratio_p50']:.2f} | {_ms(d['short']['mean_ms'])} | "
                f"{_ms(d['long']['mean_ms'])} | x{d['ratio_mean']:.2f} | {cpu} | "
                f"{d['short']['errors'] + d['long']['errors']} |"
            )
    lines += ["", "## Targets", "", "| target | value | met |", "|---|---|---|"]
    for c in results["targets"]:
        met = "yes" if c["met"] else "inconclusive" if c["met"] is None else "**no**"
        lines.append(f"| {c['target']} | {c['value']} | {met} |")
    prof = results.get("profile")
    if prof:
        lines += [
            "",
            "## Profile (pyinstrument, in-process through ASGI, thread pool inlined, "
            "SQLite seed; shares of profiled time)",
            "",
        ]
        for path, d in prof["paths"].items():
            lines += [
                f"### {path}: {d['mean_ms_unprofiled']} ms per request in-process, "
                f"{d.get('cpu_ms_unprofiled', '?')} ms CPU "
                f"({d.get('requests', prof['requests'])} requests profiled)",
                "",
                "| # | self time | function (self) | | inclusive | app function |",
                "|---|---|---|---|---|---|",
            ]
            for i in range(max(len(d["self"]), len(d["app_inclusive"]))):
                s = d["self"][i] if i < len(d["self"]) else None
                a_ = d["app_inclusive"][i] if i < len(d["app_inclusive"]) else None
                left = f"{s['share']:.1%} | `{s['function']}` {s['where']}" if s else " | "
                right = f"{a_['share']:.1%} | `{a_['function']}` {a_['where']}" if a_ else " | "
                lines.append(f"| {i + 1} | {left} | | {right} |")
            lines.append("")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="200 x 60 seeds, 2-s runs, 1 growth round, 60 profiled requests",
    )
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument("--workers", default="1,2", help="uvicorn worker counts, e.g. 1,2")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--patients", type=int)
    parser.add_argument("--days", type=int)
    parser.add_argument("--clinician-links", type=int, default=200)
    parser.add_argument("--coach-links", type=int, default=20)
    parser.add_argument("--seed-procs", type=int, default=2, help="seeding processes (PostgreSQL)")
    parser.add_argument("--duration", type=float, help="seconds per wrk run (default 10)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--growth-days", type=int, default=14)
    parser.add_argument("--growth-rounds", type=int, help="ABBA pairs per endpoint (default 2)")
    parser.add_argument("--growth-connections", type=int, default=1)
    parser.add_argument("--growth-put", action="store_true", help="also compare PUT latency")
    parser.add_argument("--skip-growth", action="store_true")
    parser.add_argument("--skip-profile", action="store_true")
    parser.add_argument("--profile-requests", type=int)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse seeds made earlier with the same size and app code",
    )
    parser.add_argument("--keep-db", action="store_true", help="keep the seeded databases")
    parser.add_argument("--app-ref", help="benchmark this git ref of app/ (git archive)")
    parser.add_argument(
        "--render",
        type=Path,
        metavar="RESULTS_JSON",
        help="only print the report of an earlier results file",
    )
    args = parser.parse_args(argv)
    if args.render:
        earlier = json.loads(args.render.read_text())
        earlier["targets"] = evaluate_targets(earlier)
        print(report(earlier))
        return

    if args.app_ref and not os.environ.get("BENCH_APP_ROOT"):
        target = export_ref(args.app_ref)
        env = os.environ | {"BENCH_APP_ROOT": str(target), "BENCH_APP_REF": args.app_ref}
        command = [sys.executable, "-m", "bench.run", *argv]
        os.execve(sys.executable, command, env)  # noqa: S606 (again, with the snapshot first)

    quick = args.quick
    patients = args.patients or (200 if quick else 500)
    days = args.days or (30 if quick else 365)
    duration = args.duration or (2 if quick else 10)
    rounds = args.growth_rounds or (1 if quick else 2)
    profile_requests = args.profile_requests or (60 if quick else 200)
    dbs = [d for d in args.db.split(",") if d]
    workers = [int(w) for w in args.workers.split(",") if w]
    scenarios = tuple(s for s in args.scenarios.split(",") if s)

    started = time.perf_counter()
    ensure_wrk()
    app = app_fingerprint()
    results: dict[str, Any] = {
        "started_utc": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "bench/run.sh " + shlex.join(argv) if argv else "bench/run.sh",
        "machine": machine(),
        "app": app,
        "params": {
            "patients": patients,
            "days": days,
            "duration": duration,
            "threads": args.threads,
            "connections": args.connections,
            "workers": workers,
            "dbs": dbs,
            "quick": quick,
        },
        "seeds": {},
        "loads": {},
    }
    print(
        f"bench: app {app['ref']} ({app['root']}), {patients} x {days}, dbs {dbs}, "
        f"workers {workers}, {duration:g}-s runs",
        file=sys.stderr,
        flush=True,
    )

    timings: dict[str, float] = {}
    results["phase_seconds"] = timings

    def timed(key: str, mark: float) -> None:
        timings[key] = round(time.perf_counter() - mark, 1)
        print(f"  ({key}: {timings[key]:.0f} s)", file=sys.stderr, flush=True)

    seeds: dict[str, dict[str, Any]] = {}
    suffix = "_quick" if quick else ""
    want = list(dbs)
    if not args.skip_growth and "sqlite" not in want:
        want.append("sqlite")  # the long-history side of the growth comparison
    for kind in want:
        mark = time.perf_counter()
        seeds[kind] = seed_or_reuse(kind, f"{kind}{suffix}", patients, days, args, app["sha256"])
        timed(f"seed {kind}", mark)
    if not args.skip_growth:
        mark = time.perf_counter()
        seeds["growth_short"] = seed_or_reuse(
            "sqlite",
            f"growth{args.growth_days}{suffix}",
            patients,
            args.growth_days,
            args,
            app["sha256"],
        )
        timed("seed growth_short", mark)
    for key, acc in seeds.items():
        results["seeds"][key] = {
            "kind": acc["kind"],
            "patients": acc["patients_count"],
            "days": acc["days"],
            "processes": acc["seed"]["processes"],
            "seconds": acc["seed"]["seconds"],
            "counts": acc["seed"]["counts"],
            "timings": acc["seed"]["timings"],
            "reused": bool(acc.get("reused")),
        }

    for kind in dbs:
        for w in workers:
            label = f"{kind}-w{w}"
            print(f"load {label} ...", file=sys.stderr, flush=True)
            mark = time.perf_counter()
            results["loads"][label] = run_config(
                seeds[kind],
                w,
                duration=duration,
                threads=args.threads,
                connections=args.connections,
                label=label,
                scenarios=scenarios,
            )
            timed(f"load {label}", mark)

    if not args.skip_growth:
        print("growth ...", file=sys.stderr, flush=True)
        mark = time.perf_counter()
        endpoints = (
            ("dashboard", "guidance", "put") if args.growth_put else ("dashboard", "guidance")
        )
        results["growth"] = growth(
            seeds["growth_short"],
            seeds["sqlite"],
            duration=duration,
            connections=args.growth_connections,
            rounds=rounds,
            endpoints=endpoints,
        )
        timed("growth", mark)
    if not args.skip_profile:
        print("profile ...", file=sys.stderr, flush=True)
        mark = time.perf_counter()
        results["profile"] = run_profile(OUT / f"accounts-sqlite{suffix}.json", profile_requests)
        timed("profile", mark)

    if not args.keep_db and not args.reuse:
        for acc in seeds.values():
            if acc["kind"] == "postgres":  # SQLite files stay in bench/out/db (git-ignored)
                drop_database(acc["db_url"])
    results["targets"] = evaluate_targets(results)
    results["total_minutes"] = round((time.perf_counter() - started) / 60, 2)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%MZ")
    write_json(OUT / f"results-{stamp}.json", results)
    write_json(OUT / "results-latest.json", results)
    text = report(results)
    (OUT / f"report-{stamp}.md").write_text(text)
    (OUT / "report-latest.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
