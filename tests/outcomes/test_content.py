"""The education content: every source it cites is in evidence.md, each card reads in a minute,
and the phase timeline adds up to the 3-6 months most people need."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.outcomes.content import DISCLAIMER
from app.outcomes.content.cards import CARDS, Card
from app.outcomes.content.phases import GUIDES
from app.outcomes.content.sources import SOURCES
from app.outcomes.kinds import KINDS
from app.rules import PHASES

ROOT = Path(__file__).resolve().parents[2]
# ../shared next to a clone, or next to the folder of worktrees (../../shared).
SHARED_CANDIDATES = [base / "shared" / "docs" / "evidence.md" for base in ROOT.parents[:2]]
COPY = ROOT / "tests" / "data" / "evidence.md"
CITATION = re.compile(r"\[(S\d+b?)\]")
WORDS_PER_MINUTE = 200


def evidence_titles() -> dict[str, str]:
    text = COPY.read_text(encoding="utf-8")
    found = re.findall(r"^- \[(S\d+b?)\] (.+?) - https?://", text, flags=re.MULTILINE)
    return dict(found)


def test_the_copy_is_in_step_with_the_shared_evidence_notes() -> None:
    shared = next((path for path in SHARED_CANDIDATES if path.exists()), None)
    if shared is None:
        pytest.skip("no ../shared/docs next to this clone: the copy is what is read")
    assert COPY.read_bytes() == shared.read_bytes(), "copy evidence.md to tests/data"


def test_every_source_is_in_evidence_md_with_its_title() -> None:
    titles = evidence_titles()
    assert len(titles) > 80
    for source, title in SOURCES.items():
        assert titles.get(source) == title, source


def _cited_ids() -> set[str]:
    ids = {s for card in CARDS for s in card.sources}
    ids |= {s for guide in GUIDES.values() for s in guide.sources}
    ids |= {s for kind in KINDS.values() for s in kind.sources}
    for card in CARDS:
        ids |= set(CITATION.findall(" ".join(card.paragraphs)))
    for guide in GUIDES.values():
        ids |= set(CITATION.findall(" ".join((guide.purpose, *guide.do, *guide.avoid))))
    return ids


def test_nothing_is_cited_that_evidence_md_does_not_contain() -> None:
    assert _cited_ids() <= set(SOURCES)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_each_card_reads_in_a_minute_and_lists_exactly_what_it_cites(card: Card) -> None:
    text = " ".join((card.title, card.summary, *card.paragraphs))
    assert len(text.split()) <= WORDS_PER_MINUTE
    assert set(CITATION.findall(text)) == set(card.sources)


def test_the_six_cards_of_the_issue() -> None:
    assert [c.id for c in CARDS] == ["sitting", "flare", "sleep", "pacing", "breathing", "why-load"]
    assert "does not replace" in DISCLAIMER and "clinician" in DISCLAIMER


def test_every_phase_has_a_guide_and_the_timeline_adds_up_to_3_to_6_months() -> None:
    assert set(GUIDES) == set(PHASES)
    ranges = [GUIDES[n].weeks for n in range(1, 6)]
    low = sum(r[0] for r in ranges if r)
    high = sum(r[1] for r in ranges if r)
    assert 12 <= low <= 14 and 24 <= high <= 27  # about 3 and about 6 months
    assert GUIDES[6].weeks is None  # maintenance is ongoing
    early = " ".join(GUIDES[1].avoid).lower()
    assert "stretching" in early and "sitting" in early
    card_ids = {c.id for c in CARDS}
    assert all(set(g.cards) <= card_ids for g in GUIDES.values())
