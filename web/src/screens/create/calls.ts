// The wizard's API calls, typed from the generated client.
import { api, authedFetch, unwrap, type Schemas } from "../../api/client";
import { ApiError, type ProblemBody } from "../../api/problem";
import type { Json, Template, VideoCreate } from "./build";

export type Catalog = Schemas["Catalog"];
export type BrandKit = Schemas["BrandKitOut"];
export type Asset = Schemas["AssetOut"];
export type Quote = Schemas["Quote"];
export type Imported = Schemas["ImportOut"];

export function loadCatalog(): Promise<Catalog> {
  return unwrap(api.GET("/api/v1/catalog"));
}

export async function loadKits(): Promise<BrandKit[]> {
  const page = await unwrap(api.GET("/api/v1/brand-kits", { params: { query: { limit: 100 } } }));
  return page.items;
}

/** The templates to choose from, including the wanted one even when it is not on the first page. */
export async function loadTemplates(wanted: string | null): Promise<Template[]> {
  const page = await unwrap(api.GET("/api/v1/templates", { params: { query: { limit: 100 } } }));
  const items = page.items;
  if (wanted && !items.some((t) => t.id === wanted)) {
    try {
      items.unshift(await unwrap(api.GET("/api/v1/templates/{template_id}", { params: { path: { template_id: wanted } } })));
    } catch {
      /* a stale link: the picker says the template is gone */
    }
  }
  return items;
}

export async function renderTemplate(id: string, variables: Json): Promise<Json> {
  const out = await unwrap(api.POST("/api/v1/templates/{template_id}/render", { params: { path: { template_id: id } }, body: { variables } }));
  return out.brief;
}

export function importBrief(url: string): Promise<Imported> {
  return unwrap(api.POST("/api/v1/briefs/import", { body: { url } }));
}

/** Upload one media file (multipart); the API sniffs its type and refuses other kinds. */
export async function uploadAsset(file: File, kind: "image" | "audio"): Promise<Asset> {
  const form = new FormData();
  form.append("file", file);
  form.append("kind", kind);
  const res = await authedFetch(new Request("/api/v1/assets", { method: "POST", body: form }));
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, (body ?? {}) as ProblemBody, null);
  return body as Asset;
}

export interface DraftBody {
  brief: Json;
  brand_kit_id: string | null;
  variants: number;
  variant?: number;
  attempt: number;
}

export async function draftScripts(body: DraftBody, signal?: AbortSignal): Promise<Schemas["ScriptDraft"][]> {
  const out = await unwrap(api.POST("/api/v1/scripts/draft", { body, ...(signal ? { signal } : {}) }));
  return out.variants;
}

export function quoteVideo(body: VideoCreate): Promise<Quote> {
  return unwrap(api.POST("/api/v1/videos/quote", { body }));
}

/** Queue the render under this submission's key, so a double click or a retry makes one job. */
export function submitVideo(body: VideoCreate, key: string): Promise<Schemas["VideoOut"]> {
  return unwrap(api.POST("/api/v1/videos", { body, headers: { "idempotency-key": key } }));
}
