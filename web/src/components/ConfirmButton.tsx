// A button that asks before a destructive action, in a modal dialog with its own error message.
import { useId, useRef, useState, type ReactNode, type SyntheticEvent } from "react";

import { messageOf } from "../api/problem";
import { Alert, Button } from "./ui";
import "./confirm.css";

interface Props {
  /** The trigger's visible text, e.g. "Delete". */
  label: string;
  /** The trigger's accessible name when the visible text alone is ambiguous, e.g. "Delete Glow main". */
  name?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  variant?: "danger" | "ghost" | "secondary";
  onConfirm: () => Promise<void>;
}

export function ConfirmButton({ label, name, title, children, confirmLabel, variant = "ghost", onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(false);

  const open = () => {
    setError(null);
    dialog.current?.showModal();
    setShown(true);
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  // While the action runs the dialog stays: its outcome (an error) must have somewhere to show.
  const onCancel = (e: SyntheticEvent) => {
    if (busy) e.preventDefault();
  };

  return (
    <>
      <Button variant={variant} aria-label={name} onClick={open}>
        {label}
      </Button>
      {/* The browser may still close it (a repeated Escape): then the error shows by the button. */}
      {error && !shown ? <Alert>{error}</Alert> : null}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onCancel={onCancel}
        onClose={() => setShown(false)}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`}>{children}</div>
        {error && shown ? <Alert>{error}</Alert> : null}
        <div className="row dialog-actions">
          <Button variant="ghost" disabled={busy} onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
