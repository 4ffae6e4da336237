// Turning two-factor sign-in off: proven with a current code or one of the recovery codes.
import { useState } from "react";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import { SubmitForm } from "../../components/SubmitForm";
import { Button, TextField } from "../../components/ui";
import { useSubmit } from "../auth/forms";

const WRONG = "That code didn't work. Enter the code your app shows now, or an unused recovery code.";

/** A 6-digit authenticator code goes as `code`; anything else is a recovery code. */
function proof(input: string): { code: string } | { recovery_code: string } {
  const digits = input.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? { code: digits } : { recovery_code: input.trim() };
}

export function DisableMfa({ onDisabled }: { onDisabled: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");

  const disable = useSubmit(async () => {
    try {
      await unwrap(api.POST("/api/v1/auth/mfa/disable", { body: proof(value) }));
    } catch (e) {
      if (e instanceof ApiError && (e.fields.code || e.fields.recovery_code)) {
        disable.fail(null, { value: WRONG });
        return;
      }
      throw e;
    }
    setOpen(false);
    await onDisabled();
  }, []);

  if (!open) {
    return (
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Turn off two-factor sign-in…
      </Button>
    );
  }
  return (
    <SubmitForm
      onSubmit={disable.submit}
      busy={disable.busy}
      error={disable.errors.message}
      lead={<p>Turning it off makes your account easier to break into. To confirm it's you, enter a code.</p>}
      variant="danger"
      submit="Turn off"
      onCancel={() => setOpen(false)}
      cancelLabel="Keep it on"
      className="narrow-form"
    >
      <TextField
        label="Authenticator code or recovery code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        value={value}
        error={disable.errors.fields.value}
        onChange={(e) => setValue(e.target.value)}
      />
    </SubmitForm>
  );
}
