"""Templates: create, list and search, read, change, delete, and render one into a brief."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from ugc.brief.schema import AssetsIn, BrandIn, BriefIn, OptionsIn, ProductIn
from ugc.errors import FieldError, Forbidden, InvalidRequest
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.models import Template
from ugc.template.repository import TemplateRepository
from ugc.template.schemas import TemplateCreate, TemplatePatch
from ugc.template.search import decode_cursor, encode_cursor, searcher
from ugc.template.variables import check_schema, check_values, placeholders, substitute

MAX_STRUCTURE_BYTES = 64_000
_SECTIONS: dict[str, type[BaseModel]] = {
    "product": ProductIn,
    "brand": BrandIn,
    "assets": AssetsIn,
    "options": OptionsIn,
}
_SCALARS = tuple(k for k in BriefIn.model_fields if k not in _SECTIONS)  # tone, language, ...


def create_template(session: Session, organization_id: str, body: TemplateCreate) -> Template:
    """Validate and store an organisation template."""
    _check(body.structure, body.variables)
    row = Template(
        id=new_id("tpl"),
        name=body.name,
        description=body.description,
        format=body.format,
        structure=body.structure,
        variables=body.variables,
        tags=body.tags,
    )
    return TemplateRepository(session, organization_id).add(row)


def list_templates(
    session: Session,
    organization_id: str,
    limit: int,
    cursor: str | None = None,
    query: str | None = None,
    fmt: str | None = None,
) -> Page[Template]:
    """List system and own templates, newest first; with a query, best match first."""
    repo = TemplateRepository(session, organization_id)
    if query and query.strip():
        ids = searcher(session).search(session, organization_id, query, limit + 1, cursor, fmt)
        nxt = encode_cursor(decode_cursor(cursor) + limit) if len(ids) > limit else None
        return Page(repo.by_ids(ids[:limit]), nxt)
    select = repo.select()
    if fmt is not None:
        select = select.where(Template.format == fmt)
    return paginate(session, select, Template.created_at, Template.id, limit, cursor)


def get_template(session: Session, organization_id: str, template_id: str) -> Template:
    """Return a system template or one of the organisation's, or raise NotFound."""
    return TemplateRepository(session, organization_id).get(template_id)


def update_template(
    session: Session, organization_id: str, template_id: str, patch: TemplatePatch
) -> Template:
    """Change an organisation template (system templates are read-only)."""
    row = _own(session, organization_id, template_id)
    changes = patch.model_dump(exclude_unset=True)
    nulls = [FieldError(k, "must not be null") for k, v in changes.items() if v is None]
    if nulls:
        raise InvalidRequest("invalid template", nulls)
    _check(changes.get("structure", row.structure), changes.get("variables", row.variables))
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    return row


def delete_template(session: Session, organization_id: str, template_id: str) -> None:
    """Delete an organisation template (system templates are read-only)."""
    TemplateRepository(session, organization_id).delete(_own(session, organization_id, template_id))


def render_for_org(
    session: Session, organization_id: str, template_id: str, variables: Mapping[str, Any]
) -> dict[str, Any]:
    """Render a visible template with these values into a brief dict."""
    return render_template(get_template(session, organization_id, template_id), variables)


def render_template(
    template: Template | Mapping[str, Any], variables: Mapping[str, Any]
) -> dict[str, Any]:
    """Check values against the template's variables and fill its structure with them."""
    t = template if isinstance(template, Mapping) else _as_dict(template)
    values, errors = check_values(t["variables"], variables)
    if errors:
        raise InvalidRequest("the variables do not fit this template", errors)
    brief: dict[str, Any] = substitute(t["structure"], values)
    options = brief.get("options")
    if options is None:
        options = brief["options"] = {}
    if isinstance(options, dict) and "formats" not in options:
        options["formats"] = [t["format"]]
    return brief


def _as_dict(row: Template) -> dict[str, Any]:
    """Read the fields rendering needs from a row."""
    return {"structure": row.structure, "variables": row.variables, "format": row.format}


def _own(session: Session, organization_id: str, template_id: str) -> Template:
    """Return a template the organisation may change, or raise NotFound / Forbidden."""
    row = get_template(session, organization_id, template_id)
    if row.organization_id is None:
        raise Forbidden("system templates cannot be changed; create your own from it instead")
    return row


def _check(structure: Mapping[str, Any], variables: Mapping[str, Any]) -> None:
    """Raise InvalidRequest naming every problem in a structure and its variable schema."""
    errors = check_schema(variables)
    errors += _check_structure(structure)
    declared = variables.get("properties", {}) if isinstance(variables, Mapping) else {}
    for name in sorted(placeholders(structure)):
        if not isinstance(declared, Mapping) or name not in declared:
            errors.append(FieldError("structure", f"uses {{{{{name}}}}}, not a declared variable"))
    if errors:
        raise InvalidRequest("invalid template", errors)


def _check_structure(structure: Mapping[str, Any]) -> list[FieldError]:
    """Check that a structure is a partial brief: known sections and fields, a sane size."""
    if len(json.dumps(structure)) > MAX_STRUCTURE_BYTES:
        return [FieldError("structure", f"must be under {MAX_STRUCTURE_BYTES} bytes as JSON")]
    errors: list[FieldError] = []
    for key, value in structure.items():
        model = _SECTIONS.get(key)
        if model is None:
            if key not in _SCALARS:
                errors.append(FieldError(f"structure.{key}", "is not a field of a brief"))
            continue
        if not isinstance(value, Mapping):
            errors.append(FieldError(f"structure.{key}", "must be an object"))
            continue
        errors += [
            FieldError(f"structure.{key}.{k}", "is not a field of a brief")
            for k in value
            if k not in model.model_fields
        ]
    return errors
