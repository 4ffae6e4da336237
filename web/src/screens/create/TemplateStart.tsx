// Step 1, from a template: pick one, fill its variables, and preview the brief they make.
import { useEffect, type Dispatch } from "react";

import { ApiError } from "../../api/problem";
import type { Async } from "../../components/hooks";
import { useAction } from "../../components/hooks";
import { Alert, Badge, Button, Loading, RetryAlert } from "../../components/ui";
import { typedVariables, variableDefaults, type Json, type Template } from "./build";
import { renderTemplate } from "./calls";
import { Select } from "./fields";
import type { Action, WizardState } from "./state";
import { VariablesForm } from "./VariablesForm";
import { BriefPreview } from "./BriefPreview";

/** The key a rendered brief belongs to: the template and the values typed. */
export function renderKey(s: WizardState, t: Template | undefined): string {
  return JSON.stringify([s.templateId, typedVariables(t, s.variables)]);
}

interface Props {
  state: WizardState;
  templates: Async<Template[]>;
  template: Template | undefined;
  dispatch: Dispatch<Action>;
  onFieldErrors: (e: ApiError) => void;
}

export function TemplateStart({ state, templates, template, dispatch, onFieldErrors }: Props) {
  const key = renderKey(state, template);
  // A preselected template (?template=) gets its defaults once the list has loaded.
  useEffect(() => {
    if (template && state.variablesFor !== template.id) dispatch({ type: "template", id: template.id, defaults: variableDefaults(template) });
  }, [template, state.variablesFor, dispatch]);

  const preview = useAction(async () => {
    if (!template) return;
    try {
      const brief: Json = await renderTemplate(template.id, typedVariables(template, state.variables));
      dispatch({ type: "templateBrief", brief, for: key });
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) onFieldErrors(e);
      else throw e;
    }
  });

  if (templates.loading && !templates.data) return <Loading label="Loading templates…" />;
  if (templates.error) return <RetryAlert onRetry={templates.reload}>{templates.error}</RetryAlert>;
  const list = templates.data ?? [];
  if (!list.length) return <Alert kind="info">There are no templates yet. Start from a brief instead.</Alert>;
  const choices = [{ value: "", label: "Choose a template…" }, ...list.map((t) => ({ value: t.id, label: `${t.name}${t.system ? " (built in)" : ""}` }))];
  const gone = state.templateId && !template;
  return (
    <div className="stack">
      <Select
        label="Template"
        required
        value={template ? template.id : ""}
        options={choices}
        error={state.errors.template_id ?? (gone ? "That template is no longer available. Choose another one." : undefined)}
        onChange={(e) => {
          const t = list.find((x) => x.id === e.target.value);
          dispatch({ type: "template", id: e.target.value, defaults: t ? variableDefaults(t) : {} });
        }}
      />
      {template ? (
        <>
          <p className="template-about">
            <Badge tone="info">{template.format}</Badge> {template.description}
          </p>
          <VariablesForm template={template} values={state.variables} errors={state.errors} dispatch={dispatch} />
          <div className="row">
            <Button variant="secondary" busy={preview.busy} onClick={() => void preview.run()}>
              Preview the brief
            </Button>
          </div>
          {preview.error ? <Alert>{preview.error}</Alert> : null}
          {state.templateBrief && state.templateBriefFor === key ? <BriefPreview brief={state.templateBrief} /> : null}
        </>
      ) : null}
    </div>
  );
}
