// Pending invitations (revocable by those who may manage the team) and the invite form.
import { api, unwrap, type Schemas } from "../../api/client";
import { useSession } from "../../auth/session";
import { usePaged } from "../../components/paged";
import { Alert, Button, Card, Loading } from "../../components/ui";
import { InviteForm } from "./InviteForm";
import { roleLabel, shortDate } from "./roles";
import { RowError, useRowAction } from "./rowAction";

interface Props {
  orgId: string;
  tick: number;
  onRefused: (message: string) => void;
}

interface RowProps {
  inv: Schemas["InvitationOut"];
  orgId: string;
  canWrite: boolean;
  onRevoked: () => void;
  onRefused: (message: string) => void;
}

function PendingRow({ inv, orgId, canWrite, onRevoked, onRefused }: RowProps) {
  const action = useRowAction(onRefused);
  const revoke = () =>
    action.run(async () => {
      const path = { org_id: orgId, invitation_id: inv.id };
      await unwrap(api.DELETE("/api/v1/orgs/{org_id}/invitations/{invitation_id}", { params: { path } }));
      onRevoked();
    });
  return (
    <li className="pending">
      <div>
        <span className="mono">{inv.email}</span> <span className="muted">as {roleLabel(inv.role).toLowerCase()}</span>
        <div className="muted small">
          Sent {shortDate(inv.created_at)} · expires {shortDate(inv.expires_at)}
        </div>
        <RowError error={action.error} />
      </div>
      {canWrite ? (
        <Button variant="ghost" busy={action.busy} aria-label={`Revoke the invitation for ${inv.email}`} onClick={() => void revoke()}>
          Revoke
        </Button>
      ) : null}
    </li>
  );
}

export function Invitations({ orgId, tick, onRefused }: Props) {
  const { can } = useSession();
  const canWrite = can("members:write");
  const list = usePaged(`${orgId}|${tick}`, (cursor) =>
    unwrap(api.GET("/api/v1/orgs/{org_id}/invitations", { params: { path: { org_id: orgId }, query: { limit: 50, cursor } } })),
  );
  const pending = list.items.filter((i) => i.status === "pending");

  let body;
  if (list.error) body = <Alert>{list.error}</Alert>;
  else if (list.loading && list.items.length === 0) body = <Loading label="Loading invitations…" />;
  else if (pending.length === 0) body = <p className="muted">No invitations are waiting for an answer.</p>;
  else {
    body = (
      <ul className="pending-list" aria-label="Pending invitations">
        {pending.map((inv) => (
          <PendingRow key={inv.id} inv={inv} orgId={orgId} canWrite={canWrite} onRevoked={list.reload} onRefused={onRefused} />
        ))}
      </ul>
    );
  }

  return (
    <Card title="Invitations">
      {canWrite ? <InviteForm orgId={orgId} canOwners={can("owners:write")} onInvited={list.reload} onRefused={onRefused} /> : null}
      <h3 className="pending-title">Waiting for an answer</h3>
      {body}
      {list.hasMore ? (
        <Button variant="ghost" busy={list.loading} onClick={list.more}>
          Show older invitations
        </Button>
      ) : null}
    </Card>
  );
}
