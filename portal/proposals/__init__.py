"""Proposals: a coach proposes a candidate to a role, the employer answers, both sides are notified."""
