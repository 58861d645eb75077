"""The clinician's dashboard at a desk and on a phone, the referral queue, and the coach's list.

Seeded through the API (a clinician, patients linked by sharing codes, logs dated in the past);
the pages are driven in Chromium: 1280x800 for the desk view, 390x844 for the phone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.e2e.helpers import ApiUser, api_link, api_register, sign_in_ui
from tests.live import LiveServer

DESK = {"viewport": {"width": 1280, "height": 800}, "is_mobile": False, "has_touch": False}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_label(iso: str) -> str:
    day = datetime.fromisoformat(iso).date()
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def days_ago(n: int) -> str:
    return (datetime.now(UTC).date() - timedelta(days=n)).isoformat()


@dataclass
class Clinic:
    clinician: ApiUser
    flagged: ApiUser  # red flag today: an urgent episode in the referral queue
    stale: ApiUser  # last log 5 days ago
    steady: ApiUser  # logs every day this week


def seed_clinic(server: LiveServer, tag: str) -> Clinic:
    clinician = api_register(server.url, "clinician", display_name=f"Dr Desk {tag}")
    flagged = api_register(server.url, "patient", display_name=f"Ada Flag {tag}")
    stale = api_register(server.url, "patient", display_name=f"Ben Stale {tag}")
    steady = api_register(server.url, "patient", display_name=f"Cy Steady {tag}")
    for patient in (flagged, stale, steady):
        api_link(patient, clinician)
    stale.put_log(days_ago(6), morning_pain=1)
    stale.put_log(days_ago(5), morning_pain=1)
    for back, pain in ((6, 4), (5, 3), (4, 3), (3, 2), (2, 2), (1, 1), (0, 1)):
        steady.put_log(days_ago(back), morning_pain=pain)
    flagged.put_log(days_ago(1), morning_pain=3)
    flagged.put_log(days_ago(0), morning_pain=4, red_flags=["new_weakness"])
    return Clinic(clinician, flagged, stale, steady)


@pytest.fixture(scope="module")
def clinic(e2e_server: LiveServer) -> Clinic:
    """One clinic for the tests that only read it (each test that changes one seeds its own)."""
    return seed_clinic(e2e_server, "R")


def patients_region(page: Page) -> Locator:
    return page.get_by_role("region", name=re.compile(r"^Your patients"))


def test_desk_view_is_a_sortable_searchable_table_at_1280(
    new_context: Callable[..., BrowserContext], clinic: Clinic
) -> None:
    page = new_context(**DESK).new_page()
    sign_in_ui(page, clinic.clinician.email, role="clinician")
    table = patients_region(page).get_by_role("table")
    expect(table).to_be_visible()
    expect(page.locator("li.patient-card")).to_have_count(0)
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(3)
    # most urgent first: the open red-flag episode leads
    expect(rows.first).to_contain_text("Ada Flag R")

    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    for column in ("Urgency", "Name", "Phase", "Days since log", "Decision"):
        assert any(h.startswith(column) for h in headers), headers
    assert any(h.startswith("Referral and flags") for h in headers), headers
    assert any(h.startswith("Adherence") for h in headers), headers
    assert any(h.startswith("Confidence") for h in headers), headers
    assert any(h.startswith("Morning pain, 7 days") for h in headers), headers

    # the red flag's type in words, the referral level, and a sparkline with its scale
    flagged = rows.filter(has_text="Ada Flag R")
    expect(flagged).to_contain_text("new weakness in the leg")
    expect(flagged).to_contain_text("Referral: today")
    expect(flagged).to_contain_text("Warning signs not checked")
    steady = rows.filter(has_text="Cy Steady R")
    spark = steady.get_by_role("img", name=re.compile(r"^Morning pain out of 10, last 7 days"))
    expect(spark).to_have_attribute("aria-label", re.compile(r"4, 3, 3, 2, 2, 1, 1$"))
    expect(spark.locator("text")).to_have_text(["10", "0"])

    # sort by name: aria-sort on the header, rows in order, and the other way on a second click
    name_header = table.locator("thead th").filter(has_text="Name")
    expect(name_header).not_to_have_attribute("aria-sort", re.compile("."))
    name_header.get_by_role("button").click()
    expect(name_header).to_have_attribute("aria-sort", "ascending")
    expect(table.locator("thead th[aria-sort]")).to_have_count(1)
    names = table.locator("tbody th")
    expect(names).to_have_text(["Ada Flag R", "Ben Stale R", "Cy Steady R"])
    name_header.get_by_role("button").click()
    expect(name_header).to_have_attribute("aria-sort", "descending")
    expect(names).to_have_text(["Cy Steady R", "Ben Stale R", "Ada Flag R"])

    # days since the last log: the stalest first
    days_header = table.locator("thead th").filter(has_text="Days since log")
    days_header.get_by_role("button").click()
    expect(days_header).to_have_attribute("aria-sort", "descending")
    expect(names.first).to_have_text("Ben Stale R")

    # search by name
    page.get_by_role("searchbox", name="Search by name").fill("stale")
    expect(names).to_have_text(["Ben Stale R"])
    expect(page.get_by_text("1 of 3 patients match.")).to_be_visible()
    page.get_by_role("searchbox", name="Search by name").fill("nobody here")
    expect(rows).to_have_count(0)
    expect(patients_region(page)).to_contain_text("No patient’s name contains “nobody here”")


def test_a_stale_decision_says_no_log_for_n_days_at_desk_and_on_phone(
    new_context: Callable[..., BrowserContext], clinic: Clinic
) -> None:
    # the API still carries the decision of 5 days ago: the page must not show it as current
    served = {r["display_name"]: r for r in clinic.clinician.get("/clinician/patients")["patients"]}
    assert served["Ben Stale R"]["days_since_log"] == 5
    assert served["Ben Stale R"]["decision"] is not None
    desk = new_context(**DESK).new_page()
    sign_in_ui(desk, clinic.clinician.email, role="clinician")
    row = patients_region(desk).get_by_role("row").filter(has_text="Ben Stale R")
    decision = row.locator("td").nth(3)
    expect(decision).to_have_text("No log for 5 days")
    expect(row.locator("td").nth(2)).to_have_text("5")
    # a recent log keeps its decision
    steady = patients_region(desk).get_by_role("row").filter(has_text="Cy Steady R")
    expect(steady.locator("td").nth(3)).to_have_text(re.compile("^(Progress|Hold|Back off)$"))

    phone = new_context().new_page()  # 390x844: cards, no table
    sign_in_ui(phone, clinic.clinician.email, role="clinician")
    cards = patients_region(phone).locator("li.patient-card")
    expect(cards).to_have_count(3)
    expect(patients_region(phone).get_by_role("table")).to_have_count(0)
    card = cards.filter(has_text="Ben Stale R")
    expect(card.locator(".pc-head .badge")).to_have_text("No log for 5 days")
    expect(card).not_to_contain_text(re.compile(r"\b(Progress|Hold|Back off)\b"))
    expect(card).to_contain_text("Missing logs")
    # search works on the phone too
    phone.get_by_role("searchbox", name="Search by name").fill("ada")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Ada Flag R")


def test_acknowledging_a_referral_shows_who_and_when(
    new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    clinic = seed_clinic(e2e_server, "A")
    page = new_context(**DESK).new_page()
    sign_in_ui(page, clinic.clinician.email, role="clinician")
    queue = page.get_by_role("region", name="Referral queue (most urgent first)")
    item = queue.get_by_role("listitem").filter(has_text="Ada Flag A")
    expect(item).to_contain_text("Referral: today")
    expect(item).to_contain_text(f"Warning signs since {short_label(days_ago(0))}")
    expect(item).to_contain_text("new weakness in the leg")
    expect(item).not_to_contain_text("Acknowledged by")

    with page.expect_response(lambda r: r.url.endswith("/acknowledge") and r.status == 201):
        item.get_by_role("button", name="Acknowledge Ada Flag A: seen, acting").click()
    expect(item).to_contain_text(
        re.compile(r"Acknowledged by Dr Desk A at \d+ \w+( \d{4})?, \d\d:\d\d")
    )
    # the dashboard row says it too (the acknowledgement moved the dashboard's ETag)
    row = patients_region(page).get_by_role("row").filter(has_text="Ada Flag A")
    expect(row).to_contain_text("Acknowledged by Dr Desk A at")
    # acknowledged is not cleared: the episode stays open until a check is recorded
    expect(row).to_contain_text("Warning signs not checked")
    # keyboard focus stays on the button that was pressed (it is not lost to the page)
    expect(
        item.get_by_role("button", name="Update acknowledgement Ada Flag A: seen, acting")
    ).to_be_focused()

    page.reload()
    expect(item).to_contain_text("Acknowledged by Dr Desk A at")
    served = clinic.clinician.get("/clinician/referrals")["items"]
    assert [i["display_name"] for i in served] == ["Ada Flag A"]
    assert served[0]["acknowledged_by"] == "Dr Desk A"


def test_coach_list_is_sorted_by_readiness_with_the_last_logged_date(
    new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    coach = api_register(e2e_server.url, "coach", display_name="Coach Desk")
    unknown = api_register(e2e_server.url, "patient", display_name="Abe Nolog")
    ready = api_register(e2e_server.url, "patient", display_name="Bo Fine")
    not_ready = api_register(e2e_server.url, "patient", display_name="Zed Flag")
    for athlete in (unknown, ready, not_ready):
        api_link(athlete, coach, scope="coach")
    for back in (3, 2):
        ready.put_log(days_ago(back), morning_pain=1)
    not_ready.put_log(days_ago(0), morning_pain=2, red_flags=["new_weakness"])

    served = {a["display_name"]: a for a in coach.get("/coach/athletes")["athletes"]}
    assert served["Zed Flag"]["readiness"] == "not_ready"
    assert served["Abe Nolog"]["readiness"] == "unknown"
    assert served["Bo Fine"]["readiness"] in ("ready", "modified")

    page = new_context().new_page()
    sign_in_ui(page, coach.email, role="coach")
    cards = page.locator("li.athlete-card")
    expect(cards.get_by_role("heading", level=3)).to_have_text(["Zed Flag", "Bo Fine", "Abe Nolog"])
    expect(cards.nth(0)).to_contain_text(f"Last logged {short_label(days_ago(0))} (today)")
    expect(cards.nth(1)).to_contain_text(f"Last logged {short_label(days_ago(2))}")
    expect(cards.nth(2)).to_contain_text("No log in the last 4 weeks")
    assert not re.search(r"\d\d:\d\d", " ".join(cards.all_inner_texts()))

    # "Code accepted" never stays beside an error
    other = api_register(e2e_server.url, "patient", display_name="Cat Late")
    code = other.post("/me/shares", {"scope": "coach"})["code"]
    page.get_by_role("textbox", name="Sharing code").fill(code)
    page.get_by_role("button", name="Add athlete").click()
    expect(page.get_by_role("status").filter(has_text="Code accepted")).to_be_visible()
    page.get_by_role("textbox", name="Sharing code").fill(code)  # used already
    page.get_by_role("button", name="Add athlete").click()
    expect(page.get_by_role("alert")).to_contain_text("unknown, already used, expired or revoked")
    expect(page.get_by_text("Code accepted")).to_have_count(0)
    clinician_code = other.post("/me/shares", {"scope": "clinician"})["code"]
    page.get_by_role("textbox", name="Sharing code").fill(clinician_code)
    page.get_by_role("button", name="Add athlete").click()
    expect(page.get_by_role("alert")).to_contain_text("made for a clinician, not a coach")
    expect(page.get_by_text("Code accepted")).to_have_count(0)


def test_a_dashboard_poll_that_changes_nothing_is_one_request_answered_304(
    new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    """The referral queue is read again only when the dashboard changed (its ETag moved), so
    the 30-second poll stays one conditional request, however many patients there are."""
    clinic = seed_clinic(e2e_server, "P")
    context = new_context(**DESK)
    context.clock.install()
    page = context.new_page()
    sign_in_ui(page, clinic.clinician.email, role="clinician")
    expect(patients_region(page).get_by_role("table").locator("tbody tr")).to_have_count(3)
    queue = page.get_by_role("region", name="Referral queue (most urgent first)")
    expect(queue.get_by_role("listitem")).to_have_count(1)

    seen: list[tuple[str, int]] = []
    page.on(
        "response",
        lambda r: (
            seen.append((r.url.split("/api/v1", 1)[-1], r.status)) if "/api/" in r.url else None
        ),
    )
    with page.expect_response(lambda r: r.url.endswith("/clinician/patients")) as polled:
        context.clock.run_for(31_000)
    assert polled.value.status == 304
    page.wait_for_timeout(500)
    assert seen == [("/clinician/patients", 304)], seen

    # a change (a new log) moves the ETag: the next poll reads the rows and the queue once each
    clinic.steady.put_log(days_ago(0), morning_pain=2, red_flags=["fever_unwell"])
    seen.clear()
    with page.expect_response(lambda r: r.url.endswith("/clinician/referrals")):
        context.clock.run_for(31_000)
    expect(queue.get_by_role("listitem")).to_have_count(2)
    assert seen == [("/clinician/patients", 200), ("/clinician/referrals", 200)], seen
