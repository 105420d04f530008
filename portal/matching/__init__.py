"""Matching: the coach's ranked roles for a candidate and ranked candidates for a role, with explanations."""
