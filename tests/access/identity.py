"""Access rules of employer identity: administrators verify organisations, employers decide requests to join.

The world gets an unverified, self-registered employer (``unverified_org``)
and two requests to join the home employer; the other employer must get 404
for them.
"""
from __future__ import annotations

from portal.extensions import db
from portal.identity.models import JoinRequest
from tests.access import Route
from tests.factories import make_org

ADMIN = ("admin",)
EMPLOYER = ("employer",)


def build(world) -> None:
    world.ids["unverified_org"] = make_org("employer", name="Odottava Oy", verified=False).id
    home = world.orgs["employer"]
    for key, email in (("join_request", "liittyja@home.example"), ("join_request_post", "toinen@home.example")):
        request = JoinRequest(organisation_id=home.id, email=email, name="Liittyjä", organisation_name=home.name)
        db.session.add(request)
        db.session.flush()
        world.ids[key] = request.id


def _org(w):
    return {"org_id": w.ids["unverified_org"]}


ROUTES = [
    Route("identity.unverified", ADMIN),
    Route("identity.verify", ADMIN, params=_org),
    Route("identity.verify", ADMIN, method="POST", params=_org),  # no method chosen: the form again
    Route("identity.reject", ADMIN, params=_org),
    Route("identity.reject", ADMIN, method="POST", params=_org, ok=(302,)),
    Route("identity.join_requests", EMPLOYER),
    Route("identity.join_request", EMPLOYER, params=lambda w: {"request_id": w.ids["join_request"]}, scoped=True),
    Route("identity.join_request", EMPLOYER, method="POST", scoped=True,
          params=lambda w: {"request_id": w.ids["join_request_post"]}, data=lambda w: {"decision": "decline"}),
]
