// Who is signed in: name, e-mail (and whether it is confirmed), and their organisations.
import { useSession } from "../../auth/session";
import { Badge, Card } from "../../components/ui";
import { ResendVerification } from "../auth/ResendVerification";
import { roleLabel } from "../team/roles";

function since(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
}

export function Profile() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <Card title="Profile">
      <dl className="account-facts">
        <div>
          <dt>Name</dt>
          <dd>{me.name || <span className="muted">Not set</span>}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>
            <span className="mono">{me.email}</span>{" "}
            {me.email_verified ? <Badge tone="good">Verified</Badge> : <Badge tone="warn">Not verified</Badge>}
          </dd>
        </div>
        <div>
          <dt>Member since</dt>
          <dd>{since(me.created_at)}</dd>
        </div>
        <div>
          <dt>Organisations</dt>
          <dd>
            {me.memberships.length === 0 ? (
              <span className="muted">None yet</span>
            ) : (
              <ul className="plain-list">
                {me.memberships.map((m) => (
                  <li key={m.organization_id}>
                    {m.name} <Badge>{roleLabel(m.role)}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {me.email_verified ? null : <ResendVerification email={me.email} label="Send the confirmation link again" />}
    </Card>
  );
}
