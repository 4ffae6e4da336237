// The second step of a sign-in: a 6-digit code from the authenticator app, or a recovery code.
import { useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { ApiError } from "../../api/problem";
import { SubmitForm } from "../../components/SubmitForm";
import { TextField } from "../../components/ui";
import { CodeField } from "./fields";
import { useSubmit } from "./forms";

interface Props {
  mfaToken: string;
  onDone: (t: Schemas["TokensOut"]) => Promise<void>;
  /** Back to the password step (the challenge expired, or the user wants another account). */
  onRestart: (message: string | null) => void;
}

const WRONG_CODE = "That code didn't work. Check the code in your authenticator app (it changes every 30 seconds) and try again.";
const WRONG_RECOVERY = "That recovery code didn't work. Each recovery code can be used only once.";

export function MfaStep({ mfaToken, onDone, onRestart }: Props) {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");

  const verify = useSubmit(async () => {
    const body = recovery
      ? { mfa_token: mfaToken, recovery_code: code.trim() }
      : { mfa_token: mfaToken, code: code.replace(/\s/g, "") };
    try {
      await onDone(await unwrap(api.POST("/api/v1/auth/login/mfa", { body })));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      // A wrong code says so; anything else means the challenge is no longer valid.
      if (/code/i.test(e.problem.detail ?? "")) throw new Error(recovery ? WRONG_RECOVERY : WRONG_CODE);
      onRestart("That took a little too long. Please enter your password again.");
    }
  }, []);

  return (
    <>
      <p>
        {recovery
          ? "Enter one of the recovery codes you saved when you turned on two-factor sign-in."
          : "Open your authenticator app and enter the 6-digit code for UGC Creator Studio."}
      </p>
      <SubmitForm onSubmit={verify.submit} busy={verify.busy} error={verify.errors.message} submit="Verify" wide>
        {recovery ? (
          <TextField
            key="recovery"
            label="Recovery code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            hint="For example k3f9-2m7q-x8vd-4tcn"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        ) : (
          <CodeField key="totp" autoFocus value={code} onChange={(e) => setCode(e.target.value)} />
        )}
      </SubmitForm>
      <div className="auth-links">
        <button
          type="button"
          className="link-button auth-link-button"
          onClick={() => {
            setRecovery(!recovery);
            setCode("");
          }}
        >
          {recovery ? "Use a code from the app instead" : "Use a recovery code instead"}
        </button>
        <button type="button" className="link-button auth-link-button" onClick={() => onRestart(null)}>
          Use another account
        </button>
      </div>
    </>
  );
}
