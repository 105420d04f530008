"""Form fields shared by the features."""
from __future__ import annotations

from wtforms import IntegerField as _WTFormsIntegerField
from wtforms import SelectMultipleField, widgets

from portal.inputs import MAX_ID, whole_number

# WTForms' own message for its IntegerField, translated by WTForms' catalogs as it is there.
NOT_AN_INTEGER = "Not a valid integer value."


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes; render it with the `choice_group` macro (fieldset and legend)."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class IntegerField(_WTFormsIntegerField):
    """WTForms' IntegerField, taking the digits 0-9 only and numbers an integer column can hold.

    WTForms reads the value with int(), which also takes other scripts'
    digits ('١٢') and underscores ('1_000'), and any size: a number past the
    database's integers then fails in SQL instead of at the field. Here such
    a value is the field's own message, like any other text that is no number.
    """

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        try:
            number = whole_number(valuelist[0])
        except ValueError:
            number = None
        if number is None or not -MAX_ID <= number <= MAX_ID:
            self.data = None
            raise ValueError(self.invalid_value_message or self.gettext(NOT_AN_INTEGER))
        self.data = number

