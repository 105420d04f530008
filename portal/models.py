"""Every feature's models, imported so Alembic and the ORM see all tables."""
import importlib

from portal import feature_packages

for _name in feature_packages("models.py"):
    importlib.import_module(f"portal.{_name}.models")

importlib.import_module("portal.versions")
