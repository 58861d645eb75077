"""Password reset in the PWA, end to end: a real Chromium asks for a link, a real SMTP server
(aiosmtpd) started by the test receives the live server's mail, the browser opens the link,
sets a new password and signs in with it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2 as httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import skip_or_fail
from tests.database import fresh_database, migrate
from tests.e2e.helpers import PHONE, TIMEOUT_MS, api_register, dist_is_built, sign_in_ui
from tests.live import LiveServer
from tests.mailbox import Mailbox, reset_link, smtp_server, token_of

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a fresh long passphrase"


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Mailbox]:
    with smtp_server() as (box, _):
        yield box


@pytest.fixture(scope="module")
def mail_server(tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox) -> Iterator[LiveServer]:
    """A live server that sends its mail to the test's SMTP server and links to itself."""
    if not dist_is_built():
        skip_or_fail("frontend/dist is not built; run `make frontend`")
    with fresh_database(tmp_path_factory.mktemp("reset"), "reset") as url:
        migrate(url)
        server = LiveServer(url)
        server.extra_env.update(
            SMTP_HOST="127.0.0.1",
            SMTP_PORT=str(mailbox.port),
            SMTP_SECURITY="none",
            PUBLIC_BASE_URL=server.url,
        )
        try:
            server.start()
            yield server
        finally:
            server.stop()


@pytest.fixture
def phone(browser: Browser, mail_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=mail_server.url, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_a_forgotten_password_is_reset_through_the_mailed_link(
    phone: Page, mail_server: LiveServer, mailbox: Mailbox
) -> None:
    user = api_register(mail_server.url)
    page = phone
    page.goto("/signin")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Forgot your password?", level=1)).to_be_visible()
    page.get_by_role("textbox", name="Email").fill(user.email)
    page.get_by_role("button", name="Send me a link").click()
    sent = "a link to choose a new password is on its way"
    expect(page.get_by_role("main").get_by_text(sent)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text=sent)).to_have_count(1)  # read out

    (message,) = mailbox.wait_for(1)
    assert message["To"] == user.email
    link = reset_link(message)
    assert link.startswith(f"{mail_server.url}/reset-password?token=")

    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password", level=1)).to_be_visible()
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD + "x")
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_text("The two passwords are not the same")).to_be_visible()
    expect(page.get_by_label("New password again")).to_be_focused()
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set new password").click()

    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    expect(page.get_by_text("Your password has been changed")).to_be_visible()
    sign_in_ui(page, user.email, NEW_PASSWORD)

    old = httpx.post(
        f"{mail_server.url}/api/v1/auth/token",
        data={"username": user.email, "password": user.password},
        timeout=10,
    )
    assert old.status_code == 401


def test_a_used_link_says_so_in_words(
    phone: Page, mail_server: LiveServer, mailbox: Mailbox
) -> None:
    user = api_register(mail_server.url)
    before = len(mailbox.messages)
    asked = httpx.post(
        f"{mail_server.url}/api/v1/auth/password-reset", json={"email": user.email}, timeout=10
    )
    assert asked.status_code == 202
    link = reset_link(mailbox.wait_for(before + 1)[-1])
    token = token_of(link)
    used = httpx.post(
        f"{mail_server.url}/api/v1/auth/password-reset/confirm",
        json={"token": token, "new_password": NEW_PASSWORD},
        timeout=10,
    )
    assert used.status_code == 204

    phone.goto(link)
    phone.get_by_label("New password", exact=True).fill("another passphrase")
    phone.get_by_label("New password again").fill("another passphrase")
    phone.get_by_role("button", name="Set new password").click()
    expect(phone.get_by_role("alert")).to_contain_text("This reset link was already used.")
    expect(phone.get_by_role("link", name="Ask for a new link")).to_be_visible()
