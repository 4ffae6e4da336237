// Client-side checks per step, and server field errors mapped back to the step and field they name.
import { fieldLabel } from "../../api/problem";
import { properties, requiredVars, scriptsKey, sentScripts, variableAt, type Template, type VarSpec } from "./build";
import type { BriefFields, VarValue, WizardState } from "./state";

type Errors = Record<string, string>;

const LOOK = new Set(["persona", "setting", "voice", "music_mood", "caption_style"]);
const FORMATS = new Set(["aspects", "variants", "seed"]);
const MAX_SEED = 2147483647;

function text(errors: Errors, key: string, value: string, need: string | null, max: number): void {
  const v = value.trim();
  if (!v && need) errors[key] = need;
  else if (v.length > max) errors[key] = `Keep this to ${max} characters or fewer (now ${v.length}).`;
}

function list(errors: Errors, key: string, items: string[], min: number, max: number, noun: string): void {
  const filled = items.filter((i) => i.trim());
  if (filled.length < min) errors[key] = `Add at least ${min} ${noun}${min === 1 ? "" : "s"}.`;
  if (filled.length > max) errors[key] = `Keep it to ${max} ${noun}s or fewer.`;
}

export function checkBrief(b: BriefFields): Errors {
  const e: Errors = {};
  text(e, "product.name", b.name, "Enter the product's name.", 80);
  text(e, "product.description", b.description, "Describe the product in a sentence or two.", 600);
  list(e, "product.benefits", b.benefits, 1, 8, "benefit");
  list(e, "product.pain_points", b.pain_points, 0, 6, "pain point");
  text(e, "product.cta", b.cta, "Enter a call to action, for example “Shop now”.", 40);
  return e;
}

function checkValue(spec: VarSpec, v: string): string | null {
  if (spec.type === "number" || spec.type === "integer") {
    const n = Number(v);
    if (!Number.isFinite(n)) return "Enter a number.";
    if (spec.type === "integer" && !Number.isInteger(n)) return "Enter a whole number.";
    if (spec.minimum !== undefined && n < spec.minimum) return `Enter ${spec.minimum} or more.`;
    if (spec.maximum !== undefined && n > spec.maximum) return `Enter ${spec.maximum} or less.`;
    return null;
  }
  if (spec.minLength !== undefined && v.length < spec.minLength) return `Use at least ${spec.minLength} characters.`;
  if (spec.maxLength !== undefined && v.length > spec.maxLength) return `Keep this to ${spec.maxLength} characters or fewer (now ${v.length}).`;
  return null;
}

function checkVariable(spec: VarSpec, value: VarValue | undefined, required: boolean): string | null {
  if (typeof value === "boolean") return null;
  if (Array.isArray(value)) {
    const items = value.map((i) => i.trim()).filter(Boolean);
    if (!items.length && (required || (spec.minItems ?? 0) > 0)) return "Add at least one item.";
    if (spec.minItems !== undefined && items.length && items.length < spec.minItems) return `Add at least ${spec.minItems} items.`;
    if (spec.maxItems !== undefined && items.length > spec.maxItems) return `Keep it to ${spec.maxItems} items or fewer.`;
    return items.map((i) => checkValue(spec.items ?? {}, i)).find(Boolean) ?? null;
  }
  const v = (value ?? "").trim();
  if (!v) return required ? "This is required." : null;
  return checkValue(spec, v);
}

export function checkVariables(t: Template | undefined, values: Record<string, VarValue>): Errors {
  const e: Errors = {};
  if (!t) return { template_id: "Choose a template." };
  const required = requiredVars(t);
  for (const [name, spec] of properties(t)) {
    const problem = checkVariable(spec, values[name], required.has(name));
    if (problem) e[`variables.${name}`] = problem;
  }
  return e;
}

function checkScripts(s: WizardState): Errors {
  const e: Errors = {};
  for (const v of s.scripts.filter((x) => x.variant < s.variants)) {
    v.lines.forEach((l, i) => {
      const key = `scripts.${v.variant}.${i}`;
      text(e, key, l.text, "Write this line, or regenerate the variant.", 300);
    });
  }
  if (s.scripts.filter((x) => x.variant < s.variants).length < s.variants) {
    e.scripts = "The scripts aren't ready yet. Wait for them, or try writing them again.";
  } else if (s.scriptsFor !== scriptsKey(s)) {
    // Written for an earlier brief: they would speak of the old product.
    e.scripts = s.scripts.some((v) => v.edited)
      ? "Your brief changed after these scripts were written. Rewrite them, or keep your edited scripts, first."
      : "The scripts are being rewritten for your changed brief. Wait for them, or try writing them again.";
  }
  return e;
}

