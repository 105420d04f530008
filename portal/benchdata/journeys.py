"""Candidates' paths: proposals behind consents, placements with their changes and ledger entries.

Each candidate gets a sequence of spells (a role, and in it a job, an
apprenticeship, or a trial that may be converted into a job), laid back to
back before today. A spell starts from a proposal the employer accepted
(state ``placed``), resting on the candidate's consent for that employer and
recorded as an employer contact, as portal.proposals.services.propose does.
A placement in a role linked to a clause, inside the contract period, has
its ledger entry, as portal.placements.bookkeeping.sync_ledger writes it. A
placement still running takes one of the role's positions, never more than
the role has (``role_occupancy``). The candidate's status follows the path.
"""
from __future__ import annotations

from datetime import timedelta

from portal.benchdata import people
from portal.benchdata.paths import Path, employer_fit, lay_out
from portal.coaching.models import Consent, EmployerContact, StatusChange
from portal.domain import placements as rules
from portal.placements.models import Placement, PlacementChange, RoleOccupancy
from portal.procurements.models import LedgerEntry
from portal.proposals.models import Proposal

OPEN_STATES = (("sent", 30), ("interested", 15), ("interview", 10), ("accepted", 5), ("declined", 30),
               ("withdrawn", 10))


class Journeys:
    """The rows of every path, collected before they are written parent tables first."""

    def __init__(self, region):
        self.region = region
        self.rows = {m: [] for m in (Consent, Proposal, EmployerContact, Placement, PlacementChange, LedgerEntry,
                                     StatusChange)}
        self.next = {m: region.next_id(m) for m in self.rows}
        self.consents: dict[tuple[int, int], int] = {}
        self.pairs: set[tuple[int, int]] = set()
        self.active: dict[int, int] = {}
        self.touched_roles: set[int] = set()
        self.clause_window = {c["id"]: (p["contract_start"], c["deadline"])
                              for c in region.ids["clauses"]
                              for p in [region.ids["procurement_by_id"][c["procurement_id"]]]}

    def clause_for(self, role: tuple, start) -> int | None:
        """The clause a placement starting then counts for: the role's own, else one of its employer's.

        Only a clause of the employer as a supplier, with the start inside the
        contract period (check_clause asks the same); most placements that
        can count are counted.
        """
        if role[4] is not None:
            window = self.clause_window[role[4]]
            if window[0] <= start <= window[1]:
                return role[4]
        if self.region.rng.random() < 0.8:
            for cid, begins, deadline, _buyer in self.region.ids["clauses_of_supplier"].get(role[1], ()):
                if begins <= start <= deadline:
                    return cid
        return None

    def add(self, model, row: dict) -> int:
        """Append a row with the next id of its table; returns the id."""
        row["id"] = self.next[model]
        self.next[model] += 1
        self.rows[model].append(row)
        return row["id"]

    def consent(self, candidate: dict, employer: int, on) -> None:
        """The candidate's consent for the employer, given the day before the first proposal."""
        if (candidate["id"], employer) in self.consents:
            return
        coach = self.region.ids["coaches_of"][candidate["id"]][0]
        given_at = self.region.now - timedelta(days=(self.region.today - on).days + 1)
        self.consents[(candidate["id"], employer)] = self.add(Consent, {
            "candidate_id": candidate["id"], "employer_organisation_id": employer, "scope": "profile",
            "given_at": given_at, "given_by_id": candidate["user_id"] or coach,
            "recorded_by_coach": candidate["user_id"] is None, "withdrawn_at": None, "withdrawn_by_id": None})

    def proposal(self, candidate: dict, role: tuple, on, state: str) -> int:
        """A proposal made on a date (with its consent and employer contact) in a state."""
        rid, org, title = role[0], role[1], role[6]
        self.consent(candidate, org, on)
        coach = self.region.ids["coaches_of"][candidate["id"]][0]
        at = self.region.now - timedelta(days=(self.region.today - on).days)
        answered = at + timedelta(days=3) if state not in ("sent", "withdrawn") else None
        self.pairs.add((candidate["id"], rid))
        self.add(EmployerContact, {"candidate_id": candidate["id"], "contact_on": on,
                                   "note": f"{title} ({self.region.ids['org_name'][org]})", "recorded_by_id": coach,
                                   "created_at": at})
        return self.add(Proposal, {
            "candidate_id": candidate["id"], "role_id": rid, "organisation_id": org,
            "provider_id": candidate["organisation_id"], "coach_id": coach, "state": state,
            "score": round(self.region.rng.uniform(55, 97), 1), "fit": employer_fit(self.region.rng, title),
            "message": "", "decline_reason": "skills" if state == "declined" else None,
            "withdraw_reason": "coach" if state == "withdrawn" else None, "answer_note": "",
            "created_at": at, "updated_at": answered or at, "answered_at": answered})


