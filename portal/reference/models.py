"""One table holds every catalogue: adjustments, physical demands, municipalities..."""
from __future__ import annotations

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.versions import watch


class ReferenceItem(db.Model):
    __tablename__ = "reference_item"
    __table_args__ = (UniqueConstraint("catalogue", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue: Mapped[str] = mapped_column(String(40), index=True)
    code: Mapped[str] = mapped_column(String(40))
    label_fi: Mapped[str] = mapped_column(String(200))
    label_sv: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    data: Mapped[dict | None] = mapped_column(JSON)

    def label(self, lang: str) -> str:
        """The label in a language, Finnish when that one is missing."""
        return getattr(self, f"label_{lang}", None) or self.label_fi

    def __repr__(self) -> str:
        return f"<ReferenceItem {self.catalogue}:{self.code}>"


# Cached catalogues (portal.reference.services.choices) follow every committed change of an item.
watch("reference", ReferenceItem)
