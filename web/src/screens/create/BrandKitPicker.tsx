// The brand kit the video uses: colours, fonts, logo, voice and banned words.
import { useEffect, type Dispatch } from "react";
import { Link } from "react-router";

import type { Async } from "../../components/hooks";
import { Loading, RetryAlert } from "../../components/ui";
import type { BrandKit } from "./calls";
import { Select } from "./fields";
import type { Action } from "./state";

interface Props {
  kits: Async<BrandKit[]>;
  value: string;
  error: string | undefined;
  dispatch: Dispatch<Action>;
}

export function BrandKitPicker({ kits, value, error, dispatch }: Props) {
  const list = kits.data ?? [];
  // Preselect the organisation's default kit (the API would use it anyway).
  useEffect(() => {
    if (value || !list.length) return;
    const chosen = list.find((k) => k.is_default) ?? list[0]!;
    dispatch({ type: "kit", id: chosen.id });
  }, [value, list, dispatch]);

  if (kits.loading && !kits.data) return <Loading label="Loading brand kits…" />;
  if (kits.error) {
    return (
      <RetryAlert onRetry={kits.reload}>{kits.error}</RetryAlert>
    );
  }
  if (!list.length) {
    return (
      <p className="muted">
        No brand kits yet, so the studio's default colours and fonts are used. <Link to="/brand">Set up a brand kit</Link>
      </p>
    );
  }
  return (
    <Select
      label="Brand kit"
      value={value}
      error={error}
      hint="Colours, fonts, logo, voice and banned words."
      options={list.map((k) => ({ value: k.id, label: k.is_default ? `${k.name} (default)` : k.name }))}
      onChange={(e) => dispatch({ type: "kit", id: e.target.value })}
    />
  );
}
