"""Quality of matching on a judged set: NDCG@5, precision@1 and top-3 results judged 0, per language.

Reads a set in the format `matching-judgements/1` (bench/matching_judged.yaml, issue 14), builds a
throwaway SQLite database with the reference data (as `flask seed reference` loads it), saves every role
through the employers' own service (`save_role`, published) and every candidate through the coaches'
(`create_candidate`), and ranks each candidate's roles with the code of the coach's matches page
(`portal.matching.services.ranked_roles`: the kept open roles, the hard constraints, the engine).

The employer's typed occupation is picked from the occupations catalogue as the role form's list would
offer it: the group whose label or alternative label is the text typed (none when nothing is).
Candidates are grouped by the first language they speak (the language they and their coach type in).

Measures, over the roles that pass the hard constraints (the constraints are not what is measured):
  NDCG@5       gain 2^grade - 1, ideal order from the judged grades of the eligible roles; a candidate with
               no eligible judged role is left out of NDCG;
  precision@1  the first role is judged 2 or 3;
  top-3 judged 0  roles in the first three places judged 0 (or not judged).
The last line is `overall: NDCG@5 0.93, precision@1 0.90, top-3 judged 0: 0`.

Run: .venv/bin/python bench/matching_quality.py --set bench/matching_judged.yaml [--show]
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import yaml

from bench.role_search import build_app  # a fresh app with the schema and the reference data

TOP = 5


def occupation_code(typed: str) -> str | None:
    """The unit group whose label or alternative label is the typed text, as the form's list offers it."""
    from portal.domain.text import fold
    from portal.reference.concepts import concepts

    wanted = fold(typed)
    for code, concept in concepts()["occupations"].items():
        if concept.level == 4 and any(fold(label) == wanted for label in concept.all_labels()):
            return code
    return None


def save_set(doc: dict) -> tuple[dict[str, int], dict[str, int]]:
    """Save the set's roles and candidates through the portal's services; key -> id for each."""
    from portal.clock import today
    from portal.coaching.candidates import create_candidate
    from portal.employers.services import save_role
    from portal.extensions import db
    from tests.factories import make_org, make_user

    employer = make_org("employer", name="Judged set employer")
    provider = make_org("provider", name="Judged set coaching")
    coach = make_user("coach", provider)
    roles = {}
    for r in doc["roles"]:
        raw = {"kind": "job", "title": r["title"], "occupation_code": occupation_code(r.get("occupation") or ""),
               "municipality_code": r.get("municipality"), "remote": r.get("remote") or "none",
               "hours_min": r["hours"][0], "hours_max": r["hours"][1],
               "tasks": r["title"], "description": r["title"],
               "essential_skills": "\n".join(r.get("essential_skills") or ()),
               "negotiable_skills": "\n".join(r.get("negotiable_skills") or ()),
               "demands": dict(r.get("demands") or {}), "adjustments": list(r.get("adjustments_offered") or ()),
               "languages": list(r.get("languages_required") or ())}
        roles[r["key"]] = save_role(employer, None, raw, publish=True).id
    people = {}
    for c in doc["candidates"]:
        data = {"municipality_code": c.get("municipality"), "hours_min": c["hours"][0], "hours_max": c["hours"][1],
                "languages": {code: "native" if i == 0 else "good" for i, code in enumerate(c.get("languages") or ())},
                "skills_text": "\n".join(c.get("skills") or ()),
                "desired_work_text": "\n".join(c.get("desired_work") or ()),
                "limits": dict(c.get("limits") or {}), "adjustments": list(c.get("adjustments_needed") or ())}
        people[c["key"]] = create_candidate(coach, data, today()).id
    db.session.commit()
    return roles, people


def ranked(candidate_id: int) -> list[int]:
    """The role ids of the candidate's matches page, best first (the first page)."""
    from portal.coaching.models import Candidate
    from portal.extensions import db
    from portal.matching.services import Filters, ranked_roles

    page = ranked_roles(db.session.get(Candidate, candidate_id), Filters())
    return [match.role_id for match, _info in page.items]


