"""Password reset by email (issue 14, item 5): a real SMTP server receives the mail, the test
follows its link, and the account's old password, sessions and link stop working."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from app.auth import router as auth_router
from app.core.clock import utcnow
from app.core.config import Settings, get_settings
from app.core.mail import MAIL_THREAD
from app.models import PasswordResetToken
from tests.factories import PASSWORD, register
from tests.mailbox import Mailbox, reset_link, smtp_server, token_of

API = "/api/v1"
NEW_PASSWORD = "a brand new passphrase"
BASE_URL = "https://loadline.test"


@pytest.fixture
def mailbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    """The app sends through a real local SMTP server, linking to BASE_URL."""
    settings = get_settings()
    with smtp_server() as (box, port):
        monkeypatch.setattr(settings, "smtp_host", "127.0.0.1")
        monkeypatch.setattr(settings, "smtp_port", port)
        monkeypatch.setattr(settings, "smtp_security", "none")
        monkeypatch.setattr(settings, "public_base_url", BASE_URL)
        yield box


def ask(client: TestClient, email: str) -> Any:
    return client.post(f"{API}/auth/password-reset", json={"email": email})


def confirm(client: TestClient, token: Any, password: Any = NEW_PASSWORD) -> Any:
    body = {"token": token, "new_password": password}
    return client.post(f"{API}/auth/password-reset/confirm", json=body)


def signs_in(client: TestClient, email: str, password: str) -> int:
    answer = client.post(f"{API}/auth/token", data={"username": email, "password": password})
    return int(answer.status_code)


def mailed_token(client: TestClient, mailbox: Mailbox, email: str) -> str:
    before = len(mailbox.messages)
    assert ask(client, email).status_code == 202
    mailbox.wait_for(before + 1)
    return token_of(reset_link(mailbox.to(email)[-1]))


def assert_problem(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = answer.json()
    assert {"type", "title", "status", "detail"} <= body.keys()
    return body


def test_the_mailed_link_sets_a_new_password_and_ends_every_session(
    client: TestClient, mailbox: Mailbox
) -> None:
    account = register(client)
    answer = ask(client, account.email)
    assert answer.status_code == 202
    (message,) = mailbox.wait_for(1)
    assert message["To"] == account.email
    link = reset_link(message)
    assert link.startswith(f"{BASE_URL}/reset-password?token=")

    assert confirm(client, token_of(link)).status_code == 204

    assert signs_in(client, account.email, NEW_PASSWORD) == 200
    assert signs_in(client, account.email, PASSWORD) == 401
    old_refresh = client.post(f"{API}/auth/refresh", json={"refresh_token": account.refresh_token})
    assert old_refresh.status_code == 401
    assert client.get(f"{API}/me", headers=account.headers).status_code == 401


def test_a_link_works_only_once(client: TestClient, mailbox: Mailbox) -> None:
    account = register(client)
    token = mailed_token(client, mailbox, account.email)
    assert confirm(client, token).status_code == 204
    again = assert_problem(confirm(client, token, "yet another passphrase"), 400)
    assert "already used" in again["detail"]
    assert signs_in(client, account.email, NEW_PASSWORD) == 200


def test_an_unknown_email_gets_the_same_answer_and_no_mail(
    client: TestClient, mailbox: Mailbox
) -> None:
    account = register(client)
    known, unknown = ask(client, account.email), ask(client, "nobody-here@example.org")
    assert (known.status_code, known.json()) == (unknown.status_code, unknown.json())
    assert known.headers["content-type"] == unknown.headers["content-type"]
    MAIL_THREAD.flush()
    assert [m["To"] for m in mailbox.wait_for(1)] == [account.email]
    assert mailbox.to("nobody-here@example.org") == []


def test_an_expired_link_is_refused_and_the_password_stays(
    client: TestClient, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = register(client)
    token = mailed_token(client, mailbox, account.email)
    later = utcnow() + timedelta(minutes=get_settings().password_reset_minutes, seconds=1)
    monkeypatch.setattr(auth_router, "utcnow", lambda: later)  # the routes' clock
    expired = assert_problem(confirm(client, token), 400)
    assert "expired" in expired["detail"]
    assert signs_in(client, account.email, PASSWORD) == 200


def test_a_link_still_works_just_before_it_expires(
    client: TestClient, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = register(client)
    token = mailed_token(client, mailbox, account.email)
    almost = utcnow() + timedelta(minutes=get_settings().password_reset_minutes - 1)
    monkeypatch.setattr(auth_router, "utcnow", lambda: almost)
    assert confirm(client, token).status_code == 204


def test_a_newer_link_replaces_the_older_one(client: TestClient, mailbox: Mailbox) -> None:
    account = register(client)
    first = mailed_token(client, mailbox, account.email)
    second = mailed_token(client, mailbox, account.email)
    assert first != second
    assert "not valid" in assert_problem(confirm(client, first), 400)["detail"]
    assert confirm(client, second).status_code == 204


def test_a_completed_reset_voids_the_other_unused_link(
    client: TestClient, mailbox: Mailbox, db_session: Any
) -> None:
    account = register(client)
    token = mailed_token(client, mailbox, account.email)
    assert confirm(client, token).status_code == 204
    rows = db_session.exec(select(PasswordResetToken)).all()
    assert [row.used_at is not None for row in rows] == [True]


def test_only_the_digest_of_a_token_is_stored(
    client: TestClient, mailbox: Mailbox, db_session: Any
) -> None:
    account = register(client)
    token = mailed_token(client, mailbox, account.email)
    (row,) = db_session.exec(select(PasswordResetToken)).all()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in repr(row.model_dump())
    assert len(token) >= 43  # 32 random bytes, base64url


def test_the_new_password_follows_the_registration_rules(
    client: TestClient, mailbox: Mailbox
) -> None:
    account = register(client)
    token = mailed_token(client, mailbox, account.email)
    short = assert_problem(confirm(client, token, "short"), 422)
    assert short["errors"][0]["field"] == "new_password"
    assert confirm(client, token).status_code == 204  # a refused password does not use it up


def test_requests_are_limited_per_email_whether_or_not_it_exists(
    client: TestClient, mailbox: Mailbox
) -> None:
    account = register(client)
    most = get_settings().password_reset_per_email
    for email in (account.email, "ghost@example.org"):
        answers = [ask(client, email).status_code for _ in range(most + 1)]
        assert answers == [202] * most + [429]
    assert len(mailbox.wait_for(most)) == most


def test_requests_are_limited_per_client(
    client: TestClient, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "password_reset_per_ip", 2)
    answers = [ask(client, f"someone{n}@example.org").status_code for n in range(3)]
    assert answers == [202, 202, 429]
    assert_problem(ask(client, "someone9@example.org"), 429)


def test_without_an_smtp_host_the_mail_and_its_link_go_to_the_log(
    client: TestClient, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "smtp_host", None)
    account = register(client)
    with caplog.at_level(logging.WARNING, logger="loadline.mail"):
        assert ask(client, account.email).status_code == 202
        MAIL_THREAD.flush()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "loadline.mail")
    assert "/reset-password?token=" in logged
    assert account.email in logged


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/auth/password-reset", {}),
        ("/auth/password-reset", {"email": 42}),
        ("/auth/password-reset", {"email": "not an email"}),
        ("/auth/password-reset", {"email": "a@b.org", "extra": 1}),
        ("/auth/password-reset", {"email": "x" * 5000 + "@example.org"}),
        ("/auth/password-reset", ["a@b.org"]),
        ("/auth/password-reset/confirm", {}),
        ("/auth/password-reset/confirm", {"token": 12345, "new_password": NEW_PASSWORD}),
        ("/auth/password-reset/confirm", {"token": None, "new_password": NEW_PASSWORD}),
        ("/auth/password-reset/confirm", {"token": "t" * 20000, "new_password": NEW_PASSWORD}),
        ("/auth/password-reset/confirm", {"token": "", "new_password": NEW_PASSWORD}),
        ("/auth/password-reset/confirm", {"token": "abc", "new_password": "p" * 100000}),
        ("/auth/password-reset/confirm", {"token": "abc", "new_password": ["x"]}),
    ],
)
def test_ugly_input_gets_problem_details(client: TestClient, path: str, body: Any) -> None:
    answer = client.post(f"{API}{path}", json=body)
    assert answer.status_code in {413, 422}, answer.text
    assert_problem(answer, answer.status_code)


def test_an_unknown_token_gets_a_problem_detail(client: TestClient) -> None:
    body = assert_problem(confirm(client, "no-such-token"), 400)
    assert body["type"] == "/problems/invalid-reset-link"


def test_json_that_does_not_parse_gets_a_problem_detail(client: TestClient) -> None:
    answer = client.post(
        f"{API}/auth/password-reset/confirm",
        content=b'{"token": ',
        headers={"content-type": "application/json"},
    )
    assert_problem(answer, answer.status_code)
    assert answer.status_code in {400, 422}


def test_a_reset_lifts_the_sign_in_lockout_of_its_account(
    client: TestClient, mailbox: Mailbox
) -> None:
    account = register(client)
    most = get_settings().login_failures_per_email
    assert [signs_in(client, account.email, "wrong guess") for _ in range(most + 1)][-1] == 429
    assert confirm(client, mailed_token(client, mailbox, account.email)).status_code == 204
    assert signs_in(client, account.email, NEW_PASSWORD) == 200


def test_in_production_without_smtp_the_link_is_never_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = get_settings()
    monkeypatch.setattr(settings, "smtp_host", None)
    monkeypatch.setattr(settings, "environment", "production")
    account = register(client)
    with caplog.at_level(logging.INFO):
        assert ask(client, account.email).status_code == 202
        MAIL_THREAD.flush()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "token=" not in logged
    assert "not sent" in logged


def test_production_mail_needs_the_public_address_of_the_app() -> None:
    secret = "s" * 40
    with pytest.raises(ValueError, match="PUBLIC_BASE_URL"):
        Settings(environment="production", secret_key=secret, push_enabled=False, smtp_host="mx")
    ok = Settings(
        environment="production",
        secret_key=secret,
        push_enabled=False,
        smtp_host="mx",
        public_base_url="https://loadline.example.org",
    )
    assert ok.public_base_url == "https://loadline.example.org"


def test_erasing_an_account_deletes_its_reset_links(
    client: TestClient, mailbox: Mailbox, db_session: Any
) -> None:
    account = register(client)
    mailed_token(client, mailbox, account.email)
    assert client.delete(f"{API}/me", headers=account.headers).status_code == 204
    assert db_session.exec(select(PasswordResetToken)).all() == []


def test_an_unknown_address_stores_a_link_of_no_account_that_is_purged_when_expired(
    client: TestClient, db_session: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ask(client, "ghost@example.org").status_code == 202  # the same work as a known one
    (row,) = db_session.exec(select(PasswordResetToken)).all()
    assert row.user_id is None
    first = row.token_hash
    later = utcnow() + timedelta(minutes=get_settings().password_reset_minutes, seconds=1)
    monkeypatch.setattr(auth_router, "utcnow", lambda: later)
    assert ask(client, "someone-else@example.org").status_code == 202
    db_session.expire_all()
    rows = db_session.exec(select(PasswordResetToken)).all()
    assert len(rows) == 1 and rows[0].token_hash != first  # only the new one is left
