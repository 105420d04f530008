"""Administration: organisations, users, roles."""
