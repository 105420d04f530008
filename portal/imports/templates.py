"""The template workbook of an import kind: the columns in the user's language and a sheet of instructions."""
from __future__ import annotations

import io

from flask_babel import gettext as _

from portal.excel import Sheet, write_workbook
from portal.i18n import current_language
from portal.imports.registry import ImportKind


def template_workbook(kind: ImportKind, target=None) -> bytes:
    """An empty sheet with the kind's column names, and what to write in each."""
    buffer = io.BytesIO()
    write_workbook([
        Sheet(str(kind.title), kind.headers_in(current_language()), [], widths=list(kind.widths) or None),
        Sheet(_("Instructions"), [_("Column"), _("What to write")], kind.instructions(target), widths=[30, 90]),
    ], buffer)
    return buffer.getvalue()
