"""Showing a three-language record in the visitor's language, falling back to Finnish."""
from __future__ import annotations

from dataclasses import dataclass

from portal.domain.campaigns import language_shown
from portal.i18n import current_language


@dataclass(frozen=True)
class Localised:
    """A record's texts in one language; `fallback` tells the page to say so."""

    obj: object
    lang: str
    fallback: bool

    def __getattr__(self, field: str):
        value = getattr(self.obj, f"{field}_{self.lang}", None)
        return value or getattr(self.obj, f"{field}_fi", "")

    def lang_of(self, field: str) -> str:
        """The language a field is shown in: its own, or Finnish where it was left untranslated."""
        return self.lang if getattr(self.obj, f"{field}_{self.lang}", None) else "fi"


def localise(obj, key_field: str = "title", lang: str | None = None) -> Localised:
    """The record in the current language when its key field has that translation, else Finnish."""
    wanted = lang or current_language()
    available = {code: getattr(obj, f"{key_field}_{code}", "") for code in ("fi", "sv", "en")}
    shown, fallback = language_shown(available, wanted)
    return Localised(obj, shown, fallback)
