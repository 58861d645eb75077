"""Education content as versioned data: the phase guide, the cards and the sources they cite
(every source id is one of ../shared/docs/evidence.md; tests/outcomes/test_content.py checks)."""

from typing import Final

CONTENT_VERSION: Final = "2026.12-1"
DISCLAIMER: Final = (
    "General information for people with proximal hamstring tendinopathy. It does not replace "
    "advice from your clinician, who knows your situation."
)
