"""HTTP routes of this domain: /templates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from ugc.auth.principal import Principal
from ugc.http.deps import Db, Require
from ugc.template import service
from ugc.template.schemas import (
    Format,
    RenderIn,
    RenderOut,
    TemplateCreate,
    TemplateOut,
    TemplatePage,
    TemplatePatch,
)

router = APIRouter(prefix="/templates", tags=["templates"])
Reader = Annotated[Principal, Depends(Require("templates:read"))]
Writer = Annotated[Principal, Depends(Require("templates:write"))]


@router.post("", status_code=201, summary="Create a template")
def create_template(body: TemplateCreate, db: Db, caller: Writer) -> TemplateOut:
    """Create an organisation template; the structure may use `{{variable}}` placeholders."""
    return TemplateOut.of(service.create_template(db, caller.org, body))


@router.get("", summary="List or search templates")
def list_templates(
    db: Db,
    caller: Reader,
    q: Annotated[str | None, Query(max_length=200, description="plain words")] = None,
    format: Format | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: str | None = None,
) -> TemplatePage:
    """List system and own templates, newest first, or best match first with `q`."""
    page = service.list_templates(db, caller.org, limit, cursor, q, format)
    return TemplatePage(items=[TemplateOut.of(t) for t in page.items], next_cursor=page.next_cursor)


@router.get("/{template_id}", summary="Get a template")
def get_template(template_id: str, db: Db, caller: Reader) -> TemplateOut:
    """Return a system template or one of the organisation's."""
    return TemplateOut.of(service.get_template(db, caller.org, template_id))


@router.patch("/{template_id}", summary="Change a template")
def update_template(template_id: str, body: TemplatePatch, db: Db, caller: Writer) -> TemplateOut:
    """Change an organisation template; system templates answer 403."""
    return TemplateOut.of(service.update_template(db, caller.org, template_id, body))


@router.delete("/{template_id}", status_code=204, summary="Delete a template")
def delete_template(template_id: str, db: Db, caller: Writer) -> Response:
    """Delete an organisation template; system templates answer 403."""
    service.delete_template(db, caller.org, template_id)
    return Response(status_code=204)


@router.post("/{template_id}/render", summary="Preview the brief a template makes")
def render_template(template_id: str, body: RenderIn, db: Db, caller: Reader) -> RenderOut:
    """Check the variables and return the filled-in brief (nothing is stored)."""
    return RenderOut(brief=service.render_for_org(db, caller.org, template_id, body.variables))
