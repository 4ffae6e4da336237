// A cursor-paginated list: the first page on load, more on request, reload after changes.
import { useCallback, useEffect, useState } from "react";

import { messageOf } from "../../api/problem";

export interface PageOf<T> {
  items: T[];
  next_cursor?: string | null;
}

export function usePaged<T>(load: (cursor: string | null) => Promise<PageOf<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    load(null)
      .then((p) => {
        if (!live) return;
        setItems(p.items);
        setNext(p.next_cursor ?? null);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const more = useCallback(async () => {
    if (!next) return;
    setLoading(true);
    try {
      const p = await load(next);
      setItems((old) => [...old, ...p.items]);
      setNext(p.next_cursor ?? null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [load, next]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { items, hasMore: next !== null, loading, error, more, reload };
}
