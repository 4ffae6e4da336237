// Create an API key: a name, the scopes it may use (only ones you hold), an optional expiry.
import { useId, useState } from "react";

import { api, unwrap, type Schemas } from "../../api/client";
import { ApiError, messageOf } from "../../api/problem";
import { useSession } from "../../auth/session";
import { SubmitForm } from "../../components/SubmitForm";
import { TextField } from "../../components/ui";
import { KEY_SCOPES } from "./scopes";

interface Props {
  onCreated: (key: Schemas["ApiKeyCreatedOut"]) => void;
  onCancel: () => void;
}

function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function CreateKeyForm({ onCreated, onCancel }: Props) {
  const { can } = useSession();
  const id = useId();
  const allowed = KEY_SCOPES.filter((s) => can(s.scope));
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["videos:read", "videos:write"].filter((s) => can(s)));
  const [expires, setExpires] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (scope: string, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!name.trim()) local["name"] = "Name the key after what uses it, e.g. “Zapier” or “CI renders”.";
    if (!scopes.length) local["scopes"] = "Choose at least one thing this key may do.";
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setError(null);
    try {
      // The key stops working at the end of the chosen day (UTC).
      const body = { name: name.trim(), scopes, expires_at: expires ? `${expires}T23:59:59Z` : null };
      onCreated(await unwrap(api.POST("/api/v1/api-keys", { body })));
    } catch (err) {
      setErrors(err instanceof ApiError ? err.fields : {});
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <SubmitForm
      className="card"
      noValidate
      title="New API key"
      onSubmit={submit}
      busy={busy}
      error={error}
      submit="Create key"
      onCancel={onCancel}
    >
      <TextField label="Key name" autoFocus maxLength={200} value={name} error={errors["name"]} onChange={(e) => setName(e.target.value)} />
      <fieldset aria-describedby={errors["scopes"] ? `${id}-scopes-error` : undefined}>
        <legend>What this key may do</legend>
        <div className="checks">
          {allowed.map((s) => (
            <div className="check" key={s.scope}>
              <input id={`${id}-${s.scope}`} type="checkbox" checked={scopes.includes(s.scope)} onChange={(e) => toggle(s.scope, e.target.checked)} />
              <label htmlFor={`${id}-${s.scope}`}>
                {s.label} <code>{s.scope}</code>
              </label>
            </div>
          ))}
        </div>
        {errors["scopes"] ? (
          <p className="field-error" id={`${id}-scopes-error`} role="alert">
            {errors["scopes"]}
          </p>
        ) : null}
      </fieldset>
      <TextField
        label="Expires on (optional)"
        type="date"
        min={tomorrow()}
        value={expires}
        hint="Leave empty for a key that works until you revoke it."
        error={errors["expires_at"]}
        onChange={(e) => setExpires(e.target.value)}
      />
    </SubmitForm>
  );
}
