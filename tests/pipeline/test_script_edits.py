"""Edited scripts: only the edited variant's chain of step keys changes; its draft stays."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ugc.pipeline.codec import script_from_json
from ugc.pipeline.coordinator import Coordinator, SerialExecutor, Step, step_key
from ugc.pipeline.job import Engines, JobSpec, plan
from ugc.pipeline.job_steps import apply_edit, writer_seed
from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.types import (
    Brief,
    Claim,
    FormatOptions,
    Product,
    Script,
    ScriptEdit,
    ScriptLine,
)
from ugc.providers.offline.copywriter import RuleBasedCopywriter
from ugc.providers.offline.espeak_voice import EspeakEngine
from ugc.providers.offline.fonts import resolve_fonts
from ugc.providers.offline.music import SynthMusic

NEW_HOOK = "Wait, you have not tried Glow Serum yet?"
BRIEF = Brief(
    Product(
        "Glow Serum",
        "A vitamin C serum that brightens dull skin.",
        ("Brighter skin in 14 days", "Fragrance free"),
    ),
    target_seconds=15,
)


def _engines(writer: object = None) -> Engines:
    """Offline engines; espeak-ng speaks, because it is fast."""
    voice = EspeakEngine()
    return Engines(
        writer=writer or RuleBasedCopywriter(),  # type: ignore[arg-type]
        voice=voice,
        music=SynthMusic(),
        fonts=resolve_fonts(),
        ffmpeg="ffmpeg",
        ffprobe="ffprobe",
        voices=(voice,),
    )


def _edited(brief: Brief, engines: Engines, variant: int, hook: str) -> Brief:
    """Return the brief with the writer's draft of one variant, its hook re-worded."""
    draft = engines.writer.write(brief, variant, writer_seed(variant))
    lines = (dataclasses.replace(draft.lines[0], text=hook, claims=()), *draft.lines[1:])
    edit = ScriptEdit(variant, tuple(ScriptLine(ln.text, ln.role, ln.shot) for ln in lines))
    return dataclasses.replace(brief, options=FormatOptions(scripts=(edit,)))


def _steps(brief: Brief, engines: Engines, store: FileArtifactStore) -> dict[str, Step]:
    spec = JobSpec(brief, variants=2, aspects=("9:16",))
    return {s.name: s for s in plan(spec, engines, store)}


def _shape(step: Step) -> tuple[object, ...]:
    return step.kind, step.version, step.params, step.deps


def test_an_edit_changes_only_its_variants_script_params(tmp_path: Path) -> None:
    engines, store = _engines(), FileArtifactStore(tmp_path)
    before = _steps(BRIEF, engines, store)
    after = _steps(_edited(BRIEF, engines, 0, NEW_HOOK), engines, store)
    assert before.keys() == after.keys()
    changed = {name for name in before if _shape(before[name]) != _shape(after[name])}
    assert changed == {"script/00"}


def test_editing_variant_0_reruns_its_chain_and_keeps_variant_1_cached(tmp_path: Path) -> None:
    engines, store = _engines(), FileArtifactStore(tmp_path)
    before = _steps(BRIEF, engines, store)
    after = _steps(_edited(BRIEF, engines, 0, NEW_HOOK), engines, store)
    wanted = ("script/00", "fit/00", "script/01", "fit/01")
    first = Coordinator(store, SerialExecutor())
    out0 = first.run([before[n] for n in wanted])
    second = Coordinator(store, SerialExecutor())
    out1 = second.run([after[n] for n in wanted])
    assert {n: r.status for n, r in second.runs.items()} == {
        "script/00": "ran",
        "fit/00": "ran",
        "script/01": "cached",
        "fit/01": "cached",
    }
    assert script_from_json(out1["fit/00"]["script"]).lines[0].text == NEW_HOOK
    # Every later step keys on its params (unchanged, above) and its deps' outputs, so the
    # steps that read fit/01 keep their keys, and those that read fit/00 get new ones.
    for kind in ("music", "motion", "timeline"):
        for v, same in (("00", False), ("01", True)):
            name, dep = f"{kind}/{v}", f"fit/{v}"
            old = step_key(before[name], {dep: out0[dep]})
            new = step_key(after[name], {dep: out1[dep]})
            assert (old == new) is same, name


