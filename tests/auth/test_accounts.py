"""Registration, sign-in, token rotation and revocation, profile and account erasure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from fastapi.testclient import TestClient

from tests.factories import PASSWORD, register, sign_in

API = "/api/v1"


def test_register_answers_201_with_the_user_and_no_password(client: TestClient) -> None:
    answer = client.post(
        f"{API}/auth/register",
        json={
            "email": "Ada@Example.org",
            "password": PASSWORD,
            "display_name": " Ada ",
            "role": "patient",
        },
    )
    assert answer.status_code == 201
    body = answer.json()
    assert set(body) >= {"id", "email", "display_name", "role"}
    assert body["email"] == "ada@example.org"
    assert body["display_name"] == "Ada"
    assert "password" not in answer.text and "hash" not in answer.text


def test_register_refuses_a_taken_email_case_insensitively_with_409(client: TestClient) -> None:
    register(client, email="taken@example.org")
    again = client.post(
        f"{API}/auth/register",
        json={
            "email": "TAKEN@example.org",
            "password": PASSWORD,
            "display_name": "X",
            "role": "coach",
        },
    )
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_register_refuses_a_password_shorter_than_8_characters_with_422(client: TestClient) -> None:
    answer = client.post(
        f"{API}/auth/register",
        json={
            "email": "short@example.org",
            "password": "1234567",
            "display_name": "S",
            "role": "patient",
        },
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "password"


def test_token_answers_the_oauth2_shape(client: TestClient) -> None:
    account = register(client)
    tokens = sign_in(client, account.email)
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 15 * 60
    assert tokens["access_token"] and tokens["refresh_token"]


def test_wrong_password_and_unknown_email_get_the_same_401(client: TestClient) -> None:
    account = register(client)
    wrong = client.post(
        f"{API}/auth/token", data={"username": account.email, "password": "nope-nope"}
    )
    unknown = client.post(
        f"{API}/auth/token", data={"username": "ghost@example.org", "password": "nope-nope"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


def test_repeated_failed_logins_are_rate_limited_with_429_and_retry_after(
    client: TestClient,
) -> None:
    account = register(client)
    for _ in range(5):
        failed = client.post(
            f"{API}/auth/token", data={"username": account.email, "password": "bad-bad-bad"}
        )
        assert failed.status_code == 401
    limited = client.post(
        f"{API}/auth/token", data={"username": account.email, "password": PASSWORD}
    )
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0


def test_refresh_rotates_and_a_reused_refresh_token_ends_the_session(client: TestClient) -> None:
    account = register(client)
    first = client.post(f"{API}/auth/refresh", json={"refresh_token": account.refresh_token})
    assert first.status_code == 200
    new_pair = first.json()
    assert new_pair["refresh_token"] != account.refresh_token
    reused = client.post(f"{API}/auth/refresh", json={"refresh_token": account.refresh_token})
    assert reused.status_code == 401
    # Reuse means theft is possible: the whole session, including the new tokens, is dead.
    after = client.post(f"{API}/auth/refresh", json={"refresh_token": new_pair["refresh_token"]})
    assert after.status_code == 401
    me = client.get(f"{API}/me", headers={"Authorization": f"Bearer {new_pair['access_token']}"})
    assert me.status_code == 401


def test_logout_revokes_the_access_and_refresh_tokens_at_once(client: TestClient) -> None:
    account = register(client)
    assert client.post(f"{API}/auth/logout", headers=account.headers).status_code == 204
    assert client.get(f"{API}/me", headers=account.headers).status_code == 401
    refreshed = client.post(f"{API}/auth/refresh", json={"refresh_token": account.refresh_token})
    assert refreshed.status_code == 401


def test_logout_all_ends_every_session_of_the_account(client: TestClient) -> None:
    account = register(client)
    other = sign_in(client, account.email)
    assert client.post(f"{API}/auth/logout-all", headers=account.headers).status_code == 204
    other_headers = {"Authorization": f"Bearer {other['access_token']}"}
    assert client.get(f"{API}/me", headers=other_headers).status_code == 401
    assert client.get(f"{API}/me", headers=account.headers).status_code == 401


def test_password_change_signs_out_other_sessions_but_keeps_this_one(client: TestClient) -> None:
    account = register(client)
    other = sign_in(client, account.email)
    changed = client.post(
        f"{API}/me/password",
        json={"current_password": PASSWORD, "new_password": "a whole new secret"},
        headers=account.headers,
    )
    assert changed.status_code == 204
    assert client.get(f"{API}/me", headers=account.headers).status_code == 200
    other_headers = {"Authorization": f"Bearer {other['access_token']}"}
    assert client.get(f"{API}/me", headers=other_headers).status_code == 401
    assert (
        client.post(
            f"{API}/auth/refresh", json={"refresh_token": other["refresh_token"]}
        ).status_code
        == 401
    )
    sign_in(client, account.email, "a whole new secret")


def test_password_change_with_a_wrong_current_password_is_refused(client: TestClient) -> None:
    account = register(client)
    answer = client.post(
        f"{API}/me/password",
        json={"current_password": "not my password", "new_password": "whatever-else"},
        headers=account.headers,
    )
    assert answer.status_code == 403
    sign_in(client, account.email)


def test_me_shows_a_patient_phase_thresholds_and_timezone(client: TestClient) -> None:
    account = register(client)
    body = client.get(f"{API}/me", headers=account.headers).json()
    assert body["role"] == "patient"
    assert body["phase"] == 1
    assert body["timezone"] == "UTC"
    assert body["thresholds"] == {
        "pain_ceiling": 5,
        "safe_pain": 3,
        "morning_margin": 2,
        "sessions_to_progress": 2,
        "sitting_drop_pct": 30,
        "severe_pain": 7,
    }
    assert body["phase_started_on"]


def test_me_of_a_clinician_has_no_patient_fields(client: TestClient) -> None:
    account = register(client, "clinician")
    body = client.get(f"{API}/me", headers=account.headers).json()
    assert body["role"] == "clinician"
    assert "phase" not in body and "thresholds" not in body


def test_patch_me_sets_an_iana_timezone_and_refuses_an_unknown_one(client: TestClient) -> None:
    account = register(client)
    ok = client.patch(
        f"{API}/me",
        json={"timezone": "Europe/Oslo", "display_name": "Kari"},
        headers=account.headers,
    )
    assert ok.status_code == 200
    assert ok.json()["timezone"] == "Europe/Oslo"
    assert ok.json()["display_name"] == "Kari"
    bad = client.patch(f"{API}/me", json={"timezone": "Mars/Olympus"}, headers=account.headers)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "timezone"


def test_delete_me_erases_the_account_and_its_sign_in(client: TestClient) -> None:
    account = register(client)
    client.put(
        f"{API}/me/logs/{datetime.now(UTC).date()}",
        json={"morning_pain": 2},
        headers=account.headers,
    )
    assert client.delete(f"{API}/me", headers=account.headers).status_code == 204
    assert client.get(f"{API}/me", headers=account.headers).status_code == 401
    answer = client.post(
        f"{API}/auth/token", data={"username": account.email, "password": PASSWORD}
    )
    assert answer.status_code == 401
    register(client, email=account.email)  # the email is free again


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"exp": -60}, id="expired"),
        pytest.param({"typ": "refresh"}, id="wrong-type"),
        pytest.param({"sid": "not-a-uuid"}, id="bad-session-id"),
    ],
)
def test_tampered_or_expired_access_tokens_get_401(
    client: TestClient, claims: dict[str, object]
) -> None:
    from app.core.config import get_settings

    account = register(client)
    payload = jwt.decode(account.access_token, options={"verify_signature": False})
    now = datetime.now(UTC)
    if "exp" in claims:
        claims = {"exp": int((now + timedelta(seconds=int(claims["exp"]))).timestamp())}  # type: ignore[call-overload]
    forged = jwt.encode({**payload, **claims}, get_settings().secret, algorithm="HS256")
    answer = client.get(f"{API}/me", headers={"Authorization": f"Bearer {forged}"})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"


def test_a_token_signed_with_another_algorithm_or_key_is_refused(client: TestClient) -> None:
    account = register(client)
    payload = jwt.decode(account.access_token, options={"verify_signature": False})
    unsigned = jwt.encode(payload, key=None, algorithm="none")  # type: ignore[arg-type]
    other_key = jwt.encode(
        payload, "another-key-that-is-long-enough-0123456789abcdef", algorithm="HS256"
    )
    for token in (unsigned, other_key):
        assert (
            client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        )
