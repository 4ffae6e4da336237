// An endpoint's delivery log: status, attempts, response code and time; replay finished ones.
import { useEffect, useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { messageOf } from "../../api/problem";
import { useAsync } from "../../components/hooks";
import { Listing } from "../../components/Listing";
import { Table } from "../../components/Table";
import { Alert, Badge, Button, Empty } from "../../components/ui";
import { useVisible } from "../useVisible";
import { DeliveryDetail } from "./DeliveryDetail";
import { recent } from "./dates";

type Delivery = Schemas["DeliveryOut"];
const BADGE: Record<string, { tone: "good" | "bad" | "warn" | "info"; text: string }> = {
  succeeded: { tone: "good", text: "Delivered" },
  failed: { tone: "bad", text: "Failed" },
  retrying: { tone: "warn", text: "Retrying" },
  pending: { tone: "info", text: "Pending" },
};
const FINISHED = new Set(["succeeded", "failed"]);
const POLL_MS = 1500;
const SOON_MS = 60_000;
const MAX_WAIT_MS = 30 * 60_000;

/** When to look again: soon while a delivery is being sent or retried within a minute, later when its retry is far off. */
function nextPoll(items: Delivery[], now = Date.now()): number | null {
  let wait: number | null = null;
  for (const d of items) {
    if (FINISHED.has(d.status)) continue;
    // Pending: being sent now (its next_attempt_at is only the in-flight lease), so it settles soon.
    const due = d.status === "retrying" && d.next_attempt_at ? new Date(d.next_attempt_at).getTime() - now : 0;
    // A far-off retry is looked at again just before it is due (or every half hour), not every second.
    const mine = due <= SOON_MS ? POLL_MS : Math.min(due - SOON_MS + POLL_MS, MAX_WAIT_MS);
    wait = wait === null ? mine : Math.min(wait, mine);
  }
  return wait;
}

interface Props {
  endpointId: string;
  version: number;
  canReplay: boolean;
}

function response(d: Delivery): string {
  if (d.last_status_code !== null) return String(d.last_status_code);
  return d.last_error ? "No response" : "—";
}

export function Deliveries({ endpointId, version, canReplay }: Props) {
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useAsync(
    () => unwrap(api.GET("/api/v1/webhooks/endpoints/{endpoint_id}/deliveries", { params: { path: { endpoint_id: endpointId }, query: { limit: 50 } } })),
    [endpointId, version, tick],
  );
  const items = list.data?.items ?? [];
  const visible = useVisible();

  useEffect(() => {
    // Follow deliveries still on their way, so the log settles without a manual refresh (not while hidden).
    const wait = visible ? nextPoll(list.data?.items ?? []) : null;
    if (wait === null) return;
    const t = window.setTimeout(() => setTick((n) => n + 1), wait);
    return () => window.clearTimeout(t);
  }, [visible, list.data]);

  const replay = async (d: Delivery) => {
    setError(null);
    try {
      await unwrap(api.POST("/api/v1/webhooks/deliveries/{delivery_id}/replay", { params: { path: { delivery_id: d.id } } }));
      setNotice(`Replaying the ${d.event_type} event.`);
      setTick((n) => n + 1);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="stack" aria-labelledby="deliveries-title">
      <div className="card-head">
        <h2 id="deliveries-title">Delivery log</h2>
        <Button variant="ghost" onClick={() => setTick((n) => n + 1)}>
          Refresh
        </Button>
      </div>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <Listing
        state={list}
        error={error}
        count={items.length}
        loadingLabel="Loading deliveries…"
        empty={
          <Empty title="No deliveries yet">
            <p>Events sent to this endpoint appear here. Send a test event to try it.</p>
          </Empty>
        }
      >
        <Table caption="Deliveries, newest first" columns={["Event", "Status", "Attempts", "Response", "Time"]} actions>
          {items.map((d) => {
            const badge = BADGE[d.status] ?? { tone: "info" as const, text: d.status };
            return (
              <tr key={d.id} aria-current={open === d.id ? "true" : undefined}>
                <th scope="row">
                  <code>{d.event_type}</code>
                </th>
                <td>
                  <Badge tone={badge.tone}>{badge.text}</Badge>
                </td>
                <td>{d.attempts}</td>
                <td>{response(d)}</td>
                <td>{recent(d.delivered_at ?? d.created_at)}</td>
                <td className="cell-actions">
                  <Button variant="ghost" aria-label={`Details of ${d.event_type} delivery`} onClick={() => setOpen(d.id)}>
                    Details
                  </Button>
                  {canReplay && FINISHED.has(d.status) ? (
                    <Button variant="secondary" aria-label={`Replay ${d.event_type} delivery`} onClick={() => void replay(d)}>
                      Replay
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </Table>
      </Listing>
      {open ? <DeliveryDetail deliveryId={open} version={tick} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
