"""The clause library (seeds/procurements/clause_templates.yaml) and a clause's wording in fi, sv and en.

The texts are written in the seed file, one per language; this module only
fills in the parameters, with numbers, dates and money formatted the way each
language writes them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from portal.domain.procurement_rules import PERSON_KINDS, SOCIAL_ENTERPRISE_KINDS, ClauseParams

LIBRARY_FILE = Path(__file__).resolve().parents[2] / "seeds" / "procurements" / "clause_templates.yaml"
LANGS = ("fi", "sv", "en")
DATE_FORMATS = {"fi": "d.M.yyyy", "sv": "d.M.yyyy", "en": "d MMMM yyyy"}


@dataclass(frozen=True)
class ClauseTemplate:
    """One form of clause in the library, with its words in three languages."""

    code: str
    kind: str
    name: dict[str, str]
    summary: dict[str, str]
    quantity: dict[str, dict[str, str]]
    text: dict[str, str]
    # The form of the terms (portal.domain.employment_forms.FORMS); an award criterion's template
    # also gives its default scale ("N = P" a line) and how one step of it is written.
    form: str = "condition"
    scale: str = ""
    scale_step: dict[str, str] | None = None

    @property
    def uses_min_months(self) -> bool:
        """Whether the template counts people with a minimum length."""
        return self.kind in PERSON_KINDS

    @property
    def allows_social_enterprise(self) -> bool:
        """Whether social-enterprise purchases can count towards it."""
        return self.kind in SOCIAL_ENTERPRISE_KINDS


@dataclass(frozen=True)
class Library:
    """The parsed library file: templates, phrases and optional sentences."""

    templates: dict[str, ClauseTemplate]
    phrases: dict
    sentences: dict


def read_library(path: Path = LIBRARY_FILE) -> Library:
    """Parse and check the library file: every text in every language."""
    doc = yaml.safe_load(path.read_text("utf-8"))
    templates = {}
    for spec in doc["templates"]:
        for part in ("name", "summary", "quantity", "text"):
            missing = [lang for lang in LANGS if not spec.get(part, {}).get(lang)]
            if missing:
                raise ValueError(f"clause template {spec.get('code')}: {part} lacks {missing}")
        if spec.get("form") == "award" and any(not (spec.get("scale_step") or {}).get(lang) for lang in LANGS):
            raise ValueError(f"clause template {spec['code']}: an award criterion needs scale_step in every language")
        templates[spec["code"]] = ClauseTemplate(spec["code"], spec["kind"], spec["name"], spec["summary"],
                                                 spec["quantity"], spec["text"], spec.get("form", "condition"),
                                                 spec.get("scale", ""), spec.get("scale_step"))
    for name, sentence in doc["sentences"].items():
        if any(not sentence.get(lang) for lang in LANGS):
            raise ValueError(f"clause sentence {name} lacks a language")
    return Library(templates, doc["phrases"], doc["sentences"])


@lru_cache(maxsize=1)
def library() -> Library:
    """The library, read once per process."""
    return read_library()


def templates() -> list[ClauseTemplate]:
    """Every template in the file's order."""
    return list(library().templates.values())


def get_template(code: str) -> ClauseTemplate | None:
    """A template by its code, or None."""
    return library().templates.get(code)


def _number(value: float, lang: str) -> str:
    return format_decimal(value, locale=lang)


def _plural(forms: dict[str, str], value: float, lang: str) -> str:
    form = forms["one"] if value == 1 else forms["other"]
    return form.format(n=_number(value, lang))


def _groups(labels: list[str], lang: str) -> str:
    words = [label[:1].lower() + label[1:] for label in labels]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {library().phrases['or'][lang]} {words[-1]}"


def render(template: ClauseTemplate, params: ClauseParams, group_labels: dict[str, list[str]],
           terms: dict[str, dict[str, str]] | None = None) -> dict[str, str]:
    """The clause wording in each language: the template's text and the sentences its parameters call for.

    ``terms`` gives, per language, the placeholders of an award criterion's or reserved contract's text
    (portal.procurements.terms).
    """
    lib = library()
    texts = {}
    for lang in LANGS:
        min_months = params.min_months or 0
        parts = [template.text[lang].format(
            **(terms or {}).get(lang, {}),
            quantity=_plural(template.quantity[lang], params.quantity, lang),
            groups=_groups(group_labels.get(lang, []), lang),
            min_months=_plural(lib.phrases["months"][lang], min_months, lang),
            deadline=format_date(params.deadline, DATE_FORMATS[lang], locale=lang),
        )]
        interval = lib.phrases["intervals"][lang][params.reporting_interval]
        parts.append(lib.sentences["reporting"][lang].format(interval=interval))
        if params.social_enterprise_share and template.allows_social_enterprise:
            share = format_percent(params.social_enterprise_share, locale=lang)
            parts.append(lib.sentences["social_enterprise"][lang].format(share=share))
        if params.sanction_per_month:
            amount = format_currency(params.sanction_per_month, "EUR", locale=lang)
            parts.append(lib.sentences["sanction"][lang].format(amount=amount))
            if template.uses_min_months:
                per_person = _plural(lib.phrases["person_months"][lang], min_months, lang)
                parts.append(lib.sentences["per_person"][lang].format(per_person=per_person))
        texts[lang] = " ".join(parts)
    return texts


def deadline_text(day: date, lang: str) -> str:
    """A date the way the clause texts write it."""
    return format_date(day, DATE_FORMATS[lang], locale=lang)
