// API errors (RFC 9457 problem+json) turned into words a marketer understands.

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  request_id?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemBody;
  readonly retryAfter: number | null;

  constructor(status: number, problem: ProblemBody, retryAfter: number | null) {
    super(explain(status, problem, retryAfter));
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Field errors keyed by field path, e.g. "product.name". */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] = friendlyField(e.message);
    return out;
  }
}

export class NetworkError extends Error {
  constructor() {
    super("We can't reach the studio right now. Check your connection, then try again.");
    this.name = "NetworkError";
  }
}

function wait(seconds: number | null): string {
  if (!seconds) return "in a moment";
  if (seconds < 90) return `in ${seconds} seconds`;
  return `in about ${Math.ceil(seconds / 60)} minutes`;
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const s = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** Humanise a field path: "product.benefits.0" -> "Product › Benefits › 1". */
export function fieldLabel(path: string): string {
  return path
    .split(".")
    .map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p.replace(/_/g, " ")))
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join(" › ");
}

function friendlyField(message: string): string {
  return sentence(message.replace(/^Value error, /, ""));
}

/** Return the message to show for an API error. */
export function explain(status: number, p: ProblemBody, retryAfter: number | null): string {
  const detail = p.detail ? sentence(p.detail) : "";
  const ref = p.request_id ? ` (reference ${p.request_id})` : "";
  switch (status) {
    case 400:
    case 409:
      return detail || "That can't be done right now.";
    case 401:
      return detail && !/token|bearer|credential/i.test(detail)
        ? detail
        : "Your session has ended. Please sign in again.";
    case 403:
      return `You don't have permission to do that. ${detail ? detail + " " : ""}Ask an admin of this organisation if you need it.`.trim();
    case 404:
      return "We couldn't find that. It may have been deleted, or it belongs to another organisation.";
    case 413:
      return "That file is too large to upload.";
    case 415:
      return detail || "That file type isn't supported.";
    case 422: {
      const errs = p.errors ?? [];
      if (errs.length === 0) return detail || "Some details need fixing.";
      const list = errs.slice(0, 3).map((e) => `${fieldLabel(e.field)}: ${friendlyField(e.message)}`);
      return `Please check ${errs.length === 1 ? "this field" : "these fields"}: ${list.join(" ")}`;
    }
    case 423:
      return `Too many attempts. Try again ${wait(retryAfter)}.`;
    case 429:
      return `You're going a little fast. Try again ${wait(retryAfter)}.`;
    default:
      if (status >= 500) return `Something went wrong on our side. Please try again${ref}.`;
      return detail || `The request failed${ref}.`;
  }
}

/** Return a message for anything thrown at the UI. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError || e instanceof NetworkError) return e.message;
  if (e instanceof Error) return e.message;
  return "Something went wrong.";
}
