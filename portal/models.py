"""Every feature's models, imported so Alembic and the ORM see all tables."""
from portal.accounts.models import Membership, Organisation, User, UserSession  # noqa: F401
from portal.audit.models import AuditEvent  # noqa: F401
from portal.reference.models import ReferenceItem  # noqa: F401
