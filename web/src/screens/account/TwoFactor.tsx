// Two-factor sign-in: its state, turning it on (with recovery codes shown once) and off.
import { useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { useSession } from "../../auth/session";
import { Alert, Badge, Button, Card } from "../../components/ui";
import { useSubmit } from "../auth/forms";
import { DisableMfa } from "./DisableMfa";
import { Enrol } from "./Enrol";
import { RecoveryCodes } from "./RecoveryCodes";

export function TwoFactor() {
  const { me, reload } = useSession();
  const [enrolment, setEnrolment] = useState<Schemas["MfaEnrollOut"] | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = useSubmit(async () => {
    setNotice(null);
    setEnrolment(await unwrap(api.POST("/api/v1/auth/mfa/enroll")));
  }, []);

  const on = me?.mfa_enabled ?? false;
  const state = <Badge tone={on ? "good" : "neutral"}>{on ? "On" : "Off"}</Badge>;

  let body;
  if (codes) {
    body = <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  } else if (on) {
    body = (
      <>
        <p>When you sign in, we ask for a code from your authenticator app after your password.</p>
        <DisableMfa
          onDisabled={async () => {
            await reload();
            setNotice("Two-factor sign-in is off.");
          }}
        />
      </>
    );
  } else if (enrolment) {
    body = (
      <Enrol
        enrolment={enrolment}
        onCancel={() => setEnrolment(null)}
        onEnabled={(fresh) => {
          setCodes(fresh);
          setEnrolment(null);
          void reload();
        }}
      />
    );
  } else {
    body = (
      <>
        <p>Protect your account with a code from an authenticator app on your phone, asked for after your password.</p>
        {start.errors.message ? <Alert>{start.errors.message}</Alert> : null}
        <Button busy={start.busy} onClick={() => void start.submit()}>
          Set up two-factor sign-in
        </Button>
      </>
    );
  }

  return (
    <Card title="Two-factor sign-in" actions={state}>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {body}
    </Card>
  );
}
