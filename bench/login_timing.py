"""Sign-in takes as long for an unknown email as for a wrong password (no account probing).

Runs the real `POST /api/v1/auth/token` in-process with the production Argon2id parameters on a
throwaway SQLite database, alternating the two cases, and prints the medians and their ratio.

Run: .venv/bin/python bench/login_timing.py [rounds]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="loadline-login-"))
os.environ.update(
    DATABASE_URL=f"sqlite:///{WORK / 'login.db'}",
    ENVIRONMENT="test",
    SECRET_KEY="login-timing-benchmark-secret-0123456789abcdef",  # noqa: S106
    LOGIN_FAILURES_PER_EMAIL="1000000",
    LOGIN_FAILURES_PER_IP="1000000",
    LOGIN_FAILURES_PER_ACCOUNT="1000000",
)

from fastapi.testclient import TestClient  # noqa: E402

from app.main import app  # noqa: E402
from tests.database import migrate  # noqa: E402


def main(rounds: int) -> None:
    migrate(os.environ["DATABASE_URL"])
    with TestClient(app) as client:
        body = {
            "email": "known@example.org",
            "password": "the right one",
            "display_name": "K",
            "role": "patient",
        }
        client.post("/api/v1/auth/register", json=body)
        timings: dict[str, list[float]] = {"wrong password": [], "unknown email": []}
        cases = {"wrong password": "known@example.org", "unknown email": "nobody@example.org"}
        for _ in range(rounds):
            for case, email in cases.items():
                start = time.perf_counter()
                answer = client.post(
                    "/api/v1/auth/token", data={"username": email, "password": "x" * 12}
                )
                timings[case].append(time.perf_counter() - start)
                assert answer.status_code == 401, answer.text
    medians = {case: statistics.median(values) * 1000 for case, values in timings.items()}
    for case, value in medians.items():
        print(f"{case:15} median {value:7.1f} ms over {rounds} attempts")
    print(f"ratio unknown/wrong: {medians['unknown email'] / medians['wrong password']:.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
