// The organisation's members, with role changes and removal for those allowed.
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { usePaged } from "../../components/paged";
import { Table } from "../../components/Table";
import { Alert, Button, Card, Empty, Loading, RetryAlert } from "../../components/ui";
import { MemberRow } from "./MemberRow";

interface Props {
  orgId: string;
  tick: number;
  onLeft: () => void;
  onRefused: (message: string) => void;
}

export function Members({ orgId, tick, onLeft, onRefused }: Props) {
  const { me, can } = useSession();
  const list = usePaged(`${orgId}|${tick}`, (cursor) =>
    unwrap(api.GET("/api/v1/orgs/{org_id}/members", { params: { path: { org_id: orgId }, query: { limit: 50, cursor } } })),
  );
  const canWrite = can("members:write");
  const canOwners = can("owners:write");

  let body;
  if (list.error && list.items.length === 0) {
    body = (
      <RetryAlert onRetry={list.reload}>{list.error}</RetryAlert>
    );
  } else if (list.loading && list.items.length === 0) {
    body = <Loading label="Loading members…" />;
  } else if (list.items.length === 0) {
    body = <Empty title="No members yet" />;
  } else {
    body = (
      <Table caption="Members of this organisation" columns={["Name", "Email", "Role", "Joined"]} actions className="team-table">
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
      </Table>
    );
  }

  return (
    <Card title="Members">
      {list.error && list.items.length > 0 ? <Alert>{list.error}</Alert> : null}
      {body}
      {list.hasMore ? (
        <Button variant="ghost" busy={list.loading} onClick={list.more}>
          Show more members
        </Button>
      ) : null}
    </Card>
  );
}
