"""A push service on 127.0.0.1 for the demo and the tests: it takes each POST as a browser's
push service would, keeps the raw request, and can decrypt it with the subscription's private
key (http_ece, RFC 8291) and check its VAPID token (PyJWT, RFC 8292). It answers what it is
told to (201 by default; e.g. 410 to say the subscription is gone, 500 to make the sender retry).
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Device:
    """A browser's side of a subscription: its P-256 key pair and auth secret."""

    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes

    def subscription(self) -> dict[str, Any]:
        """What `PushSubscription.toJSON()` gives, to POST to /me/push-subscriptions."""
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        keys = {"p256dh": b64url(public), "auth": b64url(self.auth_secret)}
        return {"endpoint": self.endpoint, "expirationTime": None, "keys": keys}

    def decrypt(self, body: bytes) -> dict[str, Any]:
        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth_secret, version="aes128gcm"
        )
        decoded: dict[str, Any] = json.loads(plain)
        return decoded


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    answered: int


def vapid_claims(headers: dict[str, str], public_key: str, audience: str) -> dict[str, Any]:
    """Check `Authorization: vapid t=<JWT>, k=<key>`: the key is the server's, the ES256
    signature holds, `aud` is the push service's origin, `exp` is in the future (PyJWT)."""
    scheme, _, params = headers["authorization"].partition(" ")
    assert scheme.lower() == "vapid", scheme
    parts = dict(p.strip().split("=", 1) for p in params.split(","))
    assert parts["k"].rstrip("=") == public_key.rstrip("="), "not the server's VAPID key"
    point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
    claims: dict[str, Any] = jwt.decode(
        parts["t"],
        key=point,
        algorithms=["ES256"],
        audience=audience,
        options={"require": ["aud", "exp", "sub"]},
    )
    return claims


class LocalPushService:
    """`with LocalPushService() as service:`; `service.new_device()` gives a subscription."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.answers: dict[str, deque[int]] = defaultdict(deque)
        self.devices: dict[str, Device] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LocalPushService:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def new_device(self) -> Device:
        endpoint = f"{self.origin}/push/{secrets.token_urlsafe(16)}"
        device = Device(endpoint, ec.generate_private_key(ec.SECP256R1()), secrets.token_bytes(16))
        self.devices[endpoint] = device
        return device

    def answer(self, device: Device, *statuses: int) -> None:
        """The next requests to this device's endpoint get these statuses (then 201)."""
        self.answers[device.endpoint].extend(statuses)

    def to(self, device: Device) -> list[Received]:
        path = device.endpoint.removeprefix(self.origin)
        with self._lock:
            return [r for r in self.received if r.path == path]

    def delivered(self, device: Device) -> list[dict[str, Any]]:
        """The decrypted messages this device was given (2xx answers only)."""
        return [device.decrypt(r.body) for r in self.to(device) if r.answered < 300]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                endpoint = service.origin + self.path
                with service._lock:
                    queue = service.answers[endpoint]
                    status = queue.popleft() if queue else 201
                    if endpoint not in service.devices:
                        status = 404
                    headers = {k.lower(): v for k, v in self.headers.items()}
                    service.received.append(Received(self.path, headers, body, status))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: Any) -> None:
                pass

        return Handler
