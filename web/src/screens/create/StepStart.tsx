// Step 1: start from a brief, a template or a product page; pick the brand kit and media.
import type { Dispatch } from "react";

import type { ApiError } from "../../api/problem";
import type { Async } from "../../components/hooks";
import { Alert } from "../../components/ui";
import type { Template } from "./build";
import { BrandKitPicker } from "./BrandKitPicker";
import { BriefForm } from "./BriefForm";
import type { BrandKit, Catalog } from "./calls";
import { MediaPicker } from "./MediaPicker";
import type { Action, Mode, WizardState } from "./state";
import { TemplateStart } from "./TemplateStart";
import { UrlImport } from "./UrlImport";

const MODES: { mode: Mode; label: string; hint: string }[] = [
  { mode: "brief", label: "Write a brief", hint: "Describe the product yourself." },
  { mode: "template", label: "Use a template", hint: "Fill in a proven ad structure." },
  { mode: "url", label: "Import a product page", hint: "We draft the brief from the page." },
];

interface Props {
  state: WizardState;
  catalog: Catalog | null;
  kits: Async<BrandKit[]>;
  templates: Async<Template[]>;
  template: Template | undefined;
  dispatch: Dispatch<Action>;
  onFieldErrors: (e: ApiError) => void;
}

export function StepStart({ state, catalog, kits, templates, template, dispatch, onFieldErrors }: Props) {
  const { mode, errors } = state;
  return (
    <div className="stack">
      <fieldset className="mode-cards">
        <legend>How do you want to start?</legend>
        <div className="cards">
          {MODES.map((m) => (
            <div className="radio-card" key={m.mode}>
              <input type="radio" id={`mode-${m.mode}`} name="start-mode" value={m.mode} checked={mode === m.mode} aria-describedby={`mode-${m.mode}-hint`} onChange={() => dispatch({ type: "mode", mode: m.mode })} />
              <label htmlFor={`mode-${m.mode}`}>{m.label}</label>
              <span id={`mode-${m.mode}-hint`} className="rc-desc">
                {m.hint}
              </span>
            </div>
          ))}
        </div>
      </fieldset>
      <p className="muted">
        Fields marked <span aria-hidden="true">*</span>
        <span className="visually-hidden">with an asterisk</span> are required.
      </p>
      {errors.brief ? <Alert>{errors.brief}</Alert> : null}
      {mode === "template" ? (
        <TemplateStart state={state} templates={templates} template={template} dispatch={dispatch} onFieldErrors={onFieldErrors} />
      ) : null}
      {mode === "url" ? <UrlImport url={state.importUrl} importedFrom={state.importedFrom} error={errors.url} dispatch={dispatch} /> : null}
      {mode === "brief" || (mode === "url" && state.importedFrom) ? (
        <BriefForm brief={state.brief} errors={errors} catalog={catalog} dispatch={dispatch} />
      ) : null}
      <BrandKitPicker kits={kits} value={state.brandKitId} error={errors.brand} dispatch={dispatch} />
      <MediaPicker images={state.images} music={state.music} error={errors.assets} dispatch={dispatch} />
    </div>
  );
}
