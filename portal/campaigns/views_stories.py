"""Editors' pages for success stories: write, record consent, publish, take down."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from portal.campaigns import bp, services, stories
from portal.campaigns.access import editor_required
from portal.campaigns.forms import CONSENT_LABELS, STATUS_LABELS, ConfirmForm, StoryForm
from portal.errors import ServiceError
from portal.extensions import db
from portal.forms_flow import submit
from portal.listing import apply_sort, paginate, sort_choice
from portal.security import get_or_404, signed_in


def _form(story=None) -> StoryForm:
    form = StoryForm(obj=story)
    form.campaign_id.choices = services.campaign_choices()
    return form


@bp.get("/manage/stories")
@signed_in
@editor_required
def manage_stories():
    """The editor's stories, sortable and paginated."""
    sort = sort_choice(stories.SORTS, "-updated")
    stmt = apply_sort(stories.manage_query(), stories.SORTS, sort, stories.Story.id)
    return render_template("campaigns/manage_stories.html", page=paginate(stmt), sort=sort,
                           statuses=STATUS_LABELS)


@bp.route("/manage/stories/new", methods=["GET", "POST"])
@signed_in
@editor_required
def new_story():
    """Write a story (a draft until published with consent)."""
    form = _form()
    saved = submit(form, lambda: stories.save_story(None, form.data), _("The story has been saved as a draft."),
                   lambda item: url_for("campaigns.edit_story", story_id=item.id))
    return saved or render_template("campaigns/story_form.html", form=form, story=None)


@bp.route("/manage/stories/<int:story_id>", methods=["GET", "POST"])
@signed_in
@editor_required
def edit_story(story_id: int):
    """Edit a story and its consent record."""
    item = get_or_404(stories.managed(story_id))
    form = _form(item)
    was_published = item.status == "published"
    saved = submit(form, lambda: stories.save_story(item, form.data), _("The story has been saved."),
                   url_for("campaigns.edit_story", story_id=item.id))
    if saved and was_published and item.status != "published":
        flash(_("The story has been taken off the site."), "warning")
    return saved or render_template("campaigns/story_form.html", form=form, story=item, statuses=STATUS_LABELS,
                                    methods=CONSENT_LABELS)


@bp.route("/manage/stories/<int:story_id>/publish", methods=["GET", "POST"])
@signed_in
@editor_required
def publish_story(story_id: int):
    """Confirm, then publish a story or take it down."""
    item = get_or_404(stories.managed(story_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            stories.unpublish(item) if item.status == "published" else stories.publish(item)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The story is now: %(status)s.", status=STATUS_LABELS[item.status]), "success")
        return redirect(url_for("campaigns.edit_story", story_id=item.id))
    return render_template("campaigns/confirm_story.html", form=form, story=item)
