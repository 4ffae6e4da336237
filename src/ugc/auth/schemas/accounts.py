"""Request and response bodies of the auth routes (accounts, sessions, MFA)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from ugc.auth.principal import ROLE_PERMISSIONS
from ugc.auth.service.accounts import Profile
from ugc.kit.clock import rfc3339
from ugc.models import User

Secret = Field(min_length=1, max_length=1024)
Code = Field(default=None, min_length=1, max_length=64)


class SignupIn(BaseModel):
    """A new account."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"email": "ada@example.com", "password": "correct horse battery", "name": "Ada"}
            ]
        }
    )

    email: EmailStr = Field(max_length=320)
    password: str = Field(max_length=1024)
    name: str = Field(default="", max_length=200)


class TokenIn(BaseModel):
    """A single-use token from an e-mailed link."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"token": "Zq3x...from-the-link"}]})

    token: str = Field(min_length=1, max_length=200)


class EmailIn(BaseModel):
    """An e-mail address."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"email": "ada@example.com"}]})

    email: str = Field(min_length=1, max_length=320)


class LoginIn(BaseModel):
    """E-mail and password."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"email": "ada@example.com", "password": "correct horse battery"}]
        }
    )

    email: str = Field(min_length=1, max_length=320)
    password: str = Secret


class SecondFactor(BaseModel):
    """Exactly one of a TOTP code or a recovery code."""

    code: str | None = Code
    recovery_code: str | None = Code

    @model_validator(mode="after")
    def _exactly_one(self) -> SecondFactor:
        """Demand one factor, not both."""
        if (self.code is None) == (self.recovery_code is None):
            raise ValueError("send either code or recovery_code")
        return self


class MfaLoginIn(SecondFactor):
    """The second step of a sign-in."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"mfa_token": "eyJhbGciOi...", "code": "492039"},
                {"mfa_token": "eyJhbGciOi...", "recovery_code": "k3f9-2m7q-x8vd-4tcn"},
            ]
        }
    )

    mfa_token: str = Field(min_length=1, max_length=2000)


class MfaDisableIn(SecondFactor):
    """Proof of the second factor, to turn it off."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"code": "492039"}]})


class MfaCodeIn(BaseModel):
    """A TOTP code from the authenticator app."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"code": "492039"}]})

    code: str = Field(min_length=1, max_length=16)


class RefreshIn(BaseModel):
    """A refresh token."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"refresh_token": "p0Vd...x1"}]})

    refresh_token: str = Field(min_length=1, max_length=200)


class ResetIn(BaseModel):
    """A reset token and the new password."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"token": "Zq3x...", "password": "a new long password"}]}
    )

    token: str = Field(min_length=1, max_length=200)
    password: str = Field(max_length=1024)


class TokensOut(BaseModel):
    """A bearer access token and the refresh token that renews it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_token": "eyJhbGciOi...",
                    "token_type": "Bearer",
                    "expires_in": 900,
                    "refresh_token": "p0Vd...x1",
                }
            ]
        }
    )

    access_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    refresh_token: str


class MfaChallengeOut(BaseModel):
    """The password was right; finish with POST /auth/login/mfa."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"mfa_required": True, "mfa_token": "eyJhbGciOi...", "expires_in": 300}]
        }
    )

    mfa_required: Literal[True] = True
    mfa_token: str
    expires_in: int


class AcceptedOut(BaseModel):
    """The request was taken; the outcome arrives by e-mail, if at all."""

    detail: str


class UserOut(BaseModel):
    """An account."""

    id: str
    email: str
    name: str
    email_verified: bool
    mfa_enabled: bool
    created_at: str

    @classmethod
    def of(cls, user: User) -> UserOut:
        """Build from the ORM row."""
        return cls(
            id=user.id,
            email=user.email,
            name=user.name,
            email_verified=user.email_verified_at is not None,
            mfa_enabled=user.mfa_enabled_at is not None,
            created_at=rfc3339(user.created_at) or "",
        )


class MembershipOut(BaseModel):
    """An organisation the user belongs to, and their role in it."""

    organization_id: str
    name: str
    role: str
    permissions: list[str] = Field(description="What the role allows; clients hide the rest.")


class MeOut(UserOut):
    """The signed-in user and their organisations."""

    memberships: list[MembershipOut]

    @classmethod
    def of_profile(cls, found: Profile) -> MeOut:
        """Build from a profile."""
        user = UserOut.of(found.user).model_dump()
        rows = [
            MembershipOut(
                organization_id=m.organization_id,
                name=m.name,
                role=m.role,
                permissions=sorted(ROLE_PERMISSIONS.get(m.role, ())),
            )
            for m in found.memberships
        ]
        return cls(**user, memberships=rows)


class MfaEnrollOut(BaseModel):
    """A new TOTP secret for the authenticator app (MFA is on only after /auth/mfa/verify)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "secret": "JBSWY3DPEHPK3PXP",
                    "otpauth_uri": "otpauth://totp/UGC%20Creator%20Studio:ada%40example.com"
                    "?secret=JBSWY3DPEHPK3PXP&issuer=UGC%20Creator%20Studio",
                }
            ]
        }
    )

    secret: str
    otpauth_uri: str


class RecoveryCodesOut(BaseModel):
    """One-time recovery codes: shown once, keep them somewhere safe."""

    recovery_codes: list[str]
