"""Limits on sign-in, registration and password hashing (issue 12, items 1 and 2).

Sign-in failures count per (account, client address), per address and, from addresses the
account has not signed in from, per account: someone guessing elsewhere cannot lock the
owner's usual client out. Registrations count per address and hour. (The race itself, many
attempts at once on two workers, is tests/hardening/test_limits_live.py.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core import security
from app.core.config import get_settings
from app.core.errors import ServiceBusy
from app.core.ratelimit import client_address
from tests.factories import PASSWORD, register

API = "/api/v1"
OWNER_HOME, ATTACKER = ("198.51.100.7", 40000), ("203.0.113.66", 40000)


@pytest.fixture
def from_address(app: Any) -> Iterator[Any]:
    """TestClients that connect from a given client address."""
    clients: list[TestClient] = []

    def make(address: tuple[str, int]) -> TestClient:
        client = TestClient(app, raise_server_exceptions=False, client=address)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def sign_in(client: TestClient, email: str, password: str) -> int:
    answer = client.post(f"{API}/auth/token", data={"username": email, "password": password})
    return answer.status_code


def test_an_attacker_elsewhere_cannot_lock_the_owner_out(
    client: TestClient, from_address: Any
) -> None:
    account = register(client)
    attacker, owner = from_address(ATTACKER), from_address(OWNER_HOME)
    assert [sign_in(attacker, account.email, "guess-guess") for _ in range(6)] == [401] * 5 + [429]
    assert sign_in(attacker, account.email, PASSWORD) == 429  # locked out, even when right
    assert sign_in(owner, account.email, PASSWORD) == 200
    assert sign_in(owner, account.email, "typo-typo") == 401  # the owner's own count is apart


def test_a_success_clears_the_failures_of_that_client(
    client: TestClient, from_address: Any
) -> None:
    account = register(client)
    owner = from_address(OWNER_HOME)
    assert [sign_in(owner, account.email, "typo-typo") for _ in range(4)] == [401] * 4
    assert sign_in(owner, account.email, PASSWORD) == 200
    assert [sign_in(owner, account.email, "typo-typo") for _ in range(5)] == [401] * 5


def test_guesses_spread_over_many_addresses_stop_but_the_owners_known_client_goes_on(
    client: TestClient, from_address: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "login_failures_per_account", 3)
    account = register(client)
    owner = from_address(OWNER_HOME)
    assert sign_in(owner, account.email, PASSWORD) == 200  # the owner's usual client
    guesses = [
        sign_in(from_address((f"203.0.113.{n}", 1)), account.email, "guess-guess")
        for n in range(1, 6)
    ]
    assert guesses == [401, 401, 401, 429, 429]
    assert sign_in(from_address(("192.0.2.1", 1)), account.email, PASSWORD) == 429  # new client
    assert sign_in(owner, account.email, PASSWORD) == 200


def test_one_address_trying_many_accounts_is_limited(
    client: TestClient, from_address: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "login_failures_per_ip", 3)
    attacker = from_address(ATTACKER)
    codes = [sign_in(attacker, f"someone{n}@example.org", "guess-guess") for n in range(4)]
    assert codes == [401, 401, 401, 429]


def test_a_limited_sign_in_says_when_to_retry(client: TestClient) -> None:
    account = register(client)
    for _ in range(5):
        sign_in(client, account.email, "guess-guess")
    limited = client.post(f"{API}/auth/token", data={"username": account.email, "password": "x"})
    assert limited.status_code == 429
    assert 0 < int(limited.headers["retry-after"]) <= 15 * 60 + 1
    assert limited.headers["content-type"] == "application/problem+json"


def registration(n: int) -> dict[str, str]:
    return {
        "email": f"burst{n}-{time.monotonic_ns()}@example.org",
        "password": PASSWORD,
        "display_name": f"R {n}",
        "role": "patient",
    }


def test_registrations_are_limited_per_client_address_and_hour(
    client: TestClient, from_address: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "register_limit_per_hour", 3)
    here, elsewhere = from_address(ATTACKER), from_address(OWNER_HOME)
    codes = [here.post(f"{API}/auth/register", json=registration(n)).status_code for n in range(4)]
    assert codes == [201, 201, 201, 429]
    refused = here.post(f"{API}/auth/register", json=registration(9))
    assert 3500 < int(refused.headers["retry-after"]) <= 3601
    assert elsewhere.post(f"{API}/auth/register", json=registration(5)).status_code == 201


def test_the_default_registration_limit_is_20_an_hour() -> None:
    from app.core.config import Settings

    assert Settings().register_limit_per_hour == 20  # type: ignore[call-arg]


def test_a_registration_limit_of_0_is_off(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "register_limit_per_hour", 0)
    codes = {
        client.post(f"{API}/auth/register", json=registration(n)).status_code for n in range(25)
    }
    assert codes == {201}


@pytest.mark.parametrize(
    ("host", "counted_as"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::7", "2001:db8:1:2::/64"),  # same host network, same count
        ("::ffff:192.0.2.5", "192.0.2.5"),
        (None, "unknown"),
        ("testclient", "testclient"),
    ],
)
def test_client_addresses_are_counted_by_host_or_ipv6_network(
    host: str | None, counted_as: str
) -> None:
    assert client_address(host) == counted_as


class SlowHasher:
    """Stands in for Argon2id: takes a while and records how many run at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = self.most = 0

    def hash(self, password: str) -> str:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(0.05)
        with self.lock:
            self.running -= 1
        return "hashed"


