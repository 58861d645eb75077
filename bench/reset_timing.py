"""Asking for a password reset takes as long for an unknown email as for a known one.

Runs a real uvicorn server (tests/live.py) on a throwaway database, sending its mail to a real
local SMTP server (aiosmtpd), and times `POST /api/v1/auth/password-reset` from an HTTP client,
alternating a known and an unknown address. The mail is sent after the answer (a background
task), so what is timed is what a prober sees. Prints the medians and their ratio.

Run: .venv/bin/python bench/reset_timing.py [rounds]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live import live_server  # noqa: E402
from tests.mailbox import smtp_server  # noqa: E402

KNOWN, UNKNOWN = "known@example.org", "nobody@example.org"
# After a known email's request, its mail is awaited and then this pause lets the server's mail
# thread finish, so that its work does not slow the next timed request (whichever it is).
PAUSE_S = 0.1


def main(rounds: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="loadline-reset-"))
    with smtp_server() as (mailbox, port):
        env = {
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(port),
            "SMTP_SECURITY": "none",
            "PASSWORD_RESET_PER_EMAIL": "1000000",
            "PASSWORD_RESET_PER_IP": "1000000",
        }
        with live_server(work, env=env) as server, httpx.Client(base_url=server.url) as client:
            body = {"email": KNOWN, "password": "the right one", "display_name": "K"}
            assert client.post("/api/v1/auth/register", json={**body, "role": "patient"}).is_success
            timings: dict[str, list[float]] = {"known email": [], "unknown email": []}
            cases = {"known email": KNOWN, "unknown email": UNKNOWN}
            answers: set[str] = set()
            mailed = 0
            order = random.Random(14)  # each round in a shuffled order: no case always second
            for _ in range(rounds + 3):  # the first three warm up
                for case, email in order.sample(list(cases.items()), 2):
                    time.sleep(PAUSE_S)
                    start = time.perf_counter()
                    answer = client.post("/api/v1/auth/password-reset", json={"email": email})
                    timings[case].append(time.perf_counter() - start)
                    assert answer.status_code == 202, answer.text
                    answers.add(answer.text)
                    if email == KNOWN:
                        mailed += 1
                        mailbox.wait_for(mailed)
    assert len(answers) == 1, answers  # the same body every time
    medians = {case: statistics.median(values[3:]) * 1000 for case, values in timings.items()}
    for case, value in medians.items():
        print(f"{case:14} median {value:6.2f} ms over {rounds} requests")
    print(f"ratio unknown/known: {medians['unknown email'] / medians['known email']:.3f}")
    print(f"mails received: {len(mailbox.messages)} (known address only)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
