// The library's filters: a status select and a product search that waits for the typing to stop.
import { useEffect, useRef, useState } from "react";

import { SelectField, TextField } from "../../components/ui";
import { STATUSES, statusLabel, type Status } from "./format";
import type { Filters } from "./useLibrary";

const DEBOUNCE_MS = 300;

const OPTIONS = [{ value: "", label: "All statuses" }, ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))];

export function LibraryFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const [text, setText] = useState(value.q);
  const sent = useRef(value.q);

  // Follow outside changes (clear filters, back button), not the echo of our own search.
  useEffect(() => {
    if (value.q !== sent.current) {
      sent.current = value.q;
      setText(value.q);
    }
  }, [value.q]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = window.setTimeout(() => {
      sent.current = text;
      onChange({ ...value, q: text });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <form className="library-filters" role="search" aria-label="Filter videos" onSubmit={(e) => {
      e.preventDefault();
      sent.current = text;
      onChange({ ...value, q: text });
    }}>
      <TextField
        label="Search by product"
        type="search"
        value={text}
        maxLength={80}
        placeholder="e.g. Glow Serum"
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label="Status"
        value={value.status}
        options={OPTIONS}
        onChange={(e) => onChange({ ...value, status: e.target.value as Status | "" })}
      />
    </form>
  );
}