@pytest.fixture
def slow_hasher(monkeypatch: pytest.MonkeyPatch) -> SlowHasher:
    hasher = SlowHasher()
    monkeypatch.setattr(security, "password_hasher", lambda: hasher)
    monkeypatch.setattr(security, "HASH_GATE", security.HashGate())
    return hasher


def test_a_burst_of_password_hashes_runs_two_at_a_time(slow_hasher: SlowHasher) -> None:
    assert get_settings().password_hash_concurrency == 2
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(security.hash_password, ["pw"] * 8)) == ["hashed"] * 8
    assert slow_hasher.most == 2


def test_past_the_queue_a_hash_is_refused_as_busy(
    slow_hasher: SlowHasher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "password_hash_queue", 1)
    with ThreadPoolExecutor(3) as pool:
        running = [pool.submit(security.hash_password, "pw") for _ in range(3)]
        while security.HASH_GATE.inside < 3:  # two hash, one waits: the gate is full
            time.sleep(0.001)
        with pytest.raises(ServiceBusy):
            security.hash_password("pw")
        assert [f.result() for f in running] == ["hashed"] * 3


def busy(*_: Any, **__: Any) -> Any:
    raise ServiceBusy("Too many sign-ins at once; please try again.")


def test_a_sign_in_turned_away_as_busy_is_not_counted(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = register(client)
    with monkeypatch.context() as patched:
        patched.setattr("app.auth.service.verify_password", busy)
        answers = [
            client.post(f"{API}/auth/token", data={"username": account.email, "password": "x"})
            for _ in range(6)
        ]
        assert {a.status_code for a in answers} == {503}
        assert answers[0].headers["retry-after"] == "1"
    assert sign_in(client, account.email, "guess-guess") == 401  # nothing was counted
    assert sign_in(client, account.email, PASSWORD) == 200


def test_a_registration_turned_away_as_busy_is_not_counted(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "register_limit_per_hour", 2)
    with monkeypatch.context() as patched:
        patched.setattr("app.accounts.service.hash_password", busy)
        codes = {
            client.post(f"{API}/auth/register", json=registration(n)).status_code for n in range(4)
        }
        assert codes == {503}
    codes = {
        client.post(f"{API}/auth/register", json=registration(n)).status_code for n in range(2)
    }
    assert codes == {201}
