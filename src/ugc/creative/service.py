"""Creative use cases: script drafts for the wizard, the catalog, and its previews."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ugc.creative.catalog import build_catalog
from ugc.creative.engines import studio_engines
from ugc.creative.previews import Preview, preview
from ugc.creative.schemas import (
    Catalog,
    ScriptDraft,
    ScriptDraftLine,
    ScriptDraftRequest,
    ScriptDrafts,
)
from ugc.errors import BriefError, FieldError, InvalidRequest, NotFound
from ugc.pipeline.job import Engines
from ugc.pipeline.job_steps import writer_seed
from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.types import Brief, Script
from ugc.providers.errors import NotConfigured
from ugc.runtime import Runtime


def draft_scripts(
    rt: Runtime, session: Session, org_id: str, body: ScriptDraftRequest
) -> ScriptDrafts:
    """Return the writer's drafts of a brief, exactly as a render's script step writes them."""
    from ugc.video.service import with_kit

    brief = with_kit(session, org_id, body.brief, body.brand_kit_id)
    wanted = [body.variant] if body.variant is not None else list(range(body.variants))
    with loaded_brief(rt, session, org_id, brief) as (parsed, engines):
        scripts = [
            engines.writer.write(parsed, i, seed=writer_seed(i, body.attempt)) for i in wanted
        ]
    return ScriptDrafts(variants=[_draft(i, s) for i, s in zip(wanted, scripts, strict=True)])


@contextmanager
def loaded_brief(
    rt: Runtime, session: Session, org_id: str, brief: dict[str, Any]
) -> Iterator[tuple[Brief, Engines]]:
    """Load a brief as its job would (assets fetched, engines chosen), or raise a field error."""
    from ugc.asset.service import get_asset, materialize
    from ugc.video.jobdir import asset_refs, write_brief
    from ugc.video.planning import organization_keys

    loader = studio_engines(rt)
    for ident in asset_refs(brief):
        try:
            get_asset(session, org_id, ident)
        except NotFound as exc:
            raise InvalidRequest(exc.message, [FieldError("brief", exc.message)]) from exc
    with tempfile.TemporaryDirectory(prefix="ugc-draft-") as tmp:

        def fetch(asset_id: str, dest: Path) -> Path:
            found: Path = materialize(session, rt.blobs, org_id, asset_id, dest)
            return found

        path = write_brief(Path(tmp), brief, 1, fetch)
        try:
            loaded = loader(path, organization_keys(rt, org_id, session))
        except BriefError as exc:
            field = "brief" if exc.field == "brief" else f"brief.{exc.field}"
            raise InvalidRequest(f"{field}: {exc.reason}", [FieldError(field, exc.reason)]) from exc
        except NotConfigured as exc:  # the brand kit names a provider with no key
            raise InvalidRequest(f"brief: {exc}", [FieldError("brief", str(exc))]) from exc
        yield loaded


def _draft(variant: int, script: Script) -> ScriptDraft:
    """Return a script as the API shows a draft."""
    lines = [
        ScriptDraftLine.model_validate({"role": ln.role, "text": ln.text, "shot": ln.shot})
        for ln in script.lines
    ]
    return ScriptDraft(variant=variant, format=script.format, hook_id=script.hook_id, lines=lines)


def catalog(rt: Runtime) -> Catalog:
    """Return every choice the studio offers on this server."""
    loader = studio_engines(rt)
    return build_catalog(loader.base().music.moods, loader.voice_choices(), loader.font_families())


def item_preview(rt: Runtime, kind: str, item_id: str) -> Preview:
    """Return a catalog item's preview (made once, then served from the cache)."""
    store = FileArtifactStore(rt.cache_dir / "previews")
    return preview(store, kind, item_id, lambda: studio_engines(rt))
