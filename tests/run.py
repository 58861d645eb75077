"""`make test`: the whole suite on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.

Also runs ruff, mypy and the front end's unit tests (vitest). Exits non-zero if any part
fails. Extra arguments go to pytest (and skip the static checks and vitest). The two database
passes run at the same time (LOADLINE_SERIAL=1 runs them one after the other).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Database-independent tests are not repeated on PostgreSQL.
NOT_ON_POSTGRES = ["--ignore=tests/rules", "--ignore=tests/frontend"]


def run(title: str, command: list[str], env: dict[str, str], cwd: Path = ROOT) -> int:
    print(f"\n=== {title} ===", flush=True)
    return subprocess.call(command, env=env, cwd=cwd)


def main(argv: list[str]) -> int:
    base = dict(os.environ)
    postgres_url = base.pop("TEST_DATABASE_URL", "")
    pytest = [sys.executable, "-m", "pytest", *argv]
    results: dict[str, int] = {}
    if not argv:
        bin_dir = Path(sys.executable).parent
        results["ruff (lint and format)"] = run(
            "ruff (lint and format)",
            ["sh", "-c", f"{bin_dir}/ruff check . && {bin_dir}/ruff format --check ."],
            base,
        )
        results["mypy (strict, app/ and bench/)"] = run(
            "mypy (strict, app/ and bench/)", [f"{bin_dir}/mypy", "app", "bench"], base
        )
    if (ROOT / "frontend" / "package.json").exists() and not argv:
        results["frontend unit tests (vitest)"] = run(
            "frontend unit tests (vitest)", ["npm", "test", "--silent"], base, ROOT / "frontend"
        )
    if postgres_url and base.get("LOADLINE_SERIAL") != "1":
        # Both passes at once: much of a pass waits (on a browser, a server, the network), so
        # on two cores this takes well under the sum. PostgreSQL's output is printed afterwards.
        env = {**base, "TEST_DATABASE_URL": postgres_url}
        with tempfile.TemporaryFile(mode="w+") as out:
            postgres = subprocess.Popen(
                [*pytest, *NOT_ON_POSTGRES, "-p", "no:cacheprovider"],
                env=env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            results["pytest on SQLite"] = run("pytest on SQLite", pytest, base)
            code = postgres.wait()
            print("\n=== pytest on PostgreSQL (ran at the same time) ===", flush=True)
            out.seek(0)
            sys.stdout.write(out.read())
            results["pytest on PostgreSQL"] = code
    else:
        results["pytest on SQLite"] = run("pytest on SQLite", pytest, base)
        if postgres_url:
            env = {**base, "TEST_DATABASE_URL": postgres_url}
            results["pytest on PostgreSQL"] = run(
                "pytest on PostgreSQL", [*pytest, *NOT_ON_POSTGRES], env
            )
    print("\n=== summary ===")
    for title, code in results.items():
        print(f"{'PASS' if code == 0 else 'FAIL'}  {title}")
    return 0 if all(code == 0 for code in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
