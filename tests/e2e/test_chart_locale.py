"""The History chart's dates follow the browser's locale (issue 14, item 6): uPlot draws on a
canvas, so the test records what is drawn with fillText."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.e2e.helpers import api_register, sign_in_ui
from tests.live import LiveServer

pytestmark = pytest.mark.browser

RECORD_CANVAS_TEXT = """
window.__drawn = [];
const fill = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
  window.__drawn.push(String(text));
  return fill.call(this, text, ...rest);
};
"""


@pytest.mark.parametrize(
    ("locale", "label"),
    [("en-GB", r"^\d{1,2} [A-Z][a-z]{2}$"), ("en-US", r"^[A-Z][a-z]{2} \d{1,2}$")],
)
def test_history_chart_dates_follow_the_browsers_locale(
    locale: str, label: str, new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    for back in range(1, 20, 3):
        patient.put_log((date.today() - timedelta(days=back)).isoformat(), morning_pain=back % 10)
    context = new_context(locale=locale)
    context.add_init_script(RECORD_CANVAS_TEXT)
    page = context.new_page()
    sign_in_ui(page, patient.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    expect(page.locator(".uplot canvas")).to_be_visible()
    page.wait_for_function("() => window.__drawn.some((t) => /[A-Za-z]{3}/.test(t))")
    drawn = page.evaluate("() => window.__drawn")
    dates = [t for t in drawn if re.search(r"[A-Za-z]{3}", t)]
    assert dates and all(re.match(label, t) for t in dates), dates
