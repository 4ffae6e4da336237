// Name a new brand kit, create it, and open it in the editor.
import { useState } from "react";
import { useNavigate } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiError, messageOf } from "../../api/problem";
import { SubmitForm } from "../../components/SubmitForm";
import { TextField } from "../../components/ui";

export function NewKitForm({ onCancel, titled = true }: { onCancel?: () => void; titled?: boolean }) {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = async () => {
    if (!name.trim()) {
      setFieldError("Give the kit a name, e.g. your brand or product line.");
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      const kit = await unwrap(api.POST("/api/v1/brand-kits", { body: { name: name.trim() } }));
      navigate(`/brand/${kit.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.fields["name"]) setFieldError(err.fields["name"]);
      else setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <SubmitForm
      className="card new-kit"
      noValidate
      lead={titled ? <h2>New brand kit</h2> : null}
      onSubmit={submit}
      busy={busy}
      error={error}
      submit="Create and edit"
      onCancel={onCancel}
    >
      <TextField label="Kit name" autoFocus maxLength={200} value={name} error={fieldError} onChange={(e) => setName(e.target.value)} />
    </SubmitForm>
  );
}
