// Data loading with loading, error and reload states.
import { useCallback, useEffect, useRef, useState } from "react";

import { messageOf } from "../api/problem";

export interface Async<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Run `load` on mount and whenever `deps` change; keep the last data while reloading. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    let live = true;
    setLoading(true);
    latest
      .current()
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Wrap an action: busy while it runs, its error as `describe` words it (null while there is none). */
export function useActionAs<A extends unknown[], E>(run: (...args: A) => Promise<void>, describe: (e: unknown) => E) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E | null>(null);
  const words = useRef(describe);
  words.current = describe;
  const go = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await run(...args);
      } catch (e) {
        setError(words.current(e));
      } finally {
        setBusy(false);
      }
    },
    [run],
  );
  return { busy, error, setError, run: go };
}

/** Wrap an action: busy while it runs, its error as a message. */
export function useAction<A extends unknown[]>(run: (...args: A) => Promise<void>) {
  return useActionAs(run, messageOf);
}
