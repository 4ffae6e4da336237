// "Send it again": mail a fresh verification link (the answer is neutral either way).
import { useState } from "react";

import { api, unwrap } from "../../api/client";
import { messageOf } from "../../api/problem";
import { Button } from "../../components/ui";

export function ResendVerification({ email, label = "Send it again" }: { email: string; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const resend = async () => {
    setBusy(true);
    setResult(null);
    try {
      await unwrap(api.POST("/api/v1/auth/verify/resend", { body: { email } }));
      setResult({ ok: true, text: `We've sent a new link to ${email}. It may take a minute to arrive.` });
    } catch (e) {
      setResult({ ok: false, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="resend">
      <Button variant="secondary" busy={busy} onClick={() => void resend()} disabled={!email}>
        {label}
      </Button>
      {/* Always in the page so screen readers announce the result when it appears. */}
      <p className={result && !result.ok ? "field-error" : "muted"} role="status">
        {result?.text ?? ""}
      </p>
    </div>
  );
}
