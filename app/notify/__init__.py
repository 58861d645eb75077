"""Reminders and alerts by Web Push (issue 16). Reads the domains above it; nothing imports it.

subscriptions (the browser's PushSubscription), preferences (what to send and when), texts
(the exact words, never a pain value or a red-flag detail), due and alerts (which messages are
due at a given instant), outbox (one row per message key, one delivery per subscription,
claimed before sending, retried with back-off), lease (one sender at a time), push (VAPID and
RFC 8291 encryption through pywebpush), sender (one round; the loop; the lifespan task),
local_push (a push service on 127.0.0.1 that decrypts what it gets: the demo and the tests).
"""
