// The create-video wizard: six steps over one reducer, a step list, Back and Next.
import { useState } from "react";

import { Alert, Button, Page } from "../../components/ui";
import { LAST_STEP, STEPS } from "./state";
import { StepFormats } from "./StepFormats";
import { StepLook } from "./StepLook";
import { Stepper } from "./Stepper";
import { StepQuote } from "./StepQuote";
import { StepRender } from "./StepRender";
import { StepScripts } from "./StepScripts";
import { StepStart } from "./StepStart";
import { useWizard } from "./useWizard";

import "./create.css";

export function Wizard({ templateParam }: { templateParam: string | null }) {
  const { state, dispatch, restored, startOver, submitted, catalog, kits, templates, template, heading, body, onFieldErrors, next } =
    useWizard(templateParam);
  const [notice, setNotice] = useState(restored);
  const go = (step: number) => {
    next.setError(null);
    dispatch({ type: "go", step });
  };
  const steps = [
    <StepStart key="start" state={state} catalog={catalog.data} kits={kits} templates={templates} template={template} dispatch={dispatch} onFieldErrors={onFieldErrors} />,
    <StepScripts key="scripts" state={state} catalog={catalog.data} dispatch={dispatch} onFieldErrors={onFieldErrors} />,
    <StepLook key="look" state={state} catalog={catalog} dispatch={dispatch} />,
    <StepFormats key="formats" state={state} dispatch={dispatch} />,
    <StepQuote key="quote" state={state} template={template} kits={kits.data ?? []} catalog={catalog.data} dispatch={dispatch} />,
    <StepRender key="render" state={state} dispatch={dispatch} onFieldErrors={onFieldErrors} onSubmitted={submitted} />,
  ];
  return (
    <Page
      title="Create a video"
      actions={
        <Button
          variant="secondary"
          onClick={() => {
            next.setError(null);
            setNotice(false);
            startOver();
            heading.current?.focus();
          }}
        >
          Start over
        </Button>
      }
    >
      {notice ? <Alert kind="info">We kept what you were making in this tab. Carry on, or start over.</Alert> : null}
      <Stepper step={state.step} onGo={go} />
      <section className="wizard-step" aria-labelledby="step-title">
        <h2 id="step-title" ref={heading} tabIndex={-1}>
          Step {state.step + 1} of {STEPS.length}: {STEPS[state.step]}
        </h2>
        {state.alert ? <Alert>{state.alert}</Alert> : null}
        {next.error ? <Alert>{next.error}</Alert> : null}
        <div ref={body}>{steps[state.step]}</div>
        <div className="wizard-nav">
          {state.step > 0 ? (
            <Button variant="secondary" onClick={() => go(state.step - 1)}>
              Back
            </Button>
          ) : null}
          {state.step < LAST_STEP ? (
            <Button busy={next.busy} onClick={() => void next.run()}>
              {state.step === LAST_STEP - 1 ? "Next: render" : "Next"}
            </Button>
          ) : null}
        </div>
      </section>
    </Page>
  );
}
