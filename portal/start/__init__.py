"""Each role's start page after signing in."""
