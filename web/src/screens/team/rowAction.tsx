// A team row's action (change a role, remove, revoke): busy while it runs, its error beside it.
import { useState } from "react";

import { ApiError, messageOf } from "../../api/problem";

/** Run row actions; a 403 (the caller's role changed under them) goes to `onRefused` for the page to show. */
export function useRowAction(onRefused: (m: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) onRefused(e.message);
      else setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function RowError({ error }: { error: string | null }) {
  return error ? (
    <span className="field-error" role="alert">
      {error}
    </span>
  ) : null;
}
