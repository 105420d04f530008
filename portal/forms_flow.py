"""The flow of a page that saves a form: validate, call the service, commit, flash, redirect.

Views that create or edit a record all did the same eight lines; they now say only what differs
(the action, the words of success, where to go next), and the form page is rendered as before
when the form is not valid or the service refuses (the refusal shown on the form).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import flash, redirect
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from portal.errors import ServiceError, show_refusal
from portal.extensions import db

T = TypeVar("T")


def submit(form: FlaskForm, action: Callable[[], T], done: str | Callable[[T], str],
           then: str | Callable[[T], str]) -> Response | None:
    """The redirect to `then` once the valid form's action is committed, with `done` flashed; else None.

    `done` and `then` are a message and an address, or functions of the action's result that give
    them (a new record's id is known only then). None means: render the form page again; a refused
    action has been rolled back and its messages put on the form's fields.
    """
    if not form.validate_on_submit():
        return None
    try:
        result = action()
    except ServiceError as exc:
        show_refusal(form, exc)
        return None
    db.session.commit()
    flash(done(result) if callable(done) else done, "success")
    return redirect(then(result) if callable(then) else then)
