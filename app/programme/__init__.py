"""The programme: each patient's prescribed plan, moved one step at a time by their guidance.

Pure (no database, no clock): library (the versioned exercise library), prescriptions (the
four components' prescriptions, their text and the phase limits), defaults (each phase's
plan), steps (one step up, a back-off, the phase clamp), compare (variables changed, "raises",
the change in words), guidance (the plan fields of a guidance response), restrictions (what a
coach may know). With the database: state (the plan row and its history), service (how
decisions move the plan: the definitions), proposals (accept, decline), editor (the
clinician's changes), performed (a log checked against the plan), reading, views, export.
`app/rules` knows nothing of this package; `app/logs` calls it (app/logs/plan.py).
"""
