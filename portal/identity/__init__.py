"""Employer identity: administrators verify self-registered organisations; a known business ID asks to join."""
