// "Create your organisation": the first step for a new account (and "+ New organisation…" in
// the switcher). The new organisation becomes the current one and the studio opens on the
// library, whose empty state leads on to the first video; brand kits are one click away.
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { api, unwrap } from "../api/client";
import { tokens } from "../api/tokens";
import { useSession } from "../auth/session";
import { SubmitForm } from "../components/SubmitForm";
import { Card, Page, TextField } from "../components/ui";
import "./auth/auth.css";
import { useSubmit } from "./auth/forms";

export default function Onboarding() {
  const { me, org, reload } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const first = !org;

  const create = useSubmit(async () => {
    const made = await unwrap(api.POST("/api/v1/orgs", { body: { name: name.trim() } }));
    // Chosen before the reload so the reloaded session opens in the new organisation.
    tokens.setOrg(made.id);
    await reload();
    navigate("/videos", { replace: true });
  }, ["name"]);
  const cancel = first ? null : (
    <Link className="btn btn-ghost" to="/videos">
      Cancel
    </Link>
  );

  return (
    <Page title={first ? "Create your organisation" : "New organisation"}>
      <Card>
        <p>
          {first ? `Welcome${me?.name ? `, ${me.name}` : ""}! ` : ""}
          An organisation holds your brand kits, videos and team. Agencies often make one per client.
        </p>
        <SubmitForm onSubmit={create.submit} busy={create.busy} error={create.errors.message} submit="Create organisation" extra={cancel} className="narrow-form">
          <TextField
            label="Organisation name"
            autoComplete="organization"
            required
            maxLength={200}
            hint="Your company, brand or client. You can rename it later."
            value={name}
            error={create.errors.fields.name}
            onChange={(e) => setName(e.target.value)}
          />
        </SubmitForm>
        {first ? (
          <p className="muted">Joining a team instead? Open the invitation link from your e-mail.</p>
        ) : null}
      </Card>
    </Page>
  );
}
