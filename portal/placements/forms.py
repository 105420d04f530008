"""Forms of the placement pages. The rules are in the services; the forms parse and keep what was typed."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField
from wtforms.validators import Optional

from portal.fields import DateField, DecimalField, number_range
from portal.placements.services import Terms
from portal.placements.texts import END_REASON_LABELS
from portal.proposals.texts import KIND_LABELS

NO_CLAUSE = 0


class TermsForm(FlaskForm):
    """Kind, dates, working-time share, wage subsidy and clause of a placement."""

    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()))
    start_on = DateField(_l("Start date"), validators=[Optional()])
    end_on = DateField(_l("End date"), validators=[Optional()],
                       description=_l("Needed for a work trial. For employment, the end of a fixed term; leave "
                                      "empty when it runs until further notice."))
    work_share = DecimalField(_l("Working-time share (%)"), validators=[Optional(), number_range(max=100)],
                              places=1, description=_l("Of the full working time of the sector, for example 60."))
    wage_subsidy = BooleanField(_l("A wage subsidy is used"))
    clause_id = SelectField(_l("Counts towards the employment clause"), coerce=int, choices=[])

    def set_clauses(self, choices: list[tuple[int, str]], none_label) -> None:
        """Offer the employer's clauses, and no clause."""
        self.clause_id.choices = [(NO_CLAUSE, str(none_label))] + [(int(i), str(label)) for i, label in choices]

    def terms(self, start_field: str = "start_on") -> Terms:
        """What was typed, as the services read it (the share as a fraction)."""
        share = self.work_share.data
        return Terms(kind=self.kind.data, start_on=getattr(self, start_field).data, end_on=self.end_on.data,
                     work_share=float(share) / 100 if share is not None else None,
                     wage_subsidy=bool(self.wage_subsidy.data),
                     clause_id=(self.clause_id.data if self.clause_id.data and self.clause_id.data != NO_CLAUSE
                                else None))


class ConvertForm(TermsForm):
    """A trial becomes a job or an apprenticeship from a date."""

    kind = SelectField(_l("Becomes"), choices=[(k, v) for k, v in KIND_LABELS.items() if k != "work_trial"])
    start_on = DateField(_l("Employment starts on"), validators=[Optional()],
                         description=_l("The trial ends the day before."))


class EndForm(FlaskForm):
    """When and why a placement ended."""

    end_on = DateField(_l("Last day"), validators=[Optional()])
    reason = SelectField(_l("Reason"), choices=[("", "–")] + list(END_REASON_LABELS.items()))
