// A form with its error message above the fields and its submit button (and Cancel) below them.
import { useId, type FormEvent, type FormHTMLAttributes, type ReactNode } from "react";

import { Alert, Button } from "./ui";

interface Props extends Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit"> {
  /** Runs on submit, in place of the browser's page load. */
  onSubmit: () => unknown;
  busy: boolean;
  /** The submit button's text. */
  submit: string;
  /** The problem to show above the fields. */
  error?: string | null | undefined;
  /** Shown in place of the plain error alert (null: nothing). */
  alert?: ReactNode;
  /** The form's heading, which names it. */
  title?: string;
  /** Shown first (after the title), above the error: an explanation, a notice. */
  lead?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  /** A full-width button on its own, as on the signed-out screens (otherwise the buttons sit in a row). */
  wide?: boolean;
  /** A ghost button beside the submit one. */
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
  /** Anything else beside the submit button (e.g. a Cancel link). */
  extra?: ReactNode;
}

export function SubmitForm({ onSubmit, busy, submit, error, alert, title, lead, variant, wide, onCancel, cancelLabel = "Cancel", extra, children, ...rest }: Props) {
  const titleId = useId();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  const button = (
    <Button type="submit" variant={variant} busy={busy} className={wide ? "auth-submit" : undefined}>
      {submit}
    </Button>
  );
  const cancel = onCancel ? (
    <Button variant="ghost" onClick={onCancel}>
      {cancelLabel}
    </Button>
  ) : null;
  return (
    <form onSubmit={send} aria-labelledby={title ? titleId : undefined} {...rest}>
      {title ? <h2 id={titleId}>{title}</h2> : null}
      {lead}
      {alert !== undefined ? alert : error ? <Alert>{error}</Alert> : null}
      {children}
      {wide ? (
        button
      ) : (
        <div className="row">
          {button}
          {cancel}
          {extra}
        </div>
      )}
    </form>
  );
}
