"""The API docs work on a network without internet: every asset comes from the app itself.

Every request to another host is aborted (and recorded); the docs must still sign in through
"Authorize" (the OAuth2 password flow) and call `GET /api/v1/me`, and the page must not have
tried to reach anything else nor broken its content security policy.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Route, expect

from tests.e2e.helpers import PASSWORD, api_register
from tests.live import LiveServer

pytestmark = pytest.mark.browser
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "is_mobile": False, "has_touch": False}


def offline_context(
    new_context: Callable[..., BrowserContext],
) -> tuple[BrowserContext, list[str], list[str]]:
    """A desktop browser that reaches this machine only; what it tried elsewhere, and console
    errors (a CSP violation is one)."""
    context = new_context(**DESKTOP)
    elsewhere: list[str] = []

    def only_local(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_local)
    return context, elsewhere, []


def _errors_into(errors: list[str]) -> Callable[[ConsoleMessage], None]:
    def collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    return collect


def test_swagger_ui_signs_in_and_calls_me_without_internet(
    new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    context, elsewhere, errors = offline_context(new_context)
    page = context.new_page()
    page.on("console", _errors_into(errors))
    page.goto("/docs")

    page.get_by_role("button", name="Authorize").first.click()
    dialog = page.locator(".modal-ux")  # Swagger UI's "Available authorizations"
    dialog.get_by_label("username:").fill(patient.email)
    dialog.get_by_label("password:", exact=True).fill(PASSWORD)
    dialog.get_by_role("button", name="Apply given OAuth2 credentials").click()
    expect(dialog.locator(".auth-btn-wrapper .authorize")).to_have_text("Logout")  # signed in
    dialog.get_by_role("button", name="Close").click()

    operation = page.locator("#operations-accounts-read_me_api_v1_me_get")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    live = operation.locator(".live-responses-table")
    expect(live.locator("tbody .response-col_status")).to_have_text("200")
    expect(live.locator("tbody .response-col_description")).to_contain_text(patient.email)

    assert elsewhere == []
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_redoc_renders_without_internet(
    new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    context, elsewhere, errors = offline_context(new_context)
    page = context.new_page()
    page.on("console", _errors_into(errors))
    page.goto("/redoc")
    expect(page.get_by_role("heading", name="Loadline API").first).to_be_visible()
    expect(page.get_by_text("/api/v1/me/logs/{log_date}").first).to_be_attached()
    assert elsewhere == []
    # ReDoc's "API docs by Redocly" footer names its logo on Redocly's site: the policy blocks
    # that image (and only it); nothing else is refused.
    refused = [e for e in errors if "Content Security Policy" in e]
    assert all("cdn.redoc.ly/redoc/logo-mini.svg" in e for e in refused), refused
