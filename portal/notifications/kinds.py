"""The kinds of notification: each feature registers those it makes, with their words and their target.

A kind says in words what happened (in the reader's language, from the params)
and where its reader goes to see it; the target page checks access again. The
words are kept out of the table, so a reader who changes language reads every
notification anew, and a withdrawn consent can blank a code afterwards.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _

from portal.i18n import written_lang


@dataclass(frozen=True)
class Kind:
    """What a kind of notification says (note -> text) and where it leads (note, role -> url).

    A note is anything with ``.kind`` and ``.params``: a stored notification, or a mail's copy of one.
    """

    text: Callable[..., str]
    target: Callable[..., str]
    subject: Callable[..., str] | None = None


_KINDS: dict[str, Kind] = {}


def register_kind(name: str, text: Callable[..., str], target: Callable[..., str],
                  subject: Callable[..., str] | None = None) -> None:
    """Declare a kind of notification (each feature, for those it makes); subject: its mail's subject line."""
    _KINDS[name] = Kind(text, target, subject)


def text_of(note) -> str:
    """The sentence of a notification (anything with .kind and .params), in the current language."""
    kind = _KINDS.get(note.kind)
    return kind.text(note) if kind else note.kind


def subject_of(note) -> str:
    """The subject of a notification's mail: what happened, in the current language (a general one by default)."""
    kind = _KINDS.get(note.kind)
    subject = kind.subject(note) if kind and kind.subject else ""
    return subject or _("New notification in the OTE portal")


def target_of(note, role: str | None) -> str:
    """Where a notification leads its reader (the page itself checks access again)."""
    kind = _KINDS.get(note.kind)
    return kind.target(note, role) if kind else url_for("notifications.index")


def parts_of(note) -> tuple[str, str, str, str]:
    """The sentence split around the role's name: (before, role, its language, after); the template marks it.

    The role's name is marked with the role's language (WCAG 3.1.2). Notices made before the role's
    language was kept in params guess it from the name. Without a role the whole sentence is `before`.
    """
    text = text_of(note)
    role = (note.params or {}).get("role")
    if not role or role not in text:
        return text, "", "", ""
    before, _found, after = text.partition(role)
    return before, role, (note.params or {}).get("role_lang") or written_lang(role), after
