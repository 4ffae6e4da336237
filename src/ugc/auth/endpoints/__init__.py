"""HTTP routes of the auth domain: accounts and sessions, API keys, OAuth2 clients."""

from __future__ import annotations

from fastapi import APIRouter

from ugc.auth.endpoints.accounts import router as accounts
from ugc.auth.endpoints.credentials import router as credentials

router = APIRouter()
router.include_router(accounts)
router.include_router(credentials)
