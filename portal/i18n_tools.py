"""Translation catalogs: one core catalog plus one per feature package.

A feature that owns a ``portal/<feature>/translations/`` folder has its own
catalog, extracted from ``portal/<feature>/`` and ``templates/<feature>/``; the
core catalog (``portal/translations/``) takes every other source. Flask-Babel
merges them at run time. Separate catalogs let features change their texts
without touching each other's files. Messages are written in English; Finnish
and Swedish catalogs translate them. Runs without an app: ``python -m
portal.i18n_tools compile``.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
TRANSLATED = ("fi", "sv")
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "_n": (1, 2), "lazy_ngettext": (1, 2)}
JINJA = "jinja2.ext:babel_extract"
JINJA_OPTIONS = {"extensions": "jinja2.ext.do", "trimmed": "true"}


@dataclass(frozen=True)
class CatalogSpec:
    name: str
    directory: Path
    sources: tuple[Path, ...]


def _feature_names() -> list[str]:
    return sorted(p.parent.name for p in PACKAGE.glob("*/translations") if p.is_dir())


def catalogs() -> list[CatalogSpec]:
    """Every catalog with the files it is extracted from."""
    features = _feature_names()
    specs = []
    for name in features:
        py = sorted((PACKAGE / name).rglob("*.py"))
        html = sorted((ROOT / "templates" / name).rglob("*.html"))
        specs.append(CatalogSpec(name, PACKAGE / name / "translations", tuple(py + html)))
    core_py = [p for p in sorted(PACKAGE.rglob("*.py"))
               if p.relative_to(PACKAGE).parts[0] not in features and "migrations" not in p.parts]
    core_html = [p for p in sorted((ROOT / "templates").rglob("*.html"))
                 if p.relative_to(ROOT / "templates").parts[0] not in features]
    specs.insert(0, CatalogSpec("core", PACKAGE / "translations", tuple(core_py + core_html)))
    return specs


def extract(spec: CatalogSpec) -> Catalog:
    """A template catalog of the messages in a catalog's sources."""
    template = Catalog(project="ote-portal", fuzzy=False)
    for path in spec.sources:
        method = "python" if path.suffix == ".py" else JINJA
        options = {} if method == "python" else JINJA_OPTIONS
        for lineno, message, comments, context in extract_from_file(
            method, str(path), keywords=KEYWORDS, options=options, strip_comment_tags=True
        ):
            template.add(message, None, [(str(path.relative_to(ROOT)), lineno)],
                         auto_comments=comments, context=context)
    return template


def _po_path(spec: CatalogSpec, lang: str) -> Path:
    return spec.directory / lang / "LC_MESSAGES" / "messages.po"


def _content(catalog) -> list:
    return sorted((str(m.id), str(m.string), bool(m.fuzzy)) for m in catalog if m.id)


def update_all(only: str | None = None) -> list[str]:
    """Re-extract every catalog (or the one named) and merge into its fi and sv files.

    A file whose messages did not change is left alone, so that its header
    date does not churn and parallel work on other features does not clash.
    """
    report = []
    for spec in catalogs():
        if only and spec.name != only:
            continue
        template = extract(spec)
        for lang in TRANSLATED:
            path = _po_path(spec, lang)
            if path.exists():
                with path.open("rb") as fh:
                    catalog = read_po(fh, locale=lang)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                catalog = Catalog(locale=lang, project="ote-portal", fuzzy=False)
            before = _content(catalog) if path.exists() else None
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            if _content(catalog) != before:
                with path.open("wb") as fh:
                    write_po(fh, catalog, no_location=True, sort_output=True, width=0)
            missing = sum(1 for m in catalog if m.id and not _translated(m))
            report.append(f"{spec.name} [{lang}]: {len(catalog)} messages, {missing} untranslated")
    return report


def _translated(message) -> bool:
    if isinstance(message.string, (list, tuple)):
        return all(message.string)
    return bool(message.string)


def compile_all() -> list[str]:
    """Write a .mo beside every .po."""
    report = []
    for spec in catalogs():
        for po in sorted(spec.directory.glob("*/LC_MESSAGES/messages.po")):
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=po.parent.parent.name)
            with po.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalog)
            report.append(f"compiled {po.relative_to(ROOT)}")
    return report


def untranslated() -> dict[tuple[str, str], list[str]]:
    """(catalog, lang) -> message ids present in the sources but not translated."""
    result = {}
    for spec in catalogs():
        template = extract(spec)
        for lang in TRANSLATED:
            path = _po_path(spec, lang)
            done = {}
            if path.exists():
                with path.open("rb") as fh:
                    done = {m.id: m for m in read_po(fh, locale=lang) if m.id}
            result[(spec.name, lang)] = [
                str(m.id) for m in template
                if m.id and (m.id not in done or not _translated(done[m.id]))
            ]
    return result


def fill(catalog_name: str, source: Path) -> list[str]:
    """Write translations from a YAML list of {en, fi, sv} entries into a catalog's .po files.

    A translator's convenience: entries whose English text is not a message of
    the catalog are reported, not added.
    """
    import yaml

    entries = yaml.safe_load(source.read_text("utf-8"))
    spec = next(s for s in catalogs() if s.name == catalog_name)
    report = []
    for lang in TRANSLATED:
        path = _po_path(spec, lang)
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        filled = 0
        for entry in entries:
            message = catalog.get(entry["en"])
            if message is None:
                report.append(f"[{lang}] not a message of {catalog_name}: {entry['en'][:60]!r}")
                continue
            message.string = entry[lang]
            filled += 1
        with path.open("wb") as fh:
            write_po(fh, catalog, no_location=True, sort_output=True, width=0)
        report.append(f"{catalog_name} [{lang}]: {filled} filled")
    return report


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "fill":
        lines = fill(sys.argv[2], Path(sys.argv[3]))
    elif command == "update":
        lines = update_all(sys.argv[2] if len(sys.argv) > 2 else None)
    else:
        lines = {"compile": compile_all}[command]()
    print("\n".join(lines))
