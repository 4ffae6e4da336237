// A cursor-paginated list: the first page per key, more pages on request, reload after changes.
import { useCallback, useEffect, useRef, useState } from "react";

import { messageOf } from "../api/problem";

export interface PageOf<T> {
  items: T[];
  next_cursor?: string | null;
}

interface Shown<T> {
  key: string | null;
  items: T[];
  next: string | null;
}

export interface Paged<T> {
  /** The key the listed items belong to (null before the first page): a caller may hide an older key's items. */
  key: string | null;
  items: T[];
  error: string | null;
  /** A page is on its way (the first one or a further one). */
  loading: boolean;
  hasMore: boolean;
  more: () => void;
  reload: () => void;
  /** Change the listed items in place (a refresh), unless the list has moved on from `key`. */
  update: (key: string, change: (items: T[]) => T[]) => void;
}

/** Append a further page, leaving out items already listed (a refresh may have added them). */
function append<T>(items: T[], page: T[], idOf?: (item: T) => string): T[] {
  if (!idOf) return [...items, ...page];
  const seen = new Set(items.map(idOf));
  return [...items, ...page.filter((i) => !seen.has(idOf(i)))];
}

/** List what `load` pages through for `key` (a new key starts over); the last items stay while reloading. */
export function usePaged<T>(key: string, load: (cursor: string | null) => Promise<PageOf<T>>, idOf?: (item: T) => string): Paged<T> {
  const [shown, setShown] = useState<Shown<T>>({ key: null, items: [], next: null });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  // Bumped by each first page (and on unmount), so late answers for an older one are dropped.
  const generation = useRef(0);

  const fetchPage = (cursor: string | null, use: (p: PageOf<T>) => void) => {
    const mine = generation.current;
    setPending((n) => n + 1);
    latest
      .current(cursor)
      .then((p) => mine === generation.current && use(p))
      .catch((e: unknown) => mine === generation.current && setError(messageOf(e)))
      .finally(() => setPending((n) => n - 1));
  };

  useEffect(() => {
    generation.current += 1;
    setError(null);
    fetchPage(null, (p) => setShown({ key, items: p.items, next: p.next_cursor ?? null }));
    return () => {
      generation.current += 1;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const more = () => {
    // A first page on its way replaces the list, so its older cursor is not followed.
    if (!shown.next || pending > 0) return;
    fetchPage(shown.next, (p) => setShown((s) => ({ ...s, items: append(s.items, p.items, idOf), next: p.next_cursor ?? null })));
  };
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const update = useCallback((k: string, change: (items: T[]) => T[]) => setShown((s) => (s.key === k ? { ...s, items: change(s.items) } : s)), []);
  return { key: shown.key, items: shown.items, error, loading: pending > 0, hasMore: shown.next !== null, more, reload, update };
}
