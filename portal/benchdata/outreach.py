"""Campaigns with their events and pledges, and the providers' services in the directory."""
from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from portal.benchdata import words
from portal.campaigns.content import render
from portal.campaigns.models import Campaign, Pledge
from portal.directory.models import FORMS, Service, ServiceForm, ServiceGoal, ServiceTargetGroup
from portal.domain.campaigns import CTA_KINDS, PLEDGE_KINDS, slugify
from portal.domain.profile import fold
from portal.events.models import Event

THEMES_SV_EN = (
    ("Rekrytera modigt", "Recruit boldly"), ("Arbetsprövning är en låg tröskel", "A work trial is a low threshold"),
    ("Skräddarsytt arbete fungerar", "Tailored work works"),
    ("Med läroavtal in i branschen", "Into the trade as an apprentice"),
    ("Lönesubventionen blir bekant", "Getting to know the wage subsidy"),
)
SERVICES = ("Työnhakuvalmennus", "Työelämätaitojen ryhmä", "Digitaidot työnhakuun", "Yksilövalmennus",
            "Vertaisryhmä", "Työpajajakso", "Suomen kieli työssä", "Sosiaalisen kuntoutuksen ryhmä")


def build(region) -> None:
    """Campaigns, their events and pledges, and directory services."""
    _campaigns(region)
    _events(region)
    _pledges(region)
    _services(region)


def _campaigns(region) -> None:
    rng, admin = region.rng, region.ids["staff"][("admin", region.ids["operator"][0])][0]
    first, rows = region.next_id(Campaign), []
    owners = region.ids["operator"] + region.ids["buyers"]
    for n in range(region.sizes["campaigns"]):
        cid = first + n
        theme = rng.randrange(len(words.CAMPAIGN_THEMES))
        (title_fi, summary), (title_sv, title_en) = words.CAMPAIGN_THEMES[theme], THEMES_SV_EN[theme]
        town = region.labels[("municipalities", rng.choice(region.codes["municipalities"]))]
        status = rng.choices(("published", "draft", "archived"), (70, 15, 15))[0]
        starts = region.today - timedelta(days=rng.randint(-60, 900))
        body = f"## {title_fi}\n\n{summary}\n\n{rng.choice(words.DESCRIPTIONS)}\n\n- {rng.choice(words.TASKS)}"
        rows.append({
            "id": cid, "slug": f"{slugify(title_fi)}-{town[0].lower()}-{cid}"[:80], "status": status,
            "organisation_id": rng.choice(owners), "created_by_id": admin,
            "title_fi": f"{title_fi}: {town[0]}", "title_sv": f"{title_sv}: {town[1]}",
            "title_en": f"{title_en}: {town[2]}", "summary_fi": summary, "summary_sv": title_sv,
            "summary_en": title_en, "body_fi": body, "body_sv": f"## {title_sv}", "body_en": f"## {title_en}",
            "body_html_fi": render(body), "body_html_sv": render(f"## {title_sv}"),
            "body_html_en": render(f"## {title_en}"), "image_id": None, "image_alt_fi": "", "image_alt_sv": "",
            "image_alt_en": "", "starts_on": starts, "ends_on": starts + timedelta(days=rng.randint(30, 365)),
            "cta": rng.choice(CTA_KINDS), "created_at": region.now, "updated_at": region.now,
            "published_at": None if status == "draft" else region.now - timedelta(days=rng.randint(0, 900))})
    region.writer.write(Campaign, rows)
    region.ids["campaigns"] = [(r["id"], r["organisation_id"], r["status"]) for r in rows]


def _events(region) -> None:
    rng, rows = region.rng, []
    admin = region.ids["staff"][("admin", region.ids["operator"][0])][0]
    first = region.next_id(Event)
    for n in range(region.sizes["events"]):
        campaign = rng.choice(region.ids["campaigns"])
        day = region.today + timedelta(days=rng.randint(-365, 180))
        starts = datetime.combine(day, time(rng.choice([9, 10, 13, 14]), 0), UTC)
        town = region.labels[("municipalities", rng.choice(region.codes["municipalities"]))][0]
        rows.append({
            "id": first + n, "campaign_id": campaign[0], "organisation_id": campaign[1], "created_by_id": admin,
            "title_fi": f"Työnantajien aamukahvit, {town}", "title_sv": f"Morgonkaffe för arbetsgivare, {town}",
            "title_en": f"Employers' morning coffee, {town}", "description_fi": rng.choice(words.DESCRIPTIONS),
            "description_sv": "", "description_en": "", "starts_at": starts, "ends_at": starts + timedelta(hours=2),
            "place": f"{town}, kaupungintalo", "online_url": "", "capacity": rng.choice([20, 40, 80, 150]),
            "taken": 0, "published": rng.random() < 0.85, "created_at": region.now, "updated_at": region.now})
    region.writer.write(Event, rows)


def _pledges(region) -> None:
    rng, rows, seen = region.rng, [], set()
    published = [c for c in region.ids["campaigns"] if c[2] != "draft"] or region.ids["campaigns"]
    first = region.next_id(Pledge)
    for _ in range(region.sizes["pledges"]):
        campaign, org, kind = rng.choice(published)[0], rng.choice(region.ids["employers"]), rng.choice(PLEDGE_KINDS)
        if (campaign, org, kind) in seen:
            continue
        seen.add((campaign, org, kind))
        user = region.ids["staff"][("employer", org)][0]
        rows.append({"id": first + len(rows), "campaign_id": campaign, "organisation_id": org,
                     "created_by_id": user, "kind": kind, "text": "Tarjoamme työkokeilupaikan tänä vuonna.",
                     "show_name": rng.random() < 0.5, "created_at": region.now, "kept_at": None, "kept_by": None})
    region.writer.write(Pledge, rows)


def _services(region) -> None:
    rng, codes = region.rng, region.codes
    first, rows = region.next_id(Service), []
    children = {ServiceGoal: [], ServiceForm: [], ServiceTargetGroup: []}
    for n in range(region.sizes["services"]):
        sid = first + n
        name = f"{rng.choice(SERVICES)} {rng.choice(words.COMPANY_STEMS)}"
        rows.append({"id": sid, "organisation_id": rng.choice(region.ids["providers"]), "name": name,
                     "name_folded": fold(name), "description": rng.choice(words.DESCRIPTIONS),
                     "length_weeks": rng.choice([None, 4, 8, 12, 26]), "length_note": "",
                     "how_to_refer": "Työhönvalmentaja tai TE-asiantuntija ohjaa palveluun.",
                     "contact": f"palvelut{sid}@palvelu.example",
                     "municipality_code": rng.choice(codes["municipalities"]), "active": rng.random() < 0.9,
                     "created_at": region.now, "updated_at": region.now})
        for code in rng.sample(codes["service_goals"], rng.randint(1, 2)):
            children[ServiceGoal].append({"service_id": sid, "code": code})
        for code in rng.sample(FORMS, rng.randint(1, 2)):
            children[ServiceForm].append({"service_id": sid, "code": code})
        for code in rng.sample(codes["target_groups"], rng.randint(1, 2)):
            children[ServiceTargetGroup].append({"service_id": sid, "code": code})
    region.writer.write(Service, rows)
    for model, child_rows in children.items():
        region.writer.write(model, child_rows)
