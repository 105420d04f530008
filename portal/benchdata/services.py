"""Generate a synthetic region in bulk: organisations, people, roles, procurements, placements, campaigns.

At scale 1: 50,000 candidates, 5,000 employers, 20,000 roles, 2,000
procurements with 5,000 clauses, 200,000 placements with their ledger
entries, 1,000 campaigns. Every row is what the features' own services
would have written (folded texts, the role search index, pseudonymous codes,
consents behind proposals, the positions a role's running placements hold);
only the way of writing differs: whole tables at a time through
portal.benchdata.writer. The same scale and seed give the same region.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select, text

from portal.clock import today
from portal.db_types import utcnow
from portal.extensions import db

# Sizes at scale 1; a scale multiplies each (never below MINIMUM).
SIZES = {
    "buyers": 12, "providers": 40, "coaches": 500, "employers": 5_000, "candidates": 50_000,
    "candidate_users": 5_000, "roles": 20_000, "procurements": 2_000, "clauses": 5_000, "placements": 200_000,
    "open_proposals": 20_000, "campaigns": 1_000, "events": 400, "pledges": 2_000, "services": 300,
}
MINIMUM = {"buyers": 2, "providers": 2, "coaches": 2, "employers": 4, "candidates": 8, "roles": 8,
           "procurements": 2, "clauses": 2, "placements": 8}
DEFAULT_PASSWORD = "Vertailu-Salasana-2026"


def sizes(scale: float) -> dict[str, int]:
    """The number of each thing at a scale (fractions allowed: 0.02 makes a small region for tests)."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    return {k: max(MINIMUM.get(k, 1), round(v * scale)) for k, v in SIZES.items()}


@dataclass
class Region:
    """What the generators share while they build: sizes, randomness, catalogues and the ids made so far."""

    writer: object
    sizes: dict[str, int]
    rng: random.Random
    today: date
    now: datetime
    password_hash: str
    codes: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)
    ids: dict[str, list] = field(default_factory=dict)
    logins: dict[str, object] = field(default_factory=dict)

    def next_id(self, model) -> int:
        """The first free id of the model's table."""
        return self.writer.next_id(model)


def _catalogues(region: Region) -> None:
    from portal.reference.models import ReferenceItem

    for item in db.session.scalars(select(ReferenceItem).where(ReferenceItem.active.is_(True))
                                   .order_by(ReferenceItem.catalogue, ReferenceItem.sort_order, ReferenceItem.id)):
        labels = (item.label_fi, item.label_sv, item.label_en)
        if item.catalogue == "occupations":
            # The region's roles and candidates name the work found first for the portal's people: the
            # unit groups with common job titles, by those titles, as an employer or a coach types them.
            alt = (item.data or {}).get("alt") or {}
            if not alt:
                continue
            langs = ("fi", "sv", "en")
            labels = tuple((alt.get(lang) or [label])[0] for lang, label in zip(langs, labels, strict=True))
        region.codes.setdefault(item.catalogue, []).append(item.code)
        region.labels[(item.catalogue, item.code)] = labels


def generate(scale: float = 1.0, seed: int = 2026, password: str = DEFAULT_PASSWORD, progress=None) -> Region:
    """Fill the database with a region of this scale in one transaction; the caller commits."""
    from portal.accounts.passwords import hash_password
    from portal.benchdata import journeys, outreach, people, work
    from portal.benchdata.writer import Writer
    from portal.reference.services import load_reference

    say = progress or (lambda message: None)
    load_reference()
    db.session.flush()
    region = Region(writer=Writer(db.session), sizes=sizes(scale), rng=random.Random(seed),
                    today=today(), now=utcnow(), password_hash=hash_password(password))
    region.logins["password"] = password
    _catalogues(region)
    steps = [("organisations and users", people.organisations), ("employer profiles", people.profiles),
             ("procurements and clauses", work.procurements), ("roles and their search index", work.roles),
             ("candidates", people.candidates), ("proposals, consents, placements, ledger", journeys.build),
             ("campaigns, events, services", outreach.build)]
    for label, step in steps:
        started = time.perf_counter()
        step(region)
        db.session.flush()
        say(f"{label}: {time.perf_counter() - started:.1f} s")
    region.writer.reset_sequences([mapper.class_ for mapper in db.Model.registry.mappers])
    return region


def analyse() -> None:
    """Refresh the planner's statistics after a bulk load (autovacuum would, a minute later)."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        db.session.execute(text("ANALYZE"))
        db.session.commit()


def targets(region: Region, limit: int = 200) -> dict:
    """What a load test needs: the sign-ins and sample ids each signed-in page may be asked for."""
    buyer, provider = region.ids["buyers"][0], region.ids["providers"][0]
    coach = region.ids["staff"][("coach", provider)][0]
    procurements = {p["id"] for p in region.ids["procurements"] if p["buyer_id"] == buyer}
    open_roles = [r[0] for r in region.ids["roles"]
                  if r[2] == "published" and (r[7] is None or r[7] >= region.today)]
    return {
        "logins": {k: v for k, v in region.logins.items() if k != "password"},
        "password": region.logins["password"],
        "role_ids": open_roles[:limit],
        "clause_ids": [c["id"] for c in region.ids["clauses"] if c["procurement_id"] in procurements][:limit],
        "candidate_ids": [c["id"] for c in region.ids["candidates"]
                          if coach in region.ids["coaches_of"][c["id"]] and c["status"] != "exited"][:limit],
    }
