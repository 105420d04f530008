"""The audit trail's codes in words: actions, kinds of record, parts of a candidate's data, roles.

Every feature records its own action codes (tests/web/test_audit_log.py finds them in the
sources and fails on one without a label here); an unknown code still shows, as itself.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.i18n import money_filter

ACTION_LABELS = {
    # accounts and administration
    "login": _l("Sign-in"),
    "sessions_ended": _l("Sessions ended"),
    "password_changed": _l("Password changed"),
    "password_reset": _l("Password reset by email link"),
    "password_invite": _l("Invitation accepted and password set"),
    "user_invited": _l("User invited"),
    "role_changed": _l("User's role changed"),
    "user_activated": _l("User account activated"),
    "user_deactivated": _l("User account deactivated"),
    "admin_created_from_command_line": _l("Administrator created from the command line"),
    "organisation_created": _l("Organisation created"),
    "organisation_updated": _l("Organisation updated"),
    "organisation_verified": _l("Organisation verified"),
    "organisation_rejected": _l("Organisation's verification refused"),
    "join_requested": _l("Request to join an organisation"),
    "join_accepted": _l("Request to join accepted"),
    "join_declined": _l("Request to join declined"),
    "employer_signed_up": _l("Employer signed up"),
    "employer_signup_existing_email": _l("Sign-up with an email already in use"),
    "employer_profile_saved": _l("Employer profile saved"),
    # candidates
    "candidate_read": _l("Candidate data read"),
    "candidate_changed": _l("Candidate data changed"),
    "candidate_created": _l("Candidate record created"),
    "candidate_exported": _l("Candidate data downloaded"),
    "candidate_erased": _l("Candidate data erased"),
    "candidate_read_by_employer": _l("Candidate profile read by an employer"),
    "candidates_imported": _l("Candidates imported"),
    "caseload_read": _l("Caseload viewed"),
    "caseload_exported": _l("Caseload downloaded"),
    "consent_given": _l("Consent given"),
    "consent_widened": _l("Consent widened"),
    "consent_narrowed": _l("Consent narrowed"),
    "consent_withdrawn": _l("Consent withdrawn"),
    "team_consent_given": _l("Team consent given"),
    "team_consent_changed": _l("Team consent changed"),
    "team_consent_withdrawn": _l("Team consent withdrawn"),
    "team_member_added": _l("Team member added"),
    "team_member_ended": _l("Team member taken off the team"),
    "team_access_refused": _l("Team member turned away"),
    "org_admin_granted": _l("Audit log access granted"),
    "org_admin_revoked": _l("Audit log access removed"),
    # roles, proposals, placements
    "role_created": _l("Role created"),
    "role_updated": _l("Role updated"),
    "role_publish": _l("Role published"),
    "role_fill": _l("Role marked filled"),
    "role_close": _l("Role closed"),
    "role_unpublish": _l("Role returned to draft"),
    "proposal_made": _l("Candidate proposed"),
    "proposal_answered": _l("Proposal answered"),
    "proposal_withdrawn": _l("Proposal withdrawn"),
    "message_shared_as_asked": _l("Message shared as the candidate asked"),
    "placement_started": _l("Placement started"),
    "placement_ended": _l("Placement ended"),
    "placement_converted": _l("Work trial turned into a job"),
    # procurements and the ledger
    "procurement_created": _l("Procurement created"),
    "procurement_updated": _l("Procurement updated"),
    "procurement_status_changed": _l("Procurement's status changed"),
    "supplier_invited": _l("Supplier invited"),
    "clause_created": _l("Employment clause created"),
    "clause_updated": _l("Employment clause updated"),
    "clause_deleted": _l("Employment clause deleted"),
    "clause_report_exported": _l("Clause report downloaded"),
    "ledger_entry_created": _l("Ledger entry added"),
    "ledger_entry_updated": _l("Ledger entry changed"),
    "ledger_entry_deleted": _l("Ledger entry deleted"),
    "ledger_imported": _l("Ledger imported"),
    "clause_report_submitted": _l("Clause report submitted"),
    "clause_report_resubmitted": _l("Corrected clause report submitted"),
    "clause_report_accepted": _l("Clause report accepted"),
    "clause_report_returned": _l("Clause report returned for correction"),
    "clause_report_reopened": _l("Accepted clause report reopened"),
    "clause_report_reminder_sent": _l("Reminder of a clause report sent"),
    "sanction_decided": _l("Sanction decision made"),
    "sanction_decision_changed": _l("Sanction decision changed"),
    "share_declared": _l("Share declaration made"),
    "share_declaration_corrected": _l("Share declaration corrected"),
    "size_rule_saved": _l("Procurement size rule saved"),
    "tender_plan_scored": _l("Tenderer's employment plan scored"),
    "tender_winner_chosen": _l("Winning tenderer chosen"),
    # campaigns, events, the service directory
    "campaign_created": _l("Campaign created"),
    "campaign_updated": _l("Campaign updated"),
    "campaign_published": _l("Campaign published"),
    "campaign_archived": _l("Campaign archived"),
    "campaign_draft": _l("Campaign returned to draft"),
    "campaign_image_set": _l("Campaign image set"),
    "campaign_image_removed": _l("Campaign image removed"),
    "campaign_editor_granted": _l("Campaign editor added"),
    "campaign_editor_revoked": _l("Campaign editor removed"),
    "story_created": _l("Story created"),
    "story_updated": _l("Story updated"),
    "story_published": _l("Story published"),
    "story_unpublished": _l("Story unpublished"),
    "pledge_made": _l("Pledge made"),
    "pledge_kept": _l("Pledge kept"),
    "event_created": _l("Event created"),
    "event_updated": _l("Event updated"),
    "event_published": _l("Event published"),
    "event_unpublished": _l("Event unpublished"),
    "event_registration": _l("Event sign-up"),
    "event_registration_requested": _l("Event sign-up requested"),
    "event_registration_cancelled": _l("Event sign-up cancelled"),
    "event_registrations_exported": _l("Event sign-ups downloaded"),
    "service_created": _l("Service added to the directory"),
    "service_updated": _l("Service in the directory updated"),
    "service_archived": _l("Service archived"),
    "service_restored": _l("Service restored"),
    # notifications
    "notification_delivery_changed": _l("Notification delivery changed"),
    # this log itself
    "audit_exported": _l("Audit log downloaded"),
}

OBJECT_LABELS = {
    "user": _l("User"),
    "organisation": _l("Organisation"),
    "join_request": _l("Request to join"),
    "candidate": _l("Candidate"),
    "caseload": _l("Caseload list"),
    "job_role": _l("Job role"),
    "proposal": _l("Proposal"),
    "placement": _l("Placement"),
    "procurement": _l("Procurement"),
    "employment_clause": _l("Employment clause"),
    "ledger_entry": _l("Ledger entry"),
    "clause_report": _l("Clause report"),
    "procurement_size_rule": _l("Procurement size rule"),
    "campaign": _l("Campaign"),
    "story": _l("Story"),
    "pledge": _l("Pledge"),
    "event": _l("Event"),
    "directory_service": _l("Service"),
    "audit_log": _l("Audit log"),
}

PART_LABELS = {  # the parts of a candidate's data whose reads and changes are logged (tests/web/test_audit_log.py)
    "record": _l("Candidate record"),
    "profile": _l("Profile"),
    "status": _l("Status"),
    "employer_contacts": _l("Employer contacts"),
    "employer_reads": _l("Who has seen my data"),
    "employer_view": _l("Profile shown to an employer"),
    "proposals": _l("Proposals"),
    "placements": _l("Placements"),
    "assessment": _l("Service-need assessment"),
    "plan": _l("Plan"),
    "plan_print": _l("Plan (print view)"),
    "modules": _l("Coaching modules"),
    "consents": _l("Consents"),
    "team": _l("Coaches and account"),
    "export": _l("Data download"),
    "erasure": _l("Erasure"),
    "path": _l("Coaching path"),
    "steps": _l("Steps before work"),
    "team_members": _l("Team across organisations"),
    "team_consents": _l("Team consents"),
    "team_shared": _l("Parts shared with the team"),
    "team_plan": _l("Plan, as shared with the team"),
    "team_follow_ups": _l("Follow-ups, as shared with the team"),
    "team_work_ability": _l("Work ability, as shared with the team"),
    "team_assessment": _l("Service-need assessment, as shared with the team"),
    "coordination": _l("Coordinator"),
    "referrals": _l("Referrals"),
}

ROLE_LABELS = {
    "admin": _l("Administrator"),
    "officer": _l("Procurement officer"),
    "employer": _l("Employer"),
    "coach": _l("Job coach"),
    "candidate": _l("Candidate"),
    "professional": _l("Team member of another organisation"),
    "peer": _l("Peer coach or expert by experience"),
}


def action_label(code: str) -> str:
    """An action's name in the reader's language (an unknown code as itself)."""
    return str(ACTION_LABELS.get(code, code))


# A sanction decision's change is named in the log by its codes and amounts, never by its free-text reasons.
SANCTION_DECISIONS = {"applied": _l("Applied"), "reduced": _l("Reduced"), "waived": _l("Waived")}


def change_text(detail: dict | None) -> str:
    """What a sanction decision event changed, in words ("Waived 0 € → Applied 6 500 €"), or ""."""
    detail = detail or {}
    if "decision" not in detail or "amount" not in detail:
        return ""

    def one(decision: str, amount: str) -> str:
        return f"{SANCTION_DECISIONS.get(decision, decision)} {money_filter(amount)}"

    now = one(detail["decision"], detail["amount"])
    if "before_decision" in detail:
        return f"{one(detail['before_decision'], detail.get('before_amount', '0'))} → {now}"
    return now
