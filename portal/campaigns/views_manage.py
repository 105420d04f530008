"""Editors' pages: write, preview, illustrate, publish and archive campaigns; see the funnel."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal.campaigns import bp, editors, funnel, services
from portal.campaigns.access import editor_required
from portal.campaigns.forms import CTA_LABELS, STATUS_LABELS, CampaignForm, ConfirmForm, EditorForm, ImageForm
from portal.campaigns.models import CampaignEditor
from portal.domain import campaigns as rules
from portal.errors import ServiceError
from portal.extensions import db
from portal.forms_flow import submit
from portal.listing import apply_sort, paginate, sort_choice
from portal.security import get_or_404, roles, signed_in

STATUS_ACTIONS = {rules.PUBLISHED: "publish", rules.ARCHIVED: "archive", rules.DRAFT: "draft"}


@bp.get("/manage/campaigns")
@signed_in
@editor_required
def manage():
    """The editor's campaigns: search, filter by status, sort, paginate."""
    q, status = request.args.get("q", ""), request.args.get("status", "")
    sort = sort_choice(services.SORTS, "-updated")
    stmt = apply_sort(services.manage_query(q, status), services.SORTS, sort, services.Campaign.id)
    return render_template("campaigns/manage.html", page=paginate(stmt), q=q, status=status, sort=sort,
                           statuses=STATUS_LABELS)


@bp.route("/manage/campaigns/new", methods=["GET", "POST"])
@signed_in
@editor_required
def new():
    """Write a new campaign (saved as a draft)."""
    form = CampaignForm()
    saved = submit(form, lambda: services.save_campaign(None, form.data), _("The campaign has been saved as a draft."),
                   lambda item: url_for("campaigns.edit", campaign_id=item.id))
    return saved or render_template("campaigns/form.html", form=form, campaign=None)


@bp.route("/manage/campaigns/<int:campaign_id>", methods=["GET", "POST"])
@signed_in
@editor_required
def edit(campaign_id: int):
    """Edit a campaign's texts, dates and call to action."""
    item = get_or_404(services.managed(campaign_id))
    form = CampaignForm(obj=item)
    saved = submit(form, lambda: services.save_campaign(item, form.data), _("The campaign has been saved."),
                   url_for("campaigns.edit", campaign_id=item.id))
    return saved or render_template("campaigns/form.html", form=form, campaign=item, statuses=STATUS_LABELS,
                                    actions=STATUS_ACTIONS, ctas=CTA_LABELS)


@bp.get("/manage/campaigns/<int:campaign_id>/preview")
@signed_in
@editor_required
def preview(campaign_id: int):
    """The campaign as visitors will see it, whatever its status; nothing is counted."""
    item = get_or_404(services.managed(campaign_id))
    return render_template("campaigns/campaign.html", **services.page_context(item), preview=True)


@bp.route("/manage/campaigns/<int:campaign_id>/image", methods=["GET", "POST"])
@signed_in
@editor_required
def image(campaign_id: int):
    """Upload (or replace) the hero image with its alternative texts."""
    item = get_or_404(services.managed(campaign_id))
    form = ImageForm(alt_fi=item.image_alt_fi, alt_sv=item.image_alt_sv, alt_en=item.image_alt_en)

    def store():
        upload = form.image.data
        return services.set_image(item, upload.read() if upload else b"",
                                  {"fi": form.alt_fi.data, "sv": form.alt_sv.data, "en": form.alt_en.data})

    saved = submit(form, store, _("The image has been saved."), url_for("campaigns.edit", campaign_id=item.id))
    return saved or render_template("campaigns/image.html", form=form, campaign=item)


@bp.route("/manage/campaigns/<int:campaign_id>/status/<action>", methods=["GET", "POST"])
@signed_in
@editor_required
def status(campaign_id: int, action: str):
    """Confirm, then publish, archive or return a campaign to draft."""
    item = get_or_404(services.managed(campaign_id))
    target = {v: k for k, v in STATUS_ACTIONS.items()}.get(action)
    if target is None:
        return redirect(url_for("campaigns.edit", campaign_id=item.id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.change_status(item, target)
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The status is now: %(status)s.", status=STATUS_LABELS[target]), "success")
        return redirect(url_for("campaigns.edit", campaign_id=item.id))
    return render_template("campaigns/confirm_status.html", form=form, campaign=item, action=action,
                           target=target)


@bp.get("/manage/campaigns/<int:campaign_id>/funnel")
@signed_in
@editor_required
def funnel_page(campaign_id: int):
    """The campaign's funnel as a chart with its table."""
    item = get_or_404(services.managed(campaign_id))
    rows = rules.funnel(funnel.counts(item.id))
    return render_template("campaigns/funnel.html", campaign=item, rows=rows)


@bp.route("/manage/editors", methods=["GET", "POST"])
@roles("admin")
def editors_page():
    """Who may write campaigns; grant the permission by email."""
    form = EditorForm()
    saved = submit(form, lambda: editors.grant(form.email.data),
                   _("The user can now edit campaigns, events and stories."), url_for("campaigns.editors_page"))
    return saved or render_template("campaigns/editors.html", form=form, page=paginate(editors.editors_query()))


@bp.route("/manage/editors/<int:editor_id>/revoke", methods=["GET", "POST"])
@roles("admin")
def revoke_editor(editor_id: int):
    """Confirm, then take the permission away."""
    editor = get_or_404(db.select(CampaignEditor).where(CampaignEditor.id == editor_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        editors.revoke(editor)
        db.session.commit()
        flash(_("The permission has been removed."), "success")
        return redirect(url_for("campaigns.editors_page"))
    return render_template("campaigns/confirm_revoke.html", form=form, editor=editor)
