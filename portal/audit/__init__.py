"""Audit trail: who read or changed what, and when."""
