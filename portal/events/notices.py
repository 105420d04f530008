"""The mails of a sign-up, in the language the person used: the confirmation request, then the seat."""
from __future__ import annotations

from flask_babel import gettext as _

from portal.campaigns.presenters import localise
from portal.i18n import in_language, time_span
from portal.mail import mail_link, send_mail


def send_confirmation(registration, token: str) -> None:
    """Mail the confirmation with the event's time and the cancellation link."""
    with in_language(registration.language):
        text = localise(registration.event, lang=registration.language)
        when = time_span(registration.event.starts_at, registration.event.ends_at)
        body = _("Hello %(name)s,\n\nyou have signed up for \"%(title)s\" on %(when)s (Finnish time).\n\n"
                 "Event page: %(page)s\nAdd it to your calendar: %(ics)s\n\n"
                 "If you cannot come, cancel your sign-up here so that someone else gets the seat:\n%(cancel)s\n",
                 name=registration.name, title=text.title, when=when,
                 page=mail_link("events.event", event_id=registration.event_id),
                 ics=mail_link("events.calendar", event_id=registration.event_id),
                 cancel=mail_link("events.cancel", token=token))
        send_mail(registration.email, _("Signed up: %(title)s", title=text.title), body)


def send_request(registration, token: str) -> None:
    """Mail the link that confirms a sign-up; until it is followed the sign-up holds no seat."""
    with in_language(registration.language):
        text = localise(registration.event, lang=registration.language)
        # No greeting by the typed name: until the address's owner confirms, the name is a stranger's text,
        # and echoing it would let anyone write into mails to any address.
        body = _("Hello,\n\nsomeone (you, we hope) signed up this address for \"%(title)s\". "
                 "Confirm the sign-up here to get your seat:\n%(confirm)s\n\n"
                 "The link works for 24 hours, and no longer than until the event starts. "
                 "If you did not sign up, ignore this mail: nothing is kept after that.\n",
                 title=text.title, confirm=mail_link("events.confirm", token=token))
        send_mail(registration.email, _("Confirm your sign-up: %(title)s", title=text.title), body)
