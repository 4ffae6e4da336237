// The library's pages of videos: first page per filter, "load more", and a refresh while any renders.
import { useCallback, useEffect, useRef, useState } from "react";

import { api, unwrap } from "../../api/client";
import { messageOf } from "../../api/problem";
import { isActive, type Status, type Summary } from "./format";

const PAGE = 24;
const POLL_MS = 3000;

export interface Filters {
  status: Status | "";
  q: string;
}

function fetchPage(f: Filters, cursor: string | null) {
  const query = { limit: PAGE, cursor, status: f.status || null, q: f.q.trim() || null };
  return unwrap(api.GET("/api/v1/videos", { params: { query } }));
}

/** Put fresh copies of known videos in place and new ones on top (newest first). */
function mergeFresh(items: Summary[], fresh: Summary[]): Summary[] {
  const byId = new Map(fresh.map((v) => [v.id, v]));
  const known = new Set(items.map((v) => v.id));
  const added = fresh.filter((v) => !known.has(v.id));
  return [...added, ...items.map((v) => byId.get(v.id) ?? v)];
}

/** The videos of organisation `orgId` matching `filters` (a new organisation or filter starts over). */
export function useLibrary(orgId: string, filters: Filters) {
  const [items, setItems] = useState<Summary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [tick, setTick] = useState(0);
  const key = `${orgId}|${filters.status}|${filters.q.trim()}`;
  const latest = useRef(key);
  latest.current = key;

  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    fetchPage(filters, null)
      .then((p) => {
        if (!live) return;
        setItems(p.items);
        setCursor(p.next_cursor);
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const rendering = (items ?? []).some((v) => isActive(v.status));
  useEffect(() => {
    if (!rendering) return;
    const timer = window.setInterval(() => {
      const asked = key;
      fetchPage(filters, null)
        .then((p) => latest.current === asked && setItems((old) => (old ? mergeFresh(old, p.items) : p.items)))
        .catch(() => undefined); // a missed refresh is retried on the next tick
    }, POLL_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rendering, key]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const asked = latest.current;
    setMore(true);
    try {
      const p = await fetchPage(filters, cursor);
      if (latest.current !== asked) return;
      setItems((old) => {
        const seen = new Set((old ?? []).map((v) => v.id));
        return [...(old ?? []), ...p.items.filter((v) => !seen.has(v.id))];
      });
      setCursor(p.next_cursor);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setMore(false);
    }
  }, [cursor, filters]);

  const retry = useCallback(() => setTick((t) => t + 1), []);
  return { items, error, hasMore: cursor !== null, loadingMore: more, loadMore, retry };
}
