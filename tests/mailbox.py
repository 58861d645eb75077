"""A real SMTP server on localhost (aiosmtpd) that keeps every mail it receives."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aiosmtpd.controller import Controller

from tests.live import free_port

LINK = re.compile(r"https?://\S+/reset-password\?token=\S+")


class Mailbox:
    """The aiosmtpd handler: every DATA command becomes one parsed message."""

    def __init__(self, port: int = 0) -> None:
        self.port = port  # where the server listens
        self.messages: list[EmailMessage] = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        """The first `count` mails, waiting for them to arrive (the live server sends after
        answering)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.messages)} mails arrived, not {count}")
                self._arrived.wait(left)
            return list(self.messages[:count])

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def reset_link(message: EmailMessage) -> str:
    found = LINK.search(body_of(message))
    assert found is not None, body_of(message)
    return found.group(0)


def token_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["token"][0]


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A started SMTP server on 127.0.0.1 and its port; stopped afterwards."""
    port = free_port()
    mailbox = Mailbox(port)
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()