function checkFormats(s: WizardState): Errors {
  const e: Errors = {};
  if (!s.aspects.length) e.aspects = "Pick at least one format.";
  if (!Number.isInteger(s.variants) || s.variants < 1 || s.variants > 10) e.variants = "Choose between 1 and 10 variants.";
  const seed = Number(s.seed);
  if (s.seed.trim() === "" || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    e.seed = `Enter a whole number from 0 to ${MAX_SEED}.`;
  }
  return e;
}

/** Return the problems that keep the user on this step (empty when they may go on). */
export function checkStep(s: WizardState, template: Template | undefined): Errors {
  switch (s.step) {
    case 0:
      if (s.mode === "template") return checkVariables(template, s.variables);
      if (s.mode === "url" && !s.importedFrom) {
        return { url: "Import the product page first, or start from a brief instead." };
      }
      return checkBrief(s.brief);
    case 1:
      return checkScripts(s);
    case 3:
      return checkFormats(s);
    default:
      return {};
  }
}

/** The step a field key belongs to. */
export function stepOf(key: string): number {
  const head = key.split(".")[0] ?? "";
  if (head === "scripts" || head === "options") return 1;
  if (LOOK.has(head)) return 2;
  if (FORMATS.has(head)) return 3;
  return 0;
}

/** Map one server field path ("brief.product.cta", "brief.options.scripts.0.lines.2.text") to a form key. */
export function fieldKey(path: string, s: WizardState, template: Template | undefined): string {
  const p = path.replace(/^body\./, "").replace(/^brief\./, "").replace(/\[\d+\]$/, "");
  const script = /^options\.scripts\.(\d+)(?:\.lines\.(\d+))?/.exec(p);
  if (script) {
    const variant = sentScripts(s)[Number(script[1])]?.variant;
    if (variant === undefined) return "scripts";
    return script[2] === undefined ? "scripts" : `scripts.${variant}.${script[2]}`;
  }
  if (p.startsWith("options.")) {
    const key = p.slice("options.".length).split(".")[0] ?? "";
    return LOOK.has(key) ? key : "options";
  }
  if (s.mode === "template" && !p.startsWith("variables")) {
    const name = variableAt(template, p);
    if (name) return `variables.${name}`;
  }
  if (p.startsWith("assets")) return "assets";
  if (p.startsWith("brand")) return "brand";
  return p;
}

/** Server field errors as form errors, and the first step that has one. */
export function mapServerErrors(
  fields: Record<string, string>,
  s: WizardState,
  template: Template | undefined,
): { errors: Errors; step: number } {
  const errors: Errors = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = fieldKey(path, s, template);
    errors[key] = errors[key] ?? message;
  }
  const steps = Object.keys(errors).map(stepOf);
  return { errors, step: steps.length ? Math.min(...steps) : s.step };
}

const LABELS: Record<string, string> = {
  "product.name": "Product name",
  "product.description": "Description",
  "product.benefits": "Benefits",
  "product.pain_points": "Pain points",
  "product.audience": "Audience",
  "product.offer": "Offer",
  "product.cta": "Call to action",
  "product.price": "Price",
  url: "Product page URL",
  music_mood: "Music mood",
  caption_style: "Caption style",
  aspects: "Formats",
  variants: "Number of variants",
};

/** The name of a form field as the user sees it. */
export function keyLabel(key: string): string {
  const line = /^scripts\.(\d+)\.(\d+)$/.exec(key);
  if (line) return `Variant ${Number(line[1]) + 1}, line ${Number(line[2]) + 1}`;
  const item = /^product\.(benefits|pain_points)\.(\d+)$/.exec(key);
  if (item) return `${item[1] === "benefits" ? "Benefit" : "Pain point"} ${Number(item[2]) + 1}`;
  return LABELS[key] ?? fieldLabel(key.replace(/^variables\./, ""));
}

/** The server's field errors in the form's words ("Variant 1, line 2: Uses the brand's banned word"). */
export function serverSummary(errors: Errors): string {
  const list = Object.entries(errors).map(([k, m]) => `${keyLabel(k)}: ${m}`);
  const more = list.length > 3 ? ` (and ${list.length - 3} more)` : "";
  return `Please check ${list.length === 1 ? "this field" : "these fields"}. ${list.slice(0, 3).join(" ")}${more}`;
}

/** A short list of what needs fixing, for the alert at the top of a step. */
export function summary(errors: Errors): string {
  const names = Object.keys(errors).map(keyLabel);
  const shown = names.slice(0, 4).join(", ");
  return `Please fix ${names.length === 1 ? "this field" : "these fields"}: ${shown}${names.length > 4 ? "…" : ""}.`;
}
