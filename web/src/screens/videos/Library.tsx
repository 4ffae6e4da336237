// The home screen: the organisation's videos, newest first, with filters and live progress.
import { useCallback, useMemo } from "react";
import { Link, useSearchParams } from "react-router";

import { useSession } from "../../auth/session";
import { Button, Empty, Loading, Page, RetryAlert } from "../../components/ui";
import { STATUSES, type Status } from "./format";
import { LibraryFilters } from "./LibraryFilters";
import { useLibrary, type Filters } from "./useLibrary";
import { VideoCard } from "./VideoCard";
import "./videos.css";

function useFilters(): [Filters, (f: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get("status") ?? "";
  const status: Status | "" = (STATUSES as string[]).includes(raw) ? (raw as Status) : "";
  const q = params.get("q") ?? "";
  const filters = useMemo<Filters>(() => ({ status, q }), [status, q]);
  const set = useCallback(
    (f: Filters) => {
      const next = new URLSearchParams();
      if (f.status) next.set("status", f.status);
      if (f.q.trim()) next.set("q", f.q);
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [filters, set];
}

function CreateLink({ children }: { children: string }) {
  return (
    <Link to="/create" className="btn btn-primary">
      {children}
    </Link>
  );
}

function NoVideos({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { can } = useSession();
  if (filtered) {
    return (
      <Empty title="No videos match">
        <p className="muted">Try another product name or status.</p>
        <Button variant="secondary" onClick={onClear}>
          Clear filters
        </Button>
      </Empty>
    );
  }
  return (
    <Empty title="No videos yet">
      <p className="muted">Videos you make appear here, with their progress while they render.</p>
      {can("videos:write") ? <CreateLink>Create your first video</CreateLink> : <p className="muted">Ask an editor to make the first one.</p>}
    </Empty>
  );
}

export default function Library() {
  const { can, org } = useSession();
  const [filters, setFilters] = useFilters();
  const { items, error, hasMore, loadingMore, loadMore, retry } = useLibrary(org?.organization_id ?? "", filters);
  const filtered = Boolean(filters.status || filters.q.trim());

  return (
    <Page title="Videos" actions={can("videos:write") ? <CreateLink>Create video</CreateLink> : null}>
      <LibraryFilters value={filters} onChange={setFilters} />
      {error ? (
        <RetryAlert onRetry={retry}>{error}</RetryAlert>
      ) : null}
      {items === null ? (
        error ? null : <Loading label="Loading videos…" />
      ) : items.length === 0 ? (
        <NoVideos filtered={filtered} onClear={() => setFilters({ status: "", q: "" })} />
      ) : (
        <>
          <ul className="video-grid" aria-label="Videos">
            {items.map((v) => (
              <VideoCard key={v.id} video={v} />
            ))}
          </ul>
          {hasMore ? (
            <div className="video-load-more">
              <Button variant="secondary" busy={loadingMore} onClick={loadMore}>
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}
