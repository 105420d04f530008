"""Public pages: home, health check, accessibility statement, privacy notice."""