def eligible(candidate_id: int) -> set[int]:
    """Every role id that passes the candidate's hard constraints (relevant or not: the ideal order of NDCG
    holds every judged role the constraints let through, so a role the relevance floor drops still counts
    against the engine)."""
    from portal.clock import today
    from portal.coaching.models import Candidate
    from portal.domain.matching_arrays import score_matrix
    from portal.matching import candidate_profiles, open_roles

    kept = open_roles.open_roles(today())
    ref = kept.reference("fi")
    person, _ = candidate_profiles.candidates([Candidate.id == candidate_id], ref)
    options = ref.options(False)
    roles = kept.select(kept.reach(person[0], options), ref)
    passing, _scores, _relevant = score_matrix(person, roles, options)
    return {role.id for role, ok in zip(roles, passing[0], strict=True) if ok}


def dcg(grades: list[int]) -> float:
    """Discounted cumulative gain of grades in ranked order."""
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def measure(doc: dict, roles: dict[str, int], people: dict[str, int], show: bool, digits: int = 2) -> list[str]:
    """Lines of the report: per language, then overall."""
    key_of = {v: k for k, v in roles.items()}
    stats: dict[str, dict[str, list]] = defaultdict(lambda: {"ndcg": [], "p1": [], "zero": []})
    for c in doc["candidates"]:
        judged = {k: int(v) for k, v in (doc["judgements"].get(c["key"]) or {}).items()}
        order = [key_of[i] for i in ranked(people[c["key"]])]
        passing = {key_of[i] for i in eligible(people[c["key"]])}
        grades = [judged.get(k, 0) for k in order]
        ideal = dcg(sorted((g for k, g in judged.items() if k in passing), reverse=True)[:TOP])
        lang = (c.get("languages") or ["fi"])[0]
        for group in (lang, "overall"):
            if ideal:
                stats[group]["ndcg"].append(dcg(grades[:TOP]) / ideal)
            stats[group]["p1"].append(bool(grades) and grades[0] >= 2)
            stats[group]["zero"].append(sum(g == 0 for g in grades[:3]))
        if show:
            print(f"{c['key']}: " + ", ".join(f"{k}={g}" for k, g in zip(order[:TOP], grades, strict=False)))
    lines = []
    for group in sorted(g for g in stats if g != "overall") + ["overall"]:
        s = stats[group]
        ndcg = sum(s["ndcg"]) / len(s["ndcg"]) if s["ndcg"] else 0.0
        label = f"{group} ({len(s['p1'])} candidates)" if group != "overall" else "overall"
        lines.append(f"{label}: NDCG@5 {ndcg:.{digits}f}, precision@1 {sum(s['p1']) / len(s['p1']):.{digits}f}, "
                     f"top-3 judged 0: {sum(s['zero'])}")
    return lines


def main() -> None:
    """Build, rank, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", required=True, help="a judged set (format matching-judgements/1)")
    parser.add_argument("--show", action="store_true", help="print each candidate's first five roles")
    parser.add_argument("--digits", type=int, default=2, help="decimals of the figures (2: the format above)")
    opts = parser.parse_args()
    with open(opts.set, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if doc.get("format") != "matching-judgements/1":
        raise SystemExit("not a matching-judgements/1 set")
    app = build_app(f"sqlite:///{tempfile.mkdtemp(prefix='matching-quality-')}/bench.db")
    with app.app_context(), app.test_request_context("/?lang=fi"):
        roles, people = save_set(doc)
        print(f"{len(people)} candidates, {len(roles)} roles, "
              f"{sum(len(j or {}) for j in doc['judgements'].values())} judgements")
        for line in measure(doc, roles, people, opts.show, opts.digits):
            print(line)


if __name__ == "__main__":
    main()
