"""Outcomes, goals and education (issue 15): the weekly check-in, objective tests, goals,
clinicians' notes, the phase page and its cards, the return-to-sport review and the visit
summary. Trends, never gates: nothing here is an input of the rules (app/rules); it reads the
logs and decisions, and never writes them."""
