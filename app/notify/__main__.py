"""`python -m app.notify run | once | keys` (README "Notifications").

run    rounds every NOTIFY_INTERVAL_SECONDS until stopped (set NOTIFY_IN_APP=false in the app's
       workers then, or leave both on: the lease lets one process send at a time).
       --clock-file PATH reads "now" (ISO 8601) from a file instead of the clock, and runs a
       round each time it changes: a test clock for the tests and the demo.
once   one round now (or at --now ISO), then exit.
keys   print a new VAPID key pair for production settings.
The demo (a simulated evening, sent to a local push service) is `python -m app.demo.notifications`.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from datetime import datetime
from pathlib import Path
from types import FrameType

from app.core.clock import utcnow
from app.core.config import get_settings
from app.notify.sender import Clock, Sender


def file_clock(path: Path) -> Clock:
    """The time written in a file (replace it atomically: write another file, rename it)."""

    def now() -> datetime:
        return datetime.fromisoformat(path.read_text().strip())

    return now


def run(clock: Clock, interval: float, follow_file: bool) -> None:
    sender = Sender(clock)
    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    last: datetime | None = None
    try:
        while not stopping:
            now = clock()
            if not (follow_file and now == last):
                last = now
                print(sender.round(), flush=True)
            time.sleep(interval)
    finally:
        sender.stop()


def print_keys() -> None:
    from py_vapid import Vapid

    from app.core.config import new_vapid_private_key
    from app.notify.push import b64_public

    private = new_vapid_private_key()
    print(f"VAPID_PRIVATE_KEY={private}")
    print(f"VAPID_PUBLIC_KEY={b64_public(Vapid.from_string(private_key=private))}")
    print("VAPID_SUBJECT=mailto:you@your-clinic.example")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.notify", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="send every interval until stopped")
    run_parser.add_argument("--interval", type=float, default=None)
    run_parser.add_argument("--clock-file", type=Path, default=None)
    once_parser = commands.add_parser("once", help="one round, then exit")
    once_parser.add_argument("--now", type=datetime.fromisoformat, default=None)
    commands.add_parser("keys", help="print a new VAPID key pair")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    if args.command == "keys":
        print_keys()
        return 0
    if not get_settings().push_enabled:
        print("PUSH_ENABLED is false: nothing to send.", file=sys.stderr)
        return 1
    if args.command == "once":
        fixed = args.now
        sender = Sender((lambda: fixed) if fixed else utcnow)
        print(sender.round(), flush=True)
        sender.stop()
        return 0
    interval = args.interval or get_settings().notify_interval_seconds
    clock = file_clock(args.clock_file) if args.clock_file else utcnow
    run(clock, interval, follow_file=args.clock_file is not None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
