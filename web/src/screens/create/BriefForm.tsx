// Step 1, from a brief: the product, its benefits and pains, the offer, tone, language and length.
import type { Dispatch } from "react";

import type { Schemas } from "../../api/client";
import { Area, Input, ListEditor, Select } from "./fields";
import type { Action, BriefFields, Seconds } from "./state";

const TONES = ["friendly", "energetic", "calm", "professional", "playful"];
const LENGTHS: Seconds[] = [15, 30, 60];

/** The languages the studio can voice, named in English ("de" -> "German"). */
export function languages(catalog: Schemas["Catalog"] | null): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(["en"], { type: "language" });
  const codes = new Set(["en", ...(catalog?.voices ?? []).map((v) => v.language.split("-")[0]!.toLowerCase())]);
  const name = (c: string) => {
    try {
      return names.of(c) ?? c;
    } catch {
      return c;
    }
  };
  return [...codes].map((c) => ({ value: c, label: `${name(c)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label));
}

interface Props {
  brief: BriefFields;
  errors: Record<string, string>;
  catalog: Schemas["Catalog"] | null;
  dispatch: Dispatch<Action>;
}

export function BriefForm({ brief, errors, catalog, dispatch }: Props) {
  const set = (patch: Partial<BriefFields>) => dispatch({ type: "brief", patch });
  const tones = catalog?.tones.length ? catalog.tones : TONES.map((t) => ({ id: t, label: t[0]!.toUpperCase() + t.slice(1), description: null }));
  return (
    <div className="stack brief-form">
      <Input label="Product name" required value={brief.name} error={errors["product.name"]} hint="Up to 80 characters." onChange={(e) => set({ name: e.target.value })} />
      <Area label="Description" required rows={3} value={brief.description} error={errors["product.description"]} hint="What it is and what it does, up to 600 characters." onChange={(e) => set({ description: e.target.value })} />
      <ListEditor legend="Benefits" item="Benefit" required items={brief.benefits} error={errors["product.benefits"]} itemErrors={(i) => errors[`product.benefits.${i}`]} hint="Best first; up to 8." onChange={(benefits) => set({ benefits })} />
      <ListEditor legend="Pain points" item="Pain point" max={6} items={brief.pain_points} error={errors["product.pain_points"]} itemErrors={(i) => errors[`product.pain_points.${i}`]} hint="Problems it solves (optional, up to 6)." onChange={(pain_points) => set({ pain_points })} />
      <div className="form-grid">
        <Input label="Audience" value={brief.audience} error={errors["product.audience"]} placeholder="e.g. Skincare beginners" onChange={(e) => set({ audience: e.target.value })} />
        <Input label="Offer" value={brief.offer} error={errors["product.offer"]} placeholder="e.g. 20% off your first order" onChange={(e) => set({ offer: e.target.value })} />
        <Input label="Call to action" required value={brief.cta} error={errors["product.cta"]} hint="Up to 40 characters." onChange={(e) => set({ cta: e.target.value })} />
        <Input label="Price" value={brief.price} error={errors["product.price"]} placeholder="e.g. $29" onChange={(e) => set({ price: e.target.value })} />
        <Select label="Tone" value={brief.tone} error={errors.tone} hint={tones.find((t) => t.id === brief.tone)?.description ?? (brief.tone ? undefined : "As set in the brand kit (friendly if it sets none).")} options={[{ value: "", label: "The brand kit's tone" }, ...tones.map((t) => ({ value: t.id, label: t.label }))]} onChange={(e) => set({ tone: e.target.value })} />
        <Select label="Language" value={brief.language} error={errors.language} options={languages(catalog)} onChange={(e) => set({ language: e.target.value })} />
      </div>
      <fieldset className="inline-choices" aria-describedby={errors.target_seconds ? "target-error" : undefined}>
        <legend>Target length</legend>
        {LENGTHS.map((s) => (
          <label key={s} className="choice">
            <input type="radio" name="target_seconds" value={s} checked={brief.target_seconds === s} onChange={() => set({ target_seconds: s })} />
            {s} seconds
          </label>
        ))}
        {errors.target_seconds ? <span id="target-error" className="field-error">{errors.target_seconds}</span> : null}
      </fieldset>
    </div>
  );
}
