// Turn the wizard's state into the API's bodies: the brief, script drafts, the quote and the render.
import type { Schemas } from "../../api/client";
import type { BriefFields, LookKey, VarValue, WizardState } from "./state";

export type Json = Record<string, unknown>;
export type Template = Schemas["TemplateOut"];
export type VideoCreate = Schemas["VideoCreate"];

export interface VarSpec {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: VarSpec;
}

export const LOOK_KEYS: LookKey[] = ["persona", "setting", "voice", "music_mood", "caption_style"];

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function clean(items: string[]): string[] {
  return items.map((i) => i.trim()).filter(Boolean);
}

/** The brief typed into the form (started from scratch or from a product page). */
export function formBrief(b: BriefFields): Json {
  return {
    product: {
      name: b.name.trim(),
      description: b.description.trim(),
      benefits: clean(b.benefits),
      pain_points: clean(b.pain_points),
      audience: b.audience.trim(),
      offer: b.offer.trim(),
      cta: b.cta.trim(),
      price: b.price.trim(),
    },
    // Left out when unset, so the chosen brand kit's tone applies.
    ...(b.tone ? { tone: b.tone } : {}),
    language: b.language,
    target_seconds: b.target_seconds,
  };
}

/** The brief scripts are drafted from: the form's or the template's, with the uploaded media. */
export function draftBrief(s: WizardState): Json | null {
  const start = s.mode === "template" ? s.templateBrief : formBrief(s.brief);
  if (!start) return null;
  const assets: Json = isObject(start.assets) ? { ...start.assets } : {};
  if (s.images.length) assets.product_images = s.images.map((i) => `asset:${i.id}`);
  if (s.music) assets.music = `asset:${s.music.id}`;
  return Object.keys(assets).length ? { ...start, assets } : { ...start };
}

/** How many variants to draft: the chosen count, or 3 while the count field is being edited. */
export function variantCount(s: WizardState): number {
  return Number.isInteger(s.variants) && s.variants >= 1 && s.variants <= 10 ? s.variants : 3;
}

/** What drafted scripts depend on: a change here makes them stale. */
export function scriptsKey(s: WizardState): string {
  return JSON.stringify([draftBrief(s), s.brandKitId]);
}

/** The scripts the render speaks: exactly the lines shown in step 2, for the chosen variants. */
export function sentScripts(s: WizardState): { variant: number; lines: Json[] }[] {
  return s.scripts
    .filter((v) => v.variant < s.variants)
    .map((v) => ({
      variant: v.variant,
      lines: v.lines.map((l) => ({ role: l.role, text: l.text.trim(), shot: l.shot })),
    }));
}

/** The whole brief to render: drafted brief, look choices (unset ones left to the studio), scripts. */
export function fullBrief(s: WizardState): Json | null {
  const base = draftBrief(s);
  if (!base) return null;
  const options: Json = isObject(base.options) ? { ...base.options } : {};
  for (const key of LOOK_KEYS) if (s.look[key]) options[key] = s.look[key];
  const scripts = sentScripts(s);
  if (scripts.length) options.scripts = scripts;
  return { ...base, options };
}

/** The body of POST /videos and of its quote (the same, so the quote prices this render). */
export function videoBody(s: WizardState): VideoCreate {
  return {
    brief: fullBrief(s),
    brand_kit_id: s.brandKitId || null,
    aspects: s.aspects as VideoCreate["aspects"],
    variants: s.variants,
    seed: Number(s.seed),
  };
}

export function properties(t: Template | undefined): [string, VarSpec][] {
  const props = t?.variables.properties;
  return isObject(props) ? Object.entries(props).map(([k, v]) => [k, (isObject(v) ? v : {}) as VarSpec]) : [];
}

export function requiredVars(t: Template | undefined): Set<string> {
  const req = t?.variables.required;
  return new Set(Array.isArray(req) ? req.map(String) : []);
}

/** The form's starting values for a template: its defaults, else empty. */
export function variableDefaults(t: Template): Record<string, VarValue> {
  const out: Record<string, VarValue> = {};
  for (const [name, spec] of properties(t)) {
    const d = spec.default;
    if (spec.type === "boolean") out[name] = d === true;
    else if (spec.type === "array") out[name] = Array.isArray(d) ? d.map(String) : (spec.minItems ?? 0) > 0 ? [""] : [];
    else out[name] = d === undefined || d === null ? "" : String(d);
  }
  return out;
}

function typed(spec: VarSpec | undefined, raw: string): unknown {
  return spec?.type === "number" || spec?.type === "integer" ? Number(raw) : raw;
}

/** The variables as the API takes them: numbers as numbers, blanks left out (defaults apply). */
export function typedVariables(t: Template | undefined, values: Record<string, VarValue>): Json {
  const out: Json = {};
  for (const [name, spec] of properties(t)) {
    const v = values[name];
    if (typeof v === "boolean") out[name] = v;
    else if (Array.isArray(v)) {
      const items = clean(v);
      if (items.length) out[name] = items.map((i) => typed(spec.items, i));
    } else if (typeof v === "string" && v.trim() !== "") out[name] = typed(spec, v.trim());
  }
  return out;
}

/** The template variable a brief field was filled from ("product.cta" -> "cta"), if any. */
export function variableAt(t: Template | undefined, path: string): string | null {
  let node: unknown = t?.structure;
  for (const part of path.split(".")) {
    if (typeof node === "string") break;
    node = Array.isArray(node) ? node[Number(part)] : isObject(node) ? node[part] : undefined;
  }
  const found = typeof node === "string" ? /\{\{\s*([A-Za-z_]\w*)\s*\}\}/.exec(node) : null;
  return found ? found[1]! : null;
}
