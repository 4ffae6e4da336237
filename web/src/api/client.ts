// The typed API client: openapi-fetch over the generated schema, plus the session rules
// (bearer token, organisation header, one refresh on 401, an Idempotency-Key on every POST).
import createClient from "openapi-fetch";

import { ApiError, NetworkError, type ProblemBody } from "./problem";
import type { components, paths } from "./schema";
import { tokens } from "./tokens";

export type Schemas = components["schemas"];

let refreshing: Promise<boolean> | null = null;

/** Swap the refresh token for new tokens once, however many requests ask at the same time. */
export function refreshSession(): Promise<boolean> {
  const token = tokens.refresh();
  if (!token) return Promise.resolve(false);
  refreshing ??= fetch("/api/v1/auth/refresh", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: token }),
  })
    .then(async (r) => {
      if (!r.ok) {
        tokens.clear();
        return false;
      }
      const body = (await r.json()) as Schemas["TokensOut"];
      tokens.set(body.access_token, body.refresh_token);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
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

/** fetch with the session attached; on 401 refresh once and retry the same request. */
export async function authedFetch(input: Request): Promise<Response> {
  const first = withSession(input);
  const retry = first.clone();
  let res: Response;
  try {
    res = await fetch(first);
  } catch {
    throw new NetworkError();
  }
  if (res.status !== 401 || !tokens.refresh() || retry.url.includes("/auth/")) return res;
  if (!(await refreshSession())) return res;
  const again = new Headers(retry.headers);
  again.set("authorization", `Bearer ${tokens.access() ?? ""}`);
  return fetch(new Request(retry, { headers: again }));
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
