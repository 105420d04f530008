"""Procurements with their employment clauses, and the employers' roles with their search index."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from portal.benchdata import words
from portal.domain import job_roles as jr
from portal.domain.person_months import add_months
from portal.domain.procurement_rules import ClauseParams
from portal.domain.text import fold
from portal.employers.models import (
    JobRole,
    JobRoleAdjustment,
    JobRoleDemand,
    JobRoleLanguage,
    JobRoleSkill,
    JobRoleTerm,
)
from portal.employers.search_index import add_to_vocabulary, role_terms
from portal.procurements.clause_text import get_template, render
from portal.procurements.models import EmploymentClause, Procurement

TEMPLATE_CODES = ("persons", "person_months", "apprenticeships", "work_trials", "combined")
PERSON_KINDS = {"persons", "apprenticeships", "work_trials"}


def procurements(region) -> None:
    """Procurements of the buyers (the first buyer the largest), each with one to five clauses."""
    rng, s = region.rng, region.sizes
    buyers = region.ids["buyers"]
    weights = [1 / (i + 1) ** 0.5 for i in range(len(buyers))]
    # About two employers in five supply something to a public buyer.
    suppliers = region.ids["employers"][: max(1, len(region.ids["employers"]) * 2 // 5)]
    first = region.next_id(Procurement)
    rows, per_procurement = [], [1] * s["procurements"]
    for _ in range(max(0, s["clauses"] - s["procurements"])):
        per_procurement[rng.randrange(s["procurements"])] += 1
    for n in range(s["procurements"]):
        pid, buyer = first + n, rng.choices(buyers, weights)[0]
        topic, cpv = rng.choice(words.PROCUREMENT_TOPICS)
        start = region.today.replace(day=1) - timedelta(days=rng.randint(-180, 5 * 365))
        start = start.replace(day=1)
        end = add_months(start, rng.choice([24, 36, 48])) - timedelta(days=1)
        planned = start > region.today and rng.random() < 0.3
        status = "planned" if planned else "awarded" if start > region.today else (
            "ended" if end < region.today else "in_force")
        town = region.labels[("municipalities", region.ids["org_municipality"][buyer])][0]
        rows.append({"id": pid, "buyer_id": buyer, "supplier_id": None if planned else rng.choice(suppliers),
                     "reference": f"HANK-{start.year}-{pid:05d}", "title": f"{topic}, {town} {start.year}–{end.year}",
                     "description": f"{topic} {town}: {rng.choice(words.DESCRIPTIONS)}", "cpv_code": cpv,
                     "estimated_value": Decimal(rng.randrange(50, 5000) * 1000), "contract_start": start,
                     "contract_end": end, "status": status, "created_at": region.now, "updated_at": region.now})
    region.writer.write(Procurement, rows)
    region.ids["procurements"] = rows
    _clauses(region, rows, per_procurement)


def _clauses(region, procurements_rows: list[dict], per_procurement: list[int]) -> None:
    rng = region.rng
    first = region.next_id(EmploymentClause)
    group_labels = {c: region.labels[("target_groups", c)] for c in region.codes["target_groups"]}
    rows, by_supplier = [], {}
    for p, count in zip(procurements_rows, per_procurement, strict=True):
        for _ in range(count):
            code = rng.choice(TEMPLATE_CODES)
            template = get_template(code)
            months = max(6, (p["contract_end"] - p["contract_start"]).days // 30)
            deadline = min(p["contract_end"], add_months(p["contract_start"], rng.randint(12, months)))
            persons = template.kind in PERSON_KINDS
            params = ClauseParams(
                kind=template.kind, quantity=rng.randint(2, 20) if persons else rng.randint(12, 120),
                deadline=deadline, reporting_interval=rng.choice([3, 6, 12]),
                min_months=rng.choice([None, 6]) if persons else None,
                social_enterprise_share=0.2 if template.allows_social_enterprise and rng.random() < 0.2 else None,
                sanction_per_month=rng.choice([None, 500, 800, 1200]))
            groups = rng.sample(sorted(group_labels), rng.randint(1, 3))
            texts = render(template, params, {lang: [group_labels[g][i] for g in groups]
                                              for i, lang in enumerate(("fi", "sv", "en"))})
            cid = first + len(rows)
            rows.append({
                "id": cid, "procurement_id": p["id"], "template_code": code, "kind": params.kind,
                "quantity": Decimal(params.quantity), "target_groups": groups,
                "min_months": Decimal(params.min_months) if params.min_months else None,
                "reporting_interval": params.reporting_interval, "deadline": deadline,
                "sanction_per_month": Decimal(params.sanction_per_month) if params.sanction_per_month else None,
                "social_enterprise_share": Decimal("0.200") if params.social_enterprise_share else None,
                "text_fi": texts["fi"], "text_sv": texts["sv"], "text_en": texts["en"],
                "created_at": region.now, "updated_at": region.now})
            if p["supplier_id"] is not None:
                by_supplier.setdefault(p["supplier_id"], []).append(
                    (cid, p["contract_start"], deadline, p["buyer_id"]))
    region.writer.write(EmploymentClause, rows)
    region.ids["clauses_of_supplier"] = by_supplier
    region.ids["clauses"] = rows


def roles(region) -> None:
    """Roles of the employers (suppliers post more), normalised and indexed as the employers' service does."""
    rng, s, codes = region.rng, region.sizes, region.codes
    employers = region.ids["employers"]
    suppliers = region.ids["clauses_of_supplier"]
    weights = [3 if e in suppliers else 1 for e in employers]
    skill_labels = [region.labels[("skills", c)][0] for c in codes["skills"]]
    skill_code = {fold(label): code for code in codes["skills"] for label in region.labels[("skills", code)]}
    levels = [c for c in codes["demand_levels"] if c != "none"]
    first = region.next_id(JobRole)
    out = {m: [] for m in (JobRole, JobRoleSkill, JobRoleDemand, JobRoleAdjustment, JobRoleLanguage, JobRoleTerm)}
    vocabulary: set[str] = set()
    for n in range(s["roles"]):
        rid, org = first + n, rng.choices(employers, weights)[0]
        row = _role_row(region, rid, org)
        out[JobRole].append(row)
        names = _skills(rng, skill_labels)
        for i, (name, essential) in enumerate(names):
            out[JobRoleSkill].append({"role_id": rid, "position": i, "name": name, "name_folded": fold(name)[:100],
                                      "essential": essential, "skill_code": skill_code.get(fold(name))})
        for demand in rng.sample(codes["physical_demands"], rng.randint(0, 3)):
            out[JobRoleDemand].append({"role_id": rid, "demand_code": demand, "level_code": rng.choice(levels)})
        for adjustment in sorted(rng.sample(codes["adjustments"], rng.randint(1, 5))):
            out[JobRoleAdjustment].append({"role_id": rid, "adjustment_code": adjustment})
        for language in ["fi"] + (["en"] if rng.random() < 0.1 else []):
            out[JobRoleLanguage].append({"role_id": rid, "language_code": language})
        labels = [*region.labels[("occupations", row["occupation_code"])],
                  *region.labels[("municipalities", row["municipality_code"])]]
        terms = role_terms([row["title"], row["tasks"], row["description"], "", *labels, *(n for n, _ in names)])
        out[JobRoleTerm] += [{"role_id": rid, "term": t} for t in terms]
        vocabulary.update(terms)
    for model, rows in out.items():
        region.writer.write(model, rows)
    ordered = sorted(vocabulary)
    for start in range(0, len(ordered), 5000):
        add_to_vocabulary(ordered[start:start + 5000])
    region.ids["roles"] = [(r["id"], r["organisation_id"], r["status"], r["positions"], r["clause_id"], r["kind"],
                            r["title"], r["open_until"]) for r in out[JobRole]]


