// "Edit a line and re-render": the variant's script lines as fields; re-render with them.
import { useState } from "react";

import { api, mediaUrl, unwrap, type Schemas } from "../../api/client";
import { useAction, useAsync } from "../../components/hooks";
import { Alert, Button, Card, Loading, TextArea } from "../../components/ui";
import type { Video } from "./format";

export interface Line {
  role: string;
  text: string;
  shot: string;
}

const MAX_LINE = 300;

async function loadLines(url: string): Promise<Line[]> {
  const res = await fetch(mediaUrl(url));
  if (!res.ok) throw new Error("We couldn't load this variant's script. Reload the page to try again.");
  const data = (await res.json()) as { lines?: Partial<Line>[] };
  return (data.lines ?? []).map((l) => ({ role: l.role ?? "body", text: l.text ?? "", shot: l.shot ?? "talk" }));
}

/** The brief with this variant's lines in options.scripts (other variants' edits are kept). */
export function withScript(brief: Record<string, unknown>, variant: number, lines: Line[]): Record<string, unknown> {
  const options = (brief.options ?? {}) as Record<string, unknown>;
  const scripts = Array.isArray(options.scripts) ? (options.scripts as { variant: number }[]) : [];
  const mine = { variant, lines: lines.map((l) => ({ role: l.role, text: l.text.trim(), shot: l.shot })) };
  const others = scripts.filter((s) => s.variant !== variant);
  return { ...brief, options: { ...options, scripts: [...others, mine].sort((a, b) => a.variant - b.variant) } };
}

function Lines({ lines, errors, onEdit }: { lines: Line[]; errors: Record<number, string>; onEdit: (i: number, text: string) => void }) {
  return (
    <ol className="script-lines">
      {lines.map((l, i) => (
        <li key={i}>
          <TextArea
            label={`Line ${i + 1} (${l.role})`}
            value={l.text}
            rows={2}
            maxLength={MAX_LINE}
            error={errors[i]}
            onChange={(e) => onEdit(i, e.target.value)}
          />
        </li>
      ))}
    </ol>
  );
}

interface Props {
  video: Video;
  variant: Schemas["VariantOut"];
  /** This variant's unsaved edits (kept by the parent, so switching variants loses none), or null. */
  edited: Line[] | null;
  onEdit: (lines: Line[] | null) => void;
  onChange: (v: Video) => void;
}

export function ScriptEditor({ video, variant, edited, onEdit, onChange }: Props) {
  const loaded = useAsync(() => loadLines(variant.script.url), []);
  const lines = edited ?? loaded.data;
  const setLines = onEdit;
  const [errors, setErrors] = useState<Record<number, string>>({});

  const changed = Boolean(lines && loaded.data && lines.some((l, i) => l.text !== loaded.data![i]?.text));
  const rerender = useAction(async () => {
    if (!lines) return;
    if (!changed) throw new Error("Change at least one line first, then re-render.");
    const empty = Object.fromEntries(lines.flatMap((l, i) => (l.text.trim() ? [] : [[i, "Write this line, or it can't be spoken."]])));
    setErrors(empty);
    if (Object.keys(empty).length) return;
    const body = { brief: withScript(video.brief, variant.variant, lines) };
    onChange(await unwrap(api.POST("/api/v1/videos/{video_id}/rerender", { params: { path: { video_id: video.id } }, body })));
  });

  return (
    <Card title="Edit a line and re-render">
      <p className="muted">
        Change what the presenter says in variant {variant.variant + 1}, then re-render. Steps that your edit doesn't touch are reused, so only this
        variant is made again.
      </p>
      {loaded.error ? <Alert>{loaded.error}</Alert> : null}
      {lines ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void rerender.run();
          }}
        >
          <Lines lines={lines} errors={errors} onEdit={(i, text) => setLines(lines.map((l, j) => (j === i ? { ...l, text } : l)))} />
          {rerender.error ? <Alert>{rerender.error}</Alert> : null}
          <div className="row">
            <Button type="submit" busy={rerender.busy}>
              Re-render
            </Button>
            {changed ? (
              <Button variant="ghost" onClick={() => setLines(null)}>
                Undo changes
              </Button>
            ) : null}
          </div>
        </form>
      ) : loaded.error ? null : (
        <Loading label="Loading the script…" />
      )}
    </Card>
  );
}
