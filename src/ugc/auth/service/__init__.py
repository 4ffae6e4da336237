"""Auth use cases, one module each: accounts, login, sessions, mfa, keys, clients."""
