"""Forms of the reporting cycle (types only; the rules are in portal.domain.report_cycle)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, TextAreaField
from wtforms.validators import Optional

from portal.clause_reports.labels import DECISION_LABELS
from portal.fields import DecimalField, IntegerField, number_range


class SubmitReportForm(FlaskForm):
    """The supplier's comment on the period (the ledger lines are taken from the ledger) and, for a reserved
    contract, its staff on the report date: the share is declared with the report, in one form."""

    comment = TextAreaField(_l("Comment to the buyer"), validators=[Optional()],
                            description=_l("For example, what changed in the period or what you plan next. "
                                           "Never a person's name or health information."))
    staff = IntegerField(_l("Staff in all on the report date"), validators=[Optional()],
                         description=_l("Everyone employed by your organisation on the report date."))
    disadvantaged = IntegerField(_l("Of them, people with disabilities or disadvantaged workers"),
                                 validators=[Optional()], description=_l("A number only; never names."))

    def share(self) -> dict:
        """The declared share as the declaration service reads it."""
        return {"staff": self.staff.data, "disadvantaged": self.disadvantaged.data}


class ReturnForm(FlaskForm):
    """The reasons a report is returned for correction."""

    reasons = TextAreaField(_l("Reasons for returning"),
                            description=_l("What the supplier must correct before submitting again."))


class ReopenForm(FlaskForm):
    """The reasons an accepted report is reopened (its period opens again in the ledger)."""

    reasons = TextAreaField(_l("Reasons for reopening"),
                            description=_l("What must be corrected; the supplier reads it on the report page."))


class AcceptForm(FlaskForm):
    """An empty form: the CSRF token is what accepting needs."""


class DecisionForm(FlaskForm):
    """The sanction decision: applied, reduced (with its amount) or waived, always with reasons."""

    decision = RadioField(_l("Decision"), choices=list(DECISION_LABELS.items()), validate_choice=False)
    amount = DecimalField(_l("Reduced amount (EUR)"), places=2,
                          validators=[Optional(), number_range(min=0, max=9_999_999_999)],
                          description=_l("Only for a reduced sanction: more than zero, less than the computed one."))
    reasons = TextAreaField(_l("Reasons"), description=_l("Why the sanction is applied, reduced or waived."))
    confirmed = HiddenField()  # "1" once the officer has seen the decision and confirmed it
