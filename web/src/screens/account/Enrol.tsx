// Turning two-factor sign-in on: scan the QR code (or type the key), then prove it with a code.
import { useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { ApiError } from "../../api/problem";
import { SubmitForm } from "../../components/SubmitForm";
import { TextField } from "../../components/ui";
import { CodeField } from "../auth/fields";
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
          <SubmitForm
            onSubmit={confirm.submit}
            busy={confirm.busy}
            error={confirm.errors.message}
            submit="Turn on two-factor sign-in"
            onCancel={onCancel}
            className="narrow-form"
          >
            <CodeField value={code} error={confirm.errors.fields.code} onChange={(e) => setCode(e.target.value)} />
          </SubmitForm>
        </li>
      </ol>
    </div>
  );
}
