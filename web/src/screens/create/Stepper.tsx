// The step list: where the user is, which steps are done (and can be revisited), which are ahead.
import { STEPS } from "./state";

export function Stepper({ step, onGo }: { step: number; onGo: (step: number) => void }) {
  return (
    <nav className="stepper" aria-label="Steps">
      <ol>
        {STEPS.map((name, i) => {
          const state = i < step ? "done" : i === step ? "current" : "ahead";
          return (
            <li key={name} className={`step-${state}`}>
              {i < step ? (
                <button type="button" className="step-link" onClick={() => onGo(i)}>
                  <span className="step-num" aria-hidden="true">{i + 1}</span>
                  {name}
                  <span className="visually-hidden"> (done)</span>
                </button>
              ) : (
                <span className="step-label" aria-current={i === step ? "step" : undefined}>
                  <span className="step-num" aria-hidden="true">{i + 1}</span>
                  {name}
                  {i > step ? <span className="visually-hidden"> (not yet)</span> : null}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
