// Add a webhook endpoint: its URL, a note, and which events to send (none ticked = all).
import { useId, useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { ApiError, messageOf } from "../../api/problem";
import { SubmitForm } from "../../components/SubmitForm";
import { TextField } from "../../components/ui";
import { EVENTS } from "./scopes";

type Event = (typeof EVENTS)[number]["event"];

interface Props {
  onCreated: (endpoint: Schemas["EndpointCreated"]) => void;
  onCancel: () => void;
}

export function CreateEndpointForm({ onCreated, onCancel }: Props) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<Event[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setErrors({ url: "Enter the full address, starting with https://" });
      return;
    }
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      onCreated(await unwrap(api.POST("/api/v1/webhooks/endpoints", { body: { url: url.trim(), description: description.trim(), events } })));
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors(fields);
      // A refused URL is explained beside the field; other problems go at the top.
      setError(fields["url"] && Object.keys(fields).length === 1 ? null : messageOf(err));
      setBusy(false);
    }
  };

  return (
    <SubmitForm
      className="card"
      noValidate
      title="New webhook endpoint"
      onSubmit={submit}
      busy={busy}
      error={error}
      submit="Add endpoint"
      onCancel={onCancel}
    >
      <TextField
        label="Endpoint URL"
        type="url"
        autoFocus
        inputMode="url"
        placeholder="https://example.com/hooks/ugc"
        hint="We POST signed JSON events here. It must be reachable from the internet."
        value={url}
        error={errors["url"]}
        onChange={(e) => setUrl(e.target.value)}
      />
      <TextField label="Description (optional)" maxLength={200} value={description} error={errors["description"]} onChange={(e) => setDescription(e.target.value)} />
      <fieldset>
        <legend>Events to send</legend>
        <p className="hint">Leave all unticked to receive every event, including ones added later.</p>
        {EVENTS.map((ev) => (
          <div className="check" key={ev.event}>
            <input
              id={`${id}-${ev.event}`}
              type="checkbox"
              checked={events.includes(ev.event)}
              onChange={(e) => setEvents((s) => (e.target.checked ? [...s, ev.event] : s.filter((x) => x !== ev.event)))}
            />
            <label htmlFor={`${id}-${ev.event}`}>
              {ev.label} <code>{ev.event}</code>
            </label>
          </div>
        ))}
        {errors["events"] ? <p className="field-error">{errors["events"]}</p> : null}
      </fieldset>
    </SubmitForm>
  );
}
