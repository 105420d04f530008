"""Demo coordination: Kaisa's coordinator (the demo coach) and a referral with the assessment's answer (idempotent)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.accounts.demo import demo_user
from portal.coaching.models import Candidate
from portal.coordination.models import Coordinator, Referral
from portal.extensions import db


def seed() -> str:
    """Name the demo coach coordinator of Kaisa's job-search phase and add an answered referral."""
    coach, user = demo_user("coach"), demo_user("candidate")
    kaisa = db.session.scalar(select(Candidate).where(Candidate.user_id == user.id))
    if kaisa is None or db.session.scalar(select(Coordinator.id).where(Coordinator.candidate_id == kaisa.id)):
        return "0 coordinators named"
    today = clock.today()
    db.session.add_all([
        Coordinator(candidate_id=kaisa.id, user_id=coach.id, phase="assessment", start_on=kaisa.intake_on,
                    end_on=kaisa.intake_on + timedelta(days=12), recorded_by_id=coach.id),
        Coordinator(candidate_id=kaisa.id, user_id=coach.id, phase="job_search",
                    start_on=kaisa.intake_on + timedelta(days=12), recorded_by_id=coach.id,
                    note="Työkyvyn arvio valmis; seuraavaksi työkokeilu kaupassa."),
        Referral(candidate_id=kaisa.id, kind="work_ability_assessment",
                 reason="Selvitettävä, jaksaako Kaisa 4–6 tunnin työpäiviä seisomatyössä ja millaisia nostoja "
                        "kaupan työssä voi tehdä.",
                 receiving_name="Pirkanmaan hyvinvointialue, työkyvyn arviointi",
                 sent_on=kaisa.intake_on + timedelta(days=8), state="completed",
                 answered_on=kaisa.intake_on + timedelta(days=30), answer_on_behalf=True, answered_by_id=coach.id,
                 answer_text="Sopii osa-aikaiseen kaupan työhön: 4–6 tunnin päivät, kevyet nostot, tauko tunnin "
                             "välein.", created_by_id=coach.id),
        Referral(candidate_id=kaisa.id, kind="workshop_assessment",
                 reason="Työkokeilua ennen halutaan nähdä, miten hyllytys ja kassatyö sujuvat työpajalla.",
                 receiving_name="Tampereen työpaja", sent_on=today - timedelta(days=3), state="sent",
                 created_by_id=coach.id),
    ])
    db.session.flush()
    return "2 coordinators named, 2 referrals"
