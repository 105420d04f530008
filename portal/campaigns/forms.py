"""Forms of campaigns, images, pledges, stories and editors."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

from portal.fields import DateField

LANG_NAMES = {"fi": _l("Finnish"), "sv": _l("Swedish"), "en": _l("English")}
CTA_LABELS = {"pledge": _l("Make a pledge"), "post_role": _l("Post a role"), "event": _l("Sign up for an event")}
STATUS_LABELS = {"draft": _l("Draft"), "published": _l("Published"), "archived": _l("Archived")}
PLEDGE_LABELS = {
    "post_role": _l("We will post an adjustable role"),
    "work_trial": _l("We will offer a work trial"),
    "apprenticeship": _l("We will offer an apprenticeship"),
    "hire": _l("We will hire a person with partial work ability"),
}
CONSENT_LABELS = {"written": _l("Signed on paper"), "electronic": _l("Given electronically")}


def _lang_fields(cls, name: str, label, field_cls, max_len: int | None, required_fi: bool, **kw):
    for lang in ("fi", "sv", "en"):
        validators = [DataRequired()] if (required_fi and lang == "fi") else [Optional()]
        if max_len:
            validators.append(Length(max=max_len))
        setattr(cls, f"{name}_{lang}", field_cls(label, validators=validators, **kw))


class CampaignForm(FlaskForm):
    slug = StringField(_l("Address (slug)"), validators=[Optional(), Length(max=80)],
                       description=_l("Lower-case letters, digits and hyphens. Left empty, it is made "
                                      "from the Finnish title."))
    starts_on = DateField(_l("Starts on"), validators=[Optional()])
    ends_on = DateField(_l("Ends on"), validators=[Optional()])
    cta = SelectField(_l("Call to action"), choices=list(CTA_LABELS.items()))


_lang_fields(CampaignForm, "title", _l("Title"), StringField, 200, True)
_lang_fields(CampaignForm, "summary", _l("Summary"), TextAreaField, 500, False)
_lang_fields(CampaignForm, "body", _l("Text (Markdown)"), TextAreaField, 20000, False,
             description=_l("Markdown: # heading, **bold**, *italic*, - list, [link](https://...). "
                            "HTML is not allowed."))


class ImageForm(FlaskForm):
    image = FileField(_l("Image file"), description=_l("JPEG, PNG, WebP or GIF, at most 5 MB. "
                                                        "It is re-encoded and its metadata removed."))
    alt_fi = StringField(_l("Alternative text in Finnish"), validators=[DataRequired(), Length(max=300)],
                         description=_l("What the image shows, for those who cannot see it."))
    alt_sv = StringField(_l("Alternative text in Swedish"), validators=[Optional(), Length(max=300)])
    alt_en = StringField(_l("Alternative text in English"), validators=[Optional(), Length(max=300)])


class PledgeForm(FlaskForm):
    kind = RadioField(_l("What do you pledge?"), choices=list(PLEDGE_LABELS.items()),
                      validators=[DataRequired(message=_l("Choose what you pledge."))])
    text = TextAreaField(_l("In your own words"), validators=[DataRequired(), Length(max=300)],
                         description=_l("Something concrete, for example: we offer a work trial in our "
                                        "warehouse this spring."))
    show_name = BooleanField(_l("Our organisation's name may be shown on the campaign page"))


class StoryForm(FlaskForm):
    campaign_id = SelectField(_l("Campaign"), coerce=lambda v: int(v) if v else None, choices=[],
                              validators=[Optional()])
    shown_name = StringField(_l("Name shown"), validators=[Optional(), Length(max=100)],
                             description=_l("A pseudonym by default, for example \"Mika, 34\". "
                                            "Left empty, the story is anonymous."))
    real_name_shown = BooleanField(_l("The name shown is the person's real name"))
    consent_given_on = DateField(_l("Consent given on"), validators=[Optional()])
    consent_method = SelectField(_l("How the consent was given"),
                                 choices=[("", _l("Not recorded"))] + list(CONSENT_LABELS.items()),
                                 validators=[Optional()])
    consent_reference = StringField(_l("Where the consent is kept"), validators=[Optional(), Length(max=100)],
                                    description=_l("For example the archive reference of the signed form."))
    consent_covers_name = BooleanField(_l("The consent covers showing the real name"))
    consent_withdrawn_on = DateField(_l("Consent withdrawn on"), validators=[Optional()],
                                     description=_l("Filling this in takes the story off the site at once."))


_lang_fields(StoryForm, "title", _l("Title"), StringField, 200, True)
_lang_fields(StoryForm, "body", _l("Story (Markdown)"), TextAreaField, 5000, False)


class EditorForm(FlaskForm):
    email = EmailField(_l("Email of the user"), validators=[DataRequired(), Email(), Length(max=254)])


class ConfirmForm(FlaskForm):
    """An empty form: the CSRF token is what a confirmation needs."""
