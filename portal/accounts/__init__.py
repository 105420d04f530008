"""Accounts: organisations, users, memberships, sign-in sessions."""
