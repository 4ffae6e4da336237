// Step 2: the writer's draft of every variant, line by line, editable; regenerate one at a time.
import { useCallback, useEffect, useRef, type Dispatch } from "react";

import { ApiError } from "../../api/problem";
import { useAction } from "../../components/hooks";
import { Alert, Badge, Button, Loading, RetryAlert } from "../../components/ui";
import { draftBrief, scriptsKey, variantCount, type Json } from "./build";
import { draftScripts, type Catalog } from "./calls";
import { Area } from "./fields";
import type { Action, VariantScript, WizardState } from "./state";

const SHOTS: Record<string, string> = {
  talk: "Said to camera.",
  product: "Said over a product shot.",
  broll: "Said over b-roll footage.",
};

function hookName(id: string): string {
  const words = id.replace(/^hook\./, "").replace(/-/g, " ");
  return words[0]!.toUpperCase() + words.slice(1);
}

/** Controllers for this step's requests: leaving the step aborts them. */
function useAborter(): () => AbortController {
  const live = useRef(new Set<AbortController>());
  useEffect(() => {
    const set = live.current;
    return () => {
      for (const c of set) c.abort();
      set.clear();
    };
  }, []);
  return useCallback(() => {
    const c = new AbortController();
    live.current.add(c);
    c.signal.addEventListener("abort", () => live.current.delete(c));
    return c;
  }, []);
}

interface CardProps {
  script: VariantScript;
  brief: Json;
  scriptsKey: string;
  kit: string | null;
  formatLabel: string;
  errors: Record<string, string>;
  dispatch: Dispatch<Action>;
}

function VariantCard({ script, brief, scriptsKey: key, kit, formatLabel, errors, dispatch }: CardProps) {
  const n = script.variant + 1;
  const aborter = useAborter();
  const regen = useAction(async () => {
    const attempt = script.attempt + 1;
    const ctrl = aborter();
    try {
      const [draft] = await draftScripts({ brief, brand_kit_id: kit, variants: 1, variant: script.variant, attempt }, ctrl.signal);
      if (draft) dispatch({ type: "redraft", draft, attempt, key });
    } catch (e) {
      if (!ctrl.signal.aborted) throw e;
    }
  });
  return (
    <fieldset className="card variant-card" aria-busy={regen.busy || undefined}>
      <legend>Variant {n}</legend>
      <p className="variant-meta">
        <Badge tone="info">{formatLabel}</Badge> <span className="muted">Hook: {hookName(script.hook_id)}</span>
        {script.edited ? <Badge tone="warn">Edited</Badge> : null}
      </p>
      {script.lines.map((line, i) => (
        <Area
          key={`${script.attempt}:${i}`}
          className="script-line"
          rows={2}
          label={`Variant ${n}, line ${i + 1} (${line.role})`}
          value={line.text}
          hint={SHOTS[line.shot]}
          error={errors[`scripts.${script.variant}.${i}`]}
          onChange={(e) => dispatch({ type: "line", variant: script.variant, index: i, text: e.target.value })}
        />
      ))}
      {regen.error ? <Alert>{regen.error}</Alert> : null}
      <Button variant="secondary" busy={regen.busy} onClick={() => void regen.run()}>
        Regenerate this one<span className="visually-hidden"> (variant {n})</span>
      </Button>
    </fieldset>
  );
}

interface Props {
  state: WizardState;
  catalog: Catalog | null;
  dispatch: Dispatch<Action>;
  onFieldErrors: (e: ApiError) => void;
}

export function StepScripts({ state, catalog, dispatch, onFieldErrors }: Props) {
  const brief = draftBrief(state) ?? {};
  const key = scriptsKey(state);
  const kit = state.brandKitId || null;
  const count = variantCount(state);
  const shown = state.scripts.filter((s) => s.variant < count);
  const stale = state.scripts.length > 0 && state.scriptsFor !== key;
  const edited = state.scripts.some((s) => s.edited);

  const aborter = useAborter();
  const draft = useAction(async (merge: boolean) => {
    const ctrl = aborter();
    try {
      const drafts = await draftScripts({ brief, brand_kit_id: kit, variants: count, attempt: 0 }, ctrl.signal);
      dispatch({ type: "drafts", drafts, merge, key, for: merge && state.scriptsFor ? state.scriptsFor : key });
    } catch (e) {
      if (ctrl.signal.aborted) return; // the step was left: nobody waits for these drafts
      if (e instanceof ApiError && Object.keys(e.fields).length) onFieldErrors(e);
      else throw e;
    }
  });

  // Draft what is missing; rewrite stale drafts only when no edit would be lost.
  useEffect(() => {
    if (!state.scripts.length || (stale && !edited)) void draft.run(false);
    else if (shown.length < count) void draft.run(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, count]);

  const formats = new Map((catalog?.formats ?? []).map((f) => [f.id, f.label]));
  return (
    <div className="stack">
      <p>
        Each variant is a different take on your ad. Edit any line: lines you change are always spoken as you wrote them, and the studio may drop or add other lines so the ad fits its length. You choose how many variants to render in step 4 (now {count}).
      </p>
      {state.errors.scripts ? <Alert>{state.errors.scripts}</Alert> : null}
      {draft.error ? (
        <RetryAlert onRetry={() => void draft.run(state.scripts.length > 0)}>{draft.error}</RetryAlert>
      ) : null}
      {stale && edited ? (
        <Alert kind="info">
          Your brief changed after these scripts were written.{" "}
          <Button variant="secondary" busy={draft.busy} onClick={() => void draft.run(false)}>
            Rewrite all scripts
          </Button>{" "}
          (this replaces your edits){" "}
          <Button variant="ghost" disabled={draft.busy} onClick={() => dispatch({ type: "keepScripts" })}>
            Keep my scripts
          </Button>
        </Alert>
      ) : null}
      {draft.busy ? <Loading label={shown.length ? "Writing more variants…" : "Writing scripts…"} /> : null}
      {shown.map((s) => (
        <VariantCard key={s.variant} script={s} brief={brief} scriptsKey={key} kit={kit} formatLabel={formats.get(s.format) ?? s.format} errors={state.errors} dispatch={dispatch} />
      ))}
    </div>
  );
}