def _role_row(region, rid: int, org: int) -> dict:
    """One role's attributes, drawn in a fixed order so a seed always gives the same region."""
    rng, codes, suppliers = region.rng, region.codes, region.ids["clauses_of_supplier"]
    status = rng.choices(jr.STATES, [15, 55, 15, 15])[0]
    kind = rng.choices(jr.KINDS, [60, 15, 25])[0]
    title = words.role_title(rng)
    tasks = " ".join(rng.sample(words.TASKS, rng.randint(1, 2)))
    muni = region.ids["org_municipality"][org] if rng.random() < 0.8 else rng.choice(codes["municipalities"])
    occupation = rng.choice(codes["occupations"])
    low = rng.choice([8, 10, 15, 20, 25, 30])
    clause = None
    if org in suppliers and rng.random() < 0.6:
        clause = rng.choice(suppliers[org])[0]
    published = None if status == "draft" else region.now - timedelta(minutes=rng.randint(60, 900_000))
    open_until = None
    if status == "published" and rng.random() < 0.5:
        open_until = region.today + timedelta(days=rng.randint(7, 120))
    elif status == "closed":
        open_until = region.today - timedelta(days=rng.randint(1, 400))
    return {
        "id": rid, "organisation_id": org, "status": status, "kind": kind, "title": title, "tasks": tasks,
        "description": rng.choice(words.DESCRIPTIONS), "occupation_code": occupation,
        "municipality_code": muni, "address_area": "", "remote": rng.choices(jr.REMOTE, [70, 25, 5])[0],
        "hours_min": low, "hours_max": min(40, low + rng.choice([5, 10, 15])),
        "schedule": rng.choice(jr.SCHEDULES), "trial_weeks": rng.choice([4, 8, 12]) if kind == "work_trial"
        else None, "positions": rng.choices([1, 2, 3, 5], [70, 18, 8, 4])[0],
        "wage_subsidy_interest": rng.random() < 0.4, "clause_id": clause, "open_until": open_until,
        "created_at": region.now, "updated_at": region.now, "published_at": published}


def _skills(rng, labels: list[str]) -> list[tuple[str, bool]]:
    """One to five skills, most from the catalogue's words, essential first; no repeats."""
    lines = [(rng.choice(labels) if rng.random() < 0.7 else rng.choice(words.SKILL_PHRASES), i < 2)
             for i in range(rng.randint(1, 5))]
    return jr.normalise_skills(lines, fold)
