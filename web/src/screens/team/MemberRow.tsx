// One member: name, e-mail, role (changeable by those allowed), joined; remove or leave.
import { useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { Badge, Button } from "../../components/ui";
import { grantable, roleLabel, shortDate, type Role } from "./roles";
import { RowError, useRowAction } from "./rowAction";

export interface RowProps {
  member: Schemas["MemberOut"];
  orgId: string;
  self: boolean;
  canWrite: boolean;
  canOwners: boolean;
  onChanged: () => void;
  onLeft: () => void;
  /** A 403: the caller's role changed under them; the page shows it and catches up. */
  onRefused: (message: string) => void;
}

function RoleCell({ member, orgId, canOwners, onChanged, onRefused, editable }: RowProps & { editable: boolean }) {
  const [role, setRole] = useState(member.role);
  const action = useRowAction(onRefused);
  const who = member.name ? `${member.name} (${member.email})` : member.email;
  if (!editable) return <Badge tone={member.role === "owner" ? "info" : "neutral"}>{roleLabel(member.role)}</Badge>;
  const save = () =>
    action.run(async () => {
      const path = { org_id: orgId, user_id: member.user_id };
      await unwrap(api.PATCH("/api/v1/orgs/{org_id}/members/{user_id}", { params: { path }, body: { role: role as Role } }));
      onChanged();
    });
  return (
    <div className="role-edit">
      <select aria-label={`Role for ${who}`} value={role} onChange={(e) => setRole(e.target.value)}>
        {grantable(canOwners).map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
      {role !== member.role ? (
        <Button variant="secondary" busy={action.busy} aria-label={`Save role for ${who}`} onClick={() => void save()}>
          Save
        </Button>
      ) : null}
      <RowError error={action.error} />
    </div>
  );
}

function Actions({ member, orgId, self, onChanged, onLeft, onRefused, removable }: RowProps & { removable: boolean }) {
  const [confirm, setConfirm] = useState(false);
  const action = useRowAction(onRefused);
  const who = member.name ? `${member.name} (${member.email})` : member.email;
  if (!removable && !self) return null;
  const remove = () =>
    action.run(async () => {
      const path = { org_id: orgId, user_id: member.user_id };
      await unwrap(api.DELETE("/api/v1/orgs/{org_id}/members/{user_id}", { params: { path } }));
      if (self) onLeft();
      else onChanged();
    });
  const verb = self ? "Leave" : "Remove";
  return (
    <div className="row-actions">
      {confirm ? (
        <>
          <span>{self ? "Leave this organisation?" : `Remove ${who}? They lose access right away.`}</span>
          <Button variant="danger" busy={action.busy} onClick={() => void remove()}>
            {self ? "Leave" : "Remove"}
          </Button>
          <Button variant="ghost" onClick={() => setConfirm(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button variant="ghost" aria-label={self ? "Leave this organisation" : `Remove ${who}`} onClick={() => setConfirm(true)}>
          {verb}
        </Button>
      )}
      <RowError error={action.error} />
    </div>
  );
}

export function MemberRow(props: RowProps) {
  const { member, self, canWrite, canOwners } = props;
  const editable = canWrite && !self && (member.role !== "owner" || canOwners);
  return (
    <tr>
      <td data-label="Name">
        <span>
          {member.name || <span className="muted">No name</span>} {self ? <Badge tone="info">You</Badge> : null}
        </span>
      </td>
      <td data-label="Email" className="mono">
        {member.email}
      </td>
      <td data-label="Role">
        <RoleCell {...props} editable={editable} />
      </td>
      <td data-label="Joined">{shortDate(member.joined_at)}</td>
      <td data-label="Actions">
        <Actions {...props} removable={editable} />
      </td>
    </tr>
  );
}
