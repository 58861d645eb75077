"""`python -m app.demo.notifications`: notifications end to end on a throwaway database.

A local push service (app/notify/local_push.py) plays the browsers' push services and decrypts
what it gets with each device's private key. A test clock drives a real sender through an
evening in Oslo and New York: the reminder leaves at 20:00 local for the patients who have not
logged, and not for those who have. Then a patient logs saddle numbness and the linked
clinician's push leaves in the next round (every 30 simulated seconds).
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from alembic import command
from alembic.config import Config
from sqlmodel import Session

from app.accounts.schemas import MePatch
from app.accounts.service import register_user, update_profile
from app.auth.schemas import RegisterIn
from app.core.config import ROOT, get_settings
from app.core.db import get_engine, request_engine
from app.logs.schemas import LogIn
from app.logs.service import save_daily_log
from app.models import User
from app.notify.local_push import Device, LocalPushService
from app.notify.sender import Sender, own_session
from app.notify.subscriptions import save_subscription
from app.sharing.service import create_code, redeem_code

PEOPLE = [  # name, role, zone, logs today before the evening
    ("Ingrid", "patient", "Europe/Oslo", False),
    ("Kari", "patient", "Europe/Oslo", True),
    ("Maria", "patient", "America/New_York", False),
    ("Tom", "patient", "America/New_York", True),
    ("Dr Haddad", "clinician", "Europe/Oslo", False),
]


def use_throwaway_database(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'notify-demo.db'}"
    os.environ.setdefault("ARGON2_TIME_COST", "1")
    os.environ.setdefault("ARGON2_MEMORY_KIB", "1024")
    for cached in (get_settings, get_engine, request_engine):
        cached.cache_clear()
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")


def at(zone: str, day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    local = datetime.combine(day, time(hour, minute, second), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


class Demo:
    def __init__(self, session: Session, service: LocalPushService, now: datetime) -> None:
        self.session, self.service, self.now = session, service, now
        self.users: dict[str, User] = {}
        self.devices: dict[str, Device] = {}
        self.owners: dict[str, User] = {}
        self.flagged_at: datetime | None = None
        self.sender = Sender(lambda: self.now, sessions=own_session, name="demo-sender")

    def setup(self, day: date) -> None:
        for name, role, zone, logged in PEOPLE:
            data = RegisterIn(
                email=f"{name.split()[-1].lower()}@demo.invalid",
                password="demo-password",  # noqa: S106 (a throwaway database)
                display_name=name,
                role=role,
            )
            user = register_user(self.session, data, self.now - timedelta(days=2))
            update_profile(self.session, user, MePatch(timezone=zone), self.now)
            device = self.service.new_device()
            keys = device.subscription()["keys"]
            save_subscription(
                self.session, user, device.endpoint, keys["p256dh"], keys["auth"], self.now
            )
            self.users[name], self.devices[device.endpoint] = user, device
            self.owners[device.endpoint] = user
            if logged:
                save_daily_log(self.session, user, day, LogIn(morning_pain=2), self.now)
        clinician = self.users["Dr Haddad"]
        for name in ("Ingrid", "Kari", "Maria", "Tom"):
            _, code = create_code(self.session, self.users[name], "clinician", self.now)
            redeem_code(self.session, clinician, code, "demo", self.now)

    def run(self, until: datetime, step: timedelta) -> None:
        while self.now <= until:
            before = len(self.service.received)
            self.sender.round()
            for got in self.service.received[before:]:
                endpoint = self.service.origin + got.path
                device, owner = self.devices[endpoint], self.owners[endpoint]
                local = self.now.astimezone(ZoneInfo(owner.timezone))
                message = device.decrypt(got.body)
                print(
                    f"  {self.now:%H:%M:%S} UTC ({local:%H:%M} {owner.timezone}) -> "
                    f"{owner.display_name}: "
                    f'HTTP {got.answered}, decrypted "{message["title"]} | {message["body"]}" '
                    f"opens {message['url']}{self._after_flag()}"
                )
            self.now += step

    def _after_flag(self) -> str:
        if self.flagged_at is None:
            return ""
        return f" ({(self.now - self.flagged_at).total_seconds():.0f} s after the flag)"


def run_demo() -> int:
    day = datetime.now(UTC).date()
    with tempfile.TemporaryDirectory() as folder, LocalPushService() as service:
        use_throwaway_database(Path(folder))
        with Session(get_engine(), expire_on_commit=False) as session:
            demo = Demo(session, service, at("Europe/Oslo", day, 17, 0))
            demo.setup(day)
            print(f"Local push service at {service.origin}; {len(PEOPLE)} devices subscribed.")
            print("Logged today before the evening: Kari (Oslo), Tom (New York).\n")
            print("Evening in Oslo, a round every 30 simulated seconds from 19:58:")
            demo.now = at("Europe/Oslo", day, 19, 58)
            demo.run(at("Europe/Oslo", day, 20, 3), timedelta(seconds=30))
            print("\nEvening in New York, from 19:58:")
            demo.now = at("America/New_York", day, 19, 58)
            demo.run(at("America/New_York", day, 20, 3), timedelta(seconds=30))
            flagged = at("America/New_York", day, 20, 10, 12)
            demo.now = flagged
            print(f"\n{flagged:%H:%M:%S} UTC: Maria logs saddle numbness (an emergency flag).")
            saved = save_daily_log(
                session, demo.users["Maria"], day, LogIn(red_flags=["saddle_numbness"]), flagged
            )
            print(f"  her guidance: referral {saved.guidance['referral']!r}; rounds every 30 s:")
            demo.flagged_at = flagged
            demo.now = flagged + timedelta(seconds=18)  # the sender's next round
            demo.run(flagged + timedelta(minutes=2), timedelta(seconds=30))
            total = len(service.received)
            print(f"\n{total} messages in all; none to Kari or Tom, who had logged.")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_demo())
