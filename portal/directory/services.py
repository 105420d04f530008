"""Searching the directory, and providers maintaining their own entries."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal.audit.services import record
from portal.directory.models import FORMS, Service, ServiceForm, ServiceGoal, ServiceTargetGroup
from portal.domain.profile import clean_text, fold
from portal.domain.text_language import content_language
from portal.errors import ServiceError
from portal.extensions import db
from portal.i18n import author_language
from portal.reference.models import ReferenceItem

SORTS = {"name": Service.name_folded, "updated": Service.updated_at, "length": Service.length_weeks}


def search_query(q: str = "", goal: str = "", form: str = "", target_group: str = "", municipality: str = ""):
    """Active services matching the filters (unsorted); words match the folded name or description."""
    stmt = select(Service).where(Service.active.is_(True))
    for word in fold(q).split()[:5]:
        like = f"%{word}%"
        stmt = stmt.where(Service.name_folded.like(like) | Service.description.ilike(like))
    if goal:
        stmt = stmt.where(Service.goals.any(ServiceGoal.code == goal))
    if form:
        stmt = stmt.where(Service.forms.any(ServiceForm.code == form))
    if target_group:
        stmt = stmt.where(Service.target_groups.any(ServiceTargetGroup.code == target_group))
    if municipality:
        stmt = stmt.where((Service.municipality_code == municipality) | Service.municipality_code.is_(None))
    return stmt


def own_query(user):
    """The services of the user's own organisation, active or not."""
    return select(Service).where(Service.organisation_id == user.organisation_id)


def _codes(catalogue: str) -> set[str]:
    return set(db.session.scalars(select(ReferenceItem.code).where(ReferenceItem.catalogue == catalogue)))


def save_service(user, service: Service | None, data: dict) -> Service:
    """Create or update an entry of the user's organisation; a service is described by goal and form."""
    name = clean_text(data.get("name"))
    if not name:
        raise ServiceError(_("Give the name of the service."), "name")
    goals, forms = set(data.get("goals") or []), set(data.get("forms") or [])
    groups = set(data.get("target_groups") or [])
    if not goals:
        raise ServiceError(_("Choose at least one goal: services are found by their goal."), "goals")
    if not forms:
        raise ServiceError(_("Choose at least one form (individual, remote, group)."), "forms")
    if goals - _codes("service_goals") or forms - set(FORMS) or groups - _codes("target_groups"):
        raise ServiceError(_("Choose only from the list."))
    weeks = data.get("length_weeks")
    if weeks is not None and not 1 <= weeks <= 260:
        raise ServiceError(_("The length must be between 1 and 260 weeks."), "length_weeks")
    if data.get("municipality_code") and data["municipality_code"] not in _codes("municipalities"):
        raise ServiceError(_("Choose only from the list."), "municipality_code")
    creating = service is None
    service = service or Service(organisation_id=user.organisation_id)
    service.name, service.name_folded = name[:200], fold(name)[:200]
    service.description = clean_text(data.get("description"))
    service.length_weeks, service.length_note = weeks, clean_text(data.get("length_note"))[:200]
    service.how_to_refer = clean_text(data.get("how_to_refer"))
    service.contact = clean_text(data.get("contact"))[:300]
    service.municipality_code = data.get("municipality_code") or None
    service.language = content_language(data.get("language"), (service.name, service.description,
                                                                service.how_to_refer), author_language())
    service.goals = [ServiceGoal(code=c) for c in sorted(goals)]
    service.forms = [ServiceForm(code=c) for c in sorted(forms)]
    service.target_groups = [ServiceTargetGroup(code=c) for c in sorted(groups)]
    db.session.add(service)
    db.session.flush()
    record("service_created" if creating else "service_updated", "directory_service", service.id,
           organisation_id=user.organisation_id)
    return service


def set_active(user, service: Service, active: bool) -> None:
    """Archive an entry (hidden from search, kept for the modules that used it) or bring it back."""
    service.active = active
    db.session.flush()
    record("service_restored" if active else "service_archived", "directory_service", service.id,
           organisation_id=user.organisation_id)
