"""Accounts, sessions, MFA, API keys and OAuth2 clients."""
