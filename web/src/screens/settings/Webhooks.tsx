// Webhook endpoints: the list with each one's state, and adding one (its secret shown once).
import { useState } from "react";
import { Link } from "react-router";

import { api, unwrap, type Schemas } from "../../api/client";
import { useSession } from "../../auth/session";
import { useAsync } from "../../components/hooks";
import { Listing } from "../../components/Listing";
import { Badge, Button, Empty } from "../../components/ui";
import { CreateEndpointForm } from "./CreateEndpointForm";
import { when } from "./dates";
import { SecretOnce } from "./SecretOnce";

type Endpoint = Schemas["EndpointOut"];

export function endpointState(e: Endpoint): { tone: "good" | "bad" | "warn"; text: string } {
  if (!e.enabled) return { tone: "bad", text: e.disabled_at ? `Disabled ${when(e.disabled_at)}` : "Disabled" };
  if (e.failing_since) return { tone: "warn", text: `Failing since ${when(e.failing_since)}` };
  return { tone: "good", text: "Enabled" };
}

export const eventsText = (e: Endpoint) => (e.events.length ? e.events.join(", ") : "All events");

function EndpointItem({ e }: { e: Endpoint }) {
  const s = endpointState(e);
  return (
    <li className="card endpoint-item">
      <div className="endpoint-main">
        <Link to={`/settings/webhooks/${e.id}`} className="endpoint-url">
          <span className="mono">{e.url}</span>
        </Link>
        {e.description ? <span className="muted">{e.description}</span> : null}
        <span className="muted">{eventsText(e)}</span>
      </div>
      <Badge tone={s.tone}>{s.text}</Badge>
    </li>
  );
}

export function Webhooks() {
  const { can } = useSession();
  const canWrite = can("webhooks:write");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Schemas["EndpointCreated"] | null>(null);
  const list = useAsync(() => unwrap(api.GET("/api/v1/webhooks/endpoints", { params: { query: { limit: 100 } } })), []);
  const items = list.data?.items ?? [];

  return (
    <div className="stack">
      <div className="section-head">
        <p className="muted">Webhooks tell your systems when a video is ready, failed or was cancelled. Each event is signed with the endpoint's secret.</p>
        {canWrite && !creating && !created ? <Button onClick={() => setCreating(true)}>New endpoint</Button> : null}
      </div>
      {created ? (
        <SecretOnce title="Endpoint added" label="Signing secret" secret={created.secret} onDone={() => setCreated(null)}>
          <p>
            Use this secret to check the <code>webhook-signature</code> header of each event sent to <span className="mono">{created.url}</span>.{" "}
            <Link to={`/settings/webhooks/${created.id}`}>Open the endpoint</Link> to send a test event.
          </p>
        </SecretOnce>
      ) : null}
      {creating ? (
        <CreateEndpointForm
          onCancel={() => setCreating(false)}
          onCreated={(e) => {
            setCreating(false);
            setCreated(e);
            list.reload();
          }}
        />
      ) : null}
      <Listing
        state={list}
        count={items.length}
        loadingLabel="Loading webhook endpoints…"
        empty={
          <Empty title="No webhook endpoints yet">
            <p>Add an endpoint to hear about finished videos without checking the studio.</p>
          </Empty>
        }
      >
        <ul className="endpoint-list" aria-label="Webhook endpoints">
          {items.map((e) => (
            <EndpointItem key={e.id} e={e} />
          ))}
        </ul>
      </Listing>
    </div>
  );
}
