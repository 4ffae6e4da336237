// Shared form plumbing for the account screens: safe return paths and API errors split
// into messages next to their fields and one message for the rest.
import { useCallback } from "react";

import { ApiError, messageOf, type ProblemBody } from "../../api/problem";
import { useActionAs } from "../../components/hooks";

const NEXT_KEY = "ugc.after-verify";

/** The password policy the API enforces (it answers with the same rules if one is broken). */
export const PASSWORD_RULES = "At least 10 characters, and not your e-mail address. A few unrelated words work well.";

/** Return `raw` as a path on this site (resolved as the browser would), otherwise `fallback`. */
export function safeNext(raw: string | null | undefined, fallback = "/videos"): string {
  if (!raw) return fallback;
  try {
    // Parse, don't pattern-match: "/\t/evil.example" and the like resolve to another host.
    const url = new URL(raw, window.location.origin);
    return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** The sign-in address that comes back to `next` afterwards. */
export function signInPath(next: string | null | undefined): string {
  const safe = safeNext(next, "");
  return safe ? `/signin?next=${encodeURIComponent(safe)}` : "/signin";
}

/** Remember where to go after the e-mail link is followed (it may open in another tab). */
export const afterVerify = {
  save(next: string | null): void {
    const safe = safeNext(next, "");
    if (safe) localStorage.setItem(NEXT_KEY, safe);
    else localStorage.removeItem(NEXT_KEY);
  },
  peek(): string | null {
    return localStorage.getItem(NEXT_KEY);
  },
  clear(): void {
    localStorage.removeItem(NEXT_KEY);
  },
};

/** The API's stable error code (e.g. "email_not_verified"), if any. */
export function problemCode(e: unknown): string | undefined {
  if (!(e instanceof ApiError)) return undefined;
  return (e.problem as ProblemBody & { code?: string }).code;
}

export interface FormErrors {
  /** Messages for the fields this form shows, keyed by field name. */
  fields: Record<string, string>;
  /** A message for everything else (null when every problem sits next to its field). */
  message: string | null;
}

/** Split an error into messages for the form's own fields and one message for the rest. */
export function splitErrors(e: unknown, known: readonly string[]): FormErrors {
  if (!(e instanceof ApiError) || e.status !== 422) return { fields: {}, message: messageOf(e) };
  const all = e.fields;
  const fields: Record<string, string> = {};
  for (const k of known) if (all[k]) fields[k] = all[k];
  const rest = Object.keys(all).filter((k) => !known.includes(k));
  const message = rest.length > 0 || Object.keys(all).length === 0 ? e.message : null;
  return { fields, message };
}

const NONE: FormErrors = { fields: {}, message: null };

/** Run a form's action: busy while it runs; on failure its errors split by field. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<void>, known: readonly string[]) {
  const { busy, error, setError, run } = useActionAs(action, (e) => splitErrors(e, known));
  const fail = useCallback((message: string | null, fields: Record<string, string> = {}) => setError({ fields, message }), [setError]);
  return { busy, errors: error ?? NONE, submit: run, fail };
}
