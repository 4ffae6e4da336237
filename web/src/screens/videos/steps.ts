// Pipeline steps in plain words, grouped per variant in the order they run.
import { ASPECTS, type Step } from "./format";

const NAMES: Record<string, string> = {
  script: "Write the script",
  fit: "Record the voice and fit the timing",
  music: "Pick the music",
  mix: "Mix voice and music",
  motion: "Animate the presenter",
  avatar: "Film the avatar",
  timeline: "Lay out shots and captions",
  render: "Render",
  thumbs: "Make thumbnails",
  qa: "Quality check",
};

const ORDER = ["script", "fit", "music", "mix", "motion", "avatar", "timeline", "render", "thumbs", "qa"];

export interface StepView {
  name: string;
  label: string;
  state: "queued" | "running" | "done" | "reused" | "failed" | "cancelled";
  text: string;
  progress: number;
}

export interface VariantSteps {
  variant: number;
  steps: StepView[];
}

function parts(name: string): { kind: string; variant: number; aspect: string | null } {
  const [kind = name, v = "0", a] = name.split("/");
  return { kind, variant: Number(v) || 0, aspect: a ? a.replace("x", ":") : null };
}

/** A step's name in plain words: "qa/00/9x16" -> "Quality check (9:16)". */
export function stepLabel(name: string): string {
  const { kind, aspect } = parts(name);
  const base = NAMES[kind] ?? kind;
  return aspect ? `${base} (${aspect})` : base;
}

function view(s: Step): StepView {
  const label = stepLabel(s.name);
  const pct = Math.round(Math.max(0, Math.min(1, s.progress)) * 100);
  switch (s.status) {
    case "running":
      return { name: s.name, label, state: "running", text: `Running, ${pct}%`, progress: s.progress };
    case "succeeded":
      if (s.cached) return { name: s.name, label, state: "reused", text: "Reused", progress: 1 };
      return { name: s.name, label, state: "done", text: s.seconds != null ? `Done in ${Math.round(s.seconds * 10) / 10} s` : "Done", progress: 1 };
    case "failed":
      return { name: s.name, label, state: "failed", text: "Failed", progress: s.progress };
    case "cancelled":
      return { name: s.name, label, state: "cancelled", text: "Cancelled", progress: s.progress };
    default:
      return { name: s.name, label, state: "queued", text: "Queued", progress: 0 };
  }
}

function rank(name: string): [number, number] {
  const { kind, aspect } = parts(name);
  const i = aspect ? ASPECTS.indexOf(aspect) : -1;
  const a = aspect && i < 0 ? ASPECTS.length : i; // shared steps (-1) come before any aspect
  return [a, ORDER.indexOf(kind)];
}

/** Group steps by variant: the shared steps first, then each aspect's render, thumbnails and QA. */
export function groupSteps(steps: Step[]): VariantSteps[] {
  const groups = new Map<number, Step[]>();
  for (const s of steps) {
    const v = parts(s.name).variant;
    groups.set(v, [...(groups.get(v) ?? []), s]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([variant, list]) => ({
      variant,
      steps: [...list]
        .sort((x, y) => {
          const [ax, kx] = rank(x.name);
          const [ay, ky] = rank(y.name);
          return ax - ay || kx - ky;
        })
        .map(view),
    }));
}
