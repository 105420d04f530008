"""Access rules of the service directory: public search; providers' coaches maintain their own entries."""
from __future__ import annotations

from portal.directory.models import Service, ServiceForm, ServiceGoal
from portal.extensions import db
from tests.access import PUBLIC, Route


def build(world) -> None:
    """A directory entry of the home provider."""
    service = Service(organisation_id=world.orgs["provider"].id, name="Työnhakuvalmennus ryhmässä",
                      name_folded="tyonhakuvalmennus ryhmassa", description="Ryhmävalmennus työnhakuun.",
                      length_weeks=8, how_to_refer="Valmentajan lähetteellä.", contact="palvelut@koti.example")
    service.goals = [ServiceGoal(code="job_search")]
    service.forms = [ServiceForm(code="group")]
    db.session.add(service)
    db.session.flush()
    world.ids["service"] = service.id


def _s(w):
    return {"service_id": w.ids["service"]}


ROUTES = [
    Route("directory.search", PUBLIC),
    Route("directory.detail", PUBLIC, params=_s),
    Route("directory.manage", ("coach",)),
    Route("directory.new", ("coach",)),
    Route("directory.new", ("coach",), method="POST"),
    Route("directory.edit", ("coach",), params=_s, scoped=True),
    Route("directory.edit", ("coach",), method="POST", params=_s, scoped=True),
    Route("directory.archive", ("coach",), params=_s, scoped=True),
    Route("directory.archive", ("coach",), method="POST", params=_s, scoped=True, ok=(302,)),
]
