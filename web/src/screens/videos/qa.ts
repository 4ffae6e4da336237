// The QA report (src/ugc/pipeline/agents/qa.py build_report) read into plain words.

export interface QaCheck {
  check: string;
  value: unknown;
  target: string;
  passed: boolean;
  detail: string;
}

export interface QaRepair {
  action: string;
  reason: string;
  result: string;
}

export interface QaReport {
  passed: boolean;
  checks: QaCheck[];
  failed: string[];
  aspect?: string;
  repairs?: QaRepair[];
}

const NAMES: Record<string, string> = {
  profile_conformance: "Video and audio format",
  integrated_loudness: "Loudness",
  true_peak: "Audio peaks",
  av_difference_ms: "Sound and picture in sync",
  duration_s: "Length",
  first_word_s: "Speech starts right away",
  caption_timing_ms: "Captions timed to the words",
  lip_sync_frames: "Lip sync",
  black_stretches: "No black screens",
  frozen_stretches: "No frozen picture",
  safe_zone_overflow_px: "Text inside the safe zone",
  face_outside_safe_frames: "Face inside the safe zone",
  text_contrast: "Text contrast",
};

export function checkName(check: string): string {
  const words = check.replace(/_(s|ms|px)$/, "").replace(/_/g, " ");
  return NAMES[check] ?? words[0]!.toUpperCase() + words.slice(1);
}

function num(v: unknown, digits: number): string {
  return typeof v === "number" && Number.isFinite(v) ? String(Math.round(v * 10 ** digits) / 10 ** digits) : String(v);
}

function count(v: unknown, unit: string): string {
  return `${num(v, 0)} ${unit}${v === 1 ? "" : "s"}`;
}

function profile(v: Record<string, unknown>): string {
  const fps = typeof v.fps === "string" ? v.fps.replace(/\/1$/, "") : v.fps;
  return `${String(v.size)}, ${String(v.codec)} ${String(v.profile)}, ${String(fps)} fps, ${String(v.audio)}`;
}

/** The measured value in words, with its unit. */
export function measured(c: QaCheck): string {
  const v = c.value;
  if (typeof v === "number" && !Number.isFinite(v)) return "no text on screen";
  switch (c.check) {
    case "profile_conformance":
      return v && typeof v === "object" ? profile(v as Record<string, unknown>) : String(v);
    case "integrated_loudness":
      return `${num(v, 1)} LUFS`;
    case "true_peak":
      return `${num(v, 1)} dBTP`;
    case "duration_s":
    case "first_word_s":
      return `${num(v, 2)} s`;
    case "av_difference_ms":
    case "caption_timing_ms":
      return `${num(v, 0)} ms`;
    case "lip_sync_frames":
    case "face_outside_safe_frames":
      return count(v, "frame");
    case "safe_zone_overflow_px":
      return `${num(v, 0)} px`;
    case "text_contrast":
      return `${num(v, 1)}:1`;
    case "black_stretches":
    case "frozen_stretches":
      return Array.isArray(v) && v.length ? `${v.length} found` : "none";
    default:
      return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
}

/** Parse the report; Python writes an unmeasurable contrast as a bare Infinity. */
export function parseReport(text: string): QaReport {
  const json = text.replace(/-Infinity\b/g, "-1e999").replace(/\bInfinity\b/g, "1e999").replace(/\bNaN\b/g, "null");
  const data = JSON.parse(json) as Partial<QaReport>;
  return { passed: Boolean(data.passed), checks: data.checks ?? [], failed: data.failed ?? [], repairs: data.repairs ?? [] };
}
