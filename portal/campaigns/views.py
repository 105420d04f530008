"""Public campaign pages, images, stories and employers' pledges (thin views)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock, nav
from portal.campaigns import bp, funnel, pledges, services, stories
from portal.campaigns.access import is_editor
from portal.campaigns.forms import PLEDGE_LABELS, PledgeForm
from portal.campaigns.images import path_of
from portal.campaigns.presenters import localise
from portal.errors import ServiceError
from portal.extensions import db
from portal.listing import paginate
from portal.security import get_or_404, public, roles

nav.add("campaigns.index", _l("Campaigns"), ("anonymous", "admin", "officer", "employer", "coach", "candidate"),
        order=20)
nav.add("campaigns.my_pledges", _l("Our pledges"), ("employer",), order=60)
nav.add("campaigns.manage", _l("Campaigns and events"), ("admin",), order=85)


@bp.record_once
def _setup(state) -> None:
    state.app.before_request(funnel.remember_from_link)
    state.app.add_template_global(is_editor, "can_edit_campaigns")
    state.app.add_template_global(localise, "localise")


@bp.get("/campaigns")
@public
def index():
    """Running campaigns, newest first."""
    page = paginate(services.current_query(clock.today()), per_page=12)
    return render_template("campaigns/index.html", page=page)


@bp.get("/campaigns/<slug>")
@public
def campaign(slug: str):
    """A published campaign: text, image, call to action, pledges, events and stories."""
    item = get_or_404(services.published(slug))
    funnel.record_view(item)
    db.session.commit()
    return render_template("campaigns/campaign.html", **services.page_context(item), preview=False)


@bp.get("/media/<name>")
@public
def media(name: str):
    """An uploaded image, with its content type; drafts' images only for editors."""
    query = services.any_image(name) if is_editor() else services.public_image(name)
    image = get_or_404(query)
    path = path_of(image.filename)
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=image.content_type, max_age=86400, conditional=True)
    response.headers["Content-Disposition"] = "inline"
    return response


@bp.route("/campaigns/<slug>/pledge", methods=["GET", "POST"])
@roles("employer")
def pledge(slug: str):
    """An employer pledges something concrete through the campaign."""
    item = get_or_404(services.published(slug))
    form = PledgeForm()
    if form.validate_on_submit():
        try:
            pledges.make_pledge(item, current_user, form.data)
        except ServiceError as exc:
            db.session.rollback()
            getattr(form, exc.field or "kind").errors.append(exc.message)
        else:
            db.session.commit()
            flash(_("Thank you! Your pledge has been recorded."), "success")
            return redirect(url_for("campaigns.campaign", slug=item.slug))
    return render_template("campaigns/pledge.html", campaign=item, text=localise(item), form=form)


@bp.get("/pledges")
@roles("employer")
def my_pledges():
    """The employer's own pledges and whether each has been kept."""
    page = paginate(pledges.organisation_pledges_query(current_user.organisation_id))
    return render_template("campaigns/my_pledges.html", page=page, kinds=PLEDGE_LABELS)


@bp.get("/stories")
@public
def story_list():
    """Published success stories."""
    return render_template("campaigns/stories.html", page=paginate(stories.public_query(), per_page=12))


@bp.get("/stories/<int:story_id>")
@public
def story(story_id: int):
    """One published story."""
    item = get_or_404(stories.published_story(story_id))
    return render_template("campaigns/story.html", story=item, text=localise(item))
