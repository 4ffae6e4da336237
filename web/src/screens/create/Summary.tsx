// The choices so far, one row per step, each with an Edit button that goes back to that step.
import type { Dispatch } from "react";

import type { Template } from "./build";
import type { BrandKit, Catalog } from "./calls";
import { STEPS, type Action, type LookKey, type WizardState } from "./state";

const LOOK_NAMES: [LookKey, keyof Catalog, string][] = [
  ["persona", "personas", "Persona"],
  ["setting", "settings", "Setting"],
  ["voice", "voices", "Voice"],
  ["music_mood", "music_moods", "Music"],
  ["caption_style", "caption_styles", "Captions"],
];

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function startText(s: WizardState, template: Template | undefined, kits: BrandKit[]): string {
  const what =
    s.mode === "template"
      ? `Template “${template?.name ?? s.templateId}”`
      : `${s.mode === "url" ? "Imported brief" : "Brief"} for ${s.brief.name || "your product"} (${s.brief.tone || "brand kit's tone"}, ${s.brief.target_seconds} seconds)`;
  const kit = kits.find((k) => k.id === s.brandKitId);
  const media = [s.images.length ? plural(s.images.length, "image") : "", s.music ? "your music" : ""].filter(Boolean);
  return [what, kit ? `brand kit ${kit.name}` : "", media.length ? `with ${media.join(" and ")}` : ""].filter(Boolean).join("; ");
}

function lookText(s: WizardState, catalog: Catalog | null): string {
  const parts = LOOK_NAMES.map(([key, kind, name]) => {
    const items = (catalog?.[kind] ?? []) as { id: string; label: string }[];
    const id = s.look[key];
    return `${name}: ${id ? (items.find((i) => i.id === id)?.label ?? id) : "studio's choice"}`;
  });
  return parts.join("; ");
}

export interface SummaryProps {
  state: WizardState;
  template: Template | undefined;
  kits: BrandKit[];
  catalog: Catalog | null;
  dispatch: Dispatch<Action>;
}

export function Summary({ state, template, kits, catalog, dispatch }: SummaryProps) {
  const scripts = state.scripts.filter((v) => v.variant < state.variants);
  const edited = scripts.filter((v) => v.edited).length;
  const rows: [number, string][] = [
    [0, startText(state, template, kits)],
    [1, `${plural(scripts.length, "script")} reviewed${edited ? `, ${edited} edited` : ""}`],
    [2, lookText(state, catalog)],
    [3, `${state.aspects.join(", ")}; ${plural(state.variants, "variant")}; seed ${state.seed}`],
  ];
  return (
    <section className="card" aria-labelledby="summary-title">
      <h3 id="summary-title">Your choices</h3>
      <dl className="summary">
        {rows.map(([step, text]) => (
          <div key={step} className="summary-row">
            <dt>{STEPS[step]}</dt>
            <dd>{text}</dd>
            <dd className="summary-edit">
              <button type="button" className="link-button edit-link" onClick={() => dispatch({ type: "go", step })}>
                Edit<span className="visually-hidden"> {STEPS[step]?.toLowerCase()}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
