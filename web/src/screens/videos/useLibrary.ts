// The library's pages of videos: first page per filter, "load more", and a refresh while any renders.
import { useEffect } from "react";

import { api, unwrap } from "../../api/client";
import { usePaged } from "../../components/paged";
import { useVisible } from "../useVisible";
import { blobPath, isActive, type Status, type Summary } from "./format";

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

/** The fresh copy, keeping the shown cover's URL while it is the same file (a new signature would download it again). */
function keepCover(old: Summary, fresh: Summary): Summary {
  if (!old.cover || !fresh.cover || blobPath(old.cover.url) !== blobPath(fresh.cover.url)) return fresh;
  return { ...fresh, cover: old.cover };
}

/** Put fresh copies of known videos in place and new ones on top (newest first). */
function mergeFresh(items: Summary[], fresh: Summary[]): Summary[] {
  const byId = new Map(fresh.map((v) => [v.id, v]));
  const known = new Set(items.map((v) => v.id));
  const added = fresh.filter((v) => !known.has(v.id));
  return [...added, ...items.map((v) => {
    const f = byId.get(v.id);
    return f ? keepCover(v, f) : v;
  })];
}

/** The videos of organisation `orgId` matching `filters` (a new organisation or filter starts over). */
export function useLibrary(orgId: string, filters: Filters) {
  const key = `${orgId}|${filters.status}|${filters.q.trim()}`;
  const list = usePaged(key, (cursor) => fetchPage(filters, cursor), (v) => v.id);
  // Another filter's videos are not shown while this one's first page loads.
  const items = list.key === key ? list.items : null;
  const { update } = list;

  const rendering = (items ?? []).some((v) => isActive(v.status));
  const visible = useVisible();
  useEffect(() => {
    // A hidden tab does not poll; showing it again polls on the next tick.
    if (!rendering || !visible) return;
    const timer = window.setInterval(() => {
      fetchPage(filters, null)
        .then((p) => update(key, (old) => mergeFresh(old, p.items)))
        .catch(() => undefined); // a missed refresh is retried on the next tick
    }, POLL_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rendering, visible, key]);

  return { items, error: list.error, hasMore: list.hasMore, loadingMore: list.loading, loadMore: list.more, retry: list.reload };
}