def build(region) -> None:
    """Lay out every candidate's path, then write candidates and their paths, parents first."""
    region.ids["procurement_by_id"] = {p["id"]: p for p in region.ids["procurements"]}
    j = Journeys(region)
    rng, candidates = region.rng, region.ids["candidates"]
    placeable = [r for r in region.ids["roles"] if r[2] != "draft"]
    counts = [0] * len(candidates)
    for _ in range(region.sizes["placements"]):
        counts[rng.randrange(len(candidates))] += 1
    for candidate, count in zip(candidates, counts, strict=True):
        path = lay_out(rng, region.today, count, placeable, j.active)
        _write_path(j, candidate, path)
    _open_proposals(j, candidates, [r for r in region.ids["roles"] if r[2] == "published"])
    people.write_candidates(region)
    for model, rows in j.rows.items():
        region.writer.write(model, rows)
    region.writer.write(RoleOccupancy, [{"role_id": r[0], "positions": r[3], "active": j.active.get(r[0], 0)}
                                        for r in region.ids["roles"] if r[0] in j.touched_roles])


def _write_path(j: Journeys, candidate: dict, path: Path) -> None:
    region, rng = j.region, j.region.rng
    coach = region.ids["coaches_of"][candidate["id"]][0]
    candidate["intake_on"] = path.intake_on
    steps = [("intake", path.intake_on)]
    for spell in path.spells:
        role = spell.role
        j.touched_roles.add(role[0])
        proposal = j.proposal(candidate, role, spell.placements[0].start - timedelta(days=rng.randint(7, 40)),
                              "placed")
        previous = None
        for p in spell.placements:
            clause = j.clause_for(role, p.start)
            at = region.now - timedelta(days=max(0, (region.today - p.start).days))
            pid = j.add(Placement, {
                "proposal_id": proposal, "candidate_id": candidate["id"], "role_id": role[0],
                "organisation_id": role[1], "provider_id": candidate["organisation_id"], "kind": p.kind,
                "state": p.state, "start_on": p.start, "end_on": p.end, "work_share": p.share,
                "wage_subsidy": p.kind == "job" and rng.random() < 0.3, "clause_id": clause,
                "end_reason": p.end_reason, "previous_id": previous, "reminded_at": None, "created_by_id": coach,
                "created_at": at, "updated_at": at})
            j.add(PlacementChange, {"placement_id": pid, "change": "started", "on": p.start, "reason": None,
                                    "actor_id": coach, "at": at})
            if p.state != "started":
                change = "converted" if p.state == "converted" else "ended"
                on = p.end + timedelta(days=1) if change == "converted" else p.end
                j.add(PlacementChange, {"placement_id": pid, "change": change, "on": on, "reason": p.end_reason,
                                        "actor_id": coach, "at": at})
            if clause is not None:
                j.add(LedgerEntry, {"clause_id": clause, "person_code": candidate["code"], "kind": p.kind,
                                    "start_date": p.start, "end_date": p.end, "work_share": p.share,
                                    "source": "placement", "placement_id": pid, "created_by_id": coach,
                                    "created_at": at})
            steps.append((rules.STATUS_FOR_KIND[p.kind], p.start))
            previous = pid
        last = spell.placements[-1]
        if last.state == "ended" and last.end < region.today:
            steps.append((rules.STATUS_AFTER_END, last.end + timedelta(days=1)))
    if not path.spells:
        status = rng.choices(("intake", "job_search", "education", "rehabilitation", "paused", "exited"),
                             (20, 45, 10, 10, 10, 5))[0]
        if status != "intake":
            steps.append((status, path.intake_on + timedelta(days=rng.randint(0, (region.today - path.intake_on)
                                                                              .days))))
    for status, since in steps:
        j.add(StatusChange, {"candidate_id": candidate["id"], "status": status, "since": since, "note": "",
                             "changed_at": region.now, "changed_by_id": coach})
    candidate["status"], candidate["status_since"] = steps[-1]


def _open_proposals(j: Journeys, candidates: list[dict], published: list[tuple]) -> None:
    """Proposals still waiting for an answer, declined or withdrawn, never twice for one role."""
    region, rng = j.region, j.region.rng
    if not published:
        return
    states, weights = zip(*OPEN_STATES, strict=True)
    for _ in range(region.sizes["open_proposals"]):
        candidate, role = rng.choice(candidates), rng.choice(published)
        if (candidate["id"], role[0]) in j.pairs or candidate["status"] == "exited":
            continue
        start = max(candidate["intake_on"], region.today - timedelta(days=120))
        on = start + timedelta(days=rng.randint(0, max(0, (region.today - start).days)))
        j.proposal(candidate, role, on, rng.choices(states, weights)[0])
