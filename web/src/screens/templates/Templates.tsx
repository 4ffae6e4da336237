// The template gallery: built-in and organisation templates, searchable, paged with "Load more".
import { useEffect, useId, useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/session";
import { Alert, Button, Empty, Loading, Page } from "../../components/ui";
import { TemplateCard } from "./TemplateCard";
import { useDebounced } from "./useDebounced";
import "./templates.css";

type Template = Schemas["TemplateOut"];
const PAGE = 12;

interface Results {
  query: string;
  items: Template[];
  next: string | null;
}

function fetchPage(q: string, cursor: string | null) {
  const query = { limit: PAGE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) };
  return unwrap(api.GET("/api/v1/templates", { params: { query } }));
}

/** The first page for the settled query, then more pages on demand; stale answers are dropped. */
function useTemplates(q: string) {
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setBusy(true);
    setError(null);
    fetchPage(q, null)
      .then((p) => live && setResults({ query: q, items: p.items, next: p.next_cursor }))
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [q, tick]);

  const more = async () => {
    if (!results?.next) return;
    setBusy(true);
    try {
      const p = await fetchPage(results.query, results.next);
      setResults((r) => (r && r.query === results.query ? { ...r, items: [...r.items, ...p.items], next: p.next_cursor } : r));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { results, error, busy, more, retry: () => setTick((t) => t + 1) };
}

function countText(r: Results): string {
  const n = r.items.length;
  const noun = n === 1 ? "template" : "templates";
  const shown = r.next ? `Showing the first ${n} ${noun}` : `${n} ${noun}`;
  return r.query ? `${shown} match “${r.query}”` : shown;
}

export default function Templates() {
  const { can } = useSession();
  const id = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 300);
  const { results, error, busy, more, retry } = useTemplates(q);

  return (
    <Page title="Templates">
      <p className="muted">Start a video from a proven ad structure. Built-in templates cover every format; your team's own templates appear here too.</p>
      <div className="template-search" role="search">
        <label htmlFor={id}>Search templates</label>
        <input id={id} type="search" value={text} placeholder="e.g. unboxing, testimonial, TikTok" maxLength={200} onChange={(e) => setText(e.target.value)} />
      </div>
      {error ? (
        <Alert>
          {error}{" "}
          <Button variant="ghost" onClick={retry}>
            Try again
          </Button>
        </Alert>
      ) : null}
      <p className="result-count" role="status" aria-live="polite">
        {results ? countText(results) : ""}
      </p>
      {!results && busy ? <Loading label="Loading templates…" /> : null}
      {results && results.items.length === 0 ? (
        results.query ? (
          <Empty title="No templates match your search">
            <p>Nothing matches “{results.query}”. Try another word, such as a format (review, unboxing) or a platform (TikTok).</p>
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
      {results && results.items.length ? (
        <ul className="grid template-grid" aria-busy={busy || undefined}>
          {results.items.map((t) => (
            <TemplateCard key={t.id} template={t} canUse={can("videos:write")} />
          ))}
        </ul>
      ) : null}
      {results?.next ? (
        <div className="load-more">
          <Button variant="secondary" busy={busy} onClick={() => void more()}>
            Load more
          </Button>
        </div>
      ) : null}
    </Page>
  );
}
