"""The change cursor of a polled view, opaque and bound to the holder it was made for.

Inside, a cursor is the change number a view had reached and the digest of its patients'
local dates. The change number comes from a counter every clinic shares, so in clear it would
tell a clinician how busy everyone else is (issue 12). It is therefore encrypted with AES-GCM
(the `cryptography` package) under a key derived from the app's secret, with the holder's id
as associated data: the text reveals nothing, and a cursor that was tampered with, made for
another holder or under another secret does not open (422, after authentication). A cursor
is 54 URL-safe characters. Polling stays cheap: the 304 shortcut never opens a cursor (it
compares the text), and the normal path opens one per request (microseconds).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct
import uuid
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.core.config import get_settings
from app.core.errors import InvalidInput

NONCE_BYTES = 12
PLAIN = struct.Struct(">Q4s")  # change number, digest of the local dates (4 bytes)
SEALED_BYTES = NONCE_BYTES + PLAIN.size + 16  # the GCM tag
KEY_LABEL = b"loadline/polled-view-cursor/v1"
MAX_CHARS = 64


@lru_cache(maxsize=4)
def _cipher(secret: str) -> AESGCM:
    """AES-256-GCM under a key of its own, derived from the app's secret (HMAC-SHA256)."""
    return AESGCM(hmac.new(secret.encode(), KEY_LABEL, hashlib.sha256).digest())


def _aad(holder_id: uuid.UUID) -> bytes:
    return KEY_LABEL + b"|" + holder_id.bytes


def seal_cursor(holder_id: uuid.UUID, seq: int, days: str) -> str:
    """The cursor of change number `seq` and local-dates digest `days` (8 hex characters)."""
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher(get_settings().secret).encrypt(
        nonce, PLAIN.pack(seq, bytes.fromhex(days)), _aad(holder_id)
    )
    return base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def open_cursor(holder_id: uuid.UUID, cursor: str) -> tuple[int, str]:
    """(change number, local-dates digest) of a cursor sealed for this holder, else 422."""
    try:
        if len(cursor) > MAX_CHARS:
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4))
        if len(raw) != SEALED_BYTES:
            raise ValueError
        plain = _cipher(get_settings().secret).decrypt(
            raw[:NONCE_BYTES], raw[NONCE_BYTES:], _aad(holder_id)
        )
        seq, days = PLAIN.unpack(plain)
    except (ValueError, UnicodeError, binascii.Error, InvalidTag, struct.error):
        raise InvalidInput(
            "since", "must be a cursor returned by an earlier answer of this view"
        ) from None
    return int(seq), days.hex()
