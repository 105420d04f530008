"""Every feature's models (portal.features lists them), imported so Alembic and the ORM see all tables."""
import portal.versions  # noqa: F401  (the change counters' table)
from portal.features import MODELS  # noqa: F401
