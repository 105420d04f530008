"""Form fields shared by the features."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import DateField as _WTFormsDateField
from wtforms import DecimalField as _WTFormsDecimalField
from wtforms import IntegerField as _WTFormsIntegerField
from wtforms import SelectField, SelectMultipleField, widgets
from wtforms.validators import NumberRange, ValidationError

from portal.domain.text import has_control_characters
from portal.i18n import current_language, format_locale, number_filter
from portal.inputs import FIRST_YEAR, LAST_YEAR, MAX_ID, whole_number

# WTForms' own messages for its IntegerField and DecimalField, translated by the portal's catalogs: WTForms'
# Finnish one drops the full stop, so the next message on the field ran on ("... desimaaliluku Anna luku").
NOT_AN_INTEGER = _l("Not a valid integer value.")
NOT_A_DECIMAL = _l("Not a valid decimal value.")
# A decimal number in the digits 0-9, an exponent of at most three digits allowed ("1e3", "2.5E-1").
DECIMAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?")
LARGEST = Decimal(10) ** 15  # past every numeric column of the portal (the largest holds 12 digits of euros)


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
            raise ValueError(self.invalid_value_message or str(NOT_AN_INTEGER))
        self.data = number


class DecimalInput(widgets.TextInput):
    """A text box for a decimal with the number keyboard: a number box cannot show "37,5"."""

    def __call__(self, field, **kwargs):
        kwargs.setdefault("inputmode", "decimal")
        return super().__call__(field, **kwargs)


class DecimalField(_WTFormsDecimalField):
    """WTForms' DecimalField, taking finite numbers in the digits 0-9 within ±10**15 only.

    WTForms reads the value with Decimal(), which also takes 'nan', 'inf',
    '1e400', other scripts' digits and underscores: NaN cannot be compared,
    infinity cannot become an integer, and a huge number fails in a column or
    in formatting, each a 500 instead of the field's message. A field with
    ``places`` keeps its value rounded to them, as its column stores it. Give
    each field its own bounds with number_range(). It is a text box showing and taking the
    reader's decimal comma ("37,5"); a point is taken too.
    """

    widget = DecimalInput()

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        text = local_decimal(valuelist[0]) if isinstance(valuelist[0], str) else ""
        number = Decimal(text) if DECIMAL.fullmatch(text) else None
        if number is None or not abs(number) < LARGEST:
            self.data = None
            raise ValueError(str(NOT_A_DECIMAL))
        # Half up, as people round (Decimal's default, half to even, makes 24.05 into 24.0).
        self.data = number if self.places is None else number.quantize(Decimal(1).scaleb(-self.places), ROUND_HALF_UP)


    def _value(self):
        """The value as the reader writes numbers: "37,5" in Finnish and Swedish, "37.5" in English."""
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        # No grouping: "2,500" read back in English would be two and a half in Finnish, and the other way round.
        digits = "0." + "#" * (self.places if self.places is not None else 6)
        return format_decimal(self.data, format=digits, locale=format_locale())


ENGLISH_THOUSANDS = re.compile(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?")


def local_decimal(text: str) -> str:
    """A typed decimal in Python's notation: "37,5" and "1 000,50" read as "37.5" and "1000.50".

    Spaces that group thousands are dropped. In Finnish and Swedish a comma is the decimal sign; in
    English a comma groups thousands ("2,500"). Text with both a comma and a point otherwise is left
    as it is, and refused.
    """
    text = "".join(text.split())
    if current_language() == "en":
        return text.replace(",", "") if ENGLISH_THOUSANDS.fullmatch(text) else text
    return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text


def one_line(form, field) -> None:
    """Validator: a name or other one-line text with no line break or control character (they could split a mail)."""
    if isinstance(field.data, str) and has_control_characters(field.data):
        raise ValidationError(_("Write this on one line, without line breaks or other special characters."))


class LocalNumberRange(NumberRange):
    """NumberRange whose message names its bounds as the reader writes numbers ("0,01–100 000")."""

    def __call__(self, form, field):
        low, high, data = self._resolve(self.min), self._resolve(self.max), field.data
        if data is None and field.process_errors:  # not a number at all: that message is enough
            return
        if data is not None and (low is None or data >= low) and (high is None or data <= high):
            return
        raise ValidationError(str(self.message) % {"min": number_filter(low), "max": number_filter(high)})


def number_range(min=None, max=None) -> NumberRange:  # noqa: A002 - the names of NumberRange
    """NumberRange with the portal's translated message naming the bounds in the reader's notation."""
    if min is not None and max is not None:
        message = _l("Give a number from %(min)s to %(max)s.")
    elif max is not None:
        message = _l("Give a number of at most %(max)s.")
    else:
        message = _l("Give a number of at least %(min)s.")
    return LocalNumberRange(min=min, max=max, message=message)


class DateField(_WTFormsDateField):
    """WTForms' DateField, taking years FIRST_YEAR to LAST_YEAR only.

    A date such as 9999-12-31 or 0001-01-01 parses, but the next month or a
    day before it is past the calendar Python knows: rules that add months or
    days to it then fail with a 500. No date of the portal is that far off.
    """

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None and not FIRST_YEAR <= self.data.year <= LAST_YEAR:
            self.data = None
            raise ValueError(_("Give a date from the year %(first)s to %(last)s.", first=FIRST_YEAR, last=LAST_YEAR))


def content_language_field(label=None) -> SelectField:
    """The language a role's, event's or service's text is written in; empty: recognised from the text."""
    return SelectField(
        label or _l("Language of the text"), default="",
        choices=[("", _l("Recognise from the text")), ("fi", _l("Finnish")), ("sv", _l("Swedish")),
                 ("en", _l("English"))],
        description=_l("Screen readers read the text in this language, and readers of the portal in another "
                       "language are told which language it is in. If the text does not show it, your own "
                       "language of the portal is used."))
