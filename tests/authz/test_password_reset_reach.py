"""Password reset and who can reach whom: the two reset routes take no bearer token and reach
exactly one account, the one whose mailbox received the link.

A caller's relationship to patient P (P itself, linked clinician C, revoked clinician R, coach K
with the coach scope, clinician N never linked) changes nothing: asking for P's reset answers
every caller the same and mails only P; P's link resets only P's password and ends only P's
sessions; nobody's answer carries a token, a link or anything about P.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.config import get_settings
from app.core.mail import MAIL_THREAD
from tests.factories import PASSWORD, Account, link, register
from tests.mailbox import Mailbox, reset_link, smtp_server, token_of

API = "/api/v1"


@pytest.fixture
def mailbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    settings = get_settings()
    with smtp_server() as (box, port):
        monkeypatch.setattr(settings, "smtp_host", "127.0.0.1")
        monkeypatch.setattr(settings, "smtp_port", port)
        monkeypatch.setattr(settings, "smtp_security", "none")
        monkeypatch.setattr(settings, "password_reset_per_email", 10)
        yield box


@pytest.fixture
def world(client: TestClient) -> dict[str, Account]:
    accounts = {
        "P": register(client, display_name="Patient P"),
        "C": register(client, "clinician"),
        "R": register(client, "clinician"),
        "N": register(client, "clinician"),
        "K": register(client, "coach"),
    }
    p = accounts["P"]
    link(client, p, accounts["C"])
    link(client, p, accounts["K"], scope="coach")
    revoked = link(client, p, accounts["R"])
    assert client.delete(f"{API}/me/shares/{revoked}", headers=p.headers).status_code == 204
    return accounts


def test_every_caller_gets_the_same_answer_and_only_the_owner_gets_mail(
    client: TestClient, world: dict[str, Account], mailbox: Mailbox
) -> None:
    p = world["P"]
    answers = set()
    for who in ("P", "C", "R", "N", "K"):
        answer = client.post(
            f"{API}/auth/password-reset", json={"email": p.email}, headers=world[who].headers
        )
        assert answer.status_code == 202
        assert "token" not in answer.text and p.id not in answer.text
        answers.add(answer.text)
    assert len(answers) == 1
    MAIL_THREAD.flush()
    assert {m["To"] for m in mailbox.wait_for(5)} == {p.email}


def test_a_link_resets_only_its_own_account_and_ends_only_its_sessions(
    client: TestClient, world: dict[str, Account], mailbox: Mailbox
) -> None:
    p = world["P"]
    assert client.post(f"{API}/auth/password-reset", json={"email": p.email}).status_code == 202
    token = token_of(reset_link(mailbox.wait_for(1)[0]))
    body = {"token": token, "new_password": "p's new passphrase"}
    assert client.post(f"{API}/auth/password-reset/confirm", json=body).status_code == 204

    assert client.get(f"{API}/me", headers=p.headers).status_code == 401
    for who in ("C", "R", "N", "K"):
        other = world[who]
        assert client.get(f"{API}/me", headers=other.headers).status_code == 200, who
        signed = client.post(
            f"{API}/auth/token", data={"username": other.email, "password": PASSWORD}
        )
        assert signed.status_code == 200, who
