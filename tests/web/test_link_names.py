"""The coach's lists name each row's link uniquely: the same candidate in two proposals or placements is told
apart by the role (visually hidden text), so a screen reader's list of links says where each one goes."""
from __future__ import annotations

import re
from datetime import timedelta

from portal import clock
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.conftest import sign_in
from tests.web.test_selfservice_work import _placement


def _link_names(page: str, prefix: str) -> list[str]:
    links = re.findall(rf'<a href="{prefix}\d+">(.*?)</a>', page, flags=re.S)
    return [re.sub(r"<[^>]+>", "", name).strip() for name in links]


def test_the_same_candidate_twice_on_the_coachs_lists_has_two_link_names(client, world, db):
    cid = world.ids["candidate"]
    for title in ("Toimistosiivooja", "Kahvilatyöntekijä"):
        role = make_role(world.orgs["employer"], title=title)
        db.session.add(Proposal(candidate_id=cid, role_id=role.id, organisation_id=world.orgs["employer"].id,
                                provider_id=world.orgs["provider"].id, coach_id=world.users["coach"].id,
                                state="sent", fit={}))
    db.session.commit()
    _placement(world, db, cid, clock.today(), title="Paikka A")
    _placement(world, db, cid, clock.today() - timedelta(days=5), title="Paikka B")
    sign_in(client, world.users["coach"])
    for path, prefix in (("/proposals/?lang=fi", "/proposals/"), ("/placements/?lang=sv", "/placements/")):
        names = _link_names(client.get(path).get_data(as_text=True), prefix)
        assert len(names) >= 2, (path, names)
        assert len(names) == len(set(names)), (path, names)
