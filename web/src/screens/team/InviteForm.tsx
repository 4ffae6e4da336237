// Invite someone by e-mail with a role (for those who may manage the team).
import { useState } from "react";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import { SubmitForm } from "../../components/SubmitForm";
import { Alert, SelectField } from "../../components/ui";
import { EmailField } from "../auth/fields";
import { useSubmit } from "../auth/forms";
import { grantable, ROLE_HELP, roleLabel, type Role } from "./roles";

interface Props {
  orgId: string;
  canOwners: boolean;
  onInvited: () => void;
  onRefused: (message: string) => void;
}

export function InviteForm({ orgId, canOwners, onInvited, onRefused }: Props) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [sent, setSent] = useState<string | null>(null);

  const invite = useSubmit(async () => {
    setSent(null);
    try {
      const path = { org_id: orgId };
      const out = await unwrap(api.POST("/api/v1/orgs/{org_id}/invitations", { params: { path }, body: { email: email.trim(), role } }));
      setSent(`Invitation sent to ${out.email} as ${roleLabel(out.role).toLowerCase()}. The link works for 7 days.`);
      setEmail("");
      onInvited();
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) onRefused(e.message);
      else throw e;
    }
  }, ["email", "role"]);

  const lead = (
    <>
      <h3 id="invite-title">Invite a teammate</h3>
      {sent ? <Alert kind="success">{sent}</Alert> : null}
    </>
  );
  return (
    <SubmitForm
      onSubmit={invite.submit}
      busy={invite.busy}
      error={invite.errors.message}
      submit="Send invitation"
      lead={lead}
      className="invite-form"
      aria-labelledby="invite-title"
    >
      <div className="invite-fields">
        <EmailField label="Email address" autoComplete="off" value={email} error={invite.errors.fields.email} onChange={(e) => setEmail(e.target.value)} />
        <SelectField
          label="Role"
          value={role}
          options={grantable(canOwners).map((r) => ({ value: r, label: roleLabel(r) }))}
          hint={ROLE_HELP[role]}
          error={invite.errors.fields.role}
          onChange={(e) => setRole(e.target.value as Role)}
        />
      </div>
    </SubmitForm>
  );
}
