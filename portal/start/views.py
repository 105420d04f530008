"""Send a signed-in user to the start page of their role."""
from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import nav
from portal.domain.roles import Role
from portal.security import signed_in
from portal.start import bp

nav.add("start.index", _l("Start page"), tuple(Role), order=1)

# A feature that builds a role's real start page points its role here.
START_ENDPOINTS: dict[str, str] = {}


@bp.get("/start")
@signed_in
def index():
    """The role's own start page, or the general one until a feature provides it."""
    endpoint = START_ENDPOINTS.get(current_user.role)
    if endpoint:
        return redirect(url_for(endpoint))
    return render_template("start/index.html")
