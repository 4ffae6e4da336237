"""Creative use cases: script drafts for the wizard, the catalog, and its previews."""

from __future__ import annotations

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
from ugc.pipeline.job_steps import writer_seed
from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.types import Script
from ugc.runtime import Runtime


def draft_scripts(
    rt: Runtime, session: Session, org_id: str, body: ScriptDraftRequest
) -> ScriptDrafts:
    """Return the writer's drafts of a brief, exactly as a render's script step writes them."""
    from ugc.video.service import loaded_brief, with_kit

    brief = with_kit(session, org_id, body.brief, body.brand_kit_id)
    wanted = [body.variant] if body.variant is not None else list(range(body.variants))
    with loaded_brief(rt, session, org_id, brief, studio_engines(rt)) as (parsed, engines):
        scripts = [
            engines.writer.write(parsed, i, seed=writer_seed(i, body.attempt)) for i in wanted
        ]
    return ScriptDrafts(variants=[_draft(i, s) for i, s in zip(wanted, scripts, strict=True)])


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
