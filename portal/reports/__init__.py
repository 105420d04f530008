"""Outcome reporting: the regional dashboard, its summaries and Excel exports."""
