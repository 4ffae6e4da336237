// Turning two-factor sign-in on: scan the QR code (or type the key), then prove it with a code.
import { useState, type FormEvent } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { ApiError } from "../../api/problem";
import { Alert, Button, TextField } from "../../components/ui";
import { useSubmit } from "../auth/forms";
import { QrCode } from "./QrCode";

interface Props {
  enrolment: Schemas["MfaEnrollOut"];
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}

const WRONG = "That code didn't work. Codes change every 30 seconds: enter the one your app shows now.";

export function Enrol({ enrolment, onEnabled, onCancel }: Props) {
  const [code, setCode] = useState("");

  const confirm = useSubmit(async () => {
    try {
      const out = await unwrap(api.POST("/api/v1/auth/mfa/verify", { body: { code: code.replace(/\s/g, "") } }));
      onEnabled(out.recovery_codes);
    } catch (e) {
      if (e instanceof ApiError && e.fields.code) confirm.fail(null, { code: WRONG });
      else throw e;
    }
  }, ["code"]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void confirm.submit();
  };

  return (
    <div className="enrol">
      <ol className="enrol-steps">
        <li>
          <h3>Scan this QR code</h3>
          <p>Use an authenticator app such as Google Authenticator, Microsoft Authenticator or 1Password.</p>
          <QrCode text={enrolment.otpauth_uri} label="QR code to add UGC Creator Studio to your authenticator app" />
          <details className="enrol-manual">
            <summary>Can't scan it? Enter a key instead</summary>
            <TextField label="Secret key" readOnly value={enrolment.secret} className="mono" hint="Time-based, 6 digits, every 30 seconds." />
            <TextField label="Setup link" readOnly value={enrolment.otpauth_uri} className="mono" />
          </details>
        </li>
        <li>
          <h3>Enter the code from the app</h3>
          {confirm.errors.message ? <Alert>{confirm.errors.message}</Alert> : null}
          <form onSubmit={onSubmit} className="narrow-form">
            <TextField
              label="6-digit code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,7}"
              maxLength={7}
              required
              className="otp-input"
              value={code}
              error={confirm.errors.fields.code}
              onChange={(e) => setCode(e.target.value)}
            />
            <div className="row">
              <Button type="submit" busy={confirm.busy}>
                Turn on two-factor sign-in
              </Button>
              <Button variant="ghost" onClick={onCancel}>
                Cancel
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
