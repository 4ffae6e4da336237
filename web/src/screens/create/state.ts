// The wizard's whole state in one reducer, so going back to a step never loses what was typed.
import type { Schemas } from "../../api/client";
import { scriptsKey } from "./build";

export const STEPS = ["Start", "Scripts", "Look & sound", "Formats", "Quote", "Render"] as const;
export const LAST_STEP = STEPS.length - 1;

export type Mode = "brief" | "template" | "url";
export type Seconds = 15 | 30 | 60;
export type LookKey = "persona" | "setting" | "voice" | "music_mood" | "caption_style";
export type VarValue = string | string[] | boolean;
export type Draft = Schemas["ScriptDraft"];
export type Line = Draft["lines"][number];

export interface BriefFields {
  name: string;
  description: string;
  benefits: string[];
  pain_points: string[];
  audience: string;
  offer: string;
  cta: string;
  price: string;
  tone: string;
  language: string;
  target_seconds: Seconds;
}

export interface MediaRef {
  id: string;
  name: string;
}

/** One variant's script as shown in step 2: the draft, which take it is, and whether it was edited. */
export interface VariantScript extends Draft {
  attempt: number;
  edited: boolean;
}

export interface WizardState {
  step: number;
  mode: Mode;
  brief: BriefFields;
  templateId: string;
  variables: Record<string, VarValue>;
  /** The template whose defaults `variables` holds (so a preselected template fills them once). */
  variablesFor: string;
  /** The brief the template rendered into, and the values it was rendered with. */
  templateBrief: Record<string, unknown> | null;
  templateBriefFor: string;
  importUrl: string;
  importedFrom: string;
  brandKitId: string;
  images: MediaRef[];
  music: MediaRef | null;
  scripts: VariantScript[];
  /** What the scripts were drafted from; a different brief makes them stale. */
  scriptsFor: string;
  look: Record<LookKey, string>;
  aspects: string[];
  variants: number;
  seed: string;
  errors: Record<string, string>;
  alert: string | null;
  /** One key per submission: a double click or a retry after a lost answer reuses it. */
  idempotencyKey: string;
}

export const EMPTY_BRIEF: BriefFields = {
  name: "",
  description: "",
  benefits: [""],
  pain_points: [],
  audience: "",
  offer: "",
  cta: "Shop now",
  price: "",
  tone: "", // empty: the brand kit's tone applies
  language: "en",
  target_seconds: 30,
};

export function initialState(templateId: string | null): WizardState {
  return {
    step: 0,
    mode: templateId ? "template" : "brief",
    brief: EMPTY_BRIEF,
    templateId: templateId ?? "",
    variables: {},
    variablesFor: "",
    templateBrief: null,
    templateBriefFor: "",
    importUrl: "",
    importedFrom: "",
    brandKitId: "",
    images: [],
    music: null,
    scripts: [],
    scriptsFor: "",
    look: { persona: "", setting: "", voice: "", music_mood: "", caption_style: "" },
    aspects: ["9:16"],
    variants: 3,
    seed: "7",
    errors: {},
    alert: null,
    idempotencyKey: crypto.randomUUID(),
  };
}

export type Action =
  | { type: "go"; step: number }
  | { type: "mode"; mode: Mode }
  | { type: "brief"; patch: Partial<BriefFields> }
  | { type: "template"; id: string; defaults: Record<string, VarValue> }
  | { type: "variable"; name: string; value: VarValue }
  | { type: "templateBrief"; brief: Record<string, unknown>; for: string }
  | { type: "importUrl"; url: string }
  | { type: "imported"; brief: BriefFields; images: MediaRef[]; from: string }
  | { type: "kit"; id: string }
  | { type: "images"; images: MediaRef[] }
  | { type: "music"; music: MediaRef | null }
  /** `key`: the scripts key the drafts were asked for; drafts for another brief are dropped. */
  | { type: "drafts"; drafts: Draft[]; for: string; key: string; merge: boolean }
  | { type: "redraft"; draft: Draft; attempt: number; key: string }
  | { type: "keepScripts" }
  | { type: "reset"; state: WizardState }
  | { type: "line"; variant: number; index: number; text: string }
  | { type: "look"; key: LookKey; value: string }
  | { type: "aspects"; aspects: string[] }
  | { type: "variants"; variants: number }
  | { type: "seed"; seed: string }
  | { type: "errors"; errors: Record<string, string>; alert: string | null; step?: number }
  | { type: "alert"; alert: string | null }
  | { type: "newKey" };

