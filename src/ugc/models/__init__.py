"""ORM tables, one module per aggregate; importing this package registers them all."""

from ugc.models.account import EmailToken, MfaRecoveryCode, RefreshToken, User
from ugc.models.apikey import ApiKey, OAuthClient
from ugc.models.asset import Asset
from ugc.models.audit import AuditEvent
from ugc.models.brand import BrandKit
from ugc.models.idempotency import IdempotencyRecord
from ugc.models.mail import OutboxMail
from ugc.models.org import Invitation, Membership, Organization
from ugc.models.provider_key import ProviderKey
from ugc.models.template import Template
from ugc.models.video import VideoJob, VideoStep
from ugc.models.webhook import WebhookDelivery, WebhookEndpoint

__all__ = [
    "ApiKey",
    "Asset",
    "AuditEvent",
    "BrandKit",
    "EmailToken",
    "IdempotencyRecord",
    "Invitation",
    "Membership",
    "MfaRecoveryCode",
    "OAuthClient",
    "Organization",
    "OutboxMail",
    "ProviderKey",
    "RefreshToken",
    "Template",
    "User",
    "VideoJob",
    "VideoStep",
    "WebhookDelivery",
    "WebhookEndpoint",
]
