"""Demo data: a published campaign in three languages with an image, a pledge, a story (its event: events/demo.py)."""
from __future__ import annotations

import io
from datetime import timedelta

from PIL import Image, ImageDraw
from sqlalchemy import select

from portal import clock
from portal.accounts.demo import demo_user
from portal.campaigns import content, images
from portal.campaigns.models import Campaign, CampaignImage, Pledge, Story
from portal.db_types import utcnow
from portal.extensions import db

SLUG = "tyo-joustaa"

TEXTS = {
    "fi": ("Työ joustaa – osaaminen ratkaisee",
           ("Kun työtä sovitetaan, osatyökykyinen tekee sen hyvin. "
            "Kerro, mitä organisaatiosi voi tarjota."),
           ("## Miksi mukaan?\n\nMonella osatyökykyisellä on **osaamista**, jota työelämä tarvitsee. "
            "Kun työaikaa, tehtäviä tai paikkaa sovitetaan, työ sujuu.\n\n- Tarjoa työkokeilu\n"
            "- Julkaise joustava tehtävä\n- Tule aamukahville tapaamaan työhönvalmentajia")),
    "sv": ("Arbetet är flexibelt – kunnandet avgör",
           ("När arbetet anpassas gör en person med partiell "
            "arbetsförmåga det bra. Berätta vad din organisation kan erbjuda."),
           ("## Varför delta?\n\nMånga personer med partiell arbetsförmåga har **kunnande** som arbetslivet "
            "behöver.\n\n- Erbjud en arbetsprövning\n- Publicera en anpassningsbar tjänst")),
    "en": ("Work that adapts – skills that count",
           ("When work is adjusted, a person with partial work ability "
            "does it well. Tell us what your organisation can offer."),
           ("## Why join?\n\nMany people with partial work ability have **skills** that working life needs.\n\n"
            "- Offer a work trial\n- Post an adjustable role")),
}
ALT = {"fi": "Sininen kuvitus, jossa lukee Työ joustaa", "sv": "Blå illustration med texten Arbetet är flexibelt",
       "en": "Blue illustration with the words Work that adapts"}


def _image() -> CampaignImage:
    """A generated hero picture, stored the same way uploads are."""
    picture = Image.new("RGB", (1200, 500), (7, 55, 99))
    draw = ImageDraw.Draw(picture)
    for n in range(12):
        draw.ellipse((80 * n, 300 - 15 * n, 80 * n + 160, 460 - 15 * n), outline=(255, 191, 71), width=6)
    draw.text((60, 60), "OTE – Työ joustaa", fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    encoded = images.reencode(buffer.getvalue())
    image = CampaignImage(filename=images.store(encoded), content_type=encoded.content_type,
                          width=encoded.width, height=encoded.height, size_bytes=len(encoded.data))
    db.session.add(image)
    return image


def seed() -> str:
    """Create the demo campaign with its pledge and story unless it exists."""
    if db.session.scalar(select(Campaign.id).where(Campaign.slug == SLUG)):
        return "0 created"
    admin = demo_user("admin")
    org_id = admin.organisation_id  # the portal operator runs the demo campaign
    campaign = Campaign(slug=SLUG, status="published", organisation_id=org_id, created_by_id=admin.id,
                        starts_on=clock.today() - timedelta(days=7), ends_on=clock.today() + timedelta(days=90),
                        cta="pledge", published_at=utcnow(), image=_image())
    for lang, (title, summary, body) in TEXTS.items():
        setattr(campaign, f"title_{lang}", title)
        setattr(campaign, f"summary_{lang}", summary)
        setattr(campaign, f"body_{lang}", body)
        setattr(campaign, f"body_html_{lang}", content.render(body))
        setattr(campaign, f"image_alt_{lang}", ALT[lang])
    db.session.add(campaign)
    db.session.flush()
    employer = demo_user("employer")
    db.session.add(Pledge(campaign_id=campaign.id, organisation_id=employer.organisation_id,
                          created_by_id=employer.id, kind="work_trial", show_name=True,
                          text="Tarjoamme työkokeilun varastossamme tänä keväänä."))
    body = ("Mika aloitti **työkokeilulla** varastossa. Työaikaa sovitettiin, "
            "ja puolen vuoden jälkeen hän sai työsopimuksen.")
    db.session.add(Story(campaign_id=campaign.id, organisation_id=org_id, status="published",
                         title_fi="Työkokeilusta työsopimukseen", title_en="From a work trial to a contract",
                         body_fi=body, body_html_fi=content.render(body),
                         body_en="Mika started with a **work trial**.", body_html_en=content.render(
                             "Mika started with a **work trial**."),
                         shown_name="Mika, 34", consent_given_on=clock.today() - timedelta(days=30),
                         consent_method="written", consent_reference="DEMO-1", consent_recorded_at=utcnow(),
                         consent_recorded_by_id=admin.id, published_at=utcnow()))
    db.session.flush()
    return "1 campaign, 1 pledge, 1 story created"

