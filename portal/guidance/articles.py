"""Guidance articles from seeds/guidance: one YAML file per article, with its text in fi, sv and en.

A file holds ``slug``, ``order``, ``as_of`` (the date its facts were last
checked), ``sources`` (title, https URL and, when not Finnish, lang each), optional ``rules`` (ids of
rules in seeds/rules the article relies on) and, per language, ``title``,
``summary`` and ``sections`` (``heading``, ``paragraphs``, optional
``items``). The text is plain: templates escape it, nothing is rendered as
HTML. Figures are placeholders (portal.domain.placeholders) filled from the
rules in force on the reader's date, so an article and the calculator cannot
disagree. The files ship with the code and are read once per process.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

ARTICLES_DIR = Path(__file__).resolve().parents[2] / "seeds" / "guidance"
LANGS = ("fi", "sv", "en")


class ArticleError(ValueError):
    """An article file that breaks the format."""


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...]


@dataclass(frozen=True)
class Version:
    title: str
    summary: str
    sections: tuple[Section, ...]

    def texts(self) -> list[str]:
        """Every piece of text, for checking its placeholders."""
        return [self.title, self.summary] + [t for s in self.sections for t in (s.heading, *s.paragraphs, *s.items)]

    def filled(self, fill: Callable[[str], str]) -> Version:
        """The same version with ``fill`` applied to every piece of text (placeholders to figures)."""
        return Version(fill(self.title), fill(self.summary), tuple(
            Section(fill(s.heading), tuple(map(fill, s.paragraphs)), tuple(map(fill, s.items)))
            for s in self.sections))


@dataclass(frozen=True)
class Article:
    slug: str
    order: int
    as_of: date
    sources: tuple[tuple[str, str, str], ...]  # title, https URL, language of the title (fi by default)
    rules: tuple[str, ...]
    versions: dict

    def version(self, lang: str) -> Version:
        """The article in a language (every article has all three)."""
        return self.versions[lang]


def _version(raw: dict, where: str) -> Version:
    if not raw or not raw.get("title") or not raw.get("summary") or not raw.get("sections"):
        raise ArticleError(f"{where}: needs title, summary and sections")
    sections = tuple(Section(s["heading"], tuple(s.get("paragraphs") or ()), tuple(s.get("items") or ()))
                     for s in raw["sections"])
    for section in sections:
        # An unquoted "Word: text" in YAML reads as a mapping and would show as one on the page.
        if not all(isinstance(t, str) for t in (section.heading, *section.paragraphs, *section.items)):
            raise ArticleError(f"{where}: every heading, paragraph and item must be text (quote a line with ': ')")
    return Version(raw["title"].strip(), raw["summary"].strip(), sections)


def parse_article(doc: dict, name: str) -> Article:
    """A validated Article from a parsed file."""
    for key in ("slug", "as_of", "sources"):
        if not doc.get(key):
            raise ArticleError(f"{name}: '{key}' is missing")
    sources = []
    for source in doc["sources"]:
        if not str(source.get("url", "")).startswith("https://") or not source.get("title"):
            raise ArticleError(f"{name}: every source needs a title and an https URL")
        if source.get("lang", "fi") not in LANGS:
            raise ArticleError(f"{name}: a source's lang is one of {', '.join(LANGS)}")
        # The language of the source's title, so that an English title on a Finnish page is marked as English.
        sources.append((source["title"], source["url"], source.get("lang", "fi")))
    as_of = doc["as_of"] if isinstance(doc["as_of"], date) else date.fromisoformat(str(doc["as_of"]))
    versions = {lang: _version(doc.get(lang), f"{name} [{lang}]") for lang in LANGS}
    return Article(doc["slug"], int(doc.get("order", 99)), as_of, tuple(sources), tuple(doc.get("rules") or ()),
                   versions)


@lru_cache(maxsize=1)
def all_articles() -> tuple[Article, ...]:
    """Every article, in reading order."""
    articles = [parse_article(yaml.safe_load(p.read_text("utf-8")), p.name)
                for p in sorted(ARTICLES_DIR.glob("*.yaml"))]
    return tuple(sorted(articles, key=lambda a: (a.order, a.slug)))


def article(slug: str) -> Article | None:
    """The article with this slug, or None."""
    return next((a for a in all_articles() if a.slug == slug), None)
