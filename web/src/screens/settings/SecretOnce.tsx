// A new secret, shown this once: a read-only field, a copy button and a plain warning.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

import { Button } from "../../components/ui";

interface Props {
  title: string;
  label: string;
  secret: string;
  children?: ReactNode;
  onDone: () => void;
}

export function SecretOnce({ title, label, secret, children, onDone }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  // Move focus here so keyboard and screen-reader users meet the secret straight away.
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied to the clipboard.");
    } catch {
      field.current?.select();
      setCopied("Your browser blocked copying: the secret is selected, press Ctrl+C (or ⌘C) to copy it.");
    }
  };

  return (
    <section className="card secret-once" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="secret-warning">
        <strong>Copy it now — you won't see it again.</strong> We only keep a fingerprint of it, so nobody can show it to you later. If you
        lose it, create a new one.
      </p>
      {children}
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="secret-row">
          <input id={id} ref={field} className="mono" readOnly value={secret} onFocus={(e) => e.target.select()} />
          <Button variant="secondary" onClick={() => void copy()}>
            Copy
          </Button>
        </div>
        <span role="status" className="hint">
          {copied ?? ""}
        </span>
      </div>
      <Button onClick={onDone}>I've saved it</Button>
    </section>
  );
}
