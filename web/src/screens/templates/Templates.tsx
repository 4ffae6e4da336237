// The template gallery: built-in and organisation templates, searchable, paged with "Load more".
import { useId, useState } from "react";

import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { usePaged } from "../../components/paged";
import { Button, Empty, Loading, Page, RetryAlert } from "../../components/ui";
import { TemplateCard } from "./TemplateCard";
import { useDebounced } from "./useDebounced";
import "./templates.css";

const PAGE = 12;

function fetchPage(q: string, cursor: string | null) {
  const query = { limit: PAGE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) };
  return unwrap(api.GET("/api/v1/templates", { params: { query } }));
}

function countText(query: string, n: number, more: boolean): string {
  const noun = n === 1 ? "template" : "templates";
  const shown = more ? `Showing the first ${n} ${noun}` : `${n} ${noun}`;
  return query ? `${shown} match “${query}”` : shown;
}

export default function Templates() {
  const { can } = useSession();
  const id = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 300);
  // The last answer stays listed (marked busy) while a newer search runs; `shown` is the query it answers.
  const list = usePaged(q, (cursor) => fetchPage(q, cursor));
  const shown = list.key;

  return (
    <Page title="Templates">
      <p className="muted">Start a video from a proven ad structure. Built-in templates cover every format; your team's own templates appear here too.</p>
      <div className="template-search" role="search">
        <label htmlFor={id}>Search templates</label>
        <input id={id} type="search" value={text} placeholder="e.g. unboxing, testimonial, TikTok" maxLength={200} onChange={(e) => setText(e.target.value)} />
      </div>
      {list.error ? (
        <RetryAlert onRetry={list.reload}>{list.error}</RetryAlert>
      ) : null}
      <p className="result-count" role="status" aria-live="polite">
        {shown === null ? "" : countText(shown, list.items.length, list.hasMore)}
      </p>
      {shown === null && list.loading ? <Loading label="Loading templates…" /> : null}
      {shown !== null && list.items.length === 0 ? (
        shown ? (
          <Empty title="No templates match your search">
            <p>Nothing matches “{shown}”. Try another word, such as a format (review, unboxing) or a platform (TikTok).</p>
            <Button variant="secondary" onClick={() => setText("")}>
              Clear search
            </Button>
          </Empty>
        ) : (
          <Empty title="No templates yet">
            <p>Templates will appear here.</p>
          </Empty>
        )
      ) : null}
      {list.items.length ? (
        <ul className="grid template-grid" aria-busy={list.loading || undefined}>
          {list.items.map((t) => (
            <TemplateCard key={t.id} template={t} canUse={can("videos:write")} />
          ))}
        </ul>
      ) : null}
      {list.hasMore ? (
        <div className="templates-load-more">
          <Button variant="secondary" busy={list.loading} onClick={list.more}>
            Load more
          </Button>
        </div>
      ) : null}
    </Page>
  );
}
