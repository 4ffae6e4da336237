// The typed API client: openapi-fetch over the generated schema, plus the session rules
// (bearer token, organisation header, one refresh on 401, an Idempotency-Key on every POST).
import createClient from "openapi-fetch";

import { ApiError, NetworkError, type ProblemBody } from "./problem";
import type { components, paths } from "./schema";
import { tokens } from "./tokens";

export type Schemas = components["schemas"];

/** How a refresh went: new tokens, refused (signed out), or the server couldn't be asked. */
export type RefreshOutcome = "ok" | "refused" | "unavailable";

let refreshing: Promise<RefreshOutcome> | null = null;

/** Rotate the refresh token stored now (another tab may have rotated it while we waited). */
async function rotate(): Promise<RefreshOutcome> {
  const token = tokens.refresh();
  if (!token) return "refused";
  let r: Response;
  try {
    r = await fetch("/api/v1/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: token }),
    });
  } catch {
    return "unavailable";
  }
  // Only a refusal ends the session; 429 and 5xx are "try again later", the token still good.
  if (r.status === 400 || r.status === 401) {
    if (tokens.refresh() === token) tokens.clear();
    return "refused";
  }
  if (!r.ok) return "unavailable";
  const body = (await r.json()) as Schemas["TokensOut"];
  tokens.set(body.access_token, body.refresh_token);
  return "ok";
}

/** Run `f` holding the cross-tab refresh lock: a rotated token used twice revokes the family. */
async function exclusive(f: () => Promise<RefreshOutcome>): Promise<RefreshOutcome> {
  // Locks need a secure context (https, or localhost); elsewhere one tab's dedupe is all we have.
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? await locks.request("ugc-refresh", f) : f();
}

/** Swap the refresh token for new tokens once, however many requests (and tabs) ask at once. */
export function refreshTokens(): Promise<RefreshOutcome> {
  if (!tokens.refresh()) return Promise.resolve("refused");
  refreshing ??= exclusive(rotate)
    .catch((): RefreshOutcome => "unavailable")
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Refresh the session; true when it now holds a fresh access token. */
export async function refreshSession(): Promise<boolean> {
  return (await refreshTokens()) === "ok";
}

function withSession(req: Request): Request {
  const headers = new Headers(req.headers);
  const access = tokens.access();
  const org = tokens.org();
  if (access && !headers.has("authorization")) headers.set("authorization", `Bearer ${access}`);
  if (org && !headers.has("x-organization-id")) headers.set("x-organization-id", org);
  if (req.method === "POST" && !headers.has("idempotency-key")) {
    headers.set("idempotency-key", crypto.randomUUID());
  }
  return new Request(req, { headers });
}

async function send(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch {
    throw new NetworkError();
  }
}

/** fetch with the session attached; on 401 refresh once and retry the same request. */
export async function authedFetch(input: Request): Promise<Response> {
  const first = withSession(input);
  const retry = first.clone();
  const res = await send(first);
  // Only a call that carried a token can have failed for an expired one (not sign-in itself).
  if (res.status !== 401 || !first.headers.has("authorization") || !tokens.refresh()) return res;
  const outcome = await refreshTokens();
  if (outcome === "unavailable") throw new NetworkError();
  if (outcome !== "ok") return res;
  const again = new Headers(retry.headers);
  again.set("authorization", `Bearer ${tokens.access() ?? ""}`);
  return send(new Request(retry, { headers: again }));
}

export const api = createClient<paths>({ baseUrl: "", fetch: authedFetch });

async function toError(res: Response, body: unknown): Promise<ApiError> {
  const retry = Number(res.headers.get("retry-after"));
  const problem = (body && typeof body === "object" ? body : { detail: String(body ?? "") }) as ProblemBody;
  return new ApiError(res.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
}

/** Await an openapi-fetch call and return its data, or throw an ApiError in plain words. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await toError(response, error);
  return data as T;
}

/** Fetch an authenticated binary (a preview) and return an object URL for <img>/<audio>. */
export async function blobUrl(path: string): Promise<string> {
  const res = await authedFetch(new Request(path));
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    throw await toError(res, body);
  }
  return URL.createObjectURL(await res.blob());
}

/** Make a signed download URL same-origin when it points at this server's blob route. */
export function mediaUrl(url: string): string {
  try {
    const u = new URL(url, window.location.origin);
    return u.pathname.startsWith("/api/v1/blobs/") ? `${u.pathname}${u.search}` : url;
  } catch {
    return url;
  }
}
