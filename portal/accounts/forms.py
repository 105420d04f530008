"""Forms for signing in and managing one's own password."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from portal.accounts import passwords
from portal.domain.business_id import normalise_business_id
from portal.fields import one_line

# The kinds of organisation (accounts.models.Organisation.kind).
KIND_LABELS = {
    "operator": _l("Portal operator"),
    "buyer": _l("Public buyer"),
    "employer": _l("Employer"),
    "provider": _l("Service provider"),
    "social_services": _l("Social services"),
    "health_care": _l("Health care"),
    "kela": _l("Kela"),
    "typ": _l("TYP team (multi-sector joint service)"),
    "rehabilitation": _l("Rehabilitation provider"),
    "workshop": _l("Workshop"),
    "association": _l("Association of peers or experts by experience"),
}

PROBLEM_TEXT = {
    "too_short": _l("The password must be at least 12 characters long."),
    "too_long": _l("The password can be at most 256 characters long."),
    "common": _l("This password is too common. Choose one that is harder to guess."),
    "contains_email": _l("The password must not contain your email address."),
}


class NewPassword:
    """Validator: the password policy, with the user's email taken from `email_of(form)`."""

    def __init__(self, email_of=lambda form: ""):
        self.email_of = email_of

    def __call__(self, form, field):
        problems = passwords.problems(field.data or "", self.email_of(form))
        if problems:
            raise ValidationError(" ".join(str(PROBLEM_TEXT[p]) for p in problems))


class LoginForm(FlaskForm):
    # A text field that asks for the email keyboard: autocomplete="username" (what password managers pair with
    # the password) belongs to text fields; on type="email" the Nu HTML checker reports it as an error.
    email = StringField(_l("Email"), validators=[DataRequired(), Length(max=254)],
                        render_kw={"autocomplete": "username", "inputmode": "email", "spellcheck": "false",
                                   "autocapitalize": "none"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)],
                             render_kw={"autocomplete": "current-password"})


class SetPasswordForm(FlaskForm):
    new = PasswordField(_l("New password"), validators=[DataRequired(), NewPassword(lambda f: f.user_email)],
                        description=_l("At least 12 characters. A few unrelated words make a good password."),
                        render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("New password again"),
                            validators=[DataRequired(), EqualTo("new", _l("The passwords do not match."))],
                            render_kw={"autocomplete": "new-password"})
    user_email = ""


class ChangePasswordForm(SetPasswordForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()],
                            render_kw={"autocomplete": "current-password"})


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)],
                       render_kw={"autocomplete": "email"})


class ProfileForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200), one_line],
                       render_kw={"autocomplete": "name"})
    language = SelectField(_l("Language of the portal"),
                           # Each language named in itself, and marked so that a screen reader says it so.
                           choices=[("fi", "Suomi", {"lang": "fi"}), ("sv", "Svenska", {"lang": "sv"}),
                                    ("en", "English", {"lang": "en"})])


class EndSessionsForm(FlaskForm):
    """Ending one's other sessions asks for the password again (the device at hand may not be the owner's)."""

    current = PasswordField(_l("Your password"), validators=[DataRequired()],
                            render_kw={"autocomplete": "current-password"})


def business_id_check(form, field):
    """Validator: a Finnish business ID with a correct check digit (normalised in place)."""
    if not field.data:
        field.data = None
        return
    try:
        field.data = normalise_business_id(field.data)
    except ValueError:
        raise ValidationError(_l("Give a valid Finnish business ID, for example 1234567-8.")) from None
