// One delivery in full: each attempt (when, response, error, time taken) and the payload sent.
import { useEffect, useRef } from "react";

import { api, unwrap } from "../../api/client";
import { useAsync } from "../../components/hooks";
import { Table } from "../../components/Table";
import { Alert, Button, Loading } from "../../components/ui";
import { recent, when } from "./dates";

export function DeliveryDetail({ deliveryId, version, onClose }: { deliveryId: string; version: number; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const d = useAsync(() => unwrap(api.GET("/api/v1/webhooks/deliveries/{delivery_id}", { params: { path: { delivery_id: deliveryId } } })), [deliveryId, version]);
  useEffect(() => heading.current?.focus(), [deliveryId]);

  return (
    <section className="card delivery-detail" aria-labelledby="delivery-detail-title">
      <div className="card-head">
        <h3 id="delivery-detail-title" ref={heading} tabIndex={-1}>
          Delivery details
        </h3>
        <Button variant="ghost" onClick={onClose}>
          Close details
        </Button>
      </div>
      {d.error ? <Alert>{d.error}</Alert> : null}
      {!d.data && d.loading ? <Loading /> : null}
      {d.data ? (
        <>
          <p className="muted">
            <code>{d.data.event_type}</code> · event <code>{d.data.event_id}</code> · created {when(d.data.created_at)}
            {d.data.next_attempt_at && d.data.status !== "succeeded" ? ` · next try ${when(d.data.next_attempt_at)}` : ""}
          </p>
          {d.data.attempt_log.length ? (
            <Table caption="Attempts" columns={["Attempted", "Response", "Error", "Took"]}>
              {d.data.attempt_log.map((a, i) => (
                <tr key={`${a.at}-${i}`}>
                  <td>{recent(a.at)}</td>
                  <td>{a.status ?? "No response"}</td>
                  <td>{a.error ?? "—"}</td>
                  <td>{a.duration_ms} ms</td>
                </tr>
              ))}
            </Table>
          ) : (
            <p>No attempts yet: it is queued to be sent.</p>
          )}
          <details className="payload">
            <summary>Payload sent</summary>
            <pre tabIndex={0} aria-label="Payload JSON">{JSON.stringify(d.data.payload, null, 2)}</pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
