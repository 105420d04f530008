"""Sign in and out, one's own account, password change, reset and invitation."""
from __future__ import annotations

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.accounts import bp, devices, services, sessions, tokens
from portal.accounts.forms import (
    ChangePasswordForm,
    EndSessionsForm,
    ForgotPasswordForm,
    LoginForm,
    ProfileForm,
    SetPasswordForm,
)
from portal.extensions import db, limiter, login_manager
from portal.i18n import current_language
from portal.inputs import local_path, optional_id
from portal.security import public, signed_in


@login_manager.request_loader
def _load_user(_request):
    record = sessions.load_session()
    return record.user if record else None


@login_manager.unauthorized_handler
def _unauthorized():
    ended = g.get("session_ended")
    if ended in ("idle", "absolute"):
        flash(_("Your session has ended. Please sign in again."), "info")
    else:
        flash(_("Please sign in to see this page."), "info")
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


def _login_limit() -> str:
    return current_app.config["LOGIN_ATTEMPT_LIMIT"]


def _email_key() -> str:
    return "login-email:" + services.normalise_email(request.form.get("email", ""))


def _failed(_response) -> bool:
    return bool(g.get("login_failed"))


def _account_limit() -> str:
    return current_app.config["LOGIN_ACCOUNT_LIMIT"]


def _known_browser() -> bool:
    return devices.is_known(request.form.get("email", ""))


def _user_key() -> str:
    return f"password-check:{current_user.id if current_user.is_authenticated else 'anonymous'}"


# Pages that ask a signed-in user for the password again share one budget of failures per account,
# so a borrowed session cannot be used to guess the password (the sign-in limit, per account).
password_check_limit = limiter.shared_limit(_login_limit, scope="password-check", key_func=_user_key,
                                            methods=["POST"], deduct_when=_failed)


def _safe_next(target: str | None) -> str | None:
    """Only a path on this site; never another host (open redirect), never a line break (portal.inputs)."""
    return local_path(target)


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_account_limit, methods=["POST"], deduct_when=_failed, key_func=_email_key, scope="login-email",
               exempt_when=_known_browser)
def login():
    """The sign-in form; only failures count: ten from an address in 15 minutes, or LOGIN_ACCOUNT_LIMIT on
    an account from all addresses together (not for a browser that signed in to it before), give 429."""
    if current_user.is_authenticated:
        return redirect(url_for("start.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            services.log_in(user)
            db.session.commit()
            response = redirect(_safe_next(request.args.get("next")) or url_for("start.index"))
            return devices.remember(response, user.email)
        g.login_failed = True
        db.session.rollback()
        form.form_errors.append(_("The email or password is incorrect."))
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
@signed_in
def logout():
    """End the session in the database; the old cookie opens nothing afterwards."""
    sessions.end_session()
    db.session.commit()
    flash(_("You have signed out."), "success")
    response = redirect(url_for("public.home"))
    # The browser drops cached pages of the session (they hold personal data) and any stored state.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.route("/account", methods=["GET", "POST"])
@signed_in
def account():
    """One's own name and language."""
    form = ProfileForm(obj=current_user)
    if not form.is_submitted():
        # With none saved, the language the pages are shown in (the browser's), not a fixed Finnish.
        form.language.data = current_user.language or current_language()
    if form.validate_on_submit():
        current_user.name = form.name.data.strip()
        current_user.language = form.language.data
        db.session.commit()
        flash(_("Your details have been saved."), "success")
        return redirect(url_for("accounts.account"))
    return render_template("accounts/account.html", form=form)


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
@password_check_limit
def change_password():
    """Change one's password; other sessions of the user end."""
    form = ChangePasswordForm()
    form.user_email = current_user.email
    if form.validate_on_submit():
        if services.authenticate(current_user.email, form.current.data) is None:
            g.login_failed = True
            form.current.errors.append(_("The current password is incorrect."))
        else:
            services.set_password(current_user, form.new.data, "password_changed")
            db.session.commit()
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/change_password.html", form=form)


@bp.route("/account/sessions", methods=["GET", "POST"])
@signed_in
@password_check_limit
def account_sessions():
    """One's live sessions; the others can be ended, one or all, after the password is typed again."""
    form = EndSessionsForm()
    current = sessions.load_session()
    if form.validate_on_submit():
        which = request.form.get("end", "")
        if services.authenticate(current_user.email, form.current.data) is None:
            g.login_failed = True
            form.current.errors.append(_("The password is incorrect."))
        elif which == "all" or optional_id(which) is not None:
            ended = services.end_other_sessions(current_user, current, None if which == "all" else optional_id(which))
            db.session.commit()
            flash(_("Sessions ended: %(num)s.", num=ended), "success")
            return redirect(url_for("accounts.account_sessions"))
    return render_template("accounts/sessions.html", form=form, current=current,
                           records=sessions.live_sessions(current_user))


@bp.route("/password/forgot", methods=["GET", "POST"])
@public
@limiter.limit("5 per 15 minutes", methods=["POST"])
def forgot_password():
    """Ask for a reset link; the answer is the same whether the address exists or not."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.send_reset_link(form.email.data)
        flash(_("If the address belongs to an account, a link to reset the password "
                "has been sent to it. The link is valid for one hour."), "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form)


def _set_password_with_token(token: str, purpose: str):
    user = tokens.read_token(token, purpose)
    if user is None:
        return render_template("accounts/token_invalid.html", purpose=purpose), 400
    form = SetPasswordForm()
    form.user_email = user.email
    if form.validate_on_submit():
        services.set_password(user, form.new.data, f"password_{purpose}")
        if purpose == "invite":
            services.log_in(user)
        db.session.commit()
        # The link came from the account's mailbox: this browser is the owner's, past the account-wide limit.
        if purpose == "invite":
            flash(_("Welcome! Your password has been set."), "success")
            return devices.remember(redirect(url_for("start.index")), user.email)
        flash(_("Your password has been reset. You can now sign in."), "success")
        return devices.remember(redirect(url_for("accounts.login")), user.email)
    return render_template("accounts/set_password.html", form=form, purpose=purpose, user=user)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@public
def reset_password(token: str):
    """Choose a new password with a link from the reset mail (valid once, for an hour)."""
    return _set_password_with_token(token, "reset")


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token: str):
    """Choose the first password with a link from the invitation mail."""
    return _set_password_with_token(token, "invite")
