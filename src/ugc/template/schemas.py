"""Request and response bodies of the template API."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ugc.kit.clock import rfc3339
from ugc.models import Template

# The script formats the copywriters know (pipeline.types.SCRIPT_FORMATS).
Format = Literal["testimonial", "problem-solution", "unboxing", "review", "listicle", "pov"]
MAX_TAGS = 20
_EMPTY_SCHEMA: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
_EXAMPLE: dict[str, Any] = {
    "name": "Spring sale unboxing",
    "description": "Unbox the spring bundle and show the discount code.",
    "format": "unboxing",
    "structure": {
        "product": {
            "name": "{{product}}",
            "description": "The spring bundle: {{product}} plus a free tote.",
            "benefits": "{{benefits}}",
            "offer": "{{discount}}% off with code SPRING",
        },
        "target_seconds": 15,
    },
    "variables": {
        "type": "object",
        "properties": {
            "product": {"type": "string", "minLength": 1, "maxLength": 60},
            "benefits": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "discount": {"type": "integer", "minimum": 5, "maximum": 50, "default": 20},
        },
        "required": ["product", "benefits"],
    },
    "tags": ["sale", "spring"],
}


def clean_tags(tags: list[str]) -> list[str]:
    """Trim tags, drop blanks and case-insensitive duplicates."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in (t.strip() for t in tags):
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("tags", check_fields=False)
    @classmethod
    def _tags(cls, value: list[str] | None) -> list[str] | None:
        """Normalise the tags."""
        return None if value is None else clean_tags(value)


class TemplateCreate(_In):
    """A new organisation template."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)
    format: Format
    structure: dict[str, Any]
    variables: dict[str, Any] = Field(default_factory=lambda: dict(_EMPTY_SCHEMA))
    tags: list[str] = Field(default_factory=list, max_length=MAX_TAGS)

    @field_validator("tags")
    @classmethod
    def _tag_length(cls, value: list[str]) -> list[str]:
        """Keep tags short."""
        if any(len(t) > 40 for t in value):
            raise ValueError("tags are at most 40 characters")
        return value


class TemplatePatch(_In):
    """Changes to an organisation template; omitted fields stay."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"tags": ["sale", "summer"]}]})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    format: Format | None = None
    structure: dict[str, Any] | None = None
    variables: dict[str, Any] | None = None
    tags: list[str] | None = Field(default=None, max_length=MAX_TAGS)


class TemplateOut(BaseModel):
    """A template; `system` ones belong to no organisation and cannot be changed."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [_EXAMPLE | {"id": "tpl_3k9", "system": False}]}
    )

    id: str
    name: str
    description: str
    format: str
    structure: dict[str, Any]
    variables: dict[str, Any]
    tags: list[str]
    system: bool
    created_at: str

    @classmethod
    def of(cls, row: Template) -> TemplateOut:
        """Build the response body of a stored template."""
        return cls(
            id=row.id,
            name=row.name,
            description=row.description,
            format=row.format,
            structure=row.structure,
            variables=row.variables,
            tags=[str(t) for t in row.tags],
            system=row.organization_id is None,
            created_at=rfc3339(row.created_at) or "",
        )


class TemplatePage(BaseModel):
    """One page of templates (ranked by relevance when searching)."""

    items: list[TemplateOut]
    next_cursor: str | None


_RENDER_EXAMPLE: dict[str, Any] = {
    "variables": {
        "product_name": "Glow Serum",
        "description": "A vitamin C serum.",
        "benefits": ["Brighter skin", "No sticky finish"],
    }
}


class RenderIn(BaseModel):
    """Values for a template's variables."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_RENDER_EXAMPLE]})

    variables: dict[str, Any] = Field(default_factory=dict)


class RenderOut(BaseModel):
    """The brief a template makes with these values (a preview; nothing is stored)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "brief": {
                        "product": {
                            "name": "Glow Serum",
                            "description": "A vitamin C serum.",
                            "benefits": ["Brighter skin", "No sticky finish"],
                            "cta": "Shop now",
                        },
                        "target_seconds": 15,
                        "options": {"formats": ["unboxing"], "music_mood": "energetic"},
                    }
                }
            ]
        }
    )

    brief: dict[str, Any]
