// Small accessible building blocks shared by every screen.
import { useEffect, useId, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export function Button({
  variant = "primary",
  busy = false,
  className,
  children,
  disabled,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean }) {
  // `disabled` goes last: a caller's disabled={false} must not re-enable a busy button.
  return (
    <button
      type="button"
      className={className ? `btn btn-${variant} ${className}` : `btn btn-${variant}`}
      aria-busy={busy || undefined}
      {...rest}
      disabled={busy || disabled}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Mark the field required with a visible "*"; the form checks it itself (no browser check). */
  mark?: boolean | undefined;
  /** Leave the error unannounced, where the form sums its errors up in an alert of its own. */
  quiet?: boolean | undefined;
}

/** The visible "required" mark (screen readers hear aria-required instead). */
export function Req({ on }: { on?: boolean | undefined }) {
  return on ? <span className="req" aria-hidden="true"> *</span> : null;
}

/** A field's hint and error, referenced by `describedBy`. */
export function Described({ id, error, hint, quiet }: { id: string; error?: string | undefined; hint?: ReactNode; quiet?: boolean | undefined }) {
  return (
    <>
      {hint ? <span id={`${id}-hint`} className="hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field-error" role={quiet ? undefined : "alert"}>{error}</span> : null}
    </>
  );
}

export function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

interface ControlAria {
  id: string;
  "aria-required": boolean | undefined;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

/** The label, control and notes every field shares; `control` draws the input itself. */
function Field({ label, error, hint, mark, quiet, control }: FieldProps & { control: (aria: ControlAria) => ReactNode }) {
  const id = useId();
  const aria = { id, "aria-required": mark || undefined, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, error, hint) };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <Req on={mark} />
      </label>
      {control(aria)}
      <Described id={id} error={error} hint={hint} quiet={quiet} />
    </div>
  );
}

export function TextField({ label, error, hint, mark, quiet, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hint={hint} mark={mark} quiet={quiet} control={(aria) => <input {...aria} {...rest} />} />;
}

export function TextArea({ label, error, hint, mark, quiet, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} error={error} hint={hint} mark={mark} quiet={quiet} control={(aria) => <textarea {...aria} {...rest} />} />;
}

interface Option {
  value: string;
  label: string;
}

export function SelectField({ label, error, hint, mark, quiet, options, ...rest }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[] }) {
  const control = (aria: ControlAria) => (
    <select {...aria} {...rest}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  return <Field label={label} error={error} hint={hint} mark={mark} quiet={quiet} control={control} />;
}

export function Alert({ kind = "error", children }: { kind?: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** An error with a "Try again" button beside it. */
export function RetryAlert({ children, onRetry }: { children: ReactNode; onRetry: () => void }) {
  return (
    <Alert>
      {children}{" "}
      <Button variant="ghost" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

let focusNext = false;

/** Note a route change: the next page heading to appear takes focus (never on the first load). */
export function noteNavigation(): void {
  focusNext = true;
}

/** Name the browser tab after the page, and focus its heading after a route change. */
export function usePageHeading(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · UGC Studio`;
  }, [title]);
  useEffect(() => {
    if (!focusNext) return;
    focusNext = false;
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = usePageHeading(title);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Card({ title, children, actions }: { title?: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="card">
      {title || actions ? (
        <div className="card-head">
          {title ? <h2>{title}</h2> : null}
          {actions}
        </div>
      ) : null}
      {children}
    </div>
  );
}

export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "good" | "bad" | "warn" | "info"; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** A progress bar with an accessible name and value. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
