// The organisation's members, with role changes and removal for those allowed.
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { Alert, Button, Card, Empty, Loading } from "../../components/ui";
import { MemberRow } from "./MemberRow";
import { usePaged } from "./paged";

interface Props {
  orgId: string;
  tick: number;
  onLeft: () => void;
  onRefused: (message: string) => void;
}

export function Members({ orgId, tick, onLeft, onRefused }: Props) {
  const { me, can } = useSession();
  const list = usePaged(
    (cursor) =>
      unwrap(api.GET("/api/v1/orgs/{org_id}/members", { params: { path: { org_id: orgId }, query: { limit: 50, cursor } } })),
    [orgId, tick],
  );
  const canWrite = can("members:write");
  const canOwners = can("owners:write");

  let body;
  if (list.error && list.items.length === 0) {
    body = (
      <Alert>
        {list.error}{" "}
        <Button variant="ghost" onClick={list.reload}>
          Try again
        </Button>
      </Alert>
    );
  } else if (list.loading && list.items.length === 0) {
    body = <Loading label="Loading members…" />;
  } else if (list.items.length === 0) {
    body = <Empty title="No members yet" />;
  } else {
    body = (
      <div className="table-wrap team-table">
        <table>
          <caption className="visually-hidden">Members of this organisation</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <MemberRow
                key={m.user_id}
                member={m}
                orgId={orgId}
                self={m.user_id === me?.id}
                canWrite={canWrite}
                canOwners={canOwners}
                onChanged={list.reload}
                onLeft={onLeft}
                onRefused={onRefused}
              />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Card title="Members">
      {list.error && list.items.length > 0 ? <Alert>{list.error}</Alert> : null}
      {body}
      {list.hasMore ? (
        <Button variant="ghost" busy={list.loading} onClick={() => void list.more()}>
          Show more members
        </Button>
      ) : null}
    </Card>
  );
}
