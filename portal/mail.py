"""Outgoing mail behind one function; the backend is chosen by MAIL_BACKEND.

- ``log``: writes the message to the application log (development);
- ``memory``: appends it to ``app.extensions['outbox']`` (tests);
- ``smtp``: sends it through SMTP_HOST:SMTP_PORT, with STARTTLS (certificate
  checked) and a login when SMTP_STARTTLS / SMTP_USERNAME are set.
"""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app, url_for

from portal.i18n import current_language


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


def mail_link(endpoint: str, **values) -> str:
    """An absolute link for a mail, in the language the mail is written in (inside portal.i18n.in_language).

    The page then opens in its reader's language (``?lang=``), not in whatever their browser prefers.
    """
    return url_for(endpoint, _external=True, lang=current_language(), **values)


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
        cfg = current_app.config
        with smtplib.SMTP(cfg["SMTP_HOST"], cfg["SMTP_PORT"]) as smtp:
            if cfg.get("SMTP_STARTTLS"):
                # Reset links must not cross the network in clear text: refuse a server without TLS.
                smtp.starttls(context=ssl.create_default_context())
            if cfg.get("SMTP_USERNAME"):
                smtp.login(cfg["SMTP_USERNAME"], cfg.get("SMTP_PASSWORD") or "")
            smtp.send_message(msg)
    else:
        current_app.logger.warning("mail to %s: %s\n%s", to, subject, body)
