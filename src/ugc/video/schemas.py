"""Request and response bodies of the video API."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

Aspect = Literal["9:16", "1:1", "4:5", "16:9"]
Status = Literal["queued", "running", "succeeded", "failed", "cancelled"]

_BRIEF_EXAMPLE: JsonDict = {
    "product": {
        "name": "Glow Serum",
        "description": "A vitamin C serum that brightens dull skin in two weeks.",
        "benefits": ["Brighter skin in 14 days", "Fragrance free"],
        "cta": "Shop now",
    },
    "target_seconds": 15,
    "brand": {"logo": "asset:ast_0123456789abcdefghjk"},
}


class VideoCreate(BaseModel):
    """A render request: a brief, or a template with variables, plus brand kit and aspects."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"brief": _BRIEF_EXAMPLE, "aspects": ["9:16", "1:1"], "variants": 2},
                {
                    "template_id": "tpl_sys_testimonial",
                    "variables": {"product_name": "Glow Serum"},
                    "brand_kit_id": "bk_0123456789abcdefghjk",
                },
            ]
        },
    )

    brief: dict[str, Any] | None = Field(
        default=None, description="A brief (see the brief schema); media as 'asset:<id>'."
    )
    template_id: str | None = None
    variables: dict[str, Any] = Field(default_factory=dict)
    options: dict[str, Any] | None = Field(
        default=None,
        description="Creative options (persona, voice, scripts, ...) merged over the brief's own;"
        " lets a template-based render keep its template_id.",
    )
    brand_kit_id: str | None = Field(
        default=None, description="Defaults to the organisation's default kit."
    )
    aspects: list[Aspect] = Field(default=["9:16", "1:1", "4:5", "16:9"], min_length=1)
    variants: int = Field(default=1, ge=1, le=10)
    seed: int = Field(default=7, ge=0, le=2**31 - 1)


class VideoEdit(BaseModel):
    """Edits for a re-render: a new brief (only the steps it affects run again)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"brief": _BRIEF_EXAMPLE}]},
    )

    brief: dict[str, Any]
    aspects: list[Aspect] | None = None


class Quote(BaseModel):
    """What a request will cost before it renders."""

    video_seconds: float
    renders: int
    compute_seconds: float
    credits: int


class StepOut(BaseModel):
    """One step of the job's DAG."""

    name: str
    kind: str
    status: str
    progress: float
    cached: bool
    attempts: int
    seconds: float | None


class ErrorOut(BaseModel):
    """Why a job failed, and whether trying again may help."""

    code: str
    message: str
    retryable: bool


class SignedUrl(BaseModel):
    """A download link and when it stops working."""

    url: str
    expires_at: str


class AspectOut(BaseModel):
    """One rendition: video, captions, thumbnails and QA report."""

    aspect: str
    width: int
    height: int
    duration: float
    qa_passed: bool
    video: SignedUrl
    srt: SignedUrl
    vtt: SignedUrl
    qa_report: SignedUrl
    thumbnails: list[SignedUrl]


class VariantOut(BaseModel):
    """One script variant and its renditions."""

    variant: int
    format: str
    script: SignedUrl
    outputs: list[AspectOut]


class VideoOut(BaseModel):
    """A video job."""

    id: str
    status: Status
    revision: int
    progress: float
    eta_seconds: float | None
    aspects: list[str]
    variants: int
    brief: dict[str, Any] = Field(description="The brief as rendered (brand kit applied).")
    steps: list[StepOut]
    error: ErrorOut | None
    outputs: list[VariantOut] | None
    quote: Quote
    cost: dict[str, Any] | None
    created_at: str
    started_at: str | None
    finished_at: str | None


class VideoSummary(BaseModel):
    """A video job in a list."""

    id: str
    status: Status
    progress: float
    revision: int
    product: str
    aspects: list[str]
    variants: int
    cover: SignedUrl | None = Field(description="The first rendition's best thumbnail, once done.")
    created_at: str
    finished_at: str | None


class VideoPage(BaseModel):
    """A page of video jobs."""

    items: list[VideoSummary]
    next_cursor: str | None
