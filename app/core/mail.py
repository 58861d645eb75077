"""Sending one plain-text mail over SMTP, or writing it to the log when no SMTP host is set.

Settings (app/core/config.py): SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD,
SMTP_SECURITY (`starttls`, `ssl` or `none`), SMTP_TIMEOUT_SECONDS and MAIL_FROM. Without
SMTP_HOST the whole mail, links included, goes to the `loadline.mail` log at WARNING level, so
a developer can follow a reset link without a mail server; in production (ENVIRONMENT=
production) only the fact that a mail was not sent is logged, never its link.

Sending is blocking network work: `send_later` hands the mail to this process's mail thread
and returns at once. A route calls it from a background task, i.e. once its answer has been
sent: so neither the mail server's time nor the mail thread's own work shows in that answer,
and the next request on the same keep-alive connection is not held up by the sending (as it
would be if the background task sent the mail itself).
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import EmailMessage

from app.core.config import Settings, get_settings

log = logging.getLogger("loadline.mail")


@dataclass(frozen=True, slots=True)
class Mail:
    to: str
    subject: str
    body: str


def compose(mail: Mail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message.set_content(mail.body)
    return message


class MailThread:
    """Process-level state: one thread that sends mails one after another, and how many wait.

    Owner: this module (one instance, `MAIL_THREAD`, per worker process). Bounded at
    `MAX_WAITING` mails (past that a mail is dropped and the drop logged: the requests that
    make mails are rate-limited, so only a flood reaches it). Mails waiting are lost if the
    process dies, as with any background task; the user can ask again.
    """

    MAX_WAITING = 1000
    # Each mail waits this long first, so that composing and sending it never competes for the
    # CPU with the delivery of the answer that made it (bench/reset_timing.py: without the
    # wait, answers that make a mail were ~0.5 ms slower on a 2-core machine).
    DELAY_S = 0.05

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="loadline-mail")
        self._lock = threading.Lock()
        self._waiting = 0

    def submit(self, mail: Mail) -> None:
        with self._lock:
            if self._waiting >= self.MAX_WAITING:
                log.error("Mail queue full; mail %r dropped", mail.subject)
                return
            self._waiting += 1
        self._pool.submit(self._run, mail)

    def _run(self, mail: Mail) -> None:
        try:
            time.sleep(self.DELAY_S)
            send(mail)
        finally:
            with self._lock:
                self._waiting -= 1

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every mail handed over so far has been sent (tests, shutdown)."""
        self._pool.submit(lambda: None).result(timeout)


MAIL_THREAD = MailThread()


def send_later(mail: Mail) -> None:
    """Send after returning (on this process's mail thread)."""
    MAIL_THREAD.submit(mail)


def send(mail: Mail) -> None:
    """Send one mail (or log it, in development). Failures are logged, never raised: the
    caller has already answered the request."""
    settings = get_settings()
    if not settings.smtp_host and settings.environment == "production":
        log.error("No SMTP_HOST set; mail %r not sent (its text is not logged)", mail.subject)
        return
    if not settings.smtp_host:  # development: the mail, links included, goes to the log
        log.warning(
            "No SMTP_HOST set; mail not sent:\nTo: %s\nSubject: %s\n\n%s",
            mail.to,
            mail.subject,
            mail.body,
        )
        return
    try:
        _deliver(settings, compose(mail, settings.mail_from))
    except (OSError, smtplib.SMTPException) as exc:
        log.error("Could not send mail %r through %s: %s", mail.subject, settings.smtp_host, exc)


def _deliver(settings: Settings, message: EmailMessage) -> None:
    host, port = settings.smtp_host or "", settings.smtp_port
    timeout, security = settings.smtp_timeout_seconds, settings.smtp_security
    context = ssl.create_default_context() if security != "none" else None
    smtp: smtplib.SMTP
    if security == "ssl":
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    with smtp:
        if security == "starttls":
            smtp.starttls(context=context)
        if settings.smtp_username:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_username, password)
        smtp.send_message(message)
