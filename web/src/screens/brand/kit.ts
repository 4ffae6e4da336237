// The brand-kit editor's form state, how it maps to the API, and WCAG contrast maths.
import type { Schemas } from "../../api/client";

export type Kit = Schemas["BrandKitOut"];
export type KitPatch = Schemas["BrandKitPatch"];
export type Tone = NonNullable<KitPatch["tone"]>;
export type Position = Schemas["Disclosure"]["position"];

export const COLOR_KEYS = ["primary", "secondary", "accent", "text", "background"] as const;
export type ColorKey = (typeof COLOR_KEYS)[number];

export const COLOR_LABELS: Record<ColorKey, string> = {
  primary: "Primary colour",
  secondary: "Secondary colour",
  accent: "Accent colour",
  text: "Text colour",
  background: "Background colour",
};

export const TONES: { value: Tone; label: string }[] = [
  { value: "friendly", label: "Friendly" },
  { value: "energetic", label: "Energetic" },
  { value: "calm", label: "Calm" },
  { value: "professional", label: "Professional" },
  { value: "playful", label: "Playful" },
];

export const POSITIONS: { value: Position; label: string }[] = [
  { value: "top-right", label: "Top right" },
  { value: "top-left", label: "Top left" },
  { value: "bottom-right", label: "Bottom right" },
  { value: "bottom-left", label: "Bottom left" },
];

export const MAX_BANNED = 200;

/** What the editor edits: strings where the API has optional values ("" means not set). */
export interface KitForm {
  name: string;
  colors: Record<ColorKey, string>;
  fonts: { heading: string; body: string };
  logo_asset_id: string | null;
  voice: string;
  tone: string;
  banned_words: string[];
  disclosure: Schemas["Disclosure"];
}

export function formOf(kit: Kit): KitForm {
  const colors = {} as Record<ColorKey, string>;
  for (const k of COLOR_KEYS) colors[k] = kit.colors[k] ?? "";
  return {
    name: kit.name,
    colors,
    fonts: { heading: kit.fonts.heading ?? "", body: kit.fonts.body ?? "" },
    logo_asset_id: kit.logo_asset_id,
    voice: kit.voice ?? "",
    tone: kit.tone ?? "",
    banned_words: [...kit.banned_words],
    disclosure: { ...kit.disclosure },
  };
}

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

/** The request body for the form: every field as the API wants it. */
function bodyOf(form: KitForm): Required<KitPatch> {
  const colors: Schemas["Colors"] = {};
  for (const k of COLOR_KEYS) colors[k] = orNull(form.colors[k]);
  return {
    name: form.name.trim(),
    colors,
    fonts: { heading: orNull(form.fonts.heading), body: orNull(form.fonts.body) },
    logo_asset_id: form.logo_asset_id,
    voice: orNull(form.voice),
    tone: (orNull(form.tone) as Tone | null) ?? null,
    banned_words: form.banned_words,
    disclosure: { ...form.disclosure, text: form.disclosure.text.trim() },
  };
}

/** Only the fields that differ from the saved kit (a merge-patch), or null when nothing changed. */
export function patchOf(saved: KitForm, form: KitForm): KitPatch | null {
  const before = bodyOf(saved);
  const after = bodyOf(form);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof KitPatch)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  return Object.keys(patch).length ? (patch as KitPatch) : null;
}

export const HEX = /^#[0-9a-fA-F]{6}$/;

/** Local checks the API would refuse anyway, shown before a round trip. */
export function localErrors(form: KitForm): Record<string, string> {
  const out: Record<string, string> = {};
  if (!form.name.trim()) out["name"] = "Give the kit a name.";
  for (const k of COLOR_KEYS) {
    const v = form.colors[k].trim();
    if (v && !HEX.test(v)) out[`colors.${k}`] = "Use a colour like #1f6feb (a # and six hex digits).";
  }
  if (!form.disclosure.text.trim()) out["disclosure.text"] = "Write the disclosure text, e.g. #ad.";
  return out;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The WCAG 2 contrast ratio of two #rrggbb colours (1 to 21), or null if either is not set. */
export function contrast(a: string, b: string): number | null {
  if (!HEX.test(a) || !HEX.test(b)) return null;
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
