// API keys: the list (never a secret), create one (its secret shown once), revoke.
import { useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { useSession } from "../../auth/session";
import { useAsync } from "../../components/hooks";
import { Badge, Button, Empty } from "../../components/ui";
import { ConfirmButton } from "../../components/ConfirmButton";
import { Listing } from "../../components/Listing";
import { Table } from "../../components/Table";
import { CreateKeyForm } from "./CreateKeyForm";
import { day, when } from "./dates";
import { SecretOnce } from "./SecretOnce";

type Key = Schemas["ApiKeyOut"];

function state(k: Key): { tone: "good" | "bad" | "warn"; text: string } {
  if (k.revoked_at) return { tone: "bad", text: "Revoked" };
  if (k.expires_at && new Date(k.expires_at) < new Date()) return { tone: "warn", text: "Expired" };
  return { tone: "good", text: "Active" };
}

function KeyRow({ k, canWrite, onRevoked }: { k: Key; canWrite: boolean; onRevoked: () => void }) {
  const s = state(k);
  const revoke = async () => {
    await unwrap(api.DELETE("/api/v1/api-keys/{key_id}", { params: { path: { key_id: k.id } } }));
    onRevoked();
  };
  return (
    <tr>
      <th scope="row">{k.name}</th>
      <td>
        <code>{k.prefix}…</code>
      </td>
      <td>
        <span className="scope-list">{k.scopes.join(", ")}</span>
      </td>
      <td>{day(k.created_at)}</td>
      <td>{when(k.last_used_at, "Never")}</td>
      <td>{day(k.expires_at, "Never")}</td>
      <td>
        <Badge tone={s.tone}>{s.text}</Badge>
      </td>
      <td>
        {canWrite && !k.revoked_at ? (
          <ConfirmButton label="Revoke" name={`Revoke ${k.name}`} title={`Revoke “${k.name}”?`} confirmLabel="Revoke key" onConfirm={revoke}>
            <p>Anything using this key stops working at once. This can't be undone.</p>
          </ConfirmButton>
        ) : null}
      </td>
    </tr>
  );
}

export function ApiKeys() {
  const { can } = useSession();
  const canWrite = can("keys:write");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Schemas["ApiKeyCreatedOut"] | null>(null);
  const keys = useAsync(() => unwrap(api.GET("/api/v1/api-keys", { params: { query: { limit: 100 } } })), []);
  const items = keys.data?.items ?? [];

  return (
    <div className="stack">
      <div className="section-head">
        <p className="muted">API keys let your own tools and integrations call the UGC Studio API on behalf of this organisation.</p>
        {canWrite && !creating && !created ? <Button onClick={() => setCreating(true)}>New API key</Button> : null}
      </div>
      {created ? (
        <SecretOnce title={`API key “${created.name}” created`} label="Your new API key" secret={created.key} onDone={() => setCreated(null)}>
          <p>Send it as <code>Authorization: Bearer &lt;key&gt;</code>. It can: {created.scopes.join(", ")}.</p>
        </SecretOnce>
      ) : null}
      {creating ? (
        <CreateKeyForm
          onCancel={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setCreated(k);
            keys.reload();
          }}
        />
      ) : null}
      <Listing
        state={keys}
        count={items.length}
        loadingLabel="Loading API keys…"
        empty={
          <Empty title="No API keys yet">
            <p>Create a key to connect a tool such as Zapier, or your own code.</p>
          </Empty>
        }
      >
        <Table caption="API keys" columns={["Name", "Prefix", "Scopes", "Created", "Last used", "Expires", "Status"]} actions>
          {items.map((k) => (
            <KeyRow key={k.id} k={k} canWrite={canWrite} onRevoked={keys.reload} />
          ))}
        </Table>
      </Listing>
    </div>
  );
}
