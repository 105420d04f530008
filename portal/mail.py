"""Outgoing mail behind one function; the backend is chosen by MAIL_BACKEND.

- ``log``: writes the message to the application log (development);
- ``memory``: appends it to ``app.extensions['outbox']`` (tests);
- ``smtp``: sends it through SMTP_HOST:SMTP_PORT.
"""
from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


def send_mail(to: str, subject: str, body: str) -> None:
    """Send a plain-text message with the configured backend."""
    mail = Mail(to=to, subject=subject, body=body)
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "memory":
        current_app.extensions.setdefault("outbox", []).append(mail)
    elif backend == "smtp":
        msg = EmailMessage()
        msg["From"] = current_app.config["MAIL_SENDER"]
        msg["To"], msg["Subject"] = to, subject
        msg.set_content(body)
        with smtplib.SMTP(current_app.config["SMTP_HOST"], current_app.config["SMTP_PORT"]) as smtp:
            smtp.send_message(msg)
    else:
        current_app.logger.warning("mail to %s: %s\n%s", to, subject, body)
