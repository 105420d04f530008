"""Benchmark of clause status: 10,000 clauses with 200,000 ledger entries, every status computed.

Two measurements of the same data:
1. the domain alone (portal.domain.obligations.evaluate over in-memory entries);
2. the officer dashboard's path (portal.procurements.figures.buyer_figures): the
   three queries that load procurements, clauses and the ledger from SQLite,
   plus the arithmetic, as the dashboard and the Excel export run them.
Target: every status in under 2 s. Prints wall and CPU times (the machine is
shared: wall time grows with the others' load) and the spread of states.

Run: .venv/bin/python bench/obligations.py [--quick]
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from portal.domain.obligations import CLAUSE_KINDS, ENTRY_KINDS, Clause, Entry, evaluate

AS_OF = date(2026, 11, 28)
TARGET_SECONDS = 2.0
PERSON_KINDS = {"persons", "apprenticeships", "work_trials"}


def dataset(n_clauses: int, entries_each: int, seed: int = 1):
    """Clauses (as dicts) and their entries, the same on every run."""
    rng = random.Random(seed)
    clauses, entries = [], []
    for i in range(n_clauses):
        kind = CLAUSE_KINDS[i % len(CLAUSE_KINDS)]
        start = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        clauses.append({
            "kind": kind, "quantity": rng.randint(2, 40) if kind in PERSON_KINDS else rng.randint(12, 120),
            "period_start": start, "deadline": start + timedelta(days=rng.randint(365, 1100)),
            "min_months": 6 if kind in PERSON_KINDS else None,
            "social_enterprise_share": 0.2 if i % 3 == 0 else None,
        })
        for j in range(entries_each):
            begin = start + timedelta(days=rng.randrange(600))
            end = None if rng.random() < 0.2 else begin + timedelta(days=rng.randint(20, 400))
            entries.append((i, f"P{i}-{j % 12}", ENTRY_KINDS[rng.randrange(4)], begin, end,
                            rng.choice((1.0, 0.5, 0.8))))
    return clauses, entries


def domain_run(clauses, entries) -> tuple[float, Counter]:
    """Seconds to evaluate every clause from in-memory entries."""
    per_clause: dict[int, list[Entry]] = {}
    for i, person, kind, start, end, share in entries:
        per_clause.setdefault(i, []).append(Entry(person, kind, start, end, share))
    domain = [Clause(kind=c["kind"], quantity=float(c["quantity"]), period_start=c["period_start"],
                     deadline=c["deadline"], min_months=float(c["min_months"] or 0),
                     social_enterprise_share=c["social_enterprise_share"]) for c in clauses]
    began, cpu = time.perf_counter(), time.process_time()
    states = Counter(evaluate(c, per_clause.get(i, []), AS_OF).state for i, c in enumerate(domain))
    return time.perf_counter() - began, time.process_time() - cpu, states


def service_run(clauses, entries) -> tuple[float, float, float, int]:
    """Seconds for the dashboard's loading and arithmetic on a SQLite file, and the setup time."""
    from sqlalchemy import insert

    from portal import create_app
    from portal.accounts.models import Organisation
    from portal.config import testing_overrides
    from portal.extensions import db
    from portal.procurements import figures
    from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement

    tmp = tempfile.mkdtemp()
    app = create_app({**testing_overrides(), "DATABASE_URL": f"sqlite:///{tmp}/bench.db"})
    with app.app_context():
        began = time.perf_counter()
        db.create_all()
        buyer = Organisation(name="Bench buyer", kind="buyer")
        supplier = Organisation(name="Bench supplier", kind="employer")
        db.session.add_all([buyer, supplier])
        db.session.flush()
        procurement = Procurement(buyer_id=buyer.id, supplier_id=supplier.id, reference="BENCH", title="Bench",
                                  cpv_code="90910000", contract_start=date(2025, 1, 1),
                                  contract_end=date(2029, 12, 31), status="in_force")
        db.session.add(procurement)
        db.session.flush()
        db.session.execute(insert(EmploymentClause), [{
            "id": i + 1, "procurement_id": procurement.id, "template_code": c["kind"], "kind": c["kind"],
            "quantity": Decimal(c["quantity"]), "deadline": c["deadline"], "target_groups": ["young"],
            "reporting_interval": 3, "min_months": Decimal(c["min_months"]) if c["min_months"] else None,
            "social_enterprise_share": Decimal("0.2") if c["social_enterprise_share"] else None,
            "text_fi": "", "text_sv": "", "text_en": ""} for i, c in enumerate(clauses)])
        db.session.execute(insert(LedgerEntry), [{
            "clause_id": i + 1, "person_code": person, "kind": kind, "start_date": start, "end_date": end,
            "work_share": Decimal(str(share)), "source": "import"} for i, person, kind, start, end, share in entries])
        buyer_id = buyer.id
        db.session.commit()
        setup = time.perf_counter() - began
        db.session.expunge_all()  # a cold session, as a request starts with
        began, cpu = time.perf_counter(), time.process_time()
        result = figures.buyer_figures(buyer_id, figures.Filters(), as_of=AS_OF)
        return time.perf_counter() - began, time.process_time() - cpu, setup, len(result.rows)


def main() -> None:
    """Build the data, time both paths, print the figures."""
    quick = "--quick" in sys.argv
    n_clauses, entries_each = (1_000, 20) if quick else (10_000, 20)
    clauses, entries = dataset(n_clauses, entries_each)
    print(f"obligations: {len(clauses):,} clauses, {len(entries):,} ledger entries, as of {AS_OF}")
    print(f"  (the machine's load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          "wall time suffers when others run, CPU time much less)")
    seconds, cpu, states = domain_run(clauses, entries)
    print(f"  every status, domain (evaluate):          {seconds:6.2f} s wall, {cpu:5.2f} s CPU "
          f"({seconds / len(clauses) * 1e6:.0f} us a clause)")
    print("  states: " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
    verdict = "met" if seconds < TARGET_SECONDS else "MISSED"
    print(f"  target: every status under {TARGET_SECONDS:.0f} s: {verdict}")
    seconds, cpu, setup, rows = service_run(clauses, entries)
    print(f"  dashboard path (3 queries + arithmetic): {seconds:6.2f} s wall, {cpu:5.2f} s CPU for {rows:,} "
          f"clauses from SQLite (writing the data first took {setup:.0f} s)")


if __name__ == "__main__":
    main()