class Takes:
    """A ScriptWriter like a model: every call writes another take."""

    name, version = "takes", "1"

    def __init__(self) -> None:
        self.calls = 0

    def write(self, brief: Brief, variant: int, seed: int) -> Script:  # noqa: ARG002
        self.calls += 1
        claim = Claim("Brighter skin in 14 days", "product.benefits[0]")
        lines = (
            ScriptLine(f"Take {self.calls}.", "hook"),
            ScriptLine("Brighter skin in 14 days.", "body", "product", (claim,), ("Brighter",)),
            ScriptLine("Shop now!", "cta"),
        )
        return Script(variant, "review", f"hook.take-{self.calls}", lines, brief.language)

    def adjust(self, script: Script, brief: Brief, delta_words: int) -> Script:  # noqa: ARG002
        return script


def test_the_edit_applies_to_the_draft_the_job_already_wrote(tmp_path: Path) -> None:
    writer = Takes()
    engines, store = _engines(writer), FileArtifactStore(tmp_path)
    Coordinator(store, SerialExecutor()).run([_steps(BRIEF, engines, store)["script/00"]])
    edit = ScriptEdit(
        0,
        (
            ScriptLine("My own hook.", "hook"),
            ScriptLine("Brighter skin in 14 days.", "body", "product"),
            ScriptLine("Shop now!", "cta"),
        ),
    )
    brief = dataclasses.replace(BRIEF, options=FormatOptions(scripts=(edit,)))
    out = Coordinator(store, SerialExecutor()).run([_steps(brief, engines, store)["script/00"]])
    script = script_from_json(out["script/00"]["script"])
    assert writer.calls == 1  # the recorded take 1 was edited, not a new take
    assert script.hook_id == "hook.take-1"
    assert [ln.text for ln in script.lines] == [ln.text for ln in edit.lines]
    assert script.lines[1].claims == (Claim("Brighter skin in 14 days", "product.benefits[0]"),)
    assert script.lines[1].emphasis == ("Brighter",)
    assert script.lines[0].claims == ()


def test_an_edit_run_first_records_the_draft_for_later_unedited_runs(tmp_path: Path) -> None:
    writer = Takes()
    engines, store = _engines(writer), FileArtifactStore(tmp_path)
    edit = ScriptEdit(0, (ScriptLine("Mine.", "hook"), ScriptLine("Shop now!", "cta")))
    brief = dataclasses.replace(BRIEF, options=FormatOptions(scripts=(edit,)))
    Coordinator(store, SerialExecutor()).run([_steps(brief, engines, store)["script/00"]])
    again = Coordinator(store, SerialExecutor())
    out = again.run([_steps(BRIEF, engines, store)["script/00"]])
    assert again.runs["script/00"].status == "cached"
    assert script_from_json(out["script/00"]["script"]).hook_id == "hook.take-1"
    assert writer.calls == 1


@pytest.mark.parametrize("attempt", [1, 2])
def test_other_attempts_give_other_drafts(attempt: int) -> None:
    writer = RuleBasedCopywriter()
    first = writer.write(BRIEF, 0, writer_seed(0))
    assert first == writer.write(BRIEF, 0, writer_seed(0, 0))
    assert writer.write(BRIEF, 0, writer_seed(0, attempt)).text != first.text


def test_apply_edit_notes_the_edit_in_the_provenance() -> None:
    from ugc.pipeline.types import Provenance

    draft = Script(0, "review", "h", (ScriptLine("a", "hook"),), provenance=Provenance("llm"))
    edited = apply_edit(draft, ScriptEdit(0, (ScriptLine("b", "hook"),)))
    assert edited.provenance is not None
    assert "script lines edited in the brief" in edited.provenance.notes


def test_fitting_to_length_keeps_lines_a_person_changed() -> None:
    writer = RuleBasedCopywriter()
    draft = writer.write(BRIEF, 0, writer_seed(0))
    body = [i for i, ln in enumerate(draft.lines) if ln.role == "body"]
    assert len(body) >= 2
    mine = "Honestly, my skin has never looked this awake in the morning."
    lines = list(draft.lines)
    lines[body[0]] = ScriptLine(mine, "body")
    edited = apply_edit(draft, ScriptEdit(0, tuple(ScriptLine(x.text, x.role) for x in lines)))
    assert [ln.kept for ln in edited.lines].count(True) == 1

    shorter = writer.adjust(edited, BRIEF, -200)  # shrink as far as the writer can
    plain = writer.adjust(draft, BRIEF, -200)
    assert mine in [ln.text for ln in shorter.lines]
    assert len(shorter.lines) < len(edited.lines)  # other body lines still gave way
    assert len(plain.lines) < len(draft.lines)
    assert script_from_json(dataclasses.asdict(shorter)) == shorter  # `kept` round-trips
