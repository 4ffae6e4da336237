// The one-time recovery codes, shown once right after two-factor sign-in is turned on.
import { useState } from "react";

import { Alert, Button } from "../../components/ui";

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<string>("");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("We couldn't copy them here: select the codes and copy them yourself.");
    }
  };

  return (
    <div className="stack">
      <Alert kind="success">Two-factor sign-in is on.</Alert>
      <h3>Save your recovery codes</h3>
      <p>
        If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, like a password
        manager. <strong>This is the only time we'll show them.</strong>
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c} className="mono">
            {c}
          </li>
        ))}
      </ol>
      <div className="row">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy codes
        </Button>
        <Button onClick={onDone}>I've saved them</Button>
      </div>
      <p className="muted" role="status">
        {copied}
      </p>
    </div>
  );
}
