"""Forms of the officer's pages and the supplier's ledger (types only; the rules are in the services)."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from portal.accounts.forms import business_id_check
from portal.fields import DateField, DecimalField, IntegerField, MultiCheckboxField, number_range
from portal.inputs import id_choice
from portal.procurements.labels import ENTRY_KIND_LABELS, INTERVAL_LABELS


class ProcurementForm(FlaskForm):
    """A procurement's details."""

    reference = StringField(_l("Reference"), validators=[DataRequired(), Length(max=60)],
                            description=_l("Your own identifier, for example the notice number HILMA 2026-123456."))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    hilma_notice = StringField(_l("Hilma notice number"), validators=[Optional(), Length(max=40)],
                               description=_l("Optional. The number Hilma published the notice under, for "
                                              "example 2026-012345."))
    cpv_code = StringField(_l("CPV code"), validators=[DataRequired(), Length(max=20)],
                           description=_l("Eight digits, optionally with the check digit, for example 90910000-9. "
                                          "The first two digits name the division."))
    # The column holds up to 12 digits of euros (Numeric(14, 2)); more would fail in PostgreSQL, not here.
    estimated_value = DecimalField(_l("Estimated value (EUR, without VAT)"), places=2,
                                   validators=[Optional(), number_range(min=0, max=999_999_999_999)])
    labour_share = IntegerField(_l("Labour cost share of the value (%)"), validators=[Optional()],
                                description=_l("Optional, 1 to 100. With the value, it gives a suggested size "
                                               "for the employment clause."))
    contract_start = DateField(_l("Contract starts"), validators=[InputRequired()])
    contract_end = DateField(_l("Contract ends"), validators=[InputRequired()])
    supplier_id = SelectField(_l("Supplier"), coerce=id_choice, choices=[], validate_choice=False,
                              description=_l("The employer organisation that won the contract. If it is not on "
                                             "the portal yet, save first and then invite it."))


class InviteSupplierForm(FlaskForm):
    """An employer organisation not yet on the portal, and its contact person."""

    name = StringField(_l("Organisation name"), validators=[DataRequired(), Length(max=200)])
    business_id = StringField(_l("Business ID"), validators=[DataRequired(), business_id_check],
                              description=_l("The Finnish business ID (Y-tunnus), for example 1234567-8."))
    contact_name = StringField(_l("Contact person"), validators=[DataRequired(), Length(max=200)])
    contact_email = EmailField(_l("Contact person's email"), validators=[DataRequired(), Email(), Length(max=254)],
                               description=_l("The contact person gets an invitation to set a password."))


class ClauseForm(FlaskForm):
    """A clause template's parameters."""

    # Persons or person-months of one contract: far below the column's Numeric(10, 2).
    quantity = DecimalField(_l("Quantity"), validators=[InputRequired(), number_range(max=100_000)])
    min_months = DecimalField(_l("Minimum length of each period (months)"),
                              validators=[Optional(), number_range(max=120)])
    target_groups = MultiCheckboxField(_l("Eligible target groups"), choices=[])
    reporting_interval = SelectField(_l("Reporting interval"), coerce=int, choices=list(INTERVAL_LABELS.items()),
                                     default=3)
    deadline = DateField(_l("Deadline"), validators=[InputRequired()],
                         description=_l("The obligation must be met by this day; it must fall within the "
                                        "contract period."))
    sanction_per_month = DecimalField(_l("Sanction per missing person-month (EUR)"), places=2,
                                      validators=[Optional(), number_range(max=Decimal("9999999999.99"))],
                                      description=_l("Optional. Leave empty for no sanction."))
    social_enterprise_share = IntegerField(_l("Share that social-enterprise purchases may cover (%)"),
                                           validators=[Optional()],
                                           description=_l("Optional, 1 to 100. Purchases from work-integration "
                                                          "social enterprises count up to this share."))
    # An award criterion's points and scale; a reserved contract's required share (portal.procurements.terms).
    award_points = DecimalField(_l("Points of the criterion"), places=2,
                                validators=[InputRequired(), number_range(max=1000)],
                                description=_l("The most points a tender's employment plan can earn."))
    award_scale = TextAreaField(_l("Scoring scale"), validators=[InputRequired(), Length(max=2000)],
                                description=_l("One step a line: the plan (in the clause's unit) and the points "
                                               "it earns, for example \"12 = 5\". A plan earns the points of the "
                                               "highest step it reaches."))
    required_share = IntegerField(_l("Required share of disadvantaged staff (%)"), validators=[InputRequired()],
                                  description=_l("At least the legal minimum; a buyer may require more."))


class LedgerEntryForm(FlaskForm):
    """One ledger entry typed in by the supplier."""

    person_code = StringField(_l("Person code"), validators=[DataRequired(), Length(max=20)],
                              description=_l("A pseudonymous code, for example HK-0042. Never a name or a "
                                             "personal identity code."))
    kind = SelectField(_l("Kind"), choices=list(ENTRY_KIND_LABELS.items()))
    start_date = DateField(_l("Start date"), validators=[InputRequired()])
    end_date = DateField(_l("End date"), validators=[Optional()],
                         description=_l("Leave empty while the period goes on."))
    work_share = IntegerField(_l("Working-time share (%)"), default=100, validators=[InputRequired()],
                              description=_l("Share of full working time, 1 to 100."))


class ImportForm(FlaskForm):
    """An Excel file of ledger entries."""

    file = FileField(_l("Excel file (.xlsx)"), validators=[FileRequired()],
                     description=_l("Use the portal's template. At most 5 MB."))


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""


class StatusForm(FlaskForm):
    """The status buttons send their target in `status`."""

    status = StringField(validators=[DataRequired()])
