// One webhook endpoint: test, enable or disable, rotate its secret, delete; and its delivery log.
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { api, unwrap, type Schemas } from "../../api/client";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/session";
import { useAsync } from "../../components/hooks";
import { Alert, Badge, Button, Loading } from "../../components/ui";
import { ConfirmButton } from "../../components/ConfirmButton";
import { when } from "./dates";
import { Deliveries } from "./Deliveries";
import { SecretOnce } from "./SecretOnce";
import { endpointState, eventsText } from "./Webhooks";

type Endpoint = Schemas["EndpointOut"];

function useEndpointActions(e: Endpoint, onChanged: (e: Endpoint) => void, onTested: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { endpoint_id: e.id } } };

  const act = async (name: string, run: () => Promise<string>) => {
    setBusy(name);
    setError(null);
    setNotice(null);
    try {
      setNotice(await run());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };
  const test = () =>
    act("test", async () => {
      await unwrap(api.POST("/api/v1/webhooks/endpoints/{endpoint_id}/test", path));
      onTested();
      return "Test event sent. It appears in the delivery log below.";
    });
  const toggle = () =>
    act("toggle", async () => {
      const out = await unwrap(api.PATCH("/api/v1/webhooks/endpoints/{endpoint_id}", { ...path, body: { enabled: !e.enabled } }));
      onChanged(out);
      return out.enabled ? "Endpoint enabled: new events will be sent to it." : "Endpoint disabled: no events will be sent until you enable it.";
    });
  return { busy, notice, error, test, toggle };
}

function EndpointView({ initial }: { initial: Endpoint }) {
  const { can } = useSession();
  const navigate = useNavigate();
  const canWrite = can("webhooks:write");
  const [e, setE] = useState(initial);
  const [version, setVersion] = useState(0);
  const [secret, setSecret] = useState<string | null>(null);
  const a = useEndpointActions(e, setE, () => setVersion((v) => v + 1));
  const s = endpointState(e);
  const path = { params: { path: { endpoint_id: e.id } } };

  const rotate = async () => {
    setSecret((await unwrap(api.POST("/api/v1/webhooks/endpoints/{endpoint_id}/rotate-secret", path))).secret);
  };
  const remove = async () => {
    await unwrap(api.DELETE("/api/v1/webhooks/endpoints/{endpoint_id}", path));
    navigate("/settings/webhooks", { replace: true });
  };

  return (
    <div className="stack">
      <p>
        <Link to="/settings/webhooks">← All webhook endpoints</Link>
      </p>
      <section className="card" aria-labelledby="endpoint-title">
        <div className="card-head">
          <h2 id="endpoint-title" className="mono endpoint-title">
            {e.url}
          </h2>
          <Badge tone={s.tone}>{s.text}</Badge>
        </div>
        <p className="muted">
          {e.description ? `${e.description} · ` : ""}
          {eventsText(e)} · added {when(e.created_at)}
        </p>
        {!e.enabled ? <Alert kind="info">This endpoint is disabled{e.failing_since ? " after failing for too long" : ""}. Enable it to send events again.</Alert> : null}
        {a.notice ? <Alert kind="success">{a.notice}</Alert> : null}
        {a.error ? <Alert>{a.error}</Alert> : null}
        {canWrite ? (
          <div className="row">
            <Button busy={a.busy === "test"} disabled={!e.enabled} onClick={() => void a.test()}>
              Send test event
            </Button>
            <Button variant="secondary" busy={a.busy === "toggle"} onClick={() => void a.toggle()}>
              {e.enabled ? "Disable" : e.failing_since ? "Re-enable" : "Enable"}
            </Button>
            <ConfirmButton label="Rotate secret" title="Rotate the signing secret?" confirmLabel="Rotate secret" onConfirm={rotate}>
              <p>The current secret stops working at once: events are signed with the new one from now on, so update your receiver straight away.</p>
            </ConfirmButton>
            <ConfirmButton label="Delete endpoint" title="Delete this endpoint?" confirmLabel="Delete endpoint" onConfirm={remove}>
              <p>No more events will be sent to {e.url}, and its delivery log is deleted too.</p>
            </ConfirmButton>
          </div>
        ) : null}
      </section>
      {secret ? <SecretOnce title="New signing secret" label="Signing secret" secret={secret} onDone={() => setSecret(null)} /> : null}
      <Deliveries endpointId={e.id} version={version} canReplay={canWrite && e.enabled} />
    </div>
  );
}

export function EndpointDetail() {
  const { endpointId = "" } = useParams();
  const ep = useAsync(() => unwrap(api.GET("/api/v1/webhooks/endpoints/{endpoint_id}", { params: { path: { endpoint_id: endpointId } } })), [endpointId]);
  if (ep.error)
    return (
      <div className="stack">
        <Alert>{ep.error}</Alert>
        <Link to="/settings/webhooks">Back to webhook endpoints</Link>
      </div>
    );
  if (!ep.data) return <Loading label="Loading the endpoint…" />;
  return <EndpointView key={ep.data.id} initial={ep.data} />;
}
