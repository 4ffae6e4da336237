// Step 4: which aspect ratios to render, how many variants, and (advanced) the seed.
import type { Dispatch } from "react";

import { Input } from "./fields";
import type { Action, WizardState } from "./state";

export const ASPECTS: { id: string; hint: string }[] = [
  { id: "9:16", hint: "TikTok, Reels, Shorts" },
  { id: "1:1", hint: "Square feed posts" },
  { id: "4:5", hint: "Instagram and Facebook feeds" },
  { id: "16:9", hint: "YouTube and the web" },
];

/** Which variants have no reviewed script yet (the studio writes those at render), in words. */
function unreviewed(state: WizardState): string {
  const reviewed = new Set(state.scripts.map((s) => s.variant));
  const count = Number.isInteger(state.variants) ? Math.min(Math.max(state.variants, 0), 10) : 0;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !reviewed.has(i));
  if (!missing.length) return "";
  const one = missing.length === 1;
  const names = missing.map((i) => i + 1).join(", ");
  return `Variant${one ? "" : "s"} ${names} ${one ? "has" : "have"} no reviewed script yet: go back to Scripts to read ${one ? "it" : "them"}, or the studio writes ${one ? "it" : "them"} when it renders.`;
}

export function StepFormats({ state, dispatch }: { state: WizardState; dispatch: Dispatch<Action> }) {
  const { aspects, errors } = state;
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...aspects, id] : aspects.filter((a) => a !== id);
    dispatch({ type: "aspects", aspects: ASPECTS.map((a) => a.id).filter((a) => next.includes(a)) });
  };
  return (
    <div className="stack">
      <fieldset className="inline-choices aspects" aria-describedby={errors.aspects ? "aspects-error" : "aspects-hint"}>
        <legend>Formats</legend>
        <p id="aspects-hint" className="hint">
          Every variant is rendered in each format you pick.
        </p>
        {ASPECTS.map((a) => (
          <label key={a.id} className="choice">
            <input type="checkbox" checked={aspects.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
            {a.id} — {a.hint}
          </label>
        ))}
        {errors.aspects ? (
          <p id="aspects-error" className="field-error">
            {errors.aspects}
          </p>
        ) : null}
      </fieldset>
      <Input
        label="Number of variants"
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        step={1}
        className="narrow"
        value={Number.isNaN(state.variants) ? "" : state.variants}
        error={errors.variants}
        hint="From 1 to 10. Each variant is a different script and cast; more variants, more to test."
        onChange={(e) => dispatch({ type: "variants", variants: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
      />
      <p className="hint" role="status">
        {unreviewed(state)}
      </p>
      <details className="advanced" open={Boolean(errors.seed) || undefined}>
        <summary>Advanced</summary>
        <Input label="Seed" type="number" inputMode="numeric" min={0} step={1} className="narrow" value={state.seed} error={errors.seed} hint="The same seed and choices give the same casting and music; change it for a fresh mix." onChange={(e) => dispatch({ type: "seed", seed: e.target.value })} />
      </details>
    </div>
  );
}
