"""`python -m app.demo`: load the demo clinic and print how to sign in."""

from __future__ import annotations

import os

from sqlmodel import Session

from app.core.db import get_engine
from app.demo import DEMO_PASSWORD, PATIENT_EMAIL, decision_counts, load_demo
from app.demo.intake import MAJA_EMAIL


def main() -> None:
    base = f"http://{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
    with Session(get_engine(), expire_on_commit=False) as session:
        accounts = load_demo(session)
        counts = decision_counts(session, PATIENT_EMAIL)
    print(f"\nLoadline demo data is ready. Open {base} and sign in with:")
    for role, email in accounts.items():
        print(f"  {role:10} {email:38} password: {DEMO_PASSWORD}")
    print(f"  {'phase 6':10} {MAJA_EMAIL:38} password: {DEMO_PASSWORD}  (maintenance)")
    print("  (the clinician sees 9 patients in varied states; the coach 3 athletes)")
    print(
        "  Kari's guidance over six weeks:",
        ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if not k.startswith("rule:")),
    )
    print(f"  API docs: {base}/docs\n")


if __name__ == "__main__":
    main()
