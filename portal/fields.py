"""Form fields shared by the features."""
from __future__ import annotations

from wtforms import SelectMultipleField, widgets


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes; render it with the `choice_group` macro (fieldset and legend)."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()
