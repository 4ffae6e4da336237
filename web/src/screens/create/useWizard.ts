// The wizard's behaviour: its data, focus on step change, Next (checks first), server errors.
import { useCallback, useEffect, useReducer, useRef, useState } from "react";

import { ApiError } from "../../api/problem";
import { useSession } from "../../auth/session";
import { useAction, useAsync } from "../../components/hooks";
import { typedVariables, type Template } from "./build";
import { loadCatalog, loadKits, loadTemplates, renderTemplate } from "./calls";
import { initialState, reducer, type WizardState } from "./state";
import { forget, loadSaved, save } from "./saved";
import { renderKey } from "./TemplateStart";
import { checkStep, mapServerErrors, serverSummary, stepOf, summary } from "./validate";

/** Render the template into a brief unless the brief already matches the values typed. */
async function ensureTemplateBrief(s: WizardState, t: Template, save: (brief: Record<string, unknown>, key: string) => void) {
  const key = renderKey(s, t);
  if (s.templateBrief && s.templateBriefFor === key) return;
  save(await renderTemplate(t.id, typedVariables(t, s.variables)), key);
}

/** Move focus to the step's heading whenever the step changes (not on first load). */
function useStepFocus(step: number) {
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) heading.current?.focus();
    mounted.current = true;
  }, [step]);
  return heading;
}

/** The reducer, started from this tab's saved wizard if there is one, and saved on every change. */
function useSavedReducer(orgId: string, templateParam: string | null) {
  const [restored] = useState(() => loadSaved(orgId, templateParam));
  const [state, dispatch] = useReducer(reducer, templateParam, (t) => restored ?? initialState(t));
  // Once the render is queued nothing is kept; after starting over, nothing until the next change.
  const done = useRef(false);
  const fresh = useRef(false);
  useEffect(() => {
    if (!done.current && !fresh.current) save(orgId, templateParam, state);
    fresh.current = false;
  }, [orgId, templateParam, state]);
  const startOver = useCallback(() => {
    forget(orgId, templateParam);
    fresh.current = true;
    dispatch({ type: "reset", state: initialState(templateParam) });
  }, [orgId, templateParam]);
  const submitted = useCallback(() => {
    done.current = true;
    forget(orgId, templateParam);
  }, [orgId, templateParam]);
  return { state, dispatch, restored: restored !== null, startOver, submitted };
}

export function useWizard(templateParam: string | null) {
  const { org } = useSession();
  const { state, dispatch, restored, startOver, submitted } = useSavedReducer(org?.organization_id ?? "", templateParam);
  const catalog = useAsync(loadCatalog, []);
  const kits = useAsync(loadKits, []);
  const templates = useAsync(() => loadTemplates(templateParam), [templateParam]);
  const template = templates.data?.find((t) => t.id === state.templateId);
  // Callbacks read the newest state through this ref, so they never act on a stale copy.
  const latest = useRef({ state, template });
  latest.current = { state, template };
  const heading = useStepFocus(state.step);
  const body = useRef<HTMLDivElement>(null);

  const focusInvalid = useCallback(() => {
    requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }, []);

  /** Show the API's field errors on their fields, on the first step that has one. */
  const onFieldErrors = useCallback(
    (e: ApiError) => {
      const { state: s, template: t } = latest.current;
      const { errors, step } = mapServerErrors(e.fields, s, t);
      dispatch({ type: "errors", errors, alert: Object.keys(errors).length ? serverSummary(errors) : e.message, step });
      if (step === s.step) focusInvalid();
    },
    [focusInvalid],
  );

  const next = useAction(async () => {
    const { state: s, template: t } = latest.current;
    const problems = checkStep(s, t);
    if (Object.keys(problems).length) {
      dispatch({ type: "errors", errors: problems, alert: summary(problems) });
      return focusInvalid();
    }
    if (s.step === 0 && s.mode === "template" && t) {
      try {
        await ensureTemplateBrief(s, t, (brief, key) => dispatch({ type: "templateBrief", brief, for: key }));
      } catch (e) {
        if (e instanceof ApiError && Object.keys(e.fields).length) return onFieldErrors(e);
        throw e;
      }
    }
    const rest = Object.fromEntries(Object.entries(s.errors).filter(([k]) => stepOf(k) !== s.step));
    dispatch({ type: "errors", errors: rest, alert: null });
    dispatch({ type: "go", step: s.step + 1 });
  });

  return { state, dispatch, restored, startOver, submitted, catalog, kits, templates, template, heading, body, onFieldErrors, next };
}
