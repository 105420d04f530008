"""Organisations, users, employer profiles and candidates of the synthetic region."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import Membership, Organisation, User
from portal.benchdata import words
from portal.coaching.models import (
    Candidate,
    CandidateAdjustment,
    CandidateCoach,
    CandidateLanguage,
    CandidateOccupation,
    CandidateSkill,
    CandidateTargetGroup,
    FunctionalLimit,
)
from portal.domain import profile
from portal.domain.business_id import with_check_digit
from portal.domain.text import fold as fold_words
from portal.employers.models import EmployerLocation, EmployerProfile
from portal.extensions import db


def _business_ids(region, count: int) -> list[str]:
    taken = set(db.session.scalars(select(Organisation.business_id).where(Organisation.business_id.is_not(None))))
    found = []
    while len(found) < count:
        try:
            candidate = with_check_digit(f"{region.rng.randrange(2_000_000, 3_400_000):07d}")
        except ValueError:
            continue
        if candidate not in taken:
            taken.add(candidate)
            found.append(candidate)
    return found


def _ascii(text: str) -> str:
    return fold_words(text).replace(" ", ".")


def organisations(region) -> None:
    """The operator, buyers, providers and employers, each with its users (one password for all)."""
    rng, s = region.rng, region.sizes
    munis = region.codes["municipalities"]
    kinds = ([("operator", None)] + [("buyer", i) for i in range(s["buyers"])]
             + [("provider", i) for i in range(s["providers"])] + [("employer", i) for i in range(s["employers"])])
    first = region.next_id(Organisation)
    business = iter(_business_ids(region, len(kinds)))
    orgs, by_kind = [], {"operator": [], "buyer": [], "provider": [], "employer": []}
    for n, (kind, i) in enumerate(kinds):
        muni = munis[i % len(munis)] if kind == "buyer" else rng.choice(munis)
        town = region.labels[("municipalities", muni)][0]
        name = {"operator": "OTE-portaalin ylläpito (vertailu)",
                "buyer": rng.choice(words.BUYER_NAMES).format(m=words.genitive(town)),
                "provider": rng.choice(words.PROVIDER_NAMES).format(s=rng.choice(words.COMPANY_STEMS)),
                "employer": words.company_name(rng, n)}[kind]
        orgs.append({"id": first + n, "name": f"{name} {first + n}" if kind != "operator" else name, "kind": kind,
                     "business_id": next(business), "municipality_code": muni, "active": True,
                     "created_at": region.now, "verified_at": region.now, "verification_method": "demo_data"})
        by_kind[kind].append(first + n)
    region.writer.write(Organisation, orgs)
    region.ids.update(operator=by_kind["operator"], buyers=by_kind["buyer"], providers=by_kind["provider"],
                      employers=by_kind["employer"], org_municipality={o["id"]: o["municipality_code"] for o in orgs},
                      org_name={o["id"]: o["name"] for o in orgs})
    _staff(region, by_kind)


def _staff(region, by_kind: dict[str, list[int]]) -> None:
    rng, s = region.rng, region.sizes
    people = [("admin", by_kind["operator"][0])]
    people += [("officer", b) for b in by_kind["buyer"] for _ in range(2)]
    people += [("coach", by_kind["provider"][i % len(by_kind["provider"])]) for i in range(s["coaches"])]
    people += [("employer", e) for e in by_kind["employer"]]
    users, members, by_org = [], [], {}
    first_user, first_member = region.next_id(User), region.next_id(Membership)
    for n, (role, org) in enumerate(people):
        uid = first_user + n
        name = words.person_name(rng)
        users.append(_user(region, uid, name, f"{role}.{_ascii(name)}.{uid}@vertailu.example"))
        members.append({"id": first_member + n, "user_id": uid, "organisation_id": org, "role": role,
                        "created_at": region.now})
        by_org.setdefault((role, org), []).append(uid)
    region.writer.write(User, users)
    region.writer.write(Membership, members)
    region.ids["staff"] = by_org
    email = {u["id"]: u["email"] for u in users}
    # The bench signs in as the officer of the first (largest) buyer and the first coach of the first provider.
    region.logins["officer"] = email[by_org[("officer", by_kind["buyer"][0])][0]]
    region.logins["coach"] = email[by_org[("coach", by_kind["provider"][0])][0]]
    region.logins["admin"] = email[by_org[("admin", by_kind["operator"][0])][0]]
    region.logins["employer"] = email[by_org[("employer", by_kind["employer"][0])][0]]


def _user(region, uid: int, name: str, email: str) -> dict:
    return {"id": uid, "email": email.casefold(), "name": name, "password_hash": region.password_hash,
            "language": "sv" if uid % 17 == 0 else "fi", "active": True, "created_at": region.now,
            "password_changed_at": region.now}


def profiles(region) -> None:
    """An employer profile with one to three workplaces for every employer."""
    rng = region.rng
    munis, industries = region.codes["municipalities"], region.codes.get("industries", [None])
    first = region.next_id(EmployerProfile)
    rows, places = [], []
    for n, org in enumerate(region.ids["employers"]):
        pid = first + n
        contact = words.person_name(rng)
        rows.append({"id": pid, "organisation_id": org, "industry_code": rng.choice(industries),
                     "contact_name": contact, "contact_email": f"{_ascii(contact)}@yritys{org}.example",
                     "contact_phone": f"040 {rng.randrange(1_000_000, 9_999_999)}", "website": "",
                     "description": rng.choice(words.DESCRIPTIONS), "inclusion_statement": rng.choice(
                         words.CAMPAIGN_THEMES)[1], "updated_at": region.now})
        home = region.ids["org_municipality"][org]
        for muni in sorted({home, *rng.sample(munis, rng.randint(0, 2))}):
            places.append({"profile_id": pid, "municipality_code": muni})
    region.writer.write(EmployerProfile, rows)
    region.writer.write(EmployerLocation, places)


def candidates(region) -> None:
    """Candidates with their profiles, coaches and (for some) accounts; their paths come from journeys."""
    rng, s, codes = region.rng, region.sizes, region.codes
    taken = set(db.session.scalars(select(Candidate.code)))
    first, first_user = region.next_id(Candidate), region.next_id(User)
    first_member = region.next_id(Membership)
    rows, children, users, members = [], {m: [] for m in _CHILDREN}, [], []
    with_account = set(rng.sample(range(s["candidates"]), min(s["candidate_users"], s["candidates"])))
    for n in range(s["candidates"]):
        cid, provider = first + n, region.ids["providers"][n % len(region.ids["providers"])]
        code = profile.new_code(rng.randrange)
        while code in taken:
            code = profile.new_code(rng.randrange)
        taken.add(code)
        name = words.person_name(rng)
        skills = "\n".join(words.skill_text(rng))
        desired = "\n".join(rng.sample(words.DESIRED_WORK, rng.randint(1, 2)))
        low = rng.choice([None, 10, 15, 20, 25, 30])
        user_id = None
        if n in with_account:
            user_id = first_user + len(users)
            users.append(_user(region, user_id, name, f"asiakas.{_ascii(name)}.{user_id}@vertailu.example"))
            members.append({"id": first_member + len(members), "user_id": user_id, "organisation_id": provider,
                            "role": "candidate", "created_at": region.now})
        rows.append({
            "id": cid, "code": code, "organisation_id": provider, "user_id": user_id, "name": name,
            "email": f"{_ascii(name)}.{cid}@posti.example", "phone": f"050 {rng.randrange(1_000_000, 9_999_999)}",
            "municipality_code": rng.choice(codes["municipalities"]), "education": rng.choice(words.EDUCATION),
            "work_history": rng.choice(words.HISTORY), "skills_text": skills, "skills_folded": profile.fold(skills),
            "desired_work_text": desired, "desired_work_folded": profile.fold(desired), "hours_min": low,
            "hours_max": None if low is None else min(40, low + rng.choice([5, 10, 15])), "limits_note": "",
            "support_intensity": "intensive" if n % 4 == 0 else "light", "peer_coach": "",
            "status": "intake", "status_since": region.today, "intake_on": region.today,
            "next_follow_up": region.today + timedelta(days=rng.randint(-14, 45)),
            "created_at": region.now, "updated_at": region.now, "erased_at": None})
        _profile_children(region, cid, provider, children)
    region.writer.write(User, users)
    region.writer.write(Membership, members)
    region.ids["candidates"] = rows
    region.ids["candidate_children"] = children
    region.ids["coaches_of"] = {}
    for row in children[CandidateCoach]:
        region.ids["coaches_of"].setdefault(row["candidate_id"], []).append(row["user_id"])


_CHILDREN = (CandidateCoach, CandidateSkill, CandidateOccupation, CandidateLanguage, FunctionalLimit,
             CandidateAdjustment, CandidateTargetGroup)


def _profile_children(region, cid: int, provider: int, out: dict) -> None:
    rng, codes = region.rng, region.codes
    coaches = region.ids["staff"][("coach", provider)]
    for uid in rng.sample(coaches, 2 if rng.random() < 0.15 and len(coaches) > 1 else 1):
        out[CandidateCoach].append({"candidate_id": cid, "user_id": uid, "added_at": region.now})
    for code in rng.sample(codes["skills"], rng.randint(1, 4)):
        out[CandidateSkill].append({"candidate_id": cid, "code": code})
    for i, occ in enumerate(rng.sample(codes["occupations"], rng.randint(1, 2))):
        label = region.labels[("occupations", occ)][0]
        out[CandidateOccupation].append({"candidate_id": cid, "position": i, "name": label,
                                         "name_folded": profile.fold(label)})
    out[CandidateLanguage].append({"candidate_id": cid, "code": "fi", "level": "native" if cid % 9 else "good"})
    if cid % 3 == 0:
        out[CandidateLanguage].append({"candidate_id": cid, "code": rng.choice(["en", "sv", "ru", "ar"]),
                                       "level": rng.choice(["basic", "good"])})
    levels = [c for c in codes["demand_levels"] if c != "none"]
    for demand in rng.sample(codes["physical_demands"], rng.randint(0, 2)):
        out[FunctionalLimit].append({"candidate_id": cid, "demand_code": demand, "max_level": rng.choice(levels)})
    for code in rng.sample(codes["adjustments"], rng.randint(0, 3)):
        out[CandidateAdjustment].append({"candidate_id": cid, "code": code})
    for code in rng.sample(codes["target_groups"], rng.randint(1, 2)):
        out[CandidateTargetGroup].append({"candidate_id": cid, "code": code})


def write_candidates(region) -> None:
    """Write the candidates (their status set by their paths) and their profile tables."""
    region.writer.write(Candidate, region.ids["candidates"])
    for model, rows in region.ids.pop("candidate_children").items():
        region.writer.write(model, rows)