/** Drop the errors of fields that were just changed. */
function without(errors: Record<string, string>, keys: string[]): Record<string, string> {
  if (!Object.keys(errors).length) return errors;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    if (!keys.some((key) => k === key || k.startsWith(`${key}.`))) out[k] = v;
  }
  return out;
}

function briefKeys(patch: Partial<BriefFields>): string[] {
  const top = new Set(["tone", "language", "target_seconds"]);
  return Object.keys(patch).map((k) => (top.has(k) ? k : `product.${k}`));
}

function mergeDrafts(state: WizardState, drafts: Draft[], merge: boolean): VariantScript[] {
  const kept = merge ? state.scripts : [];
  const byVariant = new Map(kept.map((s) => [s.variant, s]));
  for (const d of drafts) {
    if (!byVariant.has(d.variant)) byVariant.set(d.variant, { ...d, attempt: 0, edited: false });
  }
  return [...byVariant.values()].sort((a, b) => a.variant - b.variant);
}

function editLine(scripts: VariantScript[], variant: number, index: number, text: string): VariantScript[] {
  return scripts.map((s) =>
    s.variant !== variant
      ? s
      : { ...s, edited: true, lines: s.lines.map((l, i) => (i === index ? { ...l, text } : l)) },
  );
}

/** Apply an action; once the last field error is fixed, the alert that listed them goes too. */
export function reducer(state: WizardState, action: Action): WizardState {
  const next = apply(state, action);
  const fixed = Object.keys(state.errors).length > 0 && Object.keys(next.errors).length === 0;
  return fixed && next.alert === state.alert && action.type !== "errors" ? { ...next, alert: null } : next;
}

function apply(state: WizardState, action: Action): WizardState {
  switch (action.type) {
    case "go":
      return { ...state, step: action.step, alert: null };
    case "mode":
      return { ...state, mode: action.mode, alert: null };
    case "brief":
      return { ...state, brief: { ...state.brief, ...action.patch }, errors: without(state.errors, briefKeys(action.patch)) };
    case "template":
      return { ...state, templateId: action.id, variables: action.defaults, variablesFor: action.id, templateBrief: null, errors: without(state.errors, ["variables", "template_id"]) };
    case "variable":
      return { ...state, variables: { ...state.variables, [action.name]: action.value }, errors: without(state.errors, [`variables.${action.name}`]) };
    case "templateBrief":
      return { ...state, templateBrief: action.brief, templateBriefFor: action.for };
    case "importUrl":
      return { ...state, importUrl: action.url, errors: without(state.errors, ["url"]) };
    case "imported":
      return { ...state, brief: action.brief, images: action.images, importedFrom: action.from, errors: {} };
    case "kit":
      return { ...state, brandKitId: action.id, errors: without(state.errors, ["brand"]) };
    case "images":
      return { ...state, images: action.images, errors: without(state.errors, ["assets"]) };
    case "music":
      return { ...state, music: action.music, errors: without(state.errors, ["assets"]) };
    case "drafts":
      // A late answer for an earlier brief would make the ad speak the old product's script.
      if (action.key !== scriptsKey(state)) return state;
      return { ...state, scripts: mergeDrafts(state, action.drafts, action.merge), scriptsFor: action.for, errors: without(state.errors, ["scripts"]) };
    case "redraft": {
      if (action.key !== scriptsKey(state)) return state;
      const next = { ...action.draft, attempt: action.attempt, edited: false };
      const scripts = state.scripts.map((s) => (s.variant === next.variant ? next : s));
      return { ...state, scripts, errors: without(state.errors, [`scripts.${next.variant}`]) };
    }
    case "keepScripts":
      return { ...state, scriptsFor: scriptsKey(state), errors: without(state.errors, ["scripts"]) };
    case "reset":
      return action.state;
    case "line":
      return { ...state, scripts: editLine(state.scripts, action.variant, action.index, action.text), errors: without(state.errors, [`scripts.${action.variant}.${action.index}`]) };
    case "look":
      return { ...state, look: { ...state.look, [action.key]: action.value }, errors: without(state.errors, [action.key]) };
    case "aspects":
      return { ...state, aspects: action.aspects, errors: without(state.errors, ["aspects"]) };
    case "variants":
      return { ...state, variants: action.variants, errors: without(state.errors, ["variants"]) };
    case "seed":
      return { ...state, seed: action.seed, errors: without(state.errors, ["seed"]) };
    case "errors":
      return { ...state, errors: action.errors, alert: action.alert, step: action.step ?? state.step };
    case "alert":
      return { ...state, alert: action.alert };
    case "newKey":
      return { ...state, idempotencyKey: crypto.randomUUID() };
  }
}
