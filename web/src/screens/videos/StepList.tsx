// Each variant's steps with a status mark and words: queued, running with %, done, reused.
import { groupSteps, type StepView } from "./steps";
import type { Step } from "./format";

const MARKS: Record<StepView["state"], string> = {
  queued: "○",
  running: "◔",
  done: "✓",
  reused: "↺",
  failed: "✗",
  cancelled: "–",
};

export function StepList({ steps }: { steps: Step[] }) {
  const groups = groupSteps(steps);
  if (groups.length === 0) return <p className="muted">Waiting for a free renderer…</p>;
  return (
    <div className="step-groups">
      {groups.map((g) => (
        <section key={g.variant} className="step-group" aria-labelledby={`steps-v${g.variant}`}>
          <h3 id={`steps-v${g.variant}`}>Variant {g.variant + 1}</h3>
          <ol className="steps" aria-label={`Steps for variant ${g.variant + 1}`}>
            {g.steps.map((s) => (
              <li key={s.name} className={`step step-${s.state}`} data-step={s.name}>
                <span className="step-mark" aria-hidden="true">
                  {MARKS[s.state]}
                </span>
                <span className="step-label">{s.label}</span>
                <span className="step-state">{s.text}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
