"""Employers: their profile, their adjustable roles and trial placements, and self-registration."""
