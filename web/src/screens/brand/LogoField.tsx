// The kit's logo: upload an image, see it, or remove it.
import { useEffect, useId, useState } from "react";

import { api, authedFetch, mediaUrl, unwrap, type Schemas } from "../../api/client";
import { ApiError, messageOf, type ProblemBody } from "../../api/problem";
import { Alert, Button } from "../../components/ui";

const TYPES: Record<string, string> = { "image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP", "image/gif": "GIF" };
const MAX_BYTES = 10 * 1024 * 1024; // a logo needs far less; this keeps uploads quick

interface Props {
  assetId: string | null;
  canEdit: boolean;
  error?: string | undefined;
  onChange: (assetId: string | null) => void;
}

/** Check a chosen file before uploading it; return why it won't do, or null. */
export function logoProblem(file: File): string | null {
  if (file.type && !TYPES[file.type]) return `“${file.name}” isn't a PNG, JPEG, WebP or GIF image. Choose an image file for your logo.`;
  if (file.size > MAX_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return `“${file.name}” is ${mb} MB; a logo can be up to 10 MB. Save a smaller version and try again.`;
  }
  return null;
}

async function upload(file: File): Promise<Schemas["AssetOut"]> {
  const form = new FormData();
  form.append("file", file);
  form.append("kind", "image");
  const res = await authedFetch(new Request("/api/v1/assets", { method: "POST", body: form }));
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* an empty or non-JSON body */
  }
  if (!res.ok) throw new ApiError(res.status, (body ?? {}) as ProblemBody, null);
  return body as Schemas["AssetOut"];
}

/** The signed URL of an asset's image, or an error message. */
function useAssetUrl(assetId: string | null) {
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ url: null, error: null });
    if (!assetId) return;
    unwrap(api.GET("/api/v1/assets/{asset_id}", { params: { path: { asset_id: assetId } } }))
      .then((a) => live && setState({ url: mediaUrl(a.download_url), error: null }))
      .catch((e: unknown) => live && setState({ url: null, error: messageOf(e) }));
    return () => {
      live = false;
    };
  }, [assetId]);
  return state;
}

export function LogoField({ assetId, canEdit, error, onChange }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useAssetUrl(assetId);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const local = logoProblem(file);
    setProblem(local);
    if (local) return;
    setBusy(true);
    try {
      onChange((await upload(file)).id);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const message = problem ?? error ?? preview.error;
  return (
    <fieldset className="logo-field">
      <legend>Logo</legend>
      <div className="logo-row">
        <div className="logo-box">
          {preview.url ? <img src={preview.url} alt="Logo preview" /> : <span className="muted">{assetId ? "Loading logo…" : "No logo yet"}</span>}
        </div>
        {canEdit ? (
          <div className="stack">
            <div className="field">
              <label htmlFor={id}>Upload a logo</label>
              <input
                id={id}
                type="file"
                accept={Object.keys(TYPES).join(",")}
                disabled={busy}
                aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
                onChange={(e) => {
                  void choose(e.target.files?.[0]);
                  e.target.value = "";
                }}
              />
              <span className="hint" id={`${id}-hint`}>
                PNG, JPEG, WebP or GIF, up to 10 MB. A transparent PNG looks best.
              </span>
            </div>
            {busy ? <p role="status">Uploading…</p> : null}
            {assetId ? (
              <Button variant="ghost" onClick={() => onChange(null)}>
                Remove logo
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {message ? (
        <div id={`${id}-error`}>
          <Alert>{message}</Alert>
        </div>
      ) : null}
    </fieldset>
  );
}
