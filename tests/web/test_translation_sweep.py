"""Every page in Swedish and in Finnish holds no English text from the message catalogues,
and no heading that repeats the one just before it.

Every GET page declared in tests/access is rendered as each role allowed to see it (as the
authorization matrix does), and its text is searched for the catalogues' source strings
(msgids, written in English). To avoid false positives:

- a source string counts in pieces between its placeholders, and a piece only with two or
  more words, and not when the same words are also a translation (Swedish "Status");
- a one-word source string counts only when it is the whole of a text (a column heading
  "Matched"), and not when the word is a translation too;
- text inside an element marked with another language (content shown in Finnish with a
  notice, the language switcher's "In English") is not the page's language and is skipped.
"""
from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask import url_for

from portal.extensions import limiter
from portal.i18n_tools import catalogs
from tests.access import PUBLIC, ROLES, all_routes
from tests.conftest import sign_in

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%|%[sd]")
WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
SKIPPED = {"script", "style", "code", "pre"}
# A table's caption may name it as the heading above does (tables are listed by their captions); other
# titles right after a heading with the same words are heard twice in a row.
TITLES = {"h1", "h2", "h3", "h4", "h5", "h6", "legend", "label", "dt", "th", "summary"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _texts(message) -> list[str]:
    return [str(s) for s in message] if isinstance(message, (list, tuple)) else [str(message or "")]


@cache
def english_of(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(one-word source strings, pieces of two or more words) that are not also a translation."""
    ids, translations = [], []
    for spec in catalogs():
        po = spec.directory / lang / "LC_MESSAGES" / "messages.po"
        with Path(po).open("rb") as fh:
            for message in read_po(fh, locale=lang):
                if message.id:
                    ids += _texts(message.id)
                    translations += _texts(message.string)
    # Compared word by word, so that "Text (Markdown)" is known as Swedish too.
    translated = " \n ".join(" ".join(WORDS.findall(t)) for t in translations).lower()
    translated_words = set(translated.split())
    singles, pieces = set(), set()
    for msgid in ids:
        for piece in PLACEHOLDER.split(msgid):
            words = WORDS.findall(piece)
            if len(words) == 1 and piece.strip(" .:,;!?()") == words[0] and msgid.strip(" .:") == words[0]:
                if len(words[0]) > 2 and words[0].lower() not in translated_words:
                    singles.add(words[0])
            elif len(words) >= 2:
                phrase = " ".join(words)
                if f" {phrase.lower()} " not in f" {translated} ":
                    pieces.add(phrase)
    return frozenset(singles), tuple(sorted(pieces, key=len, reverse=True))


class PageText(HTMLParser):
    """The texts of a page in its own language: text nodes and spoken attributes, outside other languages."""

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.page_lang = lang
        self.texts: list[str] = []
        self.titles: list[tuple[int, str]] = []  # (index in texts, text) of headings, legends, labels ...

    def _ours(self) -> bool:
        langs = [lang for _, lang in self.stack if lang]
        skipped = any(tag in SKIPPED for tag, _ in self.stack)
        return not skipped and (not langs or langs[-1] == self.page_lang)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in VOID:
            self.stack.append((tag, attributes.get("lang")))
        if self._ours() and attributes.get("lang") in (None, self.page_lang):
            self.texts += [attributes[a] for a in SPOKEN_ATTRIBUTES if attributes.get(a)]

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip() and self._ours():
            self.texts.append(" ".join(data.split()))
            if any(tag in TITLES for tag, _ in self.stack):
                self.titles.append((len(self.texts) - 1, self.texts[-1]))


def said_twice(html: str, lang: str) -> list[str]:
    """Headings, legends, labels ... that repeat the text just before them ("Tila" / "Tila")."""
    parser = PageText(lang)
    parser.feed(html)
    return [text for (i, text), (j, after) in zip(parser.titles, parser.titles[1:], strict=False)
            if j == i + 1 and text.strip(" :").lower() == after.strip(" :").lower()]


def english_in(html: str, lang: str) -> list[str]:
    """The catalogue's English found in a page's text in lang."""
    parser = PageText(lang)
    parser.feed(html)
    singles, pieces = english_of(lang)
    found = [t for t in parser.texts if t.strip(" .:") in singles]
    joined = " \n ".join(" ".join(WORDS.findall(t)) for t in parser.texts)
    for phrase in pieces:
        if re.search(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", joined):
            found.append(phrase)
            joined = joined.replace(phrase, "")
    return found


def _pages():
    return [r for r in all_routes() if r.method == "GET" and r.kind == "html"]


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_every_page_is_in_the_language_asked_for(app, world, client, monkeypatch, lang):
    monkeypatch.setattr(limiter, "enabled", False)
    problems = []
    for route in _pages():
        with app.test_request_context():
            url = url_for(route.endpoint, **route.params(world), **{**route.query(world), "lang": lang})
        for who in (["anonymous"] if route.allowed == PUBLIC else [r for r in ROLES if r in route.allowed]):
            with client.session_transaction() as sess:
                sess.clear()
            if who != "anonymous":
                sign_in(client, world.user(who))
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.content_type:
                continue
            html = response.get_data(as_text=True)
            found = english_in(html, lang)
            if found:
                problems.append(f"{url} as {who}: {found}")
            twice = said_twice(html, lang)
            if twice:
                problems.append(f"{url} as {who}: said twice in a row: {twice}")
    assert not problems, f"English or repeated headings on {lang} pages:\n" + "\n".join(problems)


def test_the_sweep_finds_english_and_skips_other_languages(app):
    page = ('<html lang="sv"><body><h1>Roller</h1><th>Matched</th><p>The role asks for</p>'
            '<p lang="fi">The role asks for (in Finnish, with a notice)</p><script>var Matched;</script>'
            '<p>Status</p><img alt="Essential skills of the role" src="x"></body></html>')
    found = english_in(page, "sv")
    assert "Matched" in found and "The role asks for" in found and "Essential skills of the role" in found
    assert "Status" not in found and len(found) == 3


def test_a_heading_said_twice_in_a_row_is_found(app):
    page = '<html lang="fi"><h2>Vastauksenne</h2><form><fieldset><legend>Vastauksenne</legend></fieldset></form></html>'
    assert said_twice(page, "fi") == ["Vastauksenne"]
    assert said_twice('<html lang="fi"><h2>Tila</h2><p>Tila</p><h3>Tila</h3></html>', "fi") == []
