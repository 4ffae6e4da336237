// Words and numbers for videos: status labels, dates, ETAs, step names, file names.
import type { Schemas } from "../../api/client";

export type Video = Schemas["VideoOut"];
export type Summary = Schemas["VideoSummary"];
export type Step = Schemas["StepOut"];
export type Status = Video["status"];

export const STATUSES: Status[] = ["queued", "running", "succeeded", "failed", "cancelled"];
export const ASPECTS = ["9:16", "1:1", "4:5", "16:9"];

const LABELS: Record<Status, string> = {
  queued: "Queued",
  running: "Rendering",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};

const TONES: Record<Status, "neutral" | "good" | "bad" | "warn" | "info"> = {
  queued: "neutral",
  running: "info",
  succeeded: "good",
  failed: "bad",
  cancelled: "warn",
};

export function statusLabel(s: Status): string {
  return LABELS[s];
}

export function statusTone(s: Status) {
  return TONES[s];
}

/** A signed URL without its signature: the same file whatever its expiry. */
export function blobPath(url: string): string {
  return url.split("?")[0] ?? url;
}

/** True while the video is waiting or rendering. */
export function isActive(s: Status): boolean {
  return s === "queued" || s === "running";
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** "About 20 seconds left", or a hint that the estimate is still coming. */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds == null) return "Estimating the time left…";
  const s = Math.max(0, Math.round(seconds));
  if (s < 5) return "Almost done";
  if (s < 90) return `About ${s} seconds left`;
  return `About ${Math.ceil(s / 60)} minutes left`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds * 10) / 10} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

export function aspectOrder(a: string, b: string): number {
  const ia = ASPECTS.indexOf(a);
  const ib = ASPECTS.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
}

/** A file name for a download: "glow-serum-v1-9x16.mp4". */
export function fileName(product: string, variant: number, aspect: string, ext: string): string {
  const slug = product.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "video";
  return `${slug}-v${variant + 1}-${aspect.replace(":", "x")}.${ext}`;
}

/** The brief's product name, tone and target length, read defensively (it is free-form JSON). */
export function briefSummary(brief: Record<string, unknown>) {
  const product = (brief.product ?? {}) as Record<string, unknown>;
  return {
    product: typeof product.name === "string" ? product.name : "Untitled product",
    tone: typeof brief.tone === "string" ? brief.tone : "friendly",
    seconds: typeof brief.target_seconds === "number" ? brief.target_seconds : 30,
  };
}
