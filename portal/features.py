"""The portal's features, named once: create_app registers their blueprints, Alembic and the ORM see
their tables, and `flask seed demo` loads their demo data, all from the lists below.

A new feature is added here by hand (tests/web/test_features.py fails while one is missing), so what
the portal serves can be read in one place and every import is a plain one.
"""
from __future__ import annotations

import portal.accounts.demo
import portal.accounts.models
import portal.audit.models
import portal.campaigns.demo
import portal.campaigns.models
import portal.clause_reports.models
import portal.coaching.demo
import portal.coaching.models
import portal.coordination.demo
import portal.coordination.models
import portal.directory.demo
import portal.directory.models
import portal.employers.demo
import portal.employers.models
import portal.events.demo
import portal.events.models
import portal.identity.models
import portal.imports.models
import portal.matching.demo
import portal.notifications.models
import portal.placements.models
import portal.procurements.demo
import portal.procurements.models
import portal.proposals.models
import portal.reference.models
import portal.reports.demo
import portal.reports.models
import portal.team.demo
import portal.team.models
from portal import (
    accounts,
    admin,
    audit,
    campaigns,
    clause_reports,
    coaching,
    coordination,
    directory,
    employers,
    events,
    guidance,
    identity,
    imports,
    jobs,
    matching,
    notifications,
    placements,
    procurements,
    proposals,
    public,
    reports,
    selfservice,
    start,
    suppliers,
    team,
)

# Every package with pages; each one's `bp` (its __init__.py) is registered in this order.
FEATURES = (accounts, admin, audit, campaigns, clause_reports, coaching, coordination, directory, employers, events,
            guidance, identity, imports, jobs, matching, notifications, placements, procurements, proposals, public,
            reports, selfservice, start, suppliers, team)

# Every module that declares tables.
MODELS = (portal.accounts.models, portal.audit.models, portal.campaigns.models, portal.clause_reports.models,
          portal.coaching.models, portal.coordination.models, portal.directory.models, portal.employers.models,
          portal.events.models, portal.identity.models, portal.imports.models, portal.notifications.models,
          portal.placements.models, portal.procurements.models, portal.proposals.models,
          portal.reference.models, portal.reports.models, portal.team.models)

# Demo data in the order it is loaded: each one's seed() builds on the data of those before it.
DEMOS = (
    portal.accounts.demo,  # the organisations and users everything else builds on
    portal.procurements.demo,  # clauses, before the employers' roles that count towards them
    portal.employers.demo,  # before features that propose candidates to roles
    portal.directory.demo,  # before coaching, whose demo modules come from these services
    portal.coaching.demo,
    portal.team.demo,  # the demo candidate's team, after coaching makes her record
    portal.coordination.demo,  # a coordinator and a referral of the demo candidate
    portal.campaigns.demo,
    portal.events.demo,  # the demo campaign's event, so right after campaigns
    portal.matching.demo,  # after procurements, employers and coaching, whose data it matches
    portal.reports.demo,  # after every feature that makes candidates, placements or clauses
)


def blueprints() -> list:
    """Each feature's blueprint, in the order of FEATURES."""
    return [feature.bp for feature in FEATURES]
