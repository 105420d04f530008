"""The upload form of every import page."""
from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField


class UploadForm(FlaskForm):
    """An Excel file, and the token the progress indicator follows."""

    file = FileField(_l("Excel file (.xlsx)"), validators=[FileRequired()],
                     description=_l("Use the portal's template. At most 5 MB."))
    token = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.token.data:
            self.token.data = secrets.token_urlsafe(16)
